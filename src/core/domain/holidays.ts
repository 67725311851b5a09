/**
 * Holiday gift batches (节日慰问品): when each statutory holiday falls, the claim window a batch gets by default, the
 * states of a batch and of a member's claim, and their labels. Pure: `now` is passed in.
 *
 * The holidays' dates are in ./holidayDates.ts (the lunar calendar library stays out of the pages' bundles).
 */
import { HOLIDAY_LABELS, type Holiday } from '../policy/items';
import { addDays, isValidDateKey, shanghaiAt, shanghaiDateKey, type DateKey } from '../time';
/** The years the lunar calendar of the library covers (its tables run 1900–2100); batches are for 2000–2099. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

/** "2026年中秋节慰问品" — what a batch is called when the officer gives it no title of its own. */
export function defaultBatchTitle(holiday: Holiday, year: number): string {
  const name = HOLIDAY_LABELS[holiday];
  return `${year}年${name.endsWith('节') || holiday === 'newYear' ? name : `${name}节`}慰问品`;
}

/** How many days before the holiday members must have chosen, and until when gifts are picked up, by default. */
export const DEFAULT_DEADLINE_DAYS = 7;
/** A window shorter than this from today is not worth opening: the deadline moves closer to the holiday instead. */
export const MIN_CHOOSING_DAYS = 3;
/** The time of day (Shanghai) the choosing closes on the deadline day. */
export const DEADLINE_TIME = '18:00';

export interface BatchWindow {
  /** The last day to choose (Shanghai); choosing closes at DEADLINE_TIME that day. */
  closesOn: DateKey;
  /** The last day to pick up; after it, gifts not picked up are reported. */
  pickupEndsOn: DateKey;
}

/**
 * The window a new batch gets: choosing until a week before the holiday (the officers then order and hand out), and
 * pickup until the eve of the holiday. A batch created late keeps at least MIN_CHOOSING_DAYS of choosing, but never
 * past the eve; one created after the eve has no default (null: the holiday has passed for gifts).
 */
export function defaultWindow(holiday: DateKey, now: Date): BatchWindow | null {
  const today = shanghaiDateKey(now);
  const eve = addDays(holiday, -1);
  if (today >= eve) return null;
  const closesOn = addDays(holiday, -DEFAULT_DEADLINE_DAYS);
  const earliest = addDays(today, MIN_CHOOSING_DAYS);
  // Today is before the eve, so the day before the eve is today or later: late batches close then at the latest.
  const latest = addDays(eve, -1);
  if (closesOn >= earliest) return { closesOn, pickupEndsOn: eve };
  return { closesOn: earliest < latest ? earliest : latest, pickupEndsOn: eve };
}

/** The instant choosing closes: DEADLINE_TIME (Shanghai) on the deadline day. */
export const closesAtOf = (closesOn: DateKey): Date => shanghaiAt(closesOn, DEADLINE_TIME);

/** Why a window an officer set cannot be used, or null. */
export function windowProblem(w: BatchWindow, holiday: DateKey, now: Date): { field: keyof BatchWindow; message: string } | null {
  const today = shanghaiDateKey(now);
  if (!isValidDateKey(w.closesOn)) return { field: 'closesOn', message: '截止日期不正确' };
  if (!isValidDateKey(w.pickupEndsOn)) return { field: 'pickupEndsOn', message: '领取截止日期不正确' };
  if (closesAtOf(w.closesOn) <= now || w.closesOn < today) return { field: 'closesOn', message: '选择截止日期须晚于现在' };
  if (w.closesOn > holiday) return { field: 'closesOn', message: '选择截止日期不能晚于节日当天' };
  if (w.pickupEndsOn < w.closesOn) return { field: 'pickupEndsOn', message: '领取截止日期不能早于选择截止日期' };
  if (w.pickupEndsOn > addDays(holiday, 30)) return { field: 'pickupEndsOn', message: '领取截止日期最晚为节后 30 天' };
  return null;
}

/** A batch's states: 草稿 (options being set), 选择中 (open), 待领取 (deadline passed, fallback applied), 已结束. */
export const BATCH_STATUSES = ['draft', 'open', 'closed', 'ended'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = { draft: '未开放', open: '选择中', closed: '已截止，待领取', ended: '已结束' };

/**
 * How a batch reads now: an open batch past its deadline reads 已截止 before the daily job has closed it (the
 * function refuses choices from that instant anyway).
 */
export function batchStatusLabel(status: BatchStatus, closesAt: Date, now: Date): string {
  if (status === 'open' && now >= closesAt) return '已截止，待领取';
  return BATCH_STATUS_LABELS[status];
}

/** Whether a member may choose or change now. */
export const mayChoose = (status: BatchStatus, closesAt: Date, now: Date): boolean => status === 'open' && now < closesAt;

/** A claim's states: chosen (to pick up or be delivered), picked up (or delivered), reversed (not picked up, taken back). */
export const CLAIM_STATUSES = ['chosen', 'picked', 'reversed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = { chosen: '待领取', picked: '已领取', reversed: '未领取，已收回' };

export const GIFT_FORMS = ['in_kind', 'pickup_voucher'] as const;

/** The way a member gets the gift. */
export const WAYS = ['pickup', 'delivery'] as const;
export type Way = (typeof WAYS)[number];
export const WAY_LABELS: Record<Way, string> = { pickup: '到点领取', delivery: '送货上门' };

/** Pickup codes: 8 characters without look-alikes (no 0/O, 1/I/L), 31^8 ≈ 8.5 × 10^11 codes. */
export const PICKUP_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PICKUP_CODE_LENGTH = 8;

/** What an officer typed or scanned, as a code: spaces and dashes dropped, upper case, the QR's prefix removed. */
export function normalizePickupCode(raw: string): string {
  return raw
    .trim()
    .replace(/^gift:/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
}

/** The code as shown to people: two groups of four (ABCD 2345). */
export const pickupCodeText = (code: string): string => (code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code);

/** What a pickup QR code holds. */
export const pickupQrPayload = (code: string): string => `gift:${code}`;
