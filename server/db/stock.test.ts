/**
 * Sharded stock through the emulator with the real SDK (in this process, as a function would call it): a gift
 * option's 200 boxes and 500 members claiming at the same moment, each claim one transaction that takes a unit
 * and writes its claim record. Exactly 200 taken, 300 told "sold out", no error; a unit given back is taken
 * again; a closed stock gives nothing.
 */
import { startTestEmulator, type TestEmulator } from '../../emulator/testing/harness';
import { connectSdk } from '../../emulator/sdk-client';
import { pool } from '../testing/crowd';
import type * as Stock from './stock';
import type { Db } from './index';
import type { inTransaction as InTransaction } from './transaction';

jest.setTimeout(180_000);

let emu: TestEmulator;
let s: typeof Stock;
let db: Db;
let inTransaction: typeof InTransaction;
const now = new Date('2026-09-20T02:00:00.000Z');
/** Claims in flight at once: a function's instances in the cloud (`npm run bench -- payouts --instances 32`). */
const INSTANCES = 32;

beforeAll(async () => {
  emu = await startTestEmulator();
  const setup = await emu.post('/__emulator/triggers/jobs/daily', {});
  if ((setup.body as { ok?: boolean }).ok !== true) throw new Error(`setup failed: ${JSON.stringify(setup.body)}`);
  connectSdk(emu.url, emu.envId);
  s = await import('./stock');
  db = (await import('./index')).database();
  inTransaction = (await import('./transaction')).inTransaction;
});
afterAll(async () => {
  await emu.dispose();
});

/**
 * A claim as the gifts area will make it: "sold out" at once when the stock reads empty, else one transaction taking
 * a unit and writing its claim record (here an audit record) with it.
 */
async function claim(ref: Stock.StockRef, who: string): Promise<number | null> {
  if ((await s.stockLeft(db, ref.id)).left === 0) return null;
  return inTransaction(
    db,
    async (tx) => {
      const shard = await s.takeUnit(tx, ref, now);
      if (shard !== null) await tx.insert('audit_log', { _id: `stock-test:${ref.id}:${who}`, unionId: 'u', at: now, actor: { openid: who, memberId: null, name: who }, action: 'stock.take', target: { kind: 'stock', id: ref.id, label: '' }, from: null, to: { shard } });
      return shard;
    },
    s.STOCK_CONTENDED,
  );
}

const claims = async (id: string) => (await import('./tables')).tables(db).audit.count({ action: 'stock.take', 'target.id': id });

test('a stock is split into shards differing by one at most; creating it again is the same stock', async () => {
  expect(s.stockShards('x', 200, 16, now).map((d) => d.total)).toEqual([13, 13, 13, 13, 13, 13, 13, 13, 12, 12, 12, 12, 12, 12, 12, 12]);
  expect(s.stockShards('x', 3, 16, now).map((d) => d.total)).toEqual([1, 1, 1]);
  const ref = await s.createStock(db, { id: 'gift-option:rice', total: 10, shards: 4, now });
  expect(ref).toEqual({ id: 'gift-option:rice', shards: 4 });
  expect(await s.createStock(db, { id: 'gift-option:rice', total: 99, shards: 8, now })).toEqual(ref);
  expect(await s.stockLeft(db, ref.id)).toMatchObject({ total: 10, taken: 0, left: 10, open: true });
});

test('200 items, 500 claimants at once: exactly 200 taken (each with its claim), 300 told sold out, no error', async () => {
  const ref = await s.createStock(db, { id: 'gift-option:mooncakes', total: 200, shards: 16, now });
  // All 500 at once, as many at a time as INSTANCES function instances would run (one socket each here, in one
  // process: thousands of sockets at once would measure the test's own network stack).
  const results = await pool(500, INSTANCES, (i) =>
    claim(ref, `m${i}`).then(
      (shard) => ({ shard, error: null }),
      (error: unknown) => ({ shard: null, error: String((error as Error).message ?? error) }),
    ),
  );
  expect(results.filter((r) => r.error).map((r) => r.error)).toEqual([]);
  const taken = results.filter((r) => r.shard !== null);
  expect(taken).toHaveLength(200);
  expect(results.filter((r) => r.shard === null)).toHaveLength(300);
  expect(await s.stockLeft(db, ref.id)).toMatchObject({ total: 200, taken: 200, left: 0 });
  expect(await claims(ref.id)).toBe(200);
  // Every shard gave exactly what it held.
  const perShard = new Map<number, number>();
  for (const r of taken) perShard.set(r.shard as number, (perShard.get(r.shard as number) ?? 0) + 1);
  expect([...perShard.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n)).toEqual(s.stockShards('x', 200, 16, now).map((d) => d.total));
});

test('a unit given back (a member changing their choice) is taken again, by one of many; a closed stock gives nothing', async () => {
  const ref = await s.createStock(db, { id: 'gift-option:oil', total: 20, shards: 4, now });
  const first = await pool(20, 20, (i) => claim(ref, `o${i}`));
  expect(first.every((k) => k !== null)).toBe(true);
  expect(await inTransaction(db, (tx) => s.returnUnit(tx, ref, first[0] as number, now))).toBe(true);
  expect(await s.stockLeft(db, ref.id)).toMatchObject({ taken: 19, left: 1 });
  const again = await pool(30, INSTANCES, (i) => claim(ref, `p${i}`));
  expect(again.filter((k) => k !== null)).toHaveLength(1);
  expect(await s.stockLeft(db, ref.id)).toMatchObject({ taken: 20, left: 0 });

  expect(await inTransaction(db, (tx) => s.returnUnit(tx, ref, first[1] as number, now))).toBe(true);
  const totals = await inTransaction(db, (tx) => s.closeStock(tx, ref, now));
  expect(totals).toMatchObject({ total: 20, taken: 19, open: false });
  expect(await inTransaction(db, (tx) => s.takeUnitDetailed(tx, ref, now))).toEqual({ shard: null, closed: true });
  expect(await inTransaction(db, (tx) => s.returnUnit(tx, ref, first[2] as number, now))).toBe(false);
  expect(await s.stockLeft(db, ref.id)).toMatchObject({ taken: 19, left: 0, open: false });
});

test('a running sum goes with the units taken and given back', async () => {
  const ref = await s.createStock(db, { id: 'reservation:sum', total: 5, shards: 2, now });
  const shards = await Promise.all([100, 250, 300].map((v) => inTransaction(db, (tx) => s.takeUnit(tx, ref, now, v), s.STOCK_CONTENDED)));
  expect(await s.stockLeft(db, ref.id)).toMatchObject({ taken: 3, sum: 650, left: 2 });
  await inTransaction(db, (tx) => s.returnUnit(tx, ref, shards[1] as number, now, 250));
  expect(await s.stockLeft(db, ref.id)).toMatchObject({ taken: 2, sum: 400, left: 3 });
});
