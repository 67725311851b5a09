/**
 * The one way money leaves the union: every service that pays (birthday vouchers, holiday gifts, care visits,
 * prizes, hardship aid) records through `recordPayout`, and an officer's manual entry does too.
 *
 * In ONE transaction: the budget line (cap and 80% warning), the member's year of benefits (caps, once-only
 * rules, the annual holiday cap), the policy engine's decision, and the ledger entry. So two payouts at the same
 * moment can neither overspend a budget nor pass a member's annual cap, and the budget's running totals always
 * equal the ledger's sums (the yearly report reads those totals).
 *
 * The entry id is given by the caller and deterministic (e.g. `birthday:<member>:<year>`, or the client's
 * request key): recording the same payout twice records it once.
 */
import { AppError } from '../../src/core/errors';
import { evaluatePayout, type LedgerFact, type PayoutProposal, type PolicyWarning } from '../../src/core/policy/engine';
import { ITEM_INFO } from '../../src/core/policy/items';
import { shanghaiYear } from '../../src/core/time';
import { isDuplicateKeyError, type Db } from '../db';
import { inTransaction, type Tx } from '../db/transaction';
import type { ActorRef, AuditDoc, MemberDoc } from '../db/types';
import type { AuditBody } from '../db/audit';
import { budgetId, ledgerTables, memberYearId, policyId, type BudgetDoc, type LedgerDoc, type MemberYearDoc, type PolicyDoc } from './store';

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
}

/**
 * Payouts wait for their turn rather than fail: a budget line is one hot document while a batch pays, and a
 * CONFLICT reply is no decision. Bounded well inside the functions' 20-second timeout.
 */
const CONTENDED = { retries: 60, withinMs: 12_000 };

const noPolicy = (year: number) => `尚未设置 ${year} 年度政策，不能登记支出：请先在"年度政策"中设置`;

export type PayoutResult = { entry: LedgerDoc; warnings: PolicyWarning[]; repeated: boolean };

function toFact(e: LedgerDoc): MemberYearDoc['facts'][number] {
  return { id: e._id, item: e.item, holiday: e.holiday, amountFen: e.amountFen, at: e.at, illnessKey: e.illnessKey, reverses: e.reverses };
}

function engineFact(f: MemberYearDoc['facts'][number]): LedgerFact {
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

/** A member's year document exists before any transaction reads it (a missing one cannot be locked). */
async function ensureMemberYear(db: Db, id: string, unionId: string, memberId: string, year: number): Promise<void> {
  try {
    await ledgerTables(db).memberYears.insert({ _id: id, unionId, memberId, year, facts: [] });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/**
 * A payout the policy refused, as part of a list: `index` is its place in the list given to recordPayouts. An
 * AppError POLICY_REFUSED like any refusal, so a single payout's refusal reads the same as before.
 */
export class PayoutRefused extends AppError {
  constructor(
    readonly index: number,
    reason: string,
  ) {
    super('POLICY_REFUSED', reason);
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
    if (req.member && req.member.unionId !== unionId) throw new AppError('NOT_FOUND', '名册中没有这位会员');
  }
  const ids = reqs.map((r) => r.entryId);
  if (new Set(ids).size !== ids.length) throw new Error('recordPayouts: the same entry id twice');
  const existing = new Map((ids.length ? await ledgerTables(db).ledger.find({ _id: db.command.in(ids) }, { limit: ids.length }) : []).map((e) => [e._id, e]));
  if ([...existing.values()].some((e) => e.unionId !== unionId)) throw new AppError('CONFLICT');
  const fresh = reqs.map((req, index) => ({ req, index })).filter(({ req }) => !existing.has(req.entryId));

  const policies = new Map<number, PolicyDoc>();
  for (const { req, index } of fresh) {
    const year = shanghaiYear(req.proposal.at);
    if (policies.has(year)) continue;
    const policy = await ledgerTables(db).policies.byId(policyId(unionId, year));
    if (!policy) throw new PayoutRefused(index, noPolicy(year));
    policies.set(year, policy);
  }
  const memberYears = new Map<string, { memberId: string; year: number }>();
  for (const { req } of fresh) {
    if (req.member) memberYears.set(memberYearId(unionId, req.member._id, shanghaiYear(req.proposal.at)), { memberId: req.member._id, year: shanghaiYear(req.proposal.at) });
  }
  await Promise.all([...memberYears].map(([id, { memberId, year }]) => ensureMemberYear(db, id, unionId, memberId, year)));

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
        const lineId = budgetId(unionId, year, ITEM_INFO[proposal.item].line);
        if (!budgets.has(lineId)) budgets.set(lineId, await tx.get<BudgetDoc>('budgets', lineId));
        const budget = budgets.get(lineId) ?? null;
        const myId = member ? memberYearId(unionId, member._id, year) : null;
        if (myId && !years.has(myId)) years.set(myId, await tx.get<MemberYearDoc>('member_years', myId));
        const mine = myId ? (years.get(myId) ?? null) : null;
        const decision = evaluatePayout({
          policy: (policies.get(year) as PolicyDoc).profile,
          proposal,
          member: member ? { id: member._id, status: member.status, duesPaid: member.duesPaid } : null,
          history: (mine?.facts ?? []).map(engineFact),
          budget: budget ? { amountFen: budget.amountFen, spentFen: budget.spentFen } : null,
        });
        if (!decision.allowed) throw new PayoutRefused(index, decision.reason);
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
          at: proposal.at,
          recordedAt: req.now,
        };
        // `budget` is non-null here: the engine refuses a payout without one (NO_BUDGET).
        const b = budget as BudgetDoc;
        budgets.set(lineId, { ...b, spentFen: b.spentFen + entry.amountFen, count: b.count + 1, updatedAt: req.now });
        if (mine && myId) years.set(myId, { ...mine, facts: [...mine.facts, toFact(entry)] });
        out.set(entry._id, { entry, warnings: decision.warnings, repeated: false });
      }
      // Writes after every decision: a refusal above leaves nothing to roll back but `within`'s.
      for (const b of budgets.values()) if (b) await tx.update('budgets', b._id, { spentFen: b.spentFen, count: b.count, updatedAt: b.updatedAt });
      for (const [id, y] of years) if (y) await tx.update('member_years', id, { facts: y.facts });
      for (const r of out.values()) await tx.insert('ledger', r.entry);
      for (const { req } of fresh) {
        const r = out.get(req.entryId);
        if (r && req.audit) await tx.insert<AuditDoc & { _id: string }>('audit_log', { _id: `${r.entry._id}:audit`, unionId, at: req.now, ...req.audit(r.entry) });
      }
      return out;
    }, CONTENDED);
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
 * A correction: a reversing entry with the negated amount, in the same transaction as the budget totals and
 * the member's year. The original is never edited; each entry can be reversed once.
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
  try {
    return await inTransaction(db, async (tx) => {
      const budget = await tx.get<BudgetDoc>('budgets', budgetId(args.unionId, original.year, original.line));
      if (!budget) throw new Error(`entry ${original._id} has no budget line`);
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
      // The reversal belongs to the original's year, so that year's report and budget net to what was given.
      await tx.update('budgets', budget._id, { spentFen: budget.spentFen - original.amountFen, count: budget.count - 1, updatedAt: args.now });
      if (mine && myId) await tx.update('member_years', myId, { facts: [...mine.facts, toFact(reversal)] });
      await tx.insert('ledger', reversal);
      if (args.audit) await tx.insert<AuditDoc & { _id: string }>('audit_log', { _id: `${reversal._id}:audit`, unionId: args.unionId, at: args.now, ...args.audit(reversal) });
      return reversal;
    }, CONTENDED);
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new AppError('CONFLICT', '这条记录已经冲正过了');
    throw error;
  }
}
