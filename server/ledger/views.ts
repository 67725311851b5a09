/** Ledger and budget documents → what officers and members see. */
import { BUDGET_LINE_LABELS, FORM_LABELS, type BudgetLine } from '../../src/core/policy/items';
import { ruleLabel } from '../../src/core/policy/profile';
import type { BudgetDoc, LedgerDoc } from './store';

export const WARNING_PERCENT = 80;

export function ledgerEntryView(e: LedgerDoc) {
  return {
    id: e._id,
    year: e.year,
    line: e.line,
    lineLabel: BUDGET_LINE_LABELS[e.line],
    item: e.item,
    itemLabel: ruleLabel(e.item, e.holiday ?? undefined),
    holiday: e.holiday,
    memberId: e.memberId,
    memberName: e.memberName,
    amountFen: e.amountFen,
    form: e.form,
    formLabel: FORM_LABELS[e.form],
    rule: e.rule,
    approvedBy: e.approvedBy.name,
    note: e.note,
    reverses: e.reverses,
    at: e.at,
  };
}

export function budgetLineView(line: BudgetLine, b: BudgetDoc | undefined) {
  const amountFen = b?.amountFen ?? 0;
  const spentFen = b?.spentFen ?? 0;
  const percent = amountFen > 0 ? Math.floor((spentFen * 100) / amountFen) : 0;
  const label = BUDGET_LINE_LABELS[line];
  return {
    line,
    label,
    amountFen,
    spentFen,
    count: b?.count ?? 0,
    percent,
    warning: amountFen > 0 && percent >= WARNING_PERCENT ? `${label}预算已使用 ${percent}%，请注意控制支出` : null,
  };
}
