/**
 * A batch's budget, reserved once (issue 13 §3, "claims and payouts that scale").
 *
 * A batch that pays many members at the same moment (holiday gift claims, birthday vouchers, an event's prizes)
 * would make every member's payout transaction write its budget line: one hot document, every payout serialised
 * on it, CONFLICT replies when the crowd is large and the round trips slow. Instead:
 *
 *   1. reserveBudget — ONE transaction on the line: the batch's whole possible cost (slots × the most one slot may
 *      pay) must fit in what the line has left (amount − spent − reserved), and is added to the line's
 *      `reservedFen`; the reservation's head and its slots (a sharded stock, server/db/stock.ts, 32 shards by
 *      default) are written in the same transaction, with its audit record. Idempotent by the caller's
 *      deterministic id (`gift-batch:<id>`): a retry answers the reservation made.
 *   2. A payout naming the reservation (PayoutRequest.reservationId, ./payout.ts) never reads or writes the line: in
 *      its own transaction it takes one slot from a random shard (adding its amount to the shard's sum), with the
 *      member's year and the ledger entry (and its audit). Contention is spread over the shards, the slot and the
 *      entry are committed together, and the policy (caps, once-only rules, eligibility) decides as before; only
 *      the budget check is the reservation's (the amount within its per-slot maximum, a slot left).
 *   3. settleReservation — when the batch closes, ONE transaction: the shards are closed (written, so a payout or a
 *      reversal in flight conflicts and runs again against the closed state), what was drawn moves into the line's
 *      spent and count, and the whole reservation leaves `reservedFen` (the unused rest is released). A payout
 *      reversed while its reservation is open gives its slot and amount back to its shard; after the settlement it
 *      is reversed on the line like any other payout.
 *
 * So at every commit: line.spentFen + Σ sum of the open reservations' shards = Σ the ledger's entries on the line,
 * and line.spentFen + line.reservedFen ≤ line.amountFen (each reservation's sum ≤ its reservedFen, since every slot
 * pays at most unitMaxFen). budgetLines() reads a line and its open reservations' shards in one snapshot, so the
 * budget screen and the yearly report reconcile to the fen with the ledger while batches are open.
 */
import { AppError } from '../../src/core/errors';
import { yuanText } from '../../src/core/money';
import { BUDGET_LINE_LABELS, type BudgetLine } from '../../src/core/policy/items';
import { isDuplicateKeyError, type Db } from '../db';
import { inTransaction } from '../db/transaction';
import { closeStock, createStockIn, readStockIn, stockLeft, type StockRef } from '../db/stock';
import type { ActorRef, AuditDoc } from '../db/types';
import { budgetId, ledgerTables, reservationKey, reservationStockId, type BudgetDoc, type ReservationDoc } from './store';

/**
 * Shards of a reservation's slots by default. More than a stock's default (16): a payout's transaction is longer
 * than a plain claim's (member's year, entry, audit), so it holds its shard longer. Measured with
 * `npm run bench -- payouts --latency 20 --instances 32`: 300 payouts at once, 33/s with 16 shards, 51/s with 32,
 * 53/s with 64 (0 CONFLICT in each); 32 keeps the reads of a nearly used-up reservation short.
 */
export const RESERVATION_SHARDS = 32;

/** The line is written once per batch here, but it is the line every plain payout writes too. */
const CONTENDED = { retries: 60, withinMs: 15_000 };


export interface ReserveArgs {
  unionId: string;
  year: number;
  line: BudgetLine;
  /** Deterministic, e.g. `gift-batch:<batch id>`: reserving again with it answers the reservation made. */
  reservationId: string;
  /** How many payouts the batch may make (members who may claim, winners, vouchers). */
  slots: number;
  /** The most one payout may be (the gift's price cap, the voucher's value). */
  unitMaxFen: number;
  /** What the batch is called, for the audit log and the officers ("2026 年中秋节慰问品"). */
  label: string;
  by: ActorRef;
  now: Date;
  /** Shards of the slots (default RESERVATION_SHARDS; never more than the slots). */
  shards?: number;
}

export type ReservationResult = { reservation: ReservationDoc; repeated: boolean };

function sameAct(doc: ReservationDoc, args: ReserveArgs): ReservationDoc {
  if (doc.unionId !== args.unionId || doc.year !== args.year || doc.line !== args.line) throw new AppError('CONFLICT', '这个批次编号已用于另一笔预算预留');
  return doc;
}

/**
 * Reserve a batch's budget on its line, in one transaction with the reservation, its slots and its audit. Refused
 * (POLICY_REFUSED, with the figures) when the line has no budget or not enough left for slots × unitMaxFen.
 */
export async function reserveBudget(db: Db, args: ReserveArgs): Promise<ReservationResult> {
  const { unionId, year, line, slots, unitMaxFen, now } = args;
  if (!Number.isSafeInteger(slots) || slots < 1) throw new AppError('VALIDATION_FAILED', '预留份数须为正整数');
  if (!Number.isSafeInteger(unitMaxFen) || unitMaxFen < 1) throw new AppError('VALIDATION_FAILED', '每份金额须为正整数分');
  const needFen = slots * unitMaxFen;
  if (!Number.isSafeInteger(needFen)) throw new AppError('VALIDATION_FAILED', '预留金额过大');
  const key = reservationKey(unionId, args.reservationId);
  const reservations = ledgerTables(db).reservations;
  const before = await reservations.byId(key);
  if (before) return { reservation: sameAct(before, args), repeated: true };

  const lineLabel = BUDGET_LINE_LABELS[line];
  const stock: StockRef = { id: reservationStockId(key), shards: Math.max(1, Math.min(args.shards ?? RESERVATION_SHARDS, slots)) };
  try {
    const reservation = await inTransaction(
      db,
      async (tx) => {
        const budget = await tx.get<BudgetDoc>('budgets', budgetId(unionId, year, line));
        if (!budget) throw new AppError('POLICY_REFUSED', `${lineLabel}尚未编制 ${year} 年度预算，不能为本批次预留`);
        const reserved = budget.reservedFen ?? 0;
        const leftFen = budget.amountFen - budget.spentFen - reserved;
        if (needFen > leftFen) {
          throw new AppError(
            'POLICY_REFUSED',
            `预算不足：本批次需预留 ${yuanText(needFen)}（${slots} 份，每份不超过 ${yuanText(unitMaxFen)}），${lineLabel} ${year} 年度预算尚余 ${yuanText(Math.max(0, leftFen))}` +
              (reserved > 0 ? `（预算 ${yuanText(budget.amountFen)}，已支出 ${yuanText(budget.spentFen)}，其他批次已预留 ${yuanText(reserved)}）` : ''),
          );
        }
        // The line first: it is the document others write too, so a conflict shows before the inserts.
        await tx.update('budgets', budget._id, { reservedFen: reserved + needFen, openReservations: [...(budget.openReservations ?? []), { id: key, stock }], updatedAt: now });
        const doc: ReservationDoc = {
          _id: key,
          unionId,
          reservationId: args.reservationId,
          year,
          line,
          label: args.label,
          slots,
          unitMaxFen,
          reservedFen: needFen,
          stock: await createStockIn(tx, { id: stock.id, total: slots, shards: stock.shards, now }),
          status: 'open',
          createdAt: now,
          createdBy: args.by,
          settled: null,
        };
        await tx.insert('budget_reservations', doc);
        await tx.insert<AuditDoc & { _id: string }>('audit_log', {
          _id: `${key}:audit`,
          unionId,
          at: now,
          actor: args.by,
          action: 'budget.reserve',
          target: { kind: 'budget', id: key, label: `${year} 年${lineLabel} · ${args.label}` },
          from: null,
          to: { amountFen: needFen, summary: `预留 ${yuanText(needFen)}：${slots} 份，每份不超过 ${yuanText(unitMaxFen)}` },
        });
        return doc;
      },
      CONTENDED,
    );
    return { reservation, repeated: false };
  } catch (error) {
    // The same reservation made by a concurrent call: that one stands.
    if (isDuplicateKeyError(error)) {
      const made = await reservations.byId(key);
      if (made) return { reservation: sameAct(made, args), repeated: true };
    }
    throw error;
  }
}

/**
 * The batch is closed: in ONE transaction its slots are closed, what was drawn becomes the line's spending (amount
 * and count), and the whole reservation leaves the line's reserved amount — the unused rest is released. Settling
 * again answers the settlement made (`repeated`).
 */
export async function settleReservation(db: Db, args: { unionId: string; reservationId: string; by: ActorRef; now: Date }): Promise<ReservationResult> {
  const key = reservationKey(args.unionId, args.reservationId);
  const head = await ledgerTables(db).reservations.byId(key);
  if (!head || head.unionId !== args.unionId) throw new AppError('NOT_FOUND', '没有找到这个批次的预算预留');
  if (head.status === 'settled') return { reservation: head, repeated: true };
  return inTransaction(
    db,
    async (tx) => {
      const h = await tx.get<ReservationDoc>('budget_reservations', key);
      if (!h) throw new Error(`reservation ${key} vanished`);
      if (h.status === 'settled') return { reservation: h, repeated: true };
      const [budget, drawn] = await Promise.all([tx.get<BudgetDoc>('budgets', budgetId(h.unionId, h.year, h.line)), readStockIn(tx, h.stock)]);
      if (!budget) throw new Error(`reservation ${key} has no budget line`);
      const settled = { at: args.now, by: args.by, drawnFen: drawn.sum, count: drawn.taken, releasedFen: h.reservedFen - drawn.sum };
      await tx.update('budgets', budget._id, {
        spentFen: budget.spentFen + drawn.sum,
        count: budget.count + drawn.taken,
        reservedFen: (budget.reservedFen ?? 0) - h.reservedFen,
        openReservations: (budget.openReservations ?? []).filter((r) => r.id !== key),
        updatedAt: args.now,
      });
      await closeStock(tx, h.stock, args.now);
      await tx.update('budget_reservations', key, { status: 'settled', settled });
      await tx.insert<AuditDoc & { _id: string }>('audit_log', {
        _id: `${key}:settle:audit`,
        unionId: h.unionId,
        at: args.now,
        actor: args.by,
        action: 'budget.settle',
        target: { kind: 'budget', id: key, label: `${h.year} 年${BUDGET_LINE_LABELS[h.line]} · ${h.label}` },
        from: { amountFen: h.reservedFen },
        to: { amountFen: drawn.sum, summary: `已发放 ${drawn.taken} 份共 ${yuanText(drawn.sum)}，退回预算 ${yuanText(settled.releasedFen)}` },
      });
      return { reservation: { ...h, status: 'settled' as const, settled }, repeated: false };
    },
    CONTENDED,
  );
}

/**
 * The same act under the name a caller uses when a batch is called off: whatever was paid stays paid (moved into
 * the line's spending), the rest goes back to the line.
 */
export const releaseReservation = settleReservation;

/** A reservation and where it stands: slots taken and left, amount drawn (live while open, settled after). */
export async function reservationStatus(db: Db, unionId: string, reservationId: string) {
  const r = await ledgerTables(db).reservations.byId(reservationKey(unionId, reservationId));
  if (!r || r.unionId !== unionId) throw new AppError('NOT_FOUND', '没有找到这个批次的预算预留');
  if (r.settled) return { reservation: r, taken: r.settled.count, left: 0, drawnFen: r.settled.drawnFen };
  const s = await stockLeft(db, r.stock.id);
  return { reservation: r, taken: s.taken, left: s.left, drawnFen: s.sum };
}

/** A budget line with what its open reservations have drawn so far (not yet in its spentFen). */
export interface LineFigures {
  doc: BudgetDoc;
  drawnFen: number;
  drawnCount: number;
}

/**
 * The year's budget lines of a union with their open reservations' draws. One query when no batch is open; when
 * one is, those lines and their reservations' shards are read in one read-only transaction (one snapshot, and a
 * read never conflicts), so spent = line + drawn equals the ledger to the fen even while payouts land.
 */
export async function budgetLines(db: Db, unionId: string, year: number): Promise<Map<BudgetLine, LineFigures>> {
  const docs = await ledgerTables(db).budgets.find({ unionId, year }, { limit: 100 });
  const out = new Map<BudgetLine, LineFigures>(docs.map((d) => [d.line, { doc: d, drawnFen: 0, drawnCount: 0 }]));
  const withOpen = docs.filter((d) => (d.openReservations ?? []).length > 0);
  if (withOpen.length === 0) return out;
  const fresh = await inTransaction(db, (tx) =>
    Promise.all(
      withOpen.map(async (d) => {
        const doc = (await tx.get<BudgetDoc>('budgets', d._id)) ?? d;
        const totals = await Promise.all((doc.openReservations ?? []).map((r) => readStockIn(tx, r.stock)));
        return { doc, drawnFen: totals.reduce((s, t) => s + t.sum, 0), drawnCount: totals.reduce((s, t) => s + t.taken, 0) };
      }),
    ),
  );
  for (const f of fresh) out.set(f.doc.line, f);
  return out;
}
