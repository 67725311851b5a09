/**
 * 经费支出公布: the union's spending of a year by budget line, for every member — totals and counts only, never
 * who received what. It reads the budget lines' running totals (kept in the same transactions as the ledger
 * entries), so it costs one query whatever the size of the ledger — and, while a batch is open, one read-only
 * transaction over those lines and their reservations' shards (./reservations.ts budgetLines).
 */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { LedgerContract } from '../../src/core/contracts/ledger';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError } from '../../src/core/errors';
import { effectiveEntries } from '../../src/core/policy/engine';
import { BUDGET_LINES, BUDGET_LINE_LABELS, FORM_LABELS } from '../../src/core/policy/items';
import { ruleLabel } from '../../src/core/policy/profile';
import { tables } from '../db/tables';
import { ledgerTables } from './store';
import { budgetLines } from './reservations';

type H<K extends ActionName<LedgerContract>> = Handler<LedgerContract, K, ActorContext>;

export const report: H<'report'> = async (input, { db, actor, now }) => {
  const unionId = input.unionId ?? actor.unionId;
  const union = await tables(db).unions.byId(unionId);
  // Another union's report: only for the officers of its upper-level committee.
  const mayRead = unionId === actor.unionId || (union !== null && union.committeeId === actor.unionId && actor.roles.includes('committee'));
  if (!union || !mayRead) throw new AppError('NOT_FOUND', '没有找到这个工会');
  const byLine = await budgetLines(db, unionId, input.year);
  const lines = BUDGET_LINES.map((line) => {
    const f = byLine.get(line);
    // What open batches have drawn is spending already (it is in the ledger), though not yet in the line's totals.
    return { line, label: BUDGET_LINE_LABELS[line], budgetFen: f?.doc.amountFen ?? 0, spentFen: (f?.doc.spentFen ?? 0) + (f?.drawnFen ?? 0), count: (f?.doc.count ?? 0) + (f?.drawnCount ?? 0) };
  });
  return {
    union: { id: union._id, name: union.name },
    year: input.year,
    lines,
    totalBudgetFen: lines.reduce((s, l) => s + l.budgetFen, 0),
    totalSpentFen: lines.reduce((s, l) => s + l.spentFen, 0),
    totalCount: lines.reduce((s, l) => s + l.count, 0),
    generatedAt: now,
  };
};

export const myBenefits: H<'myBenefits'> = async (input, { db, actor }) => {
  if (!actor.memberId) return { year: input.year, items: [], totalFen: 0 };
  const mine = await ledgerTables(db).ledger.findAll({ unionId: actor.unionId, memberId: actor.memberId, year: input.year }, ['at', 'asc']);
  const byId = new Map(mine.map((e) => [e._id, e]));
  const standing = effectiveEntries(mine.map((e) => ({ id: e._id, item: e.item, amountFen: e.amountFen, at: e.at, ...(e.reverses ? { reverses: e.reverses } : {}) })));
  const items = standing.map((f) => {
    const e = byId.get(f.id);
    if (!e) throw new Error(`entry ${f.id} vanished`);
    return { id: e._id, itemLabel: ruleLabel(e.item, e.holiday ?? undefined), amountFen: f.amountFen, formLabel: FORM_LABELS[e.form], at: e.at, note: e.note };
  });
  return { year: input.year, items, totalFen: items.reduce((s, i) => s + i.amountFen, 0) };
};
