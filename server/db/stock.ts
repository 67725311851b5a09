/**
 * Sharded stock: a count of units many members take at the same moment (a gift option's 200 boxes, the slots
 * of a batch's budget reservation) without one hot document. Shared infrastructure: any area may use it (the
 * gifts area for its options' stock; the ledger for its reservations' slots).
 *
 * A stock is K shard documents (`stock_shards`, `_id = <stock id>#<k>`), each holding a share of the units and
 * how many were taken. A take happens INSIDE the caller's transaction, so the unit and the claim or payout it
 * belongs to are committed together (a crash can never leave a unit taken without its claim; a conditional
 * update outside the transaction could). It reads one shard at random and takes a unit there; when that one is
 * empty it reads the others, four at a time in parallel, and takes from a random shard with units left in the
 * first group that has any. "Sold out" is answered only when every shard was read empty in the transaction's
 * snapshot, so a stock is never oversold (each take writes the shard it read: two takes of the last unit of a
 * shard conflict, and the loser runs again on a fresh snapshot) and never says "sold out" while a unit is left.
 * Contention is spread K ways; near the end, takers converge on the last shards with units and retry there,
 * which costs time, not answers (give the caller's transaction generous retries: STOCK_CONTENDED).
 *
 * Once a stock is gone, every further taker would read all K shards to learn it: `stockLeft` (one query) lets a
 * claim say "已领完" at once instead, and only a claim that sees units left runs its transaction.
 * `npm run bench -- payouts` measures 200 items / 500 claimants (16 shards: 0 errors, exactly 200 taken).
 *
 * A shard may also carry a running `sum`: a value added with each unit taken and subtracted with each unit given
 * back (a reservation adds the amount paid), so the total of what was taken needs no other document.
 *
 * Closing a stock (`closeStock`, in the caller's transaction) marks every shard closed and answers the totals:
 * a take then finds nothing; a take in flight at that moment conflicts on its shard and, run again, sees it
 * closed. Reads of a shard within one transaction attempt go through a small cache keyed by that attempt's Tx,
 * so several takes in one transaction see each other without relying on the database's read-your-writes.
 *
 * The caller keeps the stock's ref (`{ id, shards }`, e.g. on its gift option) so that a take needs no lookup;
 * `now` is passed in like everywhere in the functions (it stamps the shard).
 */
import { isDuplicateKeyError, type Db } from './index';
import type { Tx } from './transaction';
import { table } from './table';

export interface StockRef {
  id: string;
  shards: number;
}

export interface StockShardDoc {
  _id: string;
  stock: string;
  k: number;
  /** Units this shard holds. */
  total: number;
  /** Units taken and not given back. */
  taken: number;
  /** The values added with the units taken (e.g. fen drawn), net of those given back. */
  sum: number;
  open: boolean;
  updatedAt: Date;
}

export interface StockTotals {
  total: number;
  taken: number;
  left: number;
  sum: number;
  /** False once closed. */
  open: boolean;
}

/** Retries for a transaction that takes from a stock a crowd is taking from (a gift rush, a batch's payouts). */
export const STOCK_CONTENDED = { retries: 80, withinMs: 15_000 };

/** Shards when the caller does not say: enough to spread a few hundred takers, few enough to read all at the end. */
export const DEFAULT_SHARDS = 16;

/** Shards read at once after the first one read was empty (more at once would only crowd the connections). */
const FALLBACK_GROUP = 4;

export const stockShardId = (id: string, k: number) => `${id}#${k}`;

/** The shards of `total` units: K of them (at most one per unit, at least one), shares differing by one at most. */
export function stockShards(id: string, total: number, shards: number, now: Date): StockShardDoc[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new Error(`stock ${id}: total must be a whole number ≥ 0, not ${total}`);
  if (!Number.isSafeInteger(shards) || shards < 1) throw new Error(`stock ${id}: shards must be a whole number ≥ 1, not ${shards}`);
  const k = Math.max(1, Math.min(shards, total));
  return Array.from({ length: k }, (_, i) => ({
    _id: stockShardId(id, i),
    stock: id,
    k: i,
    total: Math.floor(total / k) + (i < total % k ? 1 : 0),
    taken: 0,
    sum: 0,
    open: true,
    updatedAt: now,
  }));
}

const refOf = (docs: StockShardDoc[]): StockRef => ({ id: docs[0].stock, shards: docs.length });

/**
 * A new stock of `total` units in `shards` shards (one insert, all or nothing). Creating the same id again answers
 * the existing stock's ref, whatever `total` says: a retry of the same act.
 */
export async function createStock(db: Db, args: { id: string; total: number; shards?: number; now: Date }): Promise<StockRef> {
  const docs = stockShards(args.id, args.total, args.shards ?? DEFAULT_SHARDS, args.now);
  try {
    await table<StockShardDoc>(db, 'stock_shards').insert(docs);
    return refOf(docs);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const existing = await table<StockShardDoc>(db, 'stock_shards').find({ stock: args.id }, { limit: 1000 });
    if (existing.length === 0) throw error;
    return { id: args.id, shards: existing.length };
  }
}

/** The same, inside the caller's transaction (a reservation creates its slots with its budget change). */
export async function createStockIn(tx: Tx, args: { id: string; total: number; shards?: number; now: Date }): Promise<StockRef> {
  const docs = stockShards(args.id, args.total, args.shards ?? DEFAULT_SHARDS, args.now);
  for (const d of docs) await tx.insert('stock_shards', d);
  for (const d of docs) cacheOf(tx).set(d._id, d);
  return refOf(docs);
}

const caches = new WeakMap<Tx, Map<string, StockShardDoc>>();
function cacheOf(tx: Tx): Map<string, StockShardDoc> {
  let c = caches.get(tx);
  if (!c) caches.set(tx, (c = new Map<string, StockShardDoc>()));
  return c;
}

async function readShard(tx: Tx, ref: StockRef, k: number): Promise<StockShardDoc> {
  const id = stockShardId(ref.id, k);
  const cached = cacheOf(tx).get(id);
  if (cached) return cached;
  const doc = await tx.get<StockShardDoc>('stock_shards', id);
  if (!doc) throw new Error(`stock ${ref.id} has no shard ${k}`);
  cacheOf(tx).set(id, doc);
  return doc;
}

async function writeShard(tx: Tx, doc: StockShardDoc, change: Partial<Pick<StockShardDoc, 'taken' | 'sum' | 'open'>>, now: Date): Promise<void> {
  const next = { ...doc, ...change, updatedAt: now };
  await tx.update('stock_shards', doc._id, { ...change, updatedAt: now });
  cacheOf(tx).set(doc._id, next);
}

const hasUnit = (d: StockShardDoc) => d.open && d.taken < d.total;

function shuffled(n: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export type TakeResult = { shard: number } | { shard: null; closed: boolean };

/**
 * Take one unit inside `tx`, adding `value` to its shard's sum: which shard it came from (keep it to give the unit
 * back), or `shard: null` when none is left — `closed` when the stock was closed rather than taken up.
 */
export async function takeUnitDetailed(tx: Tx, ref: StockRef, now: Date, value = 0, prefer?: number): Promise<TakeResult> {
  const order = shuffled(ref.shards);
  if (prefer !== undefined && prefer >= 0 && prefer < ref.shards) {
    order.splice(order.indexOf(prefer), 1);
    order.unshift(prefer);
  }
  const seen: StockShardDoc[] = [];
  // One shard first; then the others a few at a time (in parallel within a group), until a group has units left.
  for (let from = 0; from < order.length; from = from === 0 ? 1 : from + FALLBACK_GROUP) {
    const group = await Promise.all(order.slice(from, from === 0 ? 1 : from + FALLBACK_GROUP).map((k) => readShard(tx, ref, k)));
    seen.push(...group);
    const withUnits = group.filter(hasUnit);
    if (withUnits.length === 0) continue;
    const pick = withUnits[Math.floor(Math.random() * withUnits.length)];
    await writeShard(tx, pick, { taken: pick.taken + 1, sum: pick.sum + value }, now);
    return { shard: pick.k };
  }
  return { shard: null, closed: seen.some((d) => !d.open) };
}

/**
 * Read one shard at random into the transaction's cache and say which: the caller reads it at the same time as its
 * own documents, then takes with `prefer` set to it (a take then costs no read of its own while that shard has units).
 */
export async function prefetchShard(tx: Tx, ref: StockRef): Promise<number> {
  const k = Math.floor(Math.random() * ref.shards);
  await readShard(tx, ref, k);
  return k;
}

/** Take one unit inside `tx`: its shard, or null when the stock is sold out (or closed). */
export async function takeUnit(tx: Tx, ref: StockRef, now: Date, value = 0): Promise<number | null> {
  return (await takeUnitDetailed(tx, ref, now, value)).shard;
}

/**
 * Give back a unit taken from `shard` (a member changing their choice, a payout reversed), subtracting `value` from
 * its sum. A closed stock takes nothing back (its totals were settled): answers false, and the caller settles the
 * return elsewhere.
 */
export async function returnUnit(tx: Tx, ref: StockRef, shard: number, now: Date, value = 0): Promise<boolean> {
  const doc = await readShard(tx, ref, shard);
  if (!doc.open) return false;
  if (doc.taken < 1) throw new Error(`stock ${ref.id}: shard ${shard} has no unit taken to give back`);
  await writeShard(tx, doc, { taken: doc.taken - 1, sum: doc.sum - value }, now);
  return true;
}

function totalsOf(docs: StockShardDoc[]): StockTotals {
  const total = docs.reduce((s, d) => s + d.total, 0);
  const taken = docs.reduce((s, d) => s + d.taken, 0);
  return { total, taken, left: docs.filter((d) => d.open).reduce((s, d) => s + d.total - d.taken, 0), sum: docs.reduce((s, d) => s + d.sum, 0), open: docs.every((d) => d.open) };
}

/** The totals as of the transaction's snapshot (every shard read by id, in parallel). */
export async function readStockIn(tx: Tx, ref: StockRef): Promise<StockTotals> {
  return totalsOf(await Promise.all(Array.from({ length: ref.shards }, (_, k) => readShard(tx, ref, k))));
}

/**
 * Close the stock inside `tx`: every shard is written (closed), so a take or return in flight conflicts with this
 * transaction instead of slipping past the totals answered (those as of the close).
 */
export async function closeStock(tx: Tx, ref: StockRef, now: Date): Promise<StockTotals> {
  const docs = await Promise.all(Array.from({ length: ref.shards }, (_, k) => readShard(tx, ref, k)));
  const totals = totalsOf(docs);
  for (const d of docs) if (d.open) await writeShard(tx, d, { open: false }, now);
  return { ...totals, left: 0, open: false };
}

/**
 * What is left: one query on the stock's shards, outside any transaction (the figure of a moment). For a screen,
 * and for a claim's quick answer once a stock is gone: when this reads 0 left, the stock was sold out at that
 * moment, and the claim can say so without a transaction that would read every shard (with hundreds of members
 * still arriving after the last unit, that is most of the work). A claim that sees units left takes in its
 * transaction as usual, where "sold out" is decided on the snapshot.
 */
export async function stockLeft(db: Db, id: string): Promise<StockTotals> {
  const docs = await table<StockShardDoc>(db, 'stock_shards').find({ stock: id }, { limit: 1000 });
  if (docs.length === 0) throw new Error(`no stock ${id}`);
  return totalsOf(docs);
}
