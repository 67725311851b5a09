/**
 * Business dates live in Asia/Shanghai; cloud functions run in UTC and store Dates (UTC instants).
 *
 * Asia/Shanghai has been UTC+8 without daylight saving since 1991, so a fixed offset is exact for every
 * date this system handles. We use dayjs' utc plugin with that offset instead of the timezone plugin on
 * purpose: the timezone plugin needs a full `Intl` time-zone database, which some WeChat client runtimes lack.
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
export const SHANGHAI_TZ = 'Asia/Shanghai';

/** A date without time, as members think of it: `YYYY-MM-DD`. */
export type DateKey = string;

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant `date` seen on a Shanghai wall clock. */
export function inShanghai(date: Date | number | string): Dayjs {
  return dayjs(date).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** The Shanghai calendar day of an instant, e.g. 2024-02-09T16:30Z → "2024-02-10". */
export function shanghaiDateKey(date: Date | number): DateKey {
  return inShanghai(date).format('YYYY-MM-DD');
}

export function shanghaiYear(date: Date | number): number {
  return inShanghai(date).year();
}

export function isValidDateKey(key: string): key is DateKey {
  const m = DATE_KEY.exec(key);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** The instant a Shanghai calendar day starts (00:00 +08:00). */
export function startOfShanghaiDay(key: DateKey): Date {
  if (!isValidDateKey(key)) throw new RangeError(`not a date: ${String(key)}`);
  const [y, mo, d] = key.split('-').map(Number);
  return new Date(Date.UTC(y, mo - 1, d) - SHANGHAI_OFFSET_MINUTES * 60_000);
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant of a Shanghai wall-clock time ("HH:mm") on a Shanghai day. */
export function shanghaiAt(key: DateKey, hhmm: string): Date {
  const t = HHMM.exec(hhmm);
  if (!t) throw new RangeError(`not a time: ${hhmm}`);
  return new Date(startOfShanghaiDay(key).getTime() + (Number(t[1]) * 60 + Number(t[2])) * 60_000);
}

/** Whether a string is a 24-hour "HH:mm" time. */
export function isValidTime(hhmm: string): boolean {
  return HHMM.test(hhmm);
}

/** The Shanghai day that contains `now`, as [start, end) instants. */
export function shanghaiDayRange(now: Date): { start: Date; end: Date } {
  const start = startOfShanghaiDay(shanghaiDateKey(now));
  return { start, end: new Date(start.getTime() + 24 * 3600_000) };
}

/** Add whole days to a date key (calendar arithmetic, no time zone involved). */
export function addDays(key: DateKey, days: number): DateKey {
  const start = startOfShanghaiDay(key);
  return shanghaiDateKey(new Date(start.getTime() + days * 24 * 3600_000));
}

/**
 * The date a birthday falls on in `year`. A 29 February birthday is kept on 28 February in common years,
 * the date most unions use (it stays within the birth month).
 */
export function birthdayInYear(birthDate: DateKey, year: number): DateKey {
  if (!isValidDateKey(birthDate)) throw new RangeError(`not a date: ${String(birthDate)}`);
  const [, mo, d] = birthDate.split('-');
  const candidate = `${String(year).padStart(4, '0')}-${mo}-${d}`;
  return isValidDateKey(candidate) ? candidate : `${String(year).padStart(4, '0')}-${mo}-28`;
}

/** Completed years of age on the Shanghai day of `now`. */
export function ageOn(birthDate: DateKey, now: Date): number {
  const today = shanghaiDateKey(now);
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** 0 = Sunday … 6 = Saturday, from the key alone (no time zone involved). */
export function dayOfWeek(key: DateKey): number {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** "周四" */
export const weekdayZh = (key: DateKey): string => WEEKDAYS_ZH[dayOfWeek(key)];

/**
 * A day as people write it: "12月3日"; with the year ("2027年1月4日") when given `now` and it is not now's year in
 * Shanghai; "12月3日（周四）" with `weekday` — for deadlines, where the day of the week is what people plan by.
 */
export function dayZh(key: DateKey, options: { now?: Date; weekday?: boolean } = {}): string {
  const [y, m, d] = key.split('-').map(Number);
  const year = !options.now || y === shanghaiYear(options.now) ? '' : `${y}年`;
  return `${year}${m}月${d}日${options.weekday ? `（${weekdayZh(key)}）` : ''}`;
}

/** "2024年2月10日" */
export function formatDateZh(date: Date | number): string {
  return inShanghai(date).format('YYYY年M月D日');
}

/** "2024年2月10日 09:05" */
export function formatDateTimeZh(date: Date | number): string {
  return inShanghai(date).format('YYYY年M月D日 HH:mm');
}
