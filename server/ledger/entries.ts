/** The ledger an officer works with: record by hand, correct by reversal, browse, export to Excel. */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { LedgerContract } from '../../src/core/contracts/ledger';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError } from '../../src/core/errors';
import { BUDGET_LINES, BUDGET_LINE_LABELS, FORM_LABELS } from '../../src/core/policy/items';
import { ruleLabel } from '../../src/core/policy/profile';
import { shanghaiAt, shanghaiDateKey } from '../../src/core/time';
import type { Db } from '../db';
import { tables } from '../db/tables';
import { audit, actorRef } from '../db/audit';
import { compactDate, publishExport } from '../db/files';
import { buildWorkbook, excelDate, sheet } from '../files/xlsx';
import { recordPayout, reversePayout } from './payout';
import { ledgerEntryView } from './views';
import { ledgerTables, type LedgerDoc } from './store';

type H<K extends ActionName<LedgerContract>> = Handler<LedgerContract, K, ActorContext>;


export const ledgerRecord: H<'ledgerRecord'> = async (input, { db, actor, now }) => {
  const today = shanghaiDateKey(now);
  if (input.date && input.date > today) throw new AppError('VALIDATION_FAILED', '不能登记未来日期的支出', [{ path: ['date'], message: '日期不能晚于今天' }]);
  // A day an officer enters is stored at Shanghai noon, safely inside that day and that year.
  const at = input.date ? shanghaiAt(input.date, '12:00') : now;
  let member = null;
  if (input.memberId) {
    member = await tables(db).members.byId(input.memberId);
    if (!member || member.unionId !== actor.unionId) throw new AppError('NOT_FOUND', '名册中没有这位会员');
  }
  const result = await recordPayout(db, {
    unionId: actor.unionId,
    entryId: `${actor.unionId}:manual:${input.requestKey}`,
    proposal: {
      item: input.item,
      amountFen: input.amountFen,
      form: input.form,
      at,
      ...(input.holiday ? { holiday: input.holiday } : {}),
      ...(input.illnessKey ? { illnessKey: input.illnessKey } : {}),
      ...(input.prize ? { prize: input.prize } : {}),
    },
    member,
    note: input.note,
    approvedBy: actorRef(actor),
    now,
    audit: (entry) => ({
      actor: actorRef(actor),
      action: 'ledger.record',
      target: { kind: 'ledger', id: entry._id, label: `${ruleLabel(entry.item, entry.holiday ?? undefined)}${member ? ` · ${member.name}` : ''}` },
      from: null,
      to: { amountFen: entry.amountFen, summary: `${(entry.amountFen / 100).toFixed(2)} 元，依据：${entry.rule.source}` },
    }),
  });
  return { entry: ledgerEntryView(result.entry), warnings: result.warnings };
};

export const ledgerReverse: H<'ledgerReverse'> = async (input, { db, actor, now }) => {
  const reversal = await reversePayout(db, {
    unionId: actor.unionId,
    entryId: input.entryId,
    reason: input.reason,
    approvedBy: actorRef(actor),
    now,
    audit: (r) => ({
      actor: actorRef(actor),
      action: 'ledger.reverse',
      target: { kind: 'ledger', id: input.entryId, label: `${ruleLabel(r.item, r.holiday ?? undefined)}${r.memberName ? ` · ${r.memberName}` : ''}` },
      from: { amountFen: -r.amountFen },
      to: { amountFen: 0, summary: `冲正 ${(-r.amountFen / 100).toFixed(2)} 元：${input.reason}` },
    }),
  });
  return { entry: ledgerEntryView(reversal) };
};

export const ledgerList: H<'ledgerList'> = async (input, { db, actor }) => {
  const where: Record<string, unknown> = { unionId: actor.unionId, year: input.year };
  if (input.line) where.line = input.line;
  if (input.memberId) where.memberId = input.memberId;
  const { items, total } = await ledgerTables(db).ledger.findPage(where, ['at', 'desc'], input.page, input.pageSize);
  return { items: items.map(ledgerEntryView), total, page: input.page, pageSize: input.pageSize };
};

const yuanNumber = (fen: number) => Math.round(fen) / 100;

export const ledgerExport: H<'ledgerExport'> = async (input, { db, actor, now }) => {
  const entries = await ledgerTables(db).ledger.findAll({ unionId: actor.unionId, year: input.year }, ['at', 'asc']);
  const totals = BUDGET_LINES.map((line) => {
    const of = entries.filter((e) => e.line === line);
    return { line, label: BUDGET_LINE_LABELS[line], fen: of.reduce((s, e) => s + e.amountFen, 0), count: of.filter((e) => !e.reverses).length - of.filter((e) => e.reverses).length };
  });
  const content = await buildWorkbook([
    sheet<LedgerDoc>({
      name: '经费台账',
      columns: [
        { header: '日期', width: 12, value: (e) => excelDate(e.at) },
        { header: '预算科目', value: (e) => BUDGET_LINE_LABELS[e.line] },
        { header: '项目', width: 16, value: (e) => ruleLabel(e.item, e.holiday ?? undefined) },
        { header: '会员', value: (e) => e.memberName ?? '' },
        { header: '金额（元）', width: 12, value: (e) => yuanNumber(e.amountFen) },
        { header: '形式', value: (e) => FORM_LABELS[e.form] },
        { header: '依据', width: 40, value: (e) => e.rule.source },
        { header: '审批人', value: (e) => e.approvedBy.name },
        { header: '备注', width: 24, value: (e) => e.note },
        { header: '冲正', value: (e) => (e.reverses ? '冲正记录' : '') },
        { header: '记录编号', width: 30, value: (e) => e._id },
      ],
      rows: entries,
    }),
    sheet({
      name: '按科目汇总',
      columns: [
        { header: '预算科目', value: (t) => t.label },
        { header: '支出（元）', width: 14, value: (t) => yuanNumber(t.fen) },
        { header: '笔数', value: (t) => t.count },
      ],
      rows: totals,
      note: `合计 ${yuanNumber(totals.reduce((s, t) => s + t.fen, 0)).toFixed(2)} 元，与台账逐笔相加一致（冲正记录为负数）。`,
    }),
  ]);
  const fileName = `经费台账-${input.year}年-${compactDate(now)}.xlsx`;
  const { fileID, url } = await publishExport(actor.unionId, fileName, content, now);
  await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'ledger.export', target: { kind: 'ledger', id: String(input.year), label: `${input.year} 年经费台账` }, from: null, to: { count: entries.length } });
  return { url, fileName, fileID, count: entries.length };
};

/** An event's prize entries, reversals included, in the order recorded (the events area reads its prizes here). */
export async function eventPrizeEntries(db: Db, unionId: string, eventId: string): Promise<LedgerDoc[]> {
  return ledgerTables(db).ledger.findAll({ unionId, eventId, item: 'event_prize' }, ['recordedAt', 'asc']);
}
