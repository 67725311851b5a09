/** Ledger and budget documents → what officers and members see. */
import { BUDGET_LINE_LABELS, FORM_LABELS, type BudgetLine } from '../../src/core/policy/items';
import { ruleLabel } from '../../src/core/policy/profile';
import type { LedgerDoc } from './store';
import type { LineFigures } from './reservations';

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

/**
 * A line as officers see it: spent = the line's own spending plus what open batches have drawn from their
 * reservations (so it equals the ledger's sum), reserved = what those batches still hold beyond that, and the
 * share used counts both (what is held cannot be spent elsewhere).
 */
export function budgetLineView(line: BudgetLine, f: LineFigures | undefined) {
  const b = f?.doc;
  const amountFen = b?.amountFen ?? 0;
  const spentFen = (b?.spentFen ?? 0) + (f?.drawnFen ?? 0);
  const reservedFen = (b?.reservedFen ?? 0) - (f?.drawnFen ?? 0);
  const percent = amountFen > 0 ? Math.floor(((spentFen + reservedFen) * 100) / amountFen) : 0;
  const label = BUDGET_LINE_LABELS[line];
  return {
    line,
    label,
    amountFen,
    spentFen,
    count: (b?.count ?? 0) + (f?.drawnCount ?? 0),
    reservedFen,
    percent,
    warning: amountFen > 0 && percent >= WARNING_PERCENT ? `${label}预算已使用${reservedFen > 0 ? '（含发放批次预留）' : ''} ${percent}%，请注意控制支出` : null,
  };
}
