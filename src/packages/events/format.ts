/**
 * How events read on screen (时间, 名额, 我的报名), and the Shanghai date + time an officer picks turned into the
 * instant the contract takes, for the events subpackage's member and officer pages. Types only from the contract:
 * a value from a module that builds zod schemas has no business in display helpers.
 */
import type { EventAdminView, EventCard } from '@/core/contracts/events';
import { formatDateTimeZh, inShanghai, isValidDateKey, isValidTime, shanghaiAt, shanghaiDateKey } from '@/core/time';

/** "2025年5月20日 14:00–16:00"; both ends in full when the event runs over more than one day. */
export function eventTimeText(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = shanghaiDateKey(start) === shanghaiDateKey(end);
  return `${formatDateTimeZh(start)}–${sameDay ? inShanghai(end).format('HH:mm') : formatDateTimeZh(end)}`;
}

/** "剩余 12 个名额", "名额已满", "不限名额". */
export function seatsText(e: Pick<EventCard, 'capacity' | 'seatsLeft'>): string {
  if (e.capacity === null || e.seatsLeft === null) return '不限名额';
  return e.seatsLeft > 0 ? `剩余 ${e.seatsLeft} 个名额（共 ${e.capacity} 个）` : `名额已满（共 ${e.capacity} 个）`;
}

/** The caller's own sign-up in two to six characters, or null when they have none. */
export function myStatusText(mine: { status: 'confirmed' | 'waitlisted' | 'cancelled'; position: number | null } | null): string | null {
  if (!mine) return null;
  if (mine.status === 'confirmed') return '已报名';
  if (mine.status === 'waitlisted') return mine.position === null ? '候补中' : `候补第 ${mine.position} 位`;
  return null;
}

/** The outcome of a sign-up as the member is told it at once. */
export function signupOutcomeText(signup: { status: 'confirmed' | 'waitlisted' | 'cancelled'; position: number | null }): string {
  if (signup.status === 'waitlisted') return signup.position === null ? '名额已满，已进入候补' : `名额已满，已进入候补第 ${signup.position} 位`;
  return '报名成功';
}

/**
 * Whether a confirmed member may check themselves in from their phone: the event has started, or it is on today's
 * Shanghai calendar day (members arrive before the start). The function decides; this only shows the box.
 */
export function isEventDay(startsAt: string, now: Date = new Date()): boolean {
  const start = new Date(startsAt);
  return now >= start || shanghaiDateKey(now) === shanghaiDateKey(start);
}

/** An officer's one-word state of an event: cancelled, over, sign-up closed, not open yet, open. */
export function adminStatus(e: Pick<EventAdminView, 'status' | 'signupOpensAt' | 'signupClosesAt' | 'endsAt'>, now: Date = new Date()): { text: string; tone: 'ok' | 'warn' | 'muted' } {
  if (e.status === 'cancelled') return { text: '已取消', tone: 'muted' };
  if (now >= new Date(e.endsAt)) return { text: '已结束', tone: 'muted' };
  if (e.status === 'closed' || now >= new Date(e.signupClosesAt)) return { text: '已截止', tone: 'warn' };
  if (now < new Date(e.signupOpensAt)) return { text: '未开始报名', tone: 'warn' };
  return { text: '报名中', tone: 'ok' };
}

/**
 * A Shanghai wall-clock date (YYYY-MM-DD) and time (HH:mm) as the ISO instant the contract takes, or null when
 * either is missing or malformed. Shanghai is UTC+8 all year (core/time.ts), so the instant is exact.
 */
export function shanghaiInstant(date: string, time: string): string | null {
  return isValidDateKey(date) && isValidTime(time) ? shanghaiAt(date, time).toISOString() : null;
}

/** An ISO instant as the Shanghai date and time an officer's pickers show. */
export function shanghaiParts(iso: string): { date: string; time: string } {
  const d = inShanghai(iso);
  return { date: d.format('YYYY-MM-DD'), time: d.format('HH:mm') };
}

/** Now on a Shanghai clock, for the pickers' defaults. */
export function nowParts(now: Date = new Date()): { date: string; time: string } {
  return shanghaiParts(now.toISOString());
}
