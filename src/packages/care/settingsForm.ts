/**
 * 关爱中心设置 ⇄ `care.settingsGet` / `care.settingsSave`: the deadlines per category (受理 N 个工作日, 办结 M 个工作日)
 * as the officer types them, and the 放假安排 of the years the calendar does not know, as lists of picked dates.
 * Pure (no Taro, no React), unit-tested.
 */
import { CATEGORY_LABELS, DEFAULT_DEADLINE, HELP_CATEGORIES, type HelpCategory } from '@/core/domain/care';
import type { FieldErrors } from '@/hooks/useForm';
import { dayText } from './format';

export type CalendarSource = 'library' | 'union' | 'weekends';

/** What `care.settingsGet` answers (the shape the form needs of it). */
export interface SettingsData {
  deadlines: Partial<Record<HelpCategory, { accept: number; close: number }>>;
  arrangements: Record<string, { off: string[]; on: string[] }>;
  knownYears: number[];
  currentYear: number;
  calendar: { year: number; source: CalendarSource }[];
}

export interface SettingsValues {
  /** The numbers as typed. */
  deadlines: Record<HelpCategory, { accept: string; close: string }>;
  /** Per year ("2027"): the weekdays off and the weekend make-up working days, sorted. */
  arrangements: Record<string, { off: string[]; on: string[] }>;
}

export const ACCEPT_MAX = 30;
export const CLOSE_MAX = 60;
export const MAX_DATES = 60;

export function settingsValuesOf(data: SettingsData): SettingsValues {
  const deadlines = Object.fromEntries(
    HELP_CATEGORIES.map((c) => {
      const d = data.deadlines[c] ?? DEFAULT_DEADLINE;
      return [c, { accept: String(d.accept), close: String(d.close) }];
    }),
  ) as SettingsValues['deadlines'];
  const arrangements = Object.fromEntries(Object.entries(data.arrangements).map(([y, a]) => [y, { off: [...a.off].sort(), on: [...a.on].sort() }]));
  return { deadlines, arrangements };
}

/** The years the screen offers to enter: those the calendar library does not know (their source is not 'library'). */
export function editableYears(data: Pick<SettingsData, 'calendar'>): number[] {
  return data.calendar.filter((c) => c.source !== 'library').map((c) => c.year);
}

/** Where a year's working days come from once the form is saved: what the officer entered wins. */
export function sourceAfter(year: number, server: CalendarSource, values: SettingsValues): CalendarSource {
  if (server === 'library') return 'library';
  const a = values.arrangements[String(year)];
  return a && a.off.length + a.on.length > 0 ? 'union' : 'weekends';
}

const WHOLE = /^\d{1,2}$/;

/** The `care.settingsSave` payload, and the problems only the form can name (a number that is not one). */
export function settingsDraft(v: SettingsValues): { payload: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  const deadlines: Record<string, { accept: number; close: number }> = {};
  for (const c of HELP_CATEGORIES) {
    const d = v.deadlines[c];
    const label = CATEGORY_LABELS[c];
    const accept = Number(d.accept.trim());
    const close = Number(d.close.trim());
    if (!WHOLE.test(d.accept.trim()) || accept > ACCEPT_MAX) problems[`deadlines.${c}.accept`] = `「${label}」的受理时限请填 0 到 ${ACCEPT_MAX} 的整数`;
    if (!WHOLE.test(d.close.trim()) || close < 1 || close > CLOSE_MAX) problems[`deadlines.${c}.close`] = `「${label}」的办结时限请填 1 到 ${CLOSE_MAX} 的整数`;
    deadlines[c] = { accept: Number.isFinite(accept) ? accept : -1, close: Number.isFinite(close) ? close : -1 };
  }
  const arrangements: Record<string, { off: string[]; on: string[] }> = {};
  for (const [year, a] of Object.entries(v.arrangements)) {
    // A year left empty is not sent: it goes back to weekends only, as the screen says.
    if (a.off.length + a.on.length > 0) arrangements[year] = { off: [...a.off].sort(), on: [...a.on].sort() };
  }
  return { payload: { deadlines, arrangements }, problems };
}

/** The form's field for an issue's path: a deadline's own field, or the year of an arrangement. */
export function settingsFieldOf(path: readonly (string | number)[]): string | null {
  if (path[0] === 'deadlines' && path.length >= 3) return `deadlines.${String(path[1])}.${String(path[2])}`;
  if (path[0] === 'arrangements' && path.length >= 2) return `arrangements.${String(path[1])}`;
  return null;
}

/** 0 = Sunday … 6 = Saturday. */
function dow(key: string): number {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
const isWeekend = (key: string): boolean => dow(key) === 0 || dow(key) === 6;

export type DayKind = 'off' | 'on';
export const DAY_KIND_LABELS: Record<DayKind, string> = { off: '放假日', on: '调休上班日' };

/**
 * Add a picked date to a year's list, or say why not: it must be in that year, not listed yet (in either list);
 * a day off is a weekday (weekends are off anyway) and a make-up working day a Saturday or Sunday.
 */
export function addDay(arrangement: { off: string[]; on: string[] } | undefined, year: number, kind: DayKind, key: string): { next: { off: string[]; on: string[] } } | { problem: string } {
  const a = arrangement ?? { off: [], on: [] };
  const day = dayText(key, new Date(Date.UTC(year, 6, 1)));
  if (Number(key.slice(0, 4)) !== year) return { problem: `${key.slice(0, 4)} 年的日期请在该年份下录入` };
  if (a.off.includes(key)) return { problem: `${day}已在放假日中` };
  if (a.on.includes(key)) return { problem: `${day}已在调休上班日中` };
  if (kind === 'off' && isWeekend(key)) return { problem: `${day}是周末，本来就休息，不用录入；只录入放假的工作日` };
  if (kind === 'on' && !isWeekend(key)) return { problem: `${day}是工作日，本来就上班；调休上班日只录入要上班的周六、周日` };
  if (a[kind].length >= MAX_DATES) return { problem: `${DAY_KIND_LABELS[kind]}最多录入 ${MAX_DATES} 个` };
  return { next: { ...a, [kind]: [...a[kind], key].sort() } };
}

export function removeDay(arrangement: { off: string[]; on: string[] }, kind: DayKind, key: string): { off: string[]; on: string[] } {
  return { ...arrangement, [kind]: arrangement[kind].filter((k) => k !== key) };
}
