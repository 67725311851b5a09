/** The year's budget per line. Spending and counts are kept by the ledger's transactions, never set here. */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { LedgerContract } from '../../src/core/contracts/ledger';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError } from '../../src/core/errors';
import { BUDGET_LINES, BUDGET_LINE_LABELS } from '../../src/core/policy/items';
import { formatYuan } from '../../src/core/money';
import { isDuplicateKeyError } from '../db';
import { audit, actorRef } from '../db/audit';
import { budgetLineView } from './views';
import { budgetId, ledgerTables } from './store';

type H<K extends ActionName<LedgerContract>> = Handler<LedgerContract, K, ActorContext>;

export const budgetList: H<'budgetList'> = async (input, { db, actor }) => {
  const docs = await ledgerTables(db).budgets.find({ unionId: actor.unionId, year: input.year }, { limit: 100 });
  const byLine = new Map(docs.map((d) => [d.line, d]));
  return { year: input.year, lines: BUDGET_LINES.map((l) => budgetLineView(l, byLine.get(l))) };
};

export const budgetSet: H<'budgetSet'> = async (input, { db, actor, now }) => {
  const id = budgetId(actor.unionId, input.year, input.line);
  const budgets = ledgerTables(db).budgets;
  let before = await budgets.byId(id);
  if (!before) {
    try {
      await budgets.insert({ _id: id, unionId: actor.unionId, year: input.year, line: input.line, amountFen: input.amountFen, spentFen: 0, count: 0, updatedAt: now });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      before = await budgets.byId(id);
    }
  }
  if (before) {
    // Conditional on what is spent, so a payout landing in between cannot leave spending above the budget.
    const updated = await budgets.updateWhere({ _id: id, spentFen: db.command.lte(input.amountFen) }, { amountFen: input.amountFen, updatedAt: now });
    // 0 does not prove the condition failed: an update that changes nothing (the same amount at the same instant)
    // may be counted 0 or 1, the cloud's count for it being unknown. The line already holding the amount means done.
    if (updated === 0) {
      const current = await budgets.byId(id);
      if (current?.amountFen !== input.amountFen) {
        throw new AppError('VALIDATION_FAILED', `${BUDGET_LINE_LABELS[input.line]}本年已支出 ${formatYuan(current?.spentFen ?? 0)} 元，预算不能低于已支出金额`, [{ path: ['amountFen'], message: '预算不能低于已支出金额' }]);
      }
    }
  }
  await audit(db, {
    unionId: actor.unionId,
    at: now,
    actor: actorRef(actor),
    action: 'budget.set',
    target: { kind: 'budget', id, label: `${input.year} 年${BUDGET_LINE_LABELS[input.line]}预算` },
    from: before ? { amountFen: before.amountFen } : null,
    to: { amountFen: input.amountFen, summary: `${before ? `${formatYuan(before.amountFen)} 元 → ` : ''}${formatYuan(input.amountFen)} 元` },
  });
  const after = await budgets.byId(id);
  return budgetLineView(input.line, after ?? undefined);
};
