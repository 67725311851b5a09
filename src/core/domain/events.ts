/**
 * Sports and cultural events (文体活动): what an officer publishes, who may join, and the rules a sign-up must
 * meet. Pure: every rule takes `now` and the member as arguments, so the function and the phone decide alike.
 * Seats themselves are counted in one place only — the event document, changed inside a transaction — and this
 * module only says how many seats a sign-up takes.
 *
 * No zod here on purpose: pages in subpackages import these values, and a value imported from a module that
 * builds zod schemas pulls zod's whole namespace into the main package. The schemas live in the contract.
 */
import { ageOn, birthdayInYear, formatDateZh, isValidDateKey, shanghaiDateKey, shanghaiYear, startOfShanghaiDay } from '../time';
import type { MemberStatus } from '../policy/items';

export const EVENT_KINDS = ['table_tennis', 'badminton', 'fun_games', 'outing', 'reading', 'speech', 'fitness', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  table_tennis: '乒乓球',
  badminton: '羽毛球',
  fun_games: '趣味运动会',
  outing: '春秋游',
  reading: '读书会',
  speech: '演讲',
  fitness: '健身运动会',
  other: '其他活动',
};

/** An extra question of the sign-up form. `family` answers count toward capacity (携带家属人数). */
export type ExtraField =
  | { key: string; label: string; type: 'choice'; options: string[]; required: boolean }
  | { key: string; label: string; type: 'yesno'; required: boolean }
  | { key: string; label: string; type: 'family'; max: number };

/** Who may join; an absent list means everyone. */
export interface Audience {
  genders?: ('male' | 'female')[];
  departments?: string[];
  minAge?: number;
  maxAge?: number;
  /** Only these members (by member id). */
  memberIds?: string[];
  /** Retirees may join. */
  retirees: boolean;
}

export interface EventRules {
  title: string;
  capacity: number | null;
  signupOpensAt: Date;
  signupClosesAt: Date;
  cancelDeadline: Date;
  startsAt: Date;
  audience: Audience;
  extraFields: ExtraField[];
  status: 'open' | 'closed' | 'cancelled';
}

export interface MemberFacts {
  id: string;
  gender: 'male' | 'female';
  department: string;
  birthDate: string;
  status: MemberStatus;
}

export type Refusal = { ok: false; reason: string };

/** Why a member may not join, in the words the event list shows beside it; null when they may. */
export function ineligibleReason(audience: Audience, m: MemberFacts, now: Date): string | null {
  if (m.status === 'transferred') return '已调离本单位';
  if (m.status === 'retired' && !audience.retirees) return '本活动限在职会员参加';
  if (audience.memberIds && !audience.memberIds.includes(m.id)) return '本活动限指定人员参加';
  if (audience.genders && !audience.genders.includes(m.gender)) return audience.genders.includes('female') ? '本活动限女会员参加' : '本活动限男会员参加';
  if (audience.departments && !audience.departments.includes(m.department)) return `本活动限${audience.departments.join('、')}参加`;
  if (isValidDateKey(m.birthDate)) {
    const age = ageOn(m.birthDate, now);
    if (audience.minAge !== undefined && age < audience.minAge) return `本活动限 ${audience.minAge} 周岁以上会员参加`;
    if (audience.maxAge !== undefined && age > audience.maxAge) return `本活动限 ${audience.maxAge} 周岁以下会员参加`;
  }
  return null;
}

/** Whether sign-up is open at `now`, or why not. */
export function signupWindowReason(e: EventRules, now: Date): string | null {
  if (e.status === 'cancelled') return '活动已取消';
  if (e.status === 'closed') return '报名已结束';
  if (now < e.signupOpensAt) return '报名尚未开始';
  if (now >= e.signupClosesAt) return '报名已截止';
  if (now >= e.startsAt) return '活动已开始';
  return null;
}

/**
 * Where a sign-up taking `seats` (the member and any family) would land now, told before the tap: null for a seat,
 * else its 1-based place at the end of the waitlist. The function decides the same way (server/events/seats.ts):
 * a seat only when the event is unlimited, or nobody is waiting and enough seats are left.
 */
export function waitlistPlace(e: { capacity: number | null; seatsLeft: number | null; waitlistCount: number }, seats = 1): number | null {
  if (e.capacity === null || e.seatsLeft === null) return null;
  return e.waitlistCount === 0 && e.seatsLeft >= seats ? null : e.waitlistCount + 1;
}

export function cancelReason(e: EventRules, now: Date): string | null {
  if (e.status === 'cancelled') return '活动已取消';
  if (now >= e.cancelDeadline) return '已过取消截止时间，如有特殊情况请联系工会干部';
  return null;
}

export type Answers = Record<string, string | boolean | number>;

/**
 * The answers to the event's extra questions, checked: each required question answered, choices among the
 * options, family counts whole numbers within the per-person limit. Returns the clean answers and the seats the
 * sign-up takes (the member plus family), or every problem by field.
 */
export function checkAnswers(fields: readonly ExtraField[], answers: Answers): { ok: true; answers: Answers; seats: number } | { ok: false; issues: { path: string[]; message: string }[] } {
  const issues: { path: string[]; message: string }[] = [];
  const clean: Answers = {};
  let seats = 1;
  for (const f of fields) {
    const v = answers[f.key];
    if (f.type === 'choice') {
      if (v === undefined || v === '') {
        if (f.required) issues.push({ path: ['answers', f.key], message: `请选择${f.label}` });
      } else if (typeof v !== 'string' || !f.options.includes(v)) issues.push({ path: ['answers', f.key], message: `${f.label}请从选项中选择` });
      else clean[f.key] = v;
    } else if (f.type === 'yesno') {
      if (v === undefined) {
        if (f.required) issues.push({ path: ['answers', f.key], message: `请选择${f.label}` });
      } else if (typeof v !== 'boolean') issues.push({ path: ['answers', f.key], message: `${f.label}请选择是或否` });
      else clean[f.key] = v;
    } else {
      const n = v === undefined || v === '' ? 0 : v;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) issues.push({ path: ['answers', f.key], message: `${f.label}应为 0 或正整数` });
      else if (n > f.max) issues.push({ path: ['answers', f.key], message: `${f.label}每人最多 ${f.max} 人` });
      else {
        clean[f.key] = n;
        seats += n;
      }
    }
  }
  const unknown = Object.keys(answers).filter((k) => !fields.some((f) => f.key === k));
  for (const k of unknown) issues.push({ path: ['answers', k], message: '本活动没有这一项' });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers: clean, seats };
}

/**
 * Check-in codes as QR codes. Two payloads, each naming its event so a code shown at one event cannot check
 * anybody in at another:
 *   - a member's code (详情 and 我的活动), read by the officer's 扫码签到 → `events.checkin`;
 *   - the event's code (shown at the door on the officer's phone), read by a member's 扫码签到 → `events.checkinSelf`.
 * Both functions also take the bare digits, typed.
 */
const MEMBER_PREFIX = 'checkin';
const EVENT_PREFIX = 'event';
const PAYLOAD = new RegExp(`^(${MEMBER_PREFIX}|${EVENT_PREFIX}):(.+):(\\d+)$`);

/** What a member's check-in QR code holds: `checkin:<eventId>:<code>`. */
export function memberCheckinPayload(eventId: string, code: string): string {
  return `${MEMBER_PREFIX}:${eventId}:${code}`;
}

/** What the event's check-in QR code holds: `event:<eventId>:<eventCode>`. */
export function eventCheckinPayload(eventId: string, eventCode: string): string {
  return `${EVENT_PREFIX}:${eventId}:${eventCode}`;
}

/**
 * What was scanned or typed at check-in: a member's QR payload, the event's QR payload, or anything else, taken as
 * typed digits (trimmed). Event ids may contain `:` themselves; the code is the digits after the last one.
 */
export type CheckinText = { kind: 'member' | 'event'; eventId: string; code: string } | { kind: 'typed'; code: string };

export function parseCheckinText(raw: string): CheckinText {
  const text = raw.trim();
  const m = PAYLOAD.exec(text);
  if (!m) return { kind: 'typed', code: text };
  return { kind: m[1] === MEMBER_PREFIX ? 'member' : 'event', eventId: m[2], code: m[3] };
}

/** The dates of a published event must follow each other; one Chinese sentence per problem. */
export function checkSchedule(e: Pick<EventRules, 'signupOpensAt' | 'signupClosesAt' | 'cancelDeadline' | 'startsAt'>): string[] {
  const out: string[] = [];
  if (e.signupClosesAt <= e.signupOpensAt) out.push('报名截止时间应晚于报名开始时间');
  if (e.startsAt < e.signupClosesAt) out.push('报名应在活动开始前截止');
  if (e.cancelDeadline > e.startsAt) out.push('取消截止时间不能晚于活动开始时间');
  if (e.cancelDeadline < e.signupOpensAt) out.push('取消截止时间不能早于报名开始时间');
  return out;
}

/** No event starts before 2000 or more than two years ahead: a date outside (a year typed 9999) is a typo. */
export const EVENT_EARLIEST_YEAR = 2000;
export const EVENT_HORIZON_YEARS = 2;

/** The last Shanghai day an event may fall on, seen at `now`: the same date two years on (29 February → 28th). */
export function lastEventDay(now: Date): string {
  const today = shanghaiDateKey(now);
  return birthdayInYear(today, Number(today.slice(0, 4)) + EVENT_HORIZON_YEARS);
}

/**
 * Problems of an event's start and end as published or moved at `now`, each at its field: before 2000, or later
 * than the same date two years ahead (Shanghai calendar).
 */
export function eventDateIssues(e: { startsAt: Date; endsAt: Date }, now: Date): { path: string[]; message: string }[] {
  const last = lastEventDay(now);
  const lastText = formatDateZh(startOfShanghaiDay(last));
  const out: { path: string[]; message: string }[] = [];
  for (const [field, what] of [
    ['startsAt', '开始'],
    ['endsAt', '结束'],
  ] as const) {
    const at = e[field];
    if (shanghaiYear(at) < EVENT_EARLIEST_YEAR) out.push({ path: [field], message: `活动${what}时间不能早于 ${EVENT_EARLIEST_YEAR} 年，请核对年份` });
    else if (shanghaiDateKey(at) > last) out.push({ path: [field], message: `活动${what}时间应在两年以内（不晚于${lastText}），请核对年份` });
  }
  return out;
}

/**
 * Who took part, for prizes and the policy's share of winners: those checked in at the door; when nobody was
 * checked in (an event run without check-in), everyone confirmed.
 */
export function prizeParticipants<S extends { status: string; checkedInAt: unknown }>(signups: readonly S[]): S[] {
  const confirmed = signups.filter((s) => s.status === 'confirmed');
  const present = confirmed.filter((s) => s.checkedInAt !== null);
  return present.length > 0 ? present : confirmed;
}

/**
 * The ledger id of a member's prize at an event. A prize reversed in the ledger may be given again: the n-th
 * prize of the same member gets `:n`, so each stays recorded once however often the results are sent.
 */
export function prizeEntryId(eventId: string, memberId: string, earlier: number): string {
  return earlier === 0 ? `${eventId}:prize:${memberId}` : `${eventId}:prize:${memberId}:${earlier + 1}`;
}
