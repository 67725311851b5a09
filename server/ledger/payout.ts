/**
 * The one way money leaves the union: every service that pays (birthday vouchers, holiday gifts, care visits,
 * prizes, hardship aid) records through `recordPayout`, and an officer's manual entry does too.
 *
 * In ONE transaction: the budget line (cap and 80% warning), the member's year of benefits (caps, once-only
 * rules, the annual holiday cap), the policy engine's decision, and the ledger entry. So two payouts at the same
 * moment can neither overspend a budget nor pass a member's annual cap, and the budget's running totals always
 * equal the ledger's sums (the yearly report reads those totals).
 *
 * A payout of a batch names the batch's reservation (`reservationId`, ./reservations.ts) instead: it does not read
 * or write the budget line (the batch reserved its budget once); it takes one slot of the reservation from a
 * random shard, in the same transaction as the member's year and the entry. The policy decides as for any payout;
 * the budget check is the reservation's (the amount within the slot's maximum, a slot left). Plain payouts see
 * the line's reserved amount as taken.
 *
 * The entry id is given by the caller and deterministic (e.g. `birthday:<member>:<year>`, or the client's
 * request key): recording the same payout twice records it once.
 */
import { AppError } from '../../src/core/errors';
import { evaluatePayout, type LedgerFact, type PayoutProposal, type PolicyWarning, type RefusalCode } from '../../src/core/policy/engine';
import { BUDGET_LINE_LABELS, ITEM_INFO } from '../../src/core/policy/items';
import { ruleLabel } from '../../src/core/policy/profile';
import { yuanText } from '../../src/core/money';
import { shanghaiYear } from '../../src/core/time';
import { isDuplicateKeyError, type Db } from '../db';
import { inTransaction, type Tx } from '../db/transaction';
import { prefetchShard, returnUnit, STOCK_CONTENDED, stockLeft, takeUnitDetailed } from '../db/stock';
import type { ActorRef, AuditDoc, MemberDoc } from '../db/types';
import type { AuditBody } from '../db/audit';
import { budgetId, ledgerTables, memberYearId, policyId, reservationKey, reservationStockId, type BudgetDoc, type LedgerDoc, type MemberYearDoc, type PolicyDoc, type ReservationDoc } from './store';

export interface PayoutRequest {
  unionId: string;
  entryId: string;
  proposal: PayoutProposal;
  member: MemberDoc | null;
  eventId?: string | null;
  note: string;
  approvedBy: ActorRef;
  now: Date;
  /**
   * The audit record of this payout, written in its transaction under `<entry id>:audit`: a payout is never
   * recorded without its audit, whatever fails after the commit (a retry then answers "repeated").
   */
  audit?: (entry: LedgerDoc) => AuditBody;
  /**
   * The batch's reservation this payout draws on (the id given to reserveBudget, e.g. `gift-batch:<id>`): then the
   * budget line is neither read nor written, and the payout takes one of the reservation's slots instead.
   */
  reservationId?: string;
  /**
   * The payer is the 工委 of the member's union, paying from its own budget and ledger (大病关爱, decided by the
   * committee): the caller has checked that the member's union belongs to it. Otherwise the member must be the
   * paying union's own.
   */
  throughCommittee?: boolean;
}

/**
 * Payouts wait for their turn rather than fail: a budget line is one hot document while a batch pays, and a
 * CONFLICT reply is no decision. Bounded inside the functions' 20-second timeout. (A batch that pays hundreds at
 * once should reserve its budget instead: see ./reservations.ts and the figures of `npm run bench -- payouts`.)
 */
const CONTENDED = { retries: 80, withinMs: 15_000 };


const noPolicy = (year: number) => `尚未设置 ${year} 年度政策，不能登记支出：请先在"年度政策"中设置`;

export type PayoutResult = { entry: LedgerDoc; warnings: PolicyWarning[]; repeated: boolean };

function toFact(e: LedgerDoc): MemberYearDoc['facts'][number] {
  return { id: e._id, item: e.item, holiday: e.holiday, amountFen: e.amountFen, at: e.at, illnessKey: e.illnessKey, reverses: e.reverses };
}

/** A fact of the member's year as the policy engine reads it. */
export function engineFact(f: MemberYearDoc['facts'][number]): LedgerFact {
  return {
    id: f.id,
    item: f.item,
    amountFen: f.amountFen,
    at: f.at,
    ...(f.holiday ? { holiday: f.holiday } : {}),
    ...(f.illnessKey ? { illnessKey: f.illnessKey } : {}),
    ...(f.reverses ? { reverses: f.reverses } : {}),
  };
}

const soldOutText = (r: ReservationDoc) => `${r.label}预留的 ${r.slots} 份已全部发放`;
const closedText = (r: ReservationDoc) => `${r.label}已结束，预留的预算已结算，不能再从中发放`;

/** The engine's over-budget reason, with what the line's open batches hold (the engine knows only amount and spent). */
function overBudgetWithReserved(b: BudgetDoc, amountFen: number): string {
  const reserved = b.reservedFen ?? 0;
  const left = Math.max(0, b.amountFen - b.spentFen - reserved);
  return `${BUDGET_LINE_LABELS[b.line]} ${b.year} 年度预算 ${yuanText(b.amountFen)}，已支出 ${yuanText(b.spentFen)}，发放批次预留 ${yuanText(reserved)}，仅剩 ${yuanText(left)}，不足以支付本次 ${yuanText(amountFen)}`;
}

/** A reservation named by a payout, read before the transaction, and whether its slots read as all gone. */
type Loaded = { doc: ReservationDoc | null; soldOut: boolean };

/**
 * The reservations the payouts draw on, read before the transaction (what is read here never changes but the
 * status, and a settled reservation's shards are closed, which the transaction sees), with what their slots have
 * left (read at the same time: the stock's id follows from the reservation's).
 */
async function readReservations(db: Db, unionId: string, reqs: readonly PayoutRequest[]): Promise<Map<string, Loaded>> {
  const ids = [...new Set(reqs.map((req) => req.reservationId).filter((x): x is string => Boolean(x)))];
  const out = new Map<string, Loaded>();
  await Promise.all(
    ids.map(async (id) => {
      const key = reservationKey(unionId, id);
      const [doc, left] = await Promise.all([ledgerTables(db).reservations.byId(key), stockLeft(db, reservationStockId(key)).catch(() => null)]); // no stock: no such reservation, said below
      out.set(id, { doc: doc?.unionId === unionId ? doc : null, soldOut: left !== null && left.open && left.left === 0 });
    }),
  );
  return out;
}

/**
 * Each fresh payout naming a reservation must fit its union, year, line and per-slot maximum, and find a slot left
 * (every slot gone: said now, without a transaction that would read every shard to find out), or it is refused
 * before anything is locked.
 */
function checkReservations(fresh: readonly { req: PayoutRequest; index: number }[], loaded: Map<string, Loaded>): Map<string, ReservationDoc> {
  const out = new Map<string, ReservationDoc>();
  for (const { req, index } of fresh) {
    if (!req.reservationId) continue;
    const { doc: r, soldOut } = loaded.get(req.reservationId) as Loaded;
    if (!r) throw new AppError('NOT_FOUND', '没有找到这个发放批次的预算预留');
    const p = req.proposal;
    if (r.status !== 'open') throw new PayoutRefused(index, closedText(r), 'RESERVATION_CLOSED');
    if (ITEM_INFO[p.item].line !== r.line || shanghaiYear(p.at) !== r.year) {
      throw new PayoutRefused(index, `${r.label}预留的是 ${r.year} 年${BUDGET_LINE_LABELS[r.line]}预算，${shanghaiYear(p.at)} 年的${ruleLabel(p.item, p.holiday)}不能从中支出`, 'RESERVATION_MISMATCH');
    }
    if (p.amountFen > r.unitMaxFen) throw new PayoutRefused(index, `${r.label}每份不超过 ${yuanText(r.unitMaxFen)}（预留预算时确定），本次 ${yuanText(p.amountFen)}`, 'RESERVATION_UNIT');
    if (soldOut) throw new PayoutRefused(index, soldOutText(r), 'RESERVATION_DRAWN');
    out.set(req.reservationId, r);
  }
  return out;
}

/** A member's year document exists before any transaction reads it (a missing one cannot be locked). */
async function ensureMemberYear(db: Db, id: string, unionId: string, memberId: string, year: number): Promise<void> {
  try {
    await ledgerTables(db).memberYears.insert({ _id: id, unionId, memberId, year, facts: [] });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/**
 * Why a payout was refused, for the code that decides what to do next (the text is for people): the policy
 * engine's code, no policy for the year, or the batch's reservation (ended, another line or year, over its unit,
 * all drawn).
 */
export type PayoutRefusalCode = RefusalCode | 'NO_POLICY' | 'RESERVATION_CLOSED' | 'RESERVATION_MISMATCH' | 'RESERVATION_UNIT' | 'RESERVATION_DRAWN';

/**
 * A payout the policy refused, as part of a list: `index` is its place in the list given to recordPayouts. An
 * AppError POLICY_REFUSED like any refusal, so a single payout's refusal reads the same as before.
 */
export class PayoutRefused extends AppError {
  constructor(
    readonly index: number,
    reason: string,
    readonly why: PayoutRefusalCode,
  ) {
    super('POLICY_REFUSED', reason);
  }

  /** The union's to mend, not the member's: no policy or no budget for the year yet, or the budget used up. */
  get blocksTheUnion(): boolean {
    return this.why === 'NO_POLICY' || this.why === 'NO_BUDGET' || this.why === 'OVER_BUDGET';
  }
}

/** One payout: the same as recordPayouts with a list of one. */
export async function recordPayout(db: Db, req: PayoutRequest): Promise<PayoutResult> {
  const [result] = await recordPayouts(db, req.unionId, [req]);
  return result;
}

/**
 * Payouts recorded as one act (one, an event's prizes, a holiday batch), in ONE transaction: each decided by the
 * engine with the ones before it in the list added to its budget line and its member's year, and either all are
 * recorded or none is — the first refusal throws PayoutRefused with its place in the list, and nothing is
 * written. A payout whose entry id is already in the ledger is returned as it stands (`repeated`), not decided
 * again. `within` runs first inside the same transaction, for a document of the caller's that must change with
 * the payouts or stop them (an event serialises its prizes on it); it runs even when nothing is left to record.
 */
export async function recordPayouts(db: Db, unionId: string, reqs: readonly PayoutRequest[], within?: (tx: Tx) => Promise<void>): Promise<PayoutResult[]> {
  for (const req of reqs) {
    const info = ITEM_INFO[req.proposal.item];
    if (req.unionId !== unionId) throw new Error('recordPayouts: payouts of more than one union');
    if (info.perMember && !req.member) throw new AppError('VALIDATION_FAILED', `${info.label}须指定会员`, [{ path: ['memberId'], message: '请选择会员' }]);
    if (req.member && req.member.unionId !== unionId && !req.throughCommittee) throw new AppError('NOT_FOUND', '名册中没有这位会员');
  }
  const ids = reqs.map((r) => r.entryId);
  if (new Set(ids).size !== ids.length) throw new Error('recordPayouts: the same entry id twice');
  // Everything read before the transaction, at once: entries already recorded, the years' policies, the
  // reservations named, and the members' year documents made sure of (a request found repeated costs nothing there).
  const policyYears = [...new Set(reqs.map((r) => shanghaiYear(r.proposal.at)))];
  const memberYears = new Map<string, { memberId: string; year: number }>();
  for (const req of reqs) {
    if (req.member) memberYears.set(memberYearId(unionId, req.member._id, shanghaiYear(req.proposal.at)), { memberId: req.member._id, year: shanghaiYear(req.proposal.at) });
  }
  const [found, policyDocs, loaded] = await Promise.all([
    ids.length ? ledgerTables(db).ledger.find({ _id: db.command.in(ids) }, { limit: ids.length }) : Promise.resolve([]),
    Promise.all(policyYears.map((y) => ledgerTables(db).policies.byId(policyId(unionId, y)))),
    readReservations(db, unionId, reqs),
    Promise.all([...memberYears].map(([id, { memberId, year }]) => ensureMemberYear(db, id, unionId, memberId, year))),
  ]);
  const existing = new Map(found.map((e) => [e._id, e]));
  if ([...existing.values()].some((e) => e.unionId !== unionId)) throw new AppError('CONFLICT');
  const fresh = reqs.map((req, index) => ({ req, index })).filter(({ req }) => !existing.has(req.entryId));

  const reservations = checkReservations(fresh, loaded);
  const policies = new Map<number, PolicyDoc>();
  policyYears.forEach((y, k) => {
    const doc = policyDocs[k];
    if (doc) policies.set(y, doc);
  });
  for (const { req, index } of fresh) {
    const year = shanghaiYear(req.proposal.at);
    if (!policies.has(year)) throw new PayoutRefused(index, noPolicy(year), 'NO_POLICY');
  }

  const repeated = (entry: LedgerDoc): PayoutResult => ({ entry, warnings: [], repeated: true });
  try {
    const made = await inTransaction(db, async (tx) => {
      if (within) await within(tx);
      const budgets = new Map<string, BudgetDoc | null>();
      const years = new Map<string, MemberYearDoc | null>();
      const out = new Map<string, PayoutResult>();
      for (const { req, index } of fresh) {
        const { proposal, member } = req;
        const year = shanghaiYear(proposal.at);
        const reservation = req.reservationId ? (reservations.get(req.reservationId) as ReservationDoc) : null;
        const lineId = budgetId(unionId, year, ITEM_INFO[proposal.item].line);
        const myId = member ? memberYearId(unionId, member._id, year) : null;
        // The reads this payout needs, at once: its member's year, and its line or a shard of its reservation.
        let preferred: number | undefined;
        await Promise.all([
          myId && !years.has(myId) ? tx.get<MemberYearDoc>('member_years', myId).then((y) => void years.set(myId, y)) : null,
          !reservation && !budgets.has(lineId) ? tx.get<BudgetDoc>('budgets', lineId).then((b) => void budgets.set(lineId, b)) : null,
          reservation ? prefetchShard(tx, reservation.stock).then((k) => void (preferred = k)) : null,
        ]);
        const budget = reservation ? null : (budgets.get(lineId) ?? null);
        const mine = myId ? (years.get(myId) ?? null) : null;
        const decision = evaluatePayout({
          policy: (policies.get(year) as PolicyDoc).profile,
          proposal,
          member: member ? { id: member._id, status: member.status, duesPaid: member.duesPaid } : null,
          history: (mine?.facts ?? []).map(engineFact),
          // A reservation's payout: the budget was checked when reserving, and the amount against the slot's
          // maximum before this transaction; the engine is given the reservation as a budget it cannot exceed.
          // The line's own payouts count what the batches hold as taken.
          budget: reservation
            ? { amountFen: reservation.reservedFen, spentFen: 0 }
            : budget
              ? { amountFen: budget.amountFen, spentFen: budget.spentFen + (budget.reservedFen ?? 0) }
              : null,
        });
        if (!decision.allowed) throw new PayoutRefused(index, !reservation && budget && decision.code === 'OVER_BUDGET' && (budget.reservedFen ?? 0) > 0 ? overBudgetWithReserved(budget, proposal.amountFen) : decision.reason, decision.code);
        let drawnFrom: LedgerDoc['reservation'] = null;
        if (reservation) {
          const took = await takeUnitDetailed(tx, reservation.stock, req.now, proposal.amountFen, preferred);
          if (took.shard === null) throw new PayoutRefused(index, took.closed ? closedText(reservation) : soldOutText(reservation), took.closed ? 'RESERVATION_CLOSED' : 'RESERVATION_DRAWN');
          drawnFrom = { id: reservation._id, shard: took.shard };
        }
        const entry: LedgerDoc = {
          _id: req.entryId,
          unionId,
          year,
          line: ITEM_INFO[proposal.item].line,
          item: proposal.item,
          holiday: proposal.holiday ?? null,
          memberId: member?._id ?? null,
          memberName: member?.name ?? null,
          eventId: req.eventId ?? null,
          amountFen: proposal.amountFen,
          form: proposal.form,
          rule: decision.rule,
          approvedBy: req.approvedBy,
          note: req.note,
          illnessKey: proposal.illnessKey ?? null,
          reverses: null,
          reservation: drawnFrom,
          at: proposal.at,
          recordedAt: req.now,
        };
        if (!reservation) {
          // `budget` is non-null here: the engine refuses a payout without one (NO_BUDGET).
          const b = budget as BudgetDoc;
          budgets.set(lineId, { ...b, spentFen: b.spentFen + entry.amountFen, count: b.count + 1, updatedAt: req.now });
        }
        if (mine && myId) years.set(myId, { ...mine, facts: [...mine.facts, toFact(entry)] });
        // A batch's payouts do not warn about the line: its budget was held when the batch reserved it.
        const warnings = reservation ? decision.warnings.filter((x) => x.code !== 'BUDGET_80') : decision.warnings;
        out.set(entry._id, { entry, warnings, repeated: false });
      }
      // Writes after every decision (a reservation's slot, taken above, excepted: a refusal rolls it back with the
      // transaction).
      for (const b of budgets.values()) if (b) await tx.update('budgets', b._id, { spentFen: b.spentFen, count: b.count, updatedAt: b.updatedAt });
      for (const [id, y] of years) if (y) await tx.update('member_years', id, { facts: y.facts });
      for (const r of out.values()) await tx.insert('ledger', r.entry);
      for (const { req } of fresh) {
        const r = out.get(req.entryId);
        if (r && req.audit) await tx.insert<AuditDoc & { _id: string }>('audit_log', { _id: `${r.entry._id}:audit`, unionId, at: req.now, ...req.audit(r.entry) });
      }
      return out;
    }, fresh.some(({ req }) => req.reservationId) ? STOCK_CONTENDED : CONTENDED);
    return reqs.map((req) => made.get(req.entryId) ?? repeated(existing.get(req.entryId) as LedgerDoc));
  } catch (error) {
    // The same entry ids recorded by a concurrent call: that one stands, this one is the same act.
    if (isDuplicateKeyError(error)) {
      const now = new Map((await ledgerTables(db).ledger.find({ _id: db.command.in(ids) }, { limit: ids.length })).map((e) => [e._id, e]));
      if (ids.every((id) => now.get(id)?.unionId === unionId)) return reqs.map((req) => repeated(now.get(req.entryId) as LedgerDoc));
      throw new AppError('CONFLICT', '同时办理的人较多，请稍后重试');
    }
    throw error;
  }
}

/**
 * A correction: a reversing entry with the negated amount, in the same transaction as the budget totals (or, for
 * a payout of a batch still open, its reservation's shard) and the member's year. The original is never edited;
 * each entry can be reversed once.
 */
export async function reversePayout(
  db: Db,
  args: { unionId: string; entryId: string; reason: string; approvedBy: ActorRef; now: Date; audit?: (reversal: LedgerDoc) => AuditBody },
): Promise<LedgerDoc> {
  const original = await ledgerTables(db).ledger.byId(args.entryId);
  if (!original || original.unionId !== args.unionId) throw new AppError('NOT_FOUND', '台账中没有这条记录');
  if (original.reverses) throw new AppError('CONFLICT', '这是一条冲正记录，不能再次冲正');
  const reversalId = `${original._id}:reversal`;
  const myId = original.memberId ? memberYearId(args.unionId, original.memberId, original.year) : null;
  const drawn = original.reservation ?? null;
  const reservation = drawn ? await ledgerTables(db).reservations.byId(drawn.id) : null;
  if (drawn && !reservation) throw new Error(`entry ${original._id} drew on a reservation that does not exist`);
  try {
    return await inTransaction(db, async (tx) => {
      // Reversed already: said before anything is given back (a second return of the slot would find its shard
      // with nothing taken), not left to the reversal's duplicate id at the end.
      if (await tx.get<LedgerDoc>('ledger', reversalId)) throw new AppError('CONFLICT', '这条记录已经冲正过了');
      const mine = myId ? await tx.get<MemberYearDoc>('member_years', myId) : null;
      const reversal: LedgerDoc = {
        ...original,
        _id: reversalId,
        amountFen: -original.amountFen,
        approvedBy: args.approvedBy,
        note: `冲正：${args.reason}`,
        reverses: original._id,
        at: args.now,
        recordedAt: args.now,
      };
      // A payout of a batch still open gives its slot and amount back to its shard; once the batch is settled (its
      // draws moved into the line), it is reversed on the line like any payout. The reversal belongs to the
      // original's year, so that year's report and budget net to what was given.
      const backToBatch = reservation && drawn ? await returnUnit(tx, reservation.stock, drawn.shard, args.now, original.amountFen) : false;
      if (!backToBatch) {
        const budget = await tx.get<BudgetDoc>('budgets', budgetId(args.unionId, original.year, original.line));
        if (!budget) throw new Error(`entry ${original._id} has no budget line`);
        await tx.update('budgets', budget._id, { spentFen: budget.spentFen - original.amountFen, count: budget.count - 1, updatedAt: args.now });
      }
      if (mine && myId) await tx.update('member_years', myId, { facts: [...mine.facts, toFact(reversal)] });
      await tx.insert('ledger', reversal);
      if (args.audit) await tx.insert<AuditDoc & { _id: string }>('audit_log', { _id: `${reversal._id}:audit`, unionId: args.unionId, at: args.now, ...args.audit(reversal) });
      return reversal;
    }, drawn ? STOCK_CONTENDED : CONTENDED);
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new AppError('CONFLICT', '这条记录已经冲正过了');
    throw error;
  }
}
