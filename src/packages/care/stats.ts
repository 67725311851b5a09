/**
 * How the care figures (关爱统计, `care.stats`) read on a phone: percents from shares ("67%", "—" when nothing was
 * counted), the median time to accept in working days ("当天", "1.5 个工作日"), the lines of the month and category
 * tables, the period picker and its payload. Pure (no Taro, no React): types only from the contract, the clock
 * passed in as `now`.
 */
import type { CareFigures } from '@/core/contracts/care';
import type { CareCategory } from '@/core/domain/care';
import { shanghaiDateKey } from '@/core/time';

/** A share as the contract gives it: how many of `of` cases met it. */
export interface Share {
  hit: number;
  of: number;
}

/** What stands in a figure nothing was counted for (an empty month, no case decided yet). */
export const NONE = '—';

/** "67%"; "—" when nothing was counted. A whole percent, but 100% only when all met it and 0% only when none did. */
export function percentText(s: Share): string {
  if (s.of <= 0) return NONE;
  const p = Math.round((s.hit / s.of) * 100);
  if (p === 100 && s.hit < s.of) return '99%';
  if (p === 0 && s.hit > 0) return '1%';
  return `${p}%`;
}

/** "67%（2/3）", for the totals, where a person checks what the percent is of. */
export function shareText(s: Share): string {
  return s.of <= 0 ? NONE : `${percentText(s)}（${s.hit}/${s.of}）`;
}

/** 满意率: 满意 and 基本满意 of the cases rated. */
export function satisfaction(r: CareFigures['ratings']): Share {
  return { hit: r.satisfied + r.fair, of: r.satisfied + r.fair + r.unsatisfied };
}

/** The median working days to accept: "当天", "1 个工作日", "1.5 个工作日"; "—" when none was accepted. */
export function medianText(days: number | null): string {
  if (days === null) return NONE;
  if (days === 0) return '当天';
  return `${Number.isInteger(days) ? days : days.toFixed(1)} 个工作日`;
}

/** A line of a table: a month or a category, its four columns as text, and whether nothing came in. */
export interface StatsLine {
  key: string;
  label: string;
  received: string;
  acceptOnTime: string;
  closeOnTime: string;
  satisfied: string;
  empty: boolean;
}

function lineOf(key: string, label: string, f: CareFigures): StatsLine {
  const empty = f.received === 0;
  return {
    key,
    label,
    received: String(f.received),
    acceptOnTime: empty ? NONE : percentText(f.acceptOnTime),
    closeOnTime: empty ? NONE : percentText(f.closeOnTime),
    satisfied: empty ? NONE : percentText(satisfaction(f.ratings)),
    empty,
  };
}

/** The columns of both tables, in order (the first names the line). */
export const TABLE_COLUMNS = ['收到', '按时受理', '按时办结', '满意率'] as const;

/**
 * The month table: every month of a past year; of the current year the months so far (a month still to come has
 * nothing to say); an empty month reads 0 and "—".
 */
export function monthLines(year: number, months: readonly { month: number; figures: CareFigures }[], now: Date): StatsLine[] {
  const [thisYear, thisMonth] = shanghaiDateKey(now).split('-').map(Number);
  return months.filter((m) => year < thisYear || (year === thisYear && m.month <= thisMonth)).map((m) => lineOf(String(m.month), `${m.month}月`, m.figures));
}

/** The category table: the categories that received something, private ones marked; the rest in one sentence. */
export function categoryLines(categories: readonly { category: CareCategory; categoryLabel: string; private: boolean; figures: CareFigures }[]): {
  lines: StatsLine[];
  none: string | null;
} {
  const some = categories.filter((c) => c.figures.received > 0);
  const rest = categories.filter((c) => c.figures.received === 0).map((c) => c.categoryLabel);
  return {
    lines: some.map((c) => lineOf(c.category, c.private ? `${c.categoryLabel}（保密）` : c.categoryLabel, c.figures)),
    none: some.length === 0 ? null : rest.length > 0 ? `${rest.join('、')}：本期没有收到` : null,
  };
}

/** The period's totals, label and text, in the order an officer reads them. */
export function totalRows(f: CareFigures): { label: string; value: string }[] {
  const r = f.ratings;
  return [
    { label: '收到', value: `${f.received} 件` },
    { label: '已受理', value: `${f.accepted} 件` },
    { label: '已办结', value: `${f.closed} 件` },
    ...(f.withdrawn + f.returned > 0 ? [{ label: '撤回 / 退回', value: `${f.withdrawn} / ${f.returned} 件` }] : []),
    { label: '受理用时（中位数）', value: medianText(f.medianAcceptDays) },
    { label: '按时受理率', value: shareText(f.acceptOnTime) },
    { label: '按时办结率', value: shareText(f.closeOnTime) },
    { label: '受理办结都按时', value: shareText(f.onTime) },
    { label: '满意 / 基本满意 / 不满意', value: `${r.satisfied} / ${r.fair} / ${r.unsatisfied}` },
    { label: '满意率', value: shareText(satisfaction(r)) },
    { label: '目前未办结', value: `${f.open} 件` },
    { label: '目前已超期', value: `${f.overdue} 件` },
  ];
}

/** What each figure means, under the tables (the server's definitions, in a member of staff's words). */
export const STATS_NOTE =
  '按收到的月份统计，保密类别只计数。受理用时按工作日计（放假、周末不算，调休上班算），“当天”指收到当天或节假日后第一个工作日受理。按时率只计已有结果或已超过期限的事项；满意率为“满意”和“基本满意”占已评价事项的比例。';

/** A warning when the year's working days are weekends only (no 放假安排 known or entered); null otherwise. */
export function calendarWarning(year: number, calendar: 'library' | 'union' | 'weekends'): string | null {
  return calendar === 'weekends' ? `尚未录入 ${year} 年的放假安排：受理用时和期限只把周六、周日算作休息日。可在「关爱设置」中录入。` : null;
}

/** The month picker: the whole year, or one month. */
export type MonthChoice = 'all' | `${number}`;
export const MONTH_OPTIONS: { value: MonthChoice; label: string }[] = [
  { value: 'all', label: '全年（按月）' },
  ...Array.from({ length: 12 }, (_, i) => ({ value: `${i + 1}` as MonthChoice, label: `${i + 1}月` })),
];

/** The payload of `stats` and `export` for a choice. */
export function statsPayload(year: number, month: MonthChoice): { year: number; month?: number } {
  return month === 'all' ? { year } : { year, month: Number(month) };
}

/** "2026年" or "2026年10月": the period in the totals' title. */
export function periodText(year: number, month: MonthChoice): string {
  return month === 'all' ? `${year}年` : `${year}年${month}月`;
}

/** The years offered: this year and the two before (Shanghai). */
export function yearOptions(now: Date): { value: number; label: string }[] {
  const y = Number(shanghaiDateKey(now).slice(0, 4));
  return [y, y - 1, y - 2].map((value) => ({ value, label: `${value}` }));
}
