/** What a member does with events: browse, sign up, cancel, see their own, check themselves in. */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { EventsContract } from '../../src/core/contracts/events';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError } from '../../src/core/errors';
import { parseCheckinText } from '../../src/core/domain/events';
import type { Db } from '../db';
import { tempUrls } from '../db/files';
import type { MemberDoc } from '../db/types';
import type { Actor } from '../runtime/actor';
import { notify } from '../notices/api';
import { cancelSignup as cancelSeat, checkIn, checkinRefusal, eventOf, signUp, waitlistPosition } from './seats';
import { failedAttempt, forgetAttempts, releaseAttempt, takeAttempt, type AttemptLimit } from '../db/attempts';
import { formatDateTimeZh } from '../../src/core/time';
import { coverOf, eventCardView, eventDetailView, mySignupView } from './views';
import { cancelledSignupNotice, confirmedNotice, promotedNotice, waitlistedNotice } from './messages';
import { eventsTables, signupId, type EventDoc } from './store';

type H<K extends ActionName<EventsContract>> = Handler<EventsContract, K, ActorContext>;

/** Events are a member's service: the caller must be on the roster (clerks and committee-only accounts are not). */
export function memberOf(actor: Actor): MemberDoc {
  if (!actor.member) throw new AppError('FORBIDDEN', '只有本工会会员可以报名活动');
  return actor.member;
}

/** Temporary links to the covers of these events, in one storage call. */
export async function coverUrls(events: EventDoc[]): Promise<Map<string, string>> {
  return tempUrls(events.map((e) => e.coverFileID).filter((f): f is string => f !== null));
}

/** Cards for these events, with the member's own sign-ups (one query) and waitlist places. */
async function cards(db: Db, events: EventDoc[], member: MemberDoc, now: Date) {
  const _ = db.command;
  const [mine, covers] = await Promise.all([
    events.length ? eventsTables(db).signups.find({ memberId: member._id, eventId: _.in(events.map((e) => e._id)) }, { limit: events.length }) : Promise.resolve([]),
    coverUrls(events),
  ]);
  const byEvent = new Map(mine.map((s) => [s.eventId, s]));
  return Promise.all(
    events.map(async (e) => {
      const s = byEvent.get(e._id) ?? null;
      return eventCardView(e, member, s, s ? await waitlistPosition(db, s) : null, now, coverOf(covers, e));
    }),
  );
}

export const list: H<'list'> = async (input, { db, actor, now }) => {
  const member = memberOf(actor);
  const _ = db.command;
  const upcoming = input.scope === 'upcoming';
  const where = { unionId: actor.unionId, status: _.neq('cancelled'), endsAt: upcoming ? _.gte(now) : _.lt(now) };
  const { items, total } = await eventsTables(db).events.findPage(where, ['startsAt', upcoming ? 'asc' : 'desc'], input.page, input.pageSize);
  return { items: await cards(db, items, member, now), total, page: input.page, pageSize: input.pageSize };
};

export const get: H<'get'> = async (input, { db, actor, now }) => {
  const member = memberOf(actor);
  const [e, s] = await Promise.all([eventOf(db, input.eventId, actor.unionId), eventsTables(db).signups.byId(signupId(input.eventId, member._id))]);
  const covers = await coverUrls([e]);
  return eventDetailView(e, member, s, s ? await waitlistPosition(db, s) : null, now, coverOf(covers, e));
};

export const signup: H<'signup'> = async (input, { db, actor, now }) => {
  const member = memberOf(actor);
  const { event, signup: s, position: accepted, repeated, promoted } = await signUp(db, { eventId: input.eventId, member, openid: actor.openid, answers: input.answers, now });
  // A new sign-up's place is known from its claim; a repeated one's may have moved up since.
  const position = repeated ? await waitlistPosition(db, s) : accepted;
  const own = repeated ? [] : [{ ...(s.status === 'confirmed' ? confirmedNotice(event, s) : waitlistedNotice(event, s, position ?? 0)), boundTo: actor.openid }];
  if (own.length || promoted.length) await notify(db, [...own, ...promoted.map((p) => promotedNotice(event, p))], now);
  return { signup: mySignupView(s, position), repeated };
};

export const cancelSignup: H<'cancelSignup'> = async (input, { db, actor, now }) => {
  const member = memberOf(actor);
  const { event, signup: s, promoted } = await cancelSeat(db, { eventId: input.eventId, member, now });
  await notify(db, [cancelledSignupNotice(event, s), ...promoted.map((p) => promotedNotice(event, p))], now);
  return { signup: mySignupView(s, null) };
};

export const mine: H<'mine'> = async (_input, { db, actor, now }) => {
  const member = memberOf(actor);
  const _ = db.command;
  const signups = await eventsTables(db).signups.find({ memberId: member._id, status: _.in(['confirmed', 'waitlisted']) }, { orderBy: [['signedUpAt', 'desc']], limit: 100 });
  const events = signups.length ? await eventsTables(db).events.find({ _id: _.in(signups.map((s) => s.eventId)), unionId: actor.unionId }, { limit: signups.length }) : [];
  const byId = new Map(events.map((e) => [e._id, e]));
  const covers = await coverUrls(events);
  const items = await Promise.all(
    signups
      .filter((s) => byId.has(s.eventId))
      .map(async (s) => {
        const e = byId.get(s.eventId) as EventDoc;
        const position = await waitlistPosition(db, s);
        return { e, s, position, card: eventCardView(e, member, s, position, now, coverOf(covers, e)) };
      }),
  );
  // Coming events first, soonest first; then past ones, latest first.
  const rank = (e: EventDoc) => (e.endsAt >= now ? e.startsAt.getTime() : Number.MAX_SAFE_INTEGER - e.startsAt.getTime());
  items.sort((a, b) => rank(a.e) - rank(b.e));
  return { items: items.map((i) => ({ event: i.card, signup: mySignupView(i.s, i.position) })) };
};

/**
 * The event's code as the member gave it: typed (the digits shown at the door) or scanned from the event's QR code
 * (`event:<eventId>:<code>`, see core/domain/events). A member's own code, or another event's, is refused by name.
 */
function eventCodeOf(raw: string, e: EventDoc): string {
  const text = parseCheckinText(raw);
  if (text.kind === 'member') throw new AppError('NOT_ALLOWED', '这是会员个人的签到码，不是活动签到码。请扫描活动现场展示的签到二维码，或输入现场公布的签到码', [{ path: ['code'], message: '不是活动签到码' }]);
  if (text.kind === 'event' && text.eventId !== e._id) throw new AppError('NOT_ALLOWED', '这是另一个活动的签到二维码，请扫描本活动现场展示的二维码', [{ path: ['code'], message: '不是本活动的签到码' }]);
  return text.code;
}

/** One member's self check-in tries at one event, and all tries at one event: a 6-digit code is not searchable. */
export const CHECKIN_LIMIT: AttemptLimit = { max: 5, lockMs: 10 * 60_000, forgetMs: 3600_000 };
export const EVENT_CHECKIN_LIMIT: AttemptLimit = { max: 100, lockMs: 10 * 60_000, forgetMs: 10 * 60_000 };

export const checkinSelf: H<'checkinSelf'> = async (input, { db, actor, now }) => {
  const member = memberOf(actor);
  const e = await eventOf(db, input.eventId, actor.unionId);
  // Outside the check-in day every code gets the same answer: a right code early says nothing a wrong one does not.
  const closed = checkinRefusal(e, now);
  if (closed) throw new AppError('NOT_ALLOWED', closed);
  const code = eventCodeOf(input.code, e);
  const mine = `checkin:${e._id}:${actor.openid}`;
  const everyone = `checkin-event:${e._id}`;
  const taken = await takeAttempt(db, mine, CHECKIN_LIMIT, now);
  if (!taken.ok) throw new AppError('RATE_LIMITED', `签到码错误次数过多，请于 ${formatDateTimeZh(taken.until)} 后再试，或请工作人员扫您的签到码为您签到`);
  const shared = await takeAttempt(db, everyone, EVENT_CHECKIN_LIMIT, now);
  if (!shared.ok) {
    await releaseAttempt(db, mine);
    throw new AppError('RATE_LIMITED', '本活动的自助签到因多次输错签到码暂停使用，请工作人员扫您的签到码为您签到');
  }
  if (code !== e.eventCode) {
    await Promise.all([failedAttempt(db, mine, taken, CHECKIN_LIMIT, now), failedAttempt(db, everyone, shared, EVENT_CHECKIN_LIMIT, now)]);
    throw new AppError('NOT_ALLOWED', '签到码不正确，请核对现场公布的签到码', [{ path: ['code'], message: '签到码不正确' }]);
  }
  await Promise.all([forgetAttempts(db, mine), releaseAttempt(db, everyone)]);
  const { signup: s } = await checkIn(db, { eventId: e._id, unionId: actor.unionId, signupId: signupId(e._id, member._id), by: actor.openid, now }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_ALLOWED', '您没有报名这个活动');
    throw error;
  });
  return { signup: mySignupView(s, null) };
};
