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
import { inTransaction } from '../db/transaction';
import { tables } from '../db/tables';
import type { ActorRef, BudgetDoc, LedgerDoc, MemberDoc, MemberYearDoc, PolicyDoc } from '../db/types';

export const budgetId = (unionId: string, year: number, line: string) => `${unionId}:${year}:${line}`;
export const policyId = (unionId: string, year: number) => `${unionId}:${year}`;
export const memberYearId = (unionId: string, memberId: string, year: number) => `${unionId}:${memberId}:${year}`;

export interface PayoutRequest {
  unionId: string;
  entryId: string;
  proposal: PayoutProposal;
  member: MemberDoc | null;
  eventId?: string | null;
  note: string;
  approvedBy: ActorRef;
  now: Date;
}

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
    await tables(db).memberYears.insert({ _id: id, unionId, memberId, year, facts: [] });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

export async function recordPayout(db: Db, req: PayoutRequest): Promise<PayoutResult> {
  const { unionId, proposal, member } = req;
  const year = shanghaiYear(proposal.at);
  const line = ITEM_INFO[proposal.item].line;
  if (ITEM_INFO[proposal.item].perMember && !member) throw new AppError('VALIDATION_FAILED', `${ITEM_INFO[proposal.item].label}须指定会员`, [{ path: ['memberId'], message: '请选择会员' }]);
  if (member && member.unionId !== unionId) throw new AppError('NOT_FOUND', '名册中没有这位会员');

  const existing = await tables(db).ledger.byId(req.entryId);
  if (existing) {
    if (existing.unionId !== unionId) throw new AppError('CONFLICT');
    return { entry: existing, warnings: [], repeated: true };
  }
  const policy = await tables(db).policies.byId(policyId(unionId, year));
  if (!policy) throw new AppError('POLICY_REFUSED', noPolicy(year));
  const myId = member ? memberYearId(unionId, member._id, year) : null;
  if (member && myId) await ensureMemberYear(db, myId, unionId, member._id, year);

  try {
    return await inTransaction(db, async (tx) => {
      const budget = await tx.get<BudgetDoc>('budgets', budgetId(unionId, year, line));
      const mine = myId ? await tx.get<MemberYearDoc>('member_years', myId) : null;
      const decision = evaluatePayout({
        policy: (policy).profile,
        proposal,
        member: member ? { id: member._id, status: member.status, duesPaid: member.duesPaid } : null,
        history: (mine?.facts ?? []).map(engineFact),
        budget: budget ? { amountFen: budget.amountFen, spentFen: budget.spentFen } : null,
      });
      if (!decision.allowed) throw new AppError('POLICY_REFUSED', decision.reason);
      const entry: LedgerDoc = {
        _id: req.entryId,
        unionId,
        year,
        line,
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
      await tx.update('budgets', budgetId(unionId, year, line), { spentFen: (budget as BudgetDoc).spentFen + entry.amountFen, count: (budget as BudgetDoc).count + 1, updatedAt: req.now });
      if (mine && myId) await tx.update('member_years', myId, { facts: [...mine.facts, toFact(entry)] });
      await tx.insert('ledger', entry);
      return { entry, warnings: decision.warnings, repeated: false };
    });
  } catch (error) {
    // The same entry id recorded by a concurrent call: that one stands, this one is the same payout.
    if (isDuplicateKeyError(error)) {
      const entry = await tables(db).ledger.byId(req.entryId);
      if (entry && entry.unionId === unionId) return { entry, warnings: [], repeated: true };
    }
    throw error;
  }
}

/** The first payout of a list the policy would refuse, with the reason; null when all would be allowed. */
export type PayoutCheck = { index: number; reason: string } | null;

/**
 * Would these payouts, recorded one after another now, all be allowed? The same engine on the same documents
 * recordPayout reads, each earlier payout of the list added to its budget line and its member's history; nothing
 * is written. A service that records several payouts as one act (an event's prizes, a holiday batch) checks them
 * all first, so that a refusal half-way does not leave half of them recorded. A payout recorded elsewhere between
 * the check and the recording is still caught: recordPayout decides each one again in its transaction.
 */
export async function checkPayouts(db: Db, unionId: string, payouts: readonly { proposal: PayoutProposal; member: MemberDoc | null }[]): Promise<PayoutCheck> {
  const t = tables(db);
  const policies = new Map<number, PolicyDoc | null>();
  const budgets = new Map<string, { amountFen: number; spentFen: number } | null>();
  const histories = new Map<string, LedgerFact[]>();
  for (const [index, { proposal, member }] of payouts.entries()) {
    const year = shanghaiYear(proposal.at);
    if (!policies.has(year)) policies.set(year, await t.policies.byId(policyId(unionId, year)));
    const policy = policies.get(year);
    if (!policy) return { index, reason: noPolicy(year) };
    const lineId = budgetId(unionId, year, ITEM_INFO[proposal.item].line);
    if (!budgets.has(lineId)) {
      const b = await t.budgets.byId(lineId);
      budgets.set(lineId, b ? { amountFen: b.amountFen, spentFen: b.spentFen } : null);
    }
    const budget = budgets.get(lineId) ?? null;
    const myId = member ? memberYearId(unionId, member._id, year) : null;
    if (myId && !histories.has(myId)) histories.set(myId, ((await t.memberYears.byId(myId))?.facts ?? []).map(engineFact));
    const history = myId ? (histories.get(myId) ?? []) : [];
    const decision = evaluatePayout({ policy: policy.profile, proposal, member: member ? { id: member._id, status: member.status, duesPaid: member.duesPaid } : null, history, budget });
    if (!decision.allowed) return { index, reason: decision.reason };
    if (budget) budgets.set(lineId, { amountFen: budget.amountFen, spentFen: budget.spentFen + proposal.amountFen });
    if (myId) {
      const fact: LedgerFact = { id: `check:${index}`, item: proposal.item, amountFen: proposal.amountFen, at: proposal.at };
      if (proposal.holiday) fact.holiday = proposal.holiday;
      if (proposal.illnessKey) fact.illnessKey = proposal.illnessKey;
      histories.set(myId, [...history, fact]);
    }
  }
  return null;
}

/**
 * A correction: a reversing entry with the negated amount, in the same transaction as the budget totals and
 * the member's year. The original is never edited; each entry can be reversed once.
 */
export async function reversePayout(db: Db, args: { unionId: string; entryId: string; reason: string; approvedBy: ActorRef; now: Date }): Promise<LedgerDoc> {
  const original = await tables(db).ledger.byId(args.entryId);
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
      return reversal;
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new AppError('CONFLICT', '这条记录已经冲正过了');
    throw error;
  }
}
