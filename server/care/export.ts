/**
 * The Excel of a period's cases (导出 Excel), for officers and the chair (care.stats), audited like every export.
 *
 * A file leaves the app (it is forwarded in WeChat, printed, kept), so it carries less than the queue shows: every
 * case is listed with its number, category, urgency, status, dates, deadlines, whether it was on time, its handler
 * and its rating, but the title, the requester and the result only for cases that are neither private nor
 * anonymous. A private category (心理疏导, 法律咨询) reads 内容保密 there, for the chair too; an anonymous suggestion
 * reads 匿名会员 and carries neither its title nor its result (either could name the sender). The figures of the
 * period follow on two more sheets, by month and by category.
 *
 * Cost: the cases come through stats.ts (index union_created, 1,000 to a page); the rows of the period are held to
 * build the file — at most MAX_ROWS, a few thousand in a union's year.
 */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { CareContract } from '../../src/core/contracts/care';
import type { ActionName } from '../../src/core/contracts/contract';
import { ANONYMOUS_NAME, CATEGORY_LABELS, RATING_LABELS, statusLabel } from '../../src/core/domain/care';
import { AppError } from '../../src/core/errors';
import { formatDateTimeZh } from '../../src/core/time';
import { actorRef, audit } from '../db/audit';
import { compactDate, publishExport } from '../db/files';
import { MAX_ROWS, buildWorkbook, sheet } from '../files/xlsx';
import { arrangementsOf, settingsOf } from './settings';
import { figuresOf, periodLabel, type CaseFacts, type Figures, type Period } from './stats';
import type { CaseDoc } from './store';

type H<K extends ActionName<CareContract>> = Handler<CareContract, K, ActorContext>;

/** What stands in a private case's title, requester and result. */
export const PRIVATE_TEXT = '内容保密';
/** What stands in an anonymous suggestion's title. */
export const ANONYMOUS_TITLE = '匿名意见';

interface Row {
  n: number;
  c: CaseDoc;
  f: CaseFacts;
}

const yesNo = (v: boolean | null) => (v === null ? '' : v ? '是' : '否');
const when = (d: Date | null | undefined) => (d ? formatDateTimeZh(d) : '');
const percent = (s: { hit: number; of: number }) => (s.of === 0 ? '—' : `${Math.round((s.hit / s.of) * 100)}%`);
const satisfied = (r: Figures['ratings']) => percent({ hit: r.satisfied + r.fair, of: r.satisfied + r.fair + r.unsatisfied });

/** The content columns of a case as the file may carry them (see the file's comment). */
function content(c: CaseDoc): { title: string; requester: string; subject: string; summary: string } {
  if (c.private) return { title: PRIVATE_TEXT, requester: PRIVATE_TEXT, subject: '', summary: PRIVATE_TEXT };
  if (c.anonymous) return { title: ANONYMOUS_TITLE, requester: ANONYMOUS_NAME, subject: '', summary: '' };
  return { title: c.title, requester: c.requesterName, subject: c.subjectName && c.subjectName !== c.requesterName ? c.subjectName : '', summary: c.summary };
}

/** One sheet of figures: a line per month or category, and the period's total. */
function figuresSheet(name: string, first: string, lines: { label: string; figures: Figures }[]) {
  return sheet<{ label: string; figures: Figures }>({
    name,
    columns: [
      { header: first, width: 14, value: (l) => l.label },
      { header: '收到', value: (l) => l.figures.received },
      { header: '受理', value: (l) => l.figures.accepted },
      { header: '办结', value: (l) => l.figures.closed },
      { header: '受理用时中位数（工作日）', width: 14, value: (l) => l.figures.medianAcceptDays ?? '' },
      { header: '按时受理率', width: 12, value: (l) => percent(l.figures.acceptOnTime) },
      { header: '按时办结率', width: 12, value: (l) => percent(l.figures.closeOnTime) },
      { header: '按时率（受理与办结）', width: 14, value: (l) => percent(l.figures.onTime) },
      { header: '满意', value: (l) => l.figures.ratings.satisfied },
      { header: '基本满意', value: (l) => l.figures.ratings.fair },
      { header: '不满意', value: (l) => l.figures.ratings.unsatisfied },
      { header: '满意率', value: (l) => satisfied(l.figures.ratings) },
      { header: '未办结', value: (l) => l.figures.open },
      { header: '已超期', value: (l) => l.figures.overdue },
    ],
    rows: lines,
    note: '按收到的月份统计。受理用时按工作日计（0 为当天受理），按时率只计已有结果或已超期的事项，满意率为满意与基本满意占已评价的比例；未办结、已超期为导出时的情况。',
  });
}

export const exportCases: H<'export'> = async (input, { db, actor, now }) => {
  const period: Period = { year: input.year, month: input.month };
  const arrangements = arrangementsOf(await settingsOf(db, actor.unionId));
  const rows: Row[] = [];
  const figures = await figuresOf(db, actor.unionId, period, now, arrangements, (c, f) => {
    if (rows.length >= MAX_ROWS) throw new AppError('NOT_ALLOWED', `这段时间的事项超过 ${MAX_ROWS} 件，请按月导出`);
    rows.push({ n: rows.length + 1, c, f });
  });
  const label = periodLabel(period);
  const file = await buildWorkbook([
    sheet<Row>({
      name: '关爱事项',
      columns: [
        { header: '序号', width: 6, value: (r) => r.n },
        { header: '事项编号', width: 26, value: (r) => r.c._id.slice(r.c._id.indexOf(':') + 1) },
        { header: '类别', width: 12, value: (r) => CATEGORY_LABELS[r.c.category] },
        { header: '紧急', width: 6, value: (r) => (r.c.urgent ? '是' : '') },
        { header: '状态', value: (r) => statusLabel(r.c.category, r.c.status) },
        { header: '提交时间', width: 18, value: (r) => when(r.c.createdAt) },
        { header: '受理时间', width: 18, value: (r) => when(r.c.acceptedAt) },
        { header: '办结时间', width: 18, value: (r) => (r.c.status === 'closed' ? when(r.c.closedAt) : '') },
        { header: '受理期限', width: 12, value: (r) => r.c.acceptDueDate },
        { header: '办结期限', width: 12, value: (r) => r.c.closeDueDate ?? '' },
        { header: '受理用时（工作日）', width: 12, value: (r) => r.f.acceptDays ?? '' },
        { header: '按时受理', value: (r) => yesNo(r.f.acceptOnTime) },
        { header: '按时办结', value: (r) => yesNo(r.f.closeOnTime) },
        { header: '处理人', value: (r) => r.c.handlerName ?? '' },
        { header: '评价', value: (r) => (r.f.rating ? RATING_LABELS[r.f.rating] : '') },
        { header: '标题', width: 24, value: (r) => content(r.c).title },
        { header: '提出人', value: (r) => content(r.c).requester },
        { header: '当事会员', value: (r) => content(r.c).subject },
        { header: '办理结果', width: 40, value: (r) => content(r.c).summary },
      ],
      rows,
      note: `${label}收到的关爱事项，共 ${rows.length} 件。心理疏导、法律咨询只列类别（内容保密），匿名意见不列标题、提出人和办理结果。`,
    }),
    figuresSheet(
      '按月统计',
      '月份',
      [...figures.months.map((m) => ({ label: `${input.year}年${m.month}月`, figures: m.figures })), ...(figures.months.length > 1 ? [{ label: '合计', figures: figures.total }] : [])],
    ),
    figuresSheet('按类别统计', '类别', [...figures.categories.map((c) => ({ label: c.categoryLabel, figures: c.figures })), { label: '合计', figures: figures.total }]),
  ]);
  const fileName = `关爱事项-${label}-${compactDate(now)}.xlsx`;
  const { fileID, url } = await publishExport(actor.unionId, fileName, file, now);
  await audit(db, {
    unionId: actor.unionId,
    at: now,
    actor: actorRef(actor),
    action: 'care.export',
    target: { kind: 'care_cases', id: input.month === undefined ? String(input.year) : `${input.year}-${String(input.month).padStart(2, '0')}`, label: `${label}关爱事项` },
    from: null,
    to: { count: rows.length, summary: `导出${label}收到的关爱事项 ${rows.length} 件（保密类别只列类别）` },
  });
  return { url, fileName, fileID, count: rows.length };
};
