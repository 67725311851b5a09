/**
 * The year's budget per line. Spending and counts are kept by the ledger's transactions, never set here; what open
 * batches have drawn from their reservations is added in (./reservations.ts budgetLines), so the figures shown
 * equal the ledger's sums while a batch is open.
 */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { LedgerContract } from '../../src/core/contracts/ledger';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError } from '../../src/core/errors';
import { BUDGET_LINES, BUDGET_LINE_LABELS } from '../../src/core/policy/items';
import { formatYuan } from '../../src/core/money';
import { isDuplicateKeyError } from '../db';
import { audit, actorRef } from '../db/audit';
import { inTransaction } from '../db/transaction';
import { budgetLineView } from './views';
import { budgetLines } from './reservations';
import { budgetId, ledgerTables, type BudgetDoc } from './store';

type H<K extends ActionName<LedgerContract>> = Handler<LedgerContract, K, ActorContext>;

export const budgetList: H<'budgetList'> = async (input, { db, actor }) => {
  const byLine = await budgetLines(db, actor.unionId, input.year);
  return { year: input.year, lines: BUDGET_LINES.map((l) => budgetLineView(l, byLine.get(l))) };
};

/** Setting a line is rare, but it must wait its turn on a line a batch may be writing. */
const CONTENDED = { retries: 30, withinMs: 10_000 };

export const budgetSet: H<'budgetSet'> = async (input, { db, actor, now }) => {
  const id = budgetId(actor.unionId, input.year, input.line);
  const budgets = ledgerTables(db).budgets;
  const label = BUDGET_LINE_LABELS[input.line];
  let before = await budgets.byId(id);
  if (!before) {
    try {
      await budgets.insert({ _id: id, unionId: actor.unionId, year: input.year, line: input.line, amountFen: input.amountFen, spentFen: 0, count: 0, reservedFen: 0, openReservations: [], updatedAt: now });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      before = await budgets.byId(id);
    }
  }
  if (before) {
    // In a transaction on the line, so that a payout or a batch's reservation landing in between cannot leave
    // what is spent and held above the budget.
    await inTransaction(
      db,
      async (tx) => {
        const current = await tx.get<BudgetDoc>('budgets', id);
        if (!current) throw new Error(`budget line ${id} vanished`);
        const reserved = current.reservedFen ?? 0;
        if (current.spentFen + reserved > input.amountFen) {
          const held = reserved > 0 ? `，另为发放批次预留 ${formatYuan(reserved)} 元，预算不能低于已支出与预留合计 ${formatYuan(current.spentFen + reserved)} 元` : '，预算不能低于已支出金额';
          throw new AppError('VALIDATION_FAILED', `${label}本年已支出 ${formatYuan(current.spentFen)} 元${held}`, [{ path: ['amountFen'], message: reserved > 0 ? '预算不能低于已支出与预留合计' : '预算不能低于已支出金额' }]);
        }
        if (current.amountFen !== input.amountFen) await tx.update('budgets', id, { amountFen: input.amountFen, updatedAt: now });
      },
      CONTENDED,
    );
  }
  await audit(db, {
    unionId: actor.unionId,
    at: now,
    actor: actorRef(actor),
    action: 'budget.set',
    target: { kind: 'budget', id, label: `${input.year} 年${label}预算` },
    from: before ? { amountFen: before.amountFen } : null,
    to: { amountFen: input.amountFen, summary: `${before ? `${formatYuan(before.amountFen)} 元 → ` : ''}${formatYuan(input.amountFen)} 元` },
  });
  const after = (await budgetLines(db, actor.unionId, input.year)).get(input.line);
  return budgetLineView(input.line, after);
};
