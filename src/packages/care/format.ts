/**
 * How the care center reads on screen: due dates in words (12月3日（周四）前受理), the timeline of a case from its
 * view, who asked, the badges of a queue row, where a year's working days come from. Pure (no Taro, no React):
 * types only from the contract, labels from core/domain/care, the clock passed in as `now`.
 */
import type { CaseRow, CaseView } from '@/core/contracts/care';
import { CONTACT_LABELS, HELP_STEPS, isInstantCategory, isOpen, statusLabel, type CareCategory, type CaseStatus } from '@/core/domain/care';
import { addDays, dayZh, inShanghai, isValidDateKey, shanghaiDateKey } from '@/core/time';

/** "12月3日（周四）"; the year too when it is not this year's (Shanghai); "" for a key that is no date. */
export function dayText(key: string, now: Date = new Date()): string {
  return isValidDateKey(key) ? dayZh(key, { now, weekday: true }) : '';
}

/** "2026年12月3日" for an instant from a reply, "12月3日 09:05" within this year. */
export function momentText(iso: string, now: Date = new Date()): string {
  const at = inShanghai(iso);
  const thisYear = at.format('YYYY') === shanghaiDateKey(now).slice(0, 4);
  return at.format(thisYear ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm');
}

/** What a deadline is for: accepting (确认, for a 即时关爱 report) or closing. */
export type DueStage = 'accept' | 'close';

function stageWord(stage: DueStage, category: CareCategory): string {
  if (stage === 'close') return '办结';
  return isInstantCategory(category) ? '确认' : '受理';
}

/**
 * A deadline in words: "12月3日（周四）前受理", "今天（12月1日）内受理", "已超期：应于12月3日（周四）前办结"; null when
 * there is none.
 */
export function dueText(due: { date: string | null; stage: DueStage; category: CareCategory; overdue: boolean }, now: Date = new Date()): string | null {
  const { date, stage, category, overdue } = due;
  if (!date || !isValidDateKey(date)) return null;
  const word = stageWord(stage, category);
  if (overdue) return `已超期：应于${dayText(date, now)}前${word}`;
  const today = shanghaiDateKey(now);
  const [, m, d] = date.split('-').map(Number);
  if (date === today) return `今天（${m}月${d}日）内${word}`;
  if (date === addDays(today, 1)) return `明天（${m}月${d}日）前${word}`;
  return `${dayText(date, now)}前${word}`;
}

/** The next deadline of a row: accepting while it waits to be accepted, then closing. */
export function rowDueText(row: Pick<CaseRow, 'status' | 'dueDate' | 'overdue' | 'category'>, now: Date = new Date()): string | null {
  if (!isOpen(row.status)) return null;
  return dueText({ date: row.dueDate, stage: row.status === 'submitted' ? 'accept' : 'close', category: row.category, overdue: row.overdue }, now);
}

/** The deadline a case page shows now (null when the case is over). */
export function caseDueText(c: Pick<CaseView, 'status' | 'acceptDueDate' | 'closeDueDate' | 'overdue' | 'category'>, now: Date = new Date()): string | null {
  if (!isOpen(c.status)) return null;
  if (c.status === 'submitted') return dueText({ date: c.acceptDueDate, stage: 'accept', category: c.category, overdue: c.overdue }, now);
  return dueText({ date: c.closeDueDate, stage: 'close', category: c.category, overdue: c.overdue }, now);
}

/** Said under every due date: members and officers alike should know weekends and holidays do not count. */
export const WORKING_DAYS_NOTE = '期限按工作日计算，周末和法定节假日不计在内';

/** One line of the timeline a person reads. */
export interface TimelineItem {
  key: string;
  label: string;
  /** When it happened (already in words), or '' for a step still to come. */
  when: string;
  /** The reason or remark of the step (退回原因, 转派原因, 撤回原因). */
  note: string;
  state: 'done' | 'current' | 'todo' | 'ended';
}

/**
 * The timeline of a case: every step reached, in order, with its time and reason (a reopened case shows 处理中
 * again), then the steps still to come while it is open (已提交 → 已受理 → 处理中 → 已答复 → 已办结). A case
 * 已撤回 or 已退回 ends at that step, marked so.
 */
export function timelineOf(c: Pick<CaseView, 'steps' | 'status' | 'category'>, now: Date = new Date()): TimelineItem[] {
  const reached: TimelineItem[] = c.steps.map((s, i) => ({
    key: `s${i}`,
    label: s.label || statusLabel(c.category, s.status),
    when: momentText(s.at, now),
    note: s.note,
    state: 'done',
  }));
  if (reached.length === 0) reached.push({ key: 's0', label: statusLabel(c.category, 'submitted'), when: '', note: '', state: 'done' });
  const last = reached[reached.length - 1];
  if (c.status === 'withdrawn' || c.status === 'returned') {
    last.state = 'ended';
    return reached;
  }
  if (c.status === 'closed') return reached;
  last.state = 'current';
  const at = HELP_STEPS.indexOf(c.status);
  const todo: TimelineItem[] = HELP_STEPS.slice(at + 1)
    // A 即时关爱 report goes 已上报 → 已确认 → 已慰问 → 已办结: no 处理中 step to wait for.
    .filter((s: CaseStatus) => !(isInstantCategory(c.category) && s === 'in_progress'))
    .map((s) => ({ key: `t-${s}`, label: statusLabel(c.category, s), when: '', note: '', state: 'todo' }));
  return [...reached, ...todo];
}

/** How the member wants to be reached, in words. */
export function contactText(contact: CaseView['contact']): string {
  return CONTACT_LABELS[contact];
}

export interface RowBadge {
  text: string;
  tone: 'ok' | 'warn' | 'muted' | 'primary';
}

/** The badges of a queue row or a case: 已超期, 紧急, 督办, 仅处理人可见, then its status. */
export function badgesOf(c: Pick<CaseRow, 'overdue' | 'urgent' | 'private' | 'supervised' | 'status' | 'statusLabel'>): RowBadge[] {
  const out: RowBadge[] = [];
  if (c.overdue && isOpen(c.status)) out.push({ text: '已超期', tone: 'warn' });
  if (c.urgent) out.push({ text: '紧急', tone: 'warn' });
  if (c.supervised) out.push({ text: '督办', tone: 'warn' });
  if (c.private) out.push({ text: '保密', tone: 'primary' });
  out.push({ text: c.statusLabel, tone: isOpen(c.status) ? 'ok' : 'muted' });
  return out;
}

/** "处理人：张三" or "尚未受理" / "尚未确认". */
export function handlerText(c: Pick<CaseRow, 'handlerName' | 'category' | 'status'>): string {
  if (c.handlerName) return `处理人：${c.handlerName}`;
  if (!isOpen(c.status)) return '';
  return isInstantCategory(c.category) ? '尚未确认' : '尚未受理';
}

/** Who a message is from, as the reader sees it. */
export function authorText(m: Pick<CaseView['messages'][number], 'from' | 'authorName'>, viewer: 'member' | 'handler'): string {
  if (m.from === 'system') return '系统';
  if (m.from === 'member') return viewer === 'member' ? '我' : m.authorName || '会员';
  return m.authorName ? `${m.authorName}（处理人）` : '处理人';
}

/** Where a year's working days come from, in words (settingsGet.calendar). */
export const CALENDAR_SOURCE_TEXT: Record<'library' | 'union' | 'weekends', string> = {
  library: '国务院放假安排',
  union: '本工会录入',
  weekends: '仅按周末计算',
};

/** The sentence under a year of the settings screen: the last one warns. */
export function calendarNote(year: number, source: 'library' | 'union' | 'weekends'): string {
  switch (source) {
    case 'library':
      return `${year} 年已按国务院办公厅公布的放假安排计算，无需录入`;
    case 'union':
      return `${year} 年按本工会录入的放假安排计算`;
    case 'weekends':
      return `尚未录入 ${year} 年的放假安排：目前只把周六、周日算作休息日，法定节假日和调休上班都没有计入，期限可能算早。请在国务院公布后录入`;
  }
}

/**
 * The later of two readings of a case: the one an action answered and the one the page read (back on the page it
 * reads again quietly), so neither an older reply nor an older read hides the newer one.
 */
export function newer<C extends { updatedAt: string }>(a: C | null, b: C | null): C | null {
  if (!a || !b) return a ?? b;
  return a.updatedAt > b.updatedAt ? a : b;
}
