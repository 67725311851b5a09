/**
 * Birthdays and their cake vouchers: when a member's voucher is issued (the union's timing), which birthdays a run
 * of the daily job covers (with catch-up after missed days), 29 February, how long a voucher is valid, its short
 * code and the words members and clerks read. Pure: `now` (or the Shanghai day) is passed in.
 */
import { addDays, isValidDateKey, type DateKey } from '../time';

/** When the voucher is issued: on the birthday, N days before it, or on the 1st of the birthday's month. */
export const BIRTHDAY_TIMINGS = ['onDay', 'daysBefore', 'monthStart'] as const;
export type BirthdayTiming = (typeof BIRTHDAY_TIMINGS)[number];
export const TIMING_LABELS: Record<BirthdayTiming, string> = {
  onDay: '生日当天发放',
  daysBefore: '生日前几天发放',
  monthStart: '每月1日发放当月生日的蛋糕券',
};

export interface BirthdaySchedule {
  timing: BirthdayTiming;
  /** Used with `daysBefore` only. */
  daysBefore: number;
}

export const DAYS_BEFORE_MAX = 30;
export const VALID_DAYS_MAX = 90;
export const DEFAULT_VALID_DAYS = 30;
/** How far back a job that missed days catches up (birthdays older than this are not issued by a late run). */
export const MAX_CATCH_UP_DAYS = 62;

/** The indexed month-day of a birth date: '1985-03-12' → '03-12'. */
export function monthDayOf(birthDate: DateKey): string {
  return birthDate.slice(5, 10);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The last day of the month of `day`. */
export function lastOfMonth(day: DateKey): DateKey {
  const [y, m] = day.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

const later = (a: DateKey, b: DateKey) => (a > b ? a : b);

/** The latest birthday whose voucher is due on `day`: the day itself, N days ahead, or the end of the month. */
export function lastDueBirthday(s: BirthdaySchedule, day: DateKey): DateKey {
  if (s.timing === 'onDay') return day;
  if (s.timing === 'daysBefore') return addDays(day, s.daysBefore);
  return lastOfMonth(day);
}

/** The day a birthday's voucher is issued under the schedule (a run on that day or later issues it). */
export function issueDayOf(s: BirthdaySchedule, birthday: DateKey): DateKey {
  if (s.timing === 'onDay') return birthday;
  if (s.timing === 'daysBefore') return addDays(birthday, -s.daysBefore);
  return `${birthday.slice(0, 7)}-01`;
}

/**
 * The birthdays (inclusive range of dates) a run on `day` issues: those after `doneThrough` (the last birthday
 * the union's runs have settled) up to the latest birthday due today. A union that has never run starts with the
 * birthdays from the day it switched the service on (`startedOn`). A job that missed days catches up, at most
 * MAX_CATCH_UP_DAYS back. Null: nothing to do today (a later timing already covered, or a month-start union mid-month).
 * A timing changed since the last run never skips a birthday nor covers one twice: the range continues from
 * `doneThrough`, whatever the timing was.
 */
export function birthdayWindow(s: BirthdaySchedule, day: DateKey, doneThrough: DateKey | null, startedOn: DateKey): { first: DateKey; last: DateKey } | null {
  const last = lastDueBirthday(s, day);
  let first = doneThrough ? addDays(doneThrough, 1) : startedOn;
  first = later(first, addDays(day, -MAX_CATCH_UP_DAYS));
  return first <= last ? { first, last } : null;
}

/**
 * Each member month-day ('MM-DD', the indexed field) whose birthday falls in [first, last], and the date it falls
 * on. 29 February: in a common year celebrated on 28 February (core/time birthdayInYear), so '02-29' maps to the
 * 28th when the range holds a common year's 28 February. The range is less than a year, so each month-day falls once.
 */
export function birthdaysInWindow(first: DateKey, last: DateKey): Map<string, DateKey> {
  const out = new Map<string, DateKey>();
  for (let d = first, guard = 0; d <= last && guard < 400; d = addDays(d, 1), guard += 1) {
    out.set(monthDayOf(d), d);
    if (monthDayOf(d) === '02-28' && !isLeapYear(Number(d.slice(0, 4)))) out.set('02-29', d);
  }
  return out;
}

/**
 * The last day a voucher may be used: `validDays` days counted from the later of the day it is issued and the
 * birthday (the birthday itself is day 1), so a voucher issued early still lasts its days after the birthday.
 */
export function voucherLastDay(issuedOn: DateKey, birthday: DateKey, validDays: number): DateKey {
  return addDays(later(issuedOn, birthday), Math.max(1, validDays) - 1);
}

export const VOUCHER_STATUSES = ['issued', 'redeemed', 'expired'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

/** What a voucher is on `today` (Shanghai): an issued voucher past its last day is expired even before the job says so. */
export function voucherState(status: VoucherStatus, lastDay: DateKey, today: DateKey): VoucherStatus {
  if (status === 'issued' && today > lastDay) return 'expired';
  return status;
}

export const VOUCHER_STATUS_LABELS: Record<VoucherStatus, string> = { issued: '可使用', redeemed: '已使用', expired: '已过期' };

/** Codes people read aloud and type: no 0/O, 1/I/L. */
export const VOUCHER_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const VOUCHER_CODE_LENGTH = 10;
const CODE_SHAPE = new RegExp(`^[${VOUCHER_CODE_ALPHABET}]{${VOUCHER_CODE_LENGTH}}$`);

/** What the QR code holds: a prefix that says what it is, and the code. */
export const VOUCHER_QR_PREFIX = 'CAKE:';

/** A code as a clerk typed or scanned it: the QR's prefix dropped, spaces and dashes removed, upper case. */
export function normaliseVoucherCode(text: string): string {
  const t = text.trim().toUpperCase();
  const bare = t.startsWith(VOUCHER_QR_PREFIX) ? t.slice(VOUCHER_QR_PREFIX.length) : t;
  return bare.replace(/[\s\-_]/g, '');
}

export function isVoucherCodeShape(code: string): boolean {
  return CODE_SHAPE.test(code);
}

/** What a clerk reads for a code that is not a voucher: the same for a near miss, a malformed code, another union's. */
export const WRONG_CODE = '券码不正确，请核对后重新输入，或请会员出示二维码扫描';

/** 'ABCDEFGHJK' → 'ABCDE FGHJK': easier to read aloud and type. */
export function formatVoucherCode(code: string): string {
  return code.length === VOUCHER_CODE_LENGTH ? `${code.slice(0, 5)} ${code.slice(5)}` : code;
}

/** 'YYYY-MM' of a Shanghai day key. */
export function monthOf(day: DateKey): string {
  return day.slice(0, 7);
}

export function isValidMonthDay(md: string): boolean {
  return /^\d{2}-\d{2}$/.test(md) && isValidDateKey(`2024-${md}`);
}
