/**
 * What the policy engine would say of a payout now, without recording it: for a reviewer who proposes an amount
 * (hardship aid) before another approves it and the payout waits for its 公示. Reads what recordPayouts reads — the
 * year's policy, the member's year, the budget line — outside a transaction: the answer is advice for the person
 * deciding; the payout itself is decided again, in its transaction, when it is made.
 */
import { evaluatePayout, type Decision, type PayoutProposal } from '../../src/core/policy/engine';
import { ITEM_INFO } from '../../src/core/policy/items';
import { shanghaiYear } from '../../src/core/time';
import type { Db } from '../db';
import type { MemberDoc } from '../db/types';
import { engineFact } from './payout';
import { budgetId, ledgerTables, memberYearId, policyId } from './store';

export type Preview = Decision | { allowed: false; code: 'NO_POLICY'; reason: string; rule: null };

export async function previewPayout(db: Db, args: { unionId: string; proposal: PayoutProposal; member: MemberDoc }): Promise<Preview> {
  const { unionId, proposal, member } = args;
  const year = shanghaiYear(proposal.at);
  const t = ledgerTables(db);
  const [policy, mine, budget] = await Promise.all([
    t.policies.byId(policyId(unionId, year)),
    t.memberYears.byId(memberYearId(unionId, member._id, year)),
    t.budgets.byId(budgetId(unionId, year, ITEM_INFO[proposal.item].line)),
  ]);
  if (!policy || policy.unionId !== unionId) return { allowed: false, code: 'NO_POLICY', reason: `尚未设置 ${year} 年度政策，不能确定帮扶金额：请先在"年度政策"中设置`, rule: null };
  return evaluatePayout({
    policy: policy.profile,
    proposal,
    member: { id: member._id, status: member.status, duesPaid: member.duesPaid },
    history: (mine?.facts ?? []).map(engineFact),
    budget: budget && budget.unionId === unionId ? { amountFen: budget.amountFen, spentFen: budget.spentFen + (budget.reservedFen ?? 0) } : null,
  });
}
