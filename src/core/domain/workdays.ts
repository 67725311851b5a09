/**
 * Chinese working days (工作日), for deadlines the care center counts "in working days": weekends and statutory
 * holidays are off, and 调休 make-up Saturdays/Sundays are working days, on the Shanghai calendar.
 *
 * The State Council publishes each year's 放假安排 only weeks before the year starts, so the calendar comes from
 * one of three places (see `calendarSource`): what officers entered for that year in settings, else the
 * `chinese-days` package if it already knows the year, else weekends only — which the settings screen must say.
 *
 * Pure: dates are `YYYY-MM-DD` keys and instants are passed in, never read from the clock, so the function and
 * the phone count alike.
 *
 * We read `chinese-days`' published data file (`dist/chinese-days.json`, documented in its README) rather than
 * calling `isWorkday()`: the functions parse and format dates in the host's local time zone and answer for the
 * wrong day on hosts west of UTC, while the data file is keyed by plain date keys, like ours.
 */
import libraryData from 'chinese-days/dist/chinese-days.json';
import { addDays, dayOfWeek, formatDateZh, isValidDateKey, shanghaiDateKey, startOfShanghaiDay, weekdayZh, type DateKey } from '../time';
import type { ErrorIssue } from '../errors';

/** One year's 放假安排 as officers enter it: weekdays off (`off`) and weekend make-up working days (`on`). */
export type HolidayArrangement = { off: DateKey[]; on: DateKey[] };

/** Officer-entered arrangements by year, for the years the library does not know yet. */
export type Arrangements = Partial<Record<number, HolidayArrangement>>;

/** Where a year's working days come from (see `calendarSource`). */
export type CalendarSource = 'library' | 'union' | 'weekends';

/** The most dates an arrangement lists in each of `off` and `on`; a real year has about 30 and 6. */
export const MAX_ARRANGEMENT_DATES = 60;

/** The library's days: `holidays` are days off (weekends included), `workdays` are make-up working days. */
const LIBRARY = libraryData as { holidays: Record<string, string>; workdays: Record<string, string> };

/** Years with at least one statutory holiday in the library, i.e. whose 放假安排 it has. */
const LIBRARY_YEARS: ReadonlySet<number> = new Set(Object.keys(LIBRARY.holidays).map((key) => Number(key.slice(0, 4))));

function requireDateKey(key: DateKey): void {
  if (!isValidDateKey(key)) throw new RangeError(`not a date: ${String(key)}`);
}

function isWeekend(key: DateKey): boolean {
  const dow = dayOfWeek(key);
  return dow === 0 || dow === 6;
}

/** "2027年1月2日（周六）", for messages officers act on. */
function describeDay(key: DateKey): string {
  return `${formatDateZh(startOfShanghaiDay(key))}（${weekdayZh(key)}）`;
}

/** Whether an officer has entered anything for the year: an empty form is "not entered yet", not "no holidays". */
function entered(arrangement: HolidayArrangement | undefined): arrangement is HolidayArrangement {
  return arrangement !== undefined && arrangement.off.length + arrangement.on.length > 0;
}

/**
 * Whether `chinese-days` has the State Council's arrangement for `year` — read from its data, so a newer package
 * version that adds a year is picked up without a code change.
 */
export function knowsYear(year: number): boolean {
  return LIBRARY_YEARS.has(year);
}

/**
 * Where `year`'s working days come from: the officers' arrangement wins when they entered one (it is the union's
 * own decision, and corrects the library if ever needed), else the library when it knows the year, else weekends
 * only — an honest fallback the settings screen must point out until officers enter the year.
 */
export function calendarSource(year: number, arrangements: Arrangements): CalendarSource {
  if (entered(arrangements[year])) return 'union';
  return knowsYear(year) ? 'library' : 'weekends';
}

/** The sentence the settings screen shows for a year, so officers know whether they need to enter it. */
export function describeCalendarSource(year: number, arrangements: Arrangements): string {
  switch (calendarSource(year, arrangements)) {
    case 'union':
      return `${year} 年的工作日按本会录入的放假安排计算`;
    case 'library':
      return `${year} 年的工作日按国务院办公厅公布的放假安排计算`;
    case 'weekends':
      return `尚未录入 ${year} 年的放假安排：目前只把周六、周日算作休息日，法定节假日和调休上班都未计入，请在国务院公布后录入`;
  }
}

/** Whether `key` is a working day in Shanghai: a weekday not off, or a make-up weekend day. */
export function isWorkingDay(key: DateKey, arrangements: Arrangements): boolean {
  requireDateKey(key);
  const year = Number(key.slice(0, 4));
  switch (calendarSource(year, arrangements)) {
    case 'union': {
      const arrangement = arrangements[year] as HolidayArrangement;
      if (arrangement.on.includes(key)) return true;
      if (arrangement.off.includes(key)) return false;
      return !isWeekend(key);
    }
    case 'library':
      if (LIBRARY.workdays[key] !== undefined) return true;
      if (LIBRARY.holidays[key] !== undefined) return false;
      return !isWeekend(key);
    case 'weekends':
      return !isWeekend(key);
  }
}

function requireCount(n: number, min: number): void {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`working days must be an integer ≥ ${min}: ${n}`);
}

/** The n-th working day after `from` (n ≥ 1); `from` itself never counts, whether or not it is a working day. */
export function addWorkingDays(from: DateKey, n: number, arrangements: Arrangements): DateKey {
  requireDateKey(from);
  requireCount(n, 1);
  let day = from;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, arrangements)) left -= 1;
  }
  return day;
}

/** `key` if it is a working day, else the next working day — where something "due today" lands on a day off. */
export function sameOrNextWorkingDay(key: DateKey, arrangements: Arrangements): DateKey {
  requireDateKey(key);
  return isWorkingDay(key, arrangements) ? key : addWorkingDays(key, 1, arrangements);
}

/**
 * The date key by which something submitted at `submittedAt` is due, counted on the Shanghai calendar:
 * 0 working days = the same working day (submitted on a day off: the next working day); N ≥ 1 = the N-th working
 * day after the submission day. Compare with instants through `dueInstant`.
 */
export function dueDate(submittedAt: Date, workingDays: number, arrangements: Arrangements): DateKey {
  requireCount(workingDays, 0);
  if (Number.isNaN(submittedAt.getTime())) throw new RangeError('not an instant');
  const day = shanghaiDateKey(submittedAt);
  return workingDays === 0 ? sameOrNextWorkingDay(day, arrangements) : addWorkingDays(day, workingDays, arrangements);
}

/** The instant a due date ends: the next Shanghai day's 00:00 (+08:00), so "overdue" is `now >= dueInstant(key)`. */
export function dueInstant(key: DateKey): Date {
  requireDateKey(key);
  return startOfShanghaiDay(addDays(key, 1));
}

/**
 * Working days after `from` up to and including `to` (0 when `to` ≤ `from`): how many working days are left until
 * a deadline ("due soon" is ≤ 1), or how many a case took.
 */
export function workingDaysBetween(from: DateKey, to: DateKey, arrangements: Arrangements): number {
  requireDateKey(from);
  requireDateKey(to);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day, arrangements)) count += 1;
  }
  return count;
}

/**
 * Problems of an officer-entered arrangement for `year`, each at its field (`['off', 3]`), in Chinese: dates
 * must be real and inside the year, listed once, never both off and on; a make-up day (`on`) is a Saturday or
 * Sunday, and a day off (`off`) is a weekday — a weekend is off anyway, so listing it is a slip worth catching.
 */
export function validateArrangement(year: number, arrangement: HolidayArrangement): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const lists = [
    ['off', '放假日'],
    ['on', '调休上班日'],
  ] as const;
  for (const [field, label] of lists) {
    const dates = arrangement[field];
    if (dates.length > MAX_ARRANGEMENT_DATES) {
      issues.push({ path: [field], message: `${label}最多填写 ${MAX_ARRANGEMENT_DATES} 个` });
    }
    const seen = new Set<string>();
    dates.forEach((key, i) => {
      const path = [field, i];
      if (typeof key !== 'string' || !isValidDateKey(key)) {
        issues.push({ path, message: `第 ${i + 1} 个${label}不是有效日期，请按“2027-01-01”的格式填写` });
        return;
      }
      if (Number(key.slice(0, 4)) !== year) {
        issues.push({ path, message: `${describeDay(key)}不在 ${year} 年内` });
        return;
      }
      if (seen.has(key)) {
        issues.push({ path, message: `${describeDay(key)}重复填写了` });
        return;
      }
      seen.add(key);
      if (field === 'on' && arrangement.off.includes(key)) {
        issues.push({ path, message: `${describeDay(key)}不能既放假又上班` });
      } else if (field === 'on' && !isWeekend(key)) {
        issues.push({ path, message: `${describeDay(key)}不是周末：调休上班日应为周六或周日` });
      } else if (field === 'off' && isWeekend(key)) {
        issues.push({ path, message: `${describeDay(key)}是周末，本来就休息：放假日只需填写周一至周五` });
      }
    });
  }
  return issues;
}
