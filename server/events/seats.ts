/**
 * Seats. The event document is the one place seats are counted, and every change of a sign-up's status happens in
 * a transaction that also writes the event document: so two sign-ups can never take the last seat, the
 * counters always equal the sign-ups, and the waitlist order is the order in which the transactions committed
 * (each takes the event's next sequence number). Everything that reads the waitlist to act on it does so inside
 * the transaction's callback: a sign-up that changed since the snapshot makes the event write conflict, and the
 * whole callback runs again on fresh data.
 */
import { randomInt } from 'node:crypto';
import { AppError } from '../../src/core/errors';
import { checkAnswers, cancelReason, type Answers } from '../../src/core/domain/events';
import { shanghaiDayRange } from '../../src/core/time';
import type { Db } from '../db';
import { inTransaction, type Tx } from '../db/transaction';
import type { MemberDoc } from '../db/types';
import { joinRefusal } from './views';
import { eventsTables, signupId, type EventDoc, type SignupDoc } from './store';

/**
 * A sign-up rush writes one event document from every instance at once: many more retries than usual, and on for
 * as long as 15 s (the events function times out at 20 s) however many that takes. Measured with 500 members on
 * 32 instances on this 2-core machine: 60 retries alone left 8 of them with a CONFLICT reply, 15 s of retries 3.
 * Beyond that, one transaction per sign-up on one document is the limit: see the README's figures.
 */
export const HOT = { retries: 60, withinMs: 15_000 };

type Counters = Pick<EventDoc, 'seatsTaken' | 'confirmedCount' | 'waitlistCount' | 'checkedInCount' | 'nextSeq'>;

function counters(e: EventDoc): Counters {
  return { seatsTaken: e.seatsTaken, confirmedCount: e.confirmedCount, waitlistCount: e.waitlistCount, checkedInCount: e.checkedInCount, nextSeq: e.nextSeq };
}

/**
 * A check-in code unique within the event: the sequence number (at least three digits, so no code is a prefix
 * of a longer one with the same length) followed by three random digits, so codes cannot be guessed in a row.
 */
function checkinCode(seq: number): string {
  return `${String(seq).padStart(3, '0')}${String(randomInt(0, 1000)).padStart(3, '0')}`;
}

/** The event if it is the caller's union's; another union's event does not exist for them. */
function ownEvent(e: EventDoc | null, unionId: string): EventDoc {
  if (!e || e.unionId !== unionId) throw new AppError('NOT_FOUND', '活动不存在或已被删除');
  return e;
}

/** An event of the caller's union, read outside a transaction (views, exports). */
export async function eventOf(db: Db, eventId: string, unionId: string): Promise<EventDoc> {
  return ownEvent(await eventsTables(db).events.byId(eventId), unionId);
}

async function loadEvent(tx: Tx, eventId: string, unionId: string): Promise<EventDoc> {
  return ownEvent(await tx.get<EventDoc>('events', eventId), unionId);
}

/**
 * Give freed seats to the waitlist, first come first served, inside the caller's transaction. Strict order: when
 * the first in line needs more seats than are free (family members), nobody behind them jumps ahead.
 * `e` is updated in place; the caller writes its counters.
 */
async function promote(db: Db, tx: Tx, e: EventDoc, now: Date): Promise<SignupDoc[]> {
  const promoted: SignupDoc[] = [];
  if (e.status === 'cancelled') return promoted;
  let afterSeq = -1;
  for (;;) {
    if (e.waitlistCount === 0) return promoted;
    const _ = db.command;
    const heads = await eventsTables(db).signups.find({ eventId: e._id, status: 'waitlisted', seq: _.gt(afterSeq) }, { orderBy: [['seq', 'asc']], limit: 20 });
    if (heads.length === 0) return promoted;
    for (const s of heads) {
      if (e.capacity !== null && e.seatsTaken + s.seats > e.capacity) return promoted;
      await tx.update('event_signups', s._id, { status: 'confirmed', confirmedAt: now, updatedAt: now });
      e.seatsTaken += s.seats;
      e.confirmedCount += 1;
      e.waitlistCount -= 1;
      promoted.push({ ...s, status: 'confirmed', confirmedAt: now, updatedAt: now });
      afterSeq = s.seq;
    }
  }
}

export interface SignupOutcome {
  event: EventDoc;
  signup: SignupDoc;
  /** The place on the waitlist when this sign-up was accepted (the end of the line), else null. */
  position: number | null;
  repeated: boolean;
}

/** Sign a member up: a seat if one is free and nobody is waiting, else the end of the waitlist. */
export async function signUp(db: Db, args: { eventId: string; member: MemberDoc; openid: string; answers: Answers; now: Date }): Promise<SignupOutcome> {
  const { member, now } = args;
  const id = signupId(args.eventId, member._id);
  return inTransaction(
    db,
    async (tx) => {
      const e = await loadEvent(tx, args.eventId, member.unionId);
      const existing = await tx.get<SignupDoc>('event_signups', id);
      // Signed up already (a second tap, a retried request): the same sign-up, unchanged.
      if (existing && existing.status !== 'cancelled') return { event: e, signup: existing, position: null, repeated: true };
      const refusal = joinRefusal(e, member, now);
      if (refusal) throw new AppError('NOT_ALLOWED', refusal);
      const checked = checkAnswers(e.extraFields, args.answers);
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', checked.issues[0].message, checked.issues);
      if (e.capacity !== null && checked.seats > e.capacity) {
        throw new AppError('NOT_ALLOWED', `本活动共 ${e.capacity} 个名额，连同家属 ${checked.seats} 人超过了名额`, [{ path: ['answers'], message: '人数超过活动名额' }]);
      }
      const c = counters(e);
      const seat = e.capacity === null || (c.waitlistCount === 0 && c.seatsTaken + checked.seats <= e.capacity);
      c.nextSeq += 1;
      if (seat) {
        c.seatsTaken += checked.seats;
        c.confirmedCount += 1;
      } else c.waitlistCount += 1;
      const signup: SignupDoc = {
        _id: id,
        unionId: member.unionId,
        eventId: e._id,
        memberId: member._id,
        openid: args.openid,
        name: member.name,
        employeeNo: member.employeeNo,
        department: member.department,
        status: seat ? 'confirmed' : 'waitlisted',
        seats: checked.seats,
        answers: checked.answers,
        seq: c.nextSeq,
        checkinCode: checkinCode(c.nextSeq),
        signedUpAt: now,
        confirmedAt: seat ? now : null,
        cancelledAt: null,
        checkedInAt: null,
        checkedInBy: null,
        updatedAt: now,
      };
      if (existing) {
        // Signing up again after cancelling: a new place at the end of the line, a new code.
        const { _id: _ignored, ...fields } = signup;
        await tx.update('event_signups', id, fields);
      } else await tx.insert('event_signups', signup);
      // The event last: between its write and the commit, every other sign-up of this event conflicts.
      await tx.update('events', e._id, { ...c });
      return { event: { ...e, ...c }, signup, position: seat ? null : c.waitlistCount, repeated: false };
    },
    HOT,
  );
}

export interface CancelOutcome {
  event: EventDoc;
  signup: SignupDoc;
  promoted: SignupDoc[];
}

/** Cancel a member's sign-up before the deadline; a freed seat goes to the waitlist in the same transaction. */
export async function cancelSignup(db: Db, args: { eventId: string; member: MemberDoc; now: Date }): Promise<CancelOutcome> {
  const { now } = args;
  const id = signupId(args.eventId, args.member._id);
  return inTransaction(
    db,
    async (tx) => {
      const e = await loadEvent(tx, args.eventId, args.member.unionId);
      const s = await tx.get<SignupDoc>('event_signups', id);
      if (!s || s.status === 'cancelled') throw new AppError('NOT_FOUND', '您没有报名这个活动，或已经取消');
      if (s.checkedInAt) throw new AppError('NOT_ALLOWED', '您已签到，不能取消报名');
      const why = cancelReason(e, now);
      if (why) throw new AppError('NOT_ALLOWED', why);
      if (s.status === 'confirmed') {
        e.seatsTaken -= s.seats;
        e.confirmedCount -= 1;
      } else e.waitlistCount -= 1;
      await tx.update('event_signups', id, { status: 'cancelled', cancelledAt: now, updatedAt: now });
      const promoted = await promote(db, tx, e, now);
      await tx.update('events', e._id, { ...counters(e) });
      return { event: e, signup: { ...s, status: 'cancelled', cancelledAt: now, updatedAt: now }, promoted };
    },
    HOT,
  );
}

/**
 * Change an event (an officer's edit, closing, cancelling) in a transaction on its document, then give any
 * seats that opened up (more capacity) to the waitlist.
 */
export async function changeEvent(
  db: Db,
  args: { eventId: string; unionId: string; now: Date; change: (e: EventDoc) => Partial<EventDoc> },
): Promise<{ before: EventDoc; event: EventDoc; promoted: SignupDoc[] }> {
  return inTransaction(
    db,
    async (tx) => {
      const before = await loadEvent(tx, args.eventId, args.unionId);
      const patch = args.change(before);
      const e: EventDoc = { ...before, ...patch, updatedAt: args.now };
      const promoted = await promote(db, tx, e, args.now);
      const { _id: _ignored, ...fields } = { ...patch, ...counters(e), updatedAt: args.now } as Partial<EventDoc>;
      await tx.update('events', e._id, fields);
      return { before, event: e, promoted };
    },
    HOT,
  );
}

/** Whether check-in is open: from the start of the event's Shanghai day to the end of the day it ends. */
export function checkinRefusal(e: EventDoc, now: Date): string | null {
  if (e.status === 'cancelled') return '活动已取消';
  if (now < shanghaiDayRange(e.startsAt).start) return '活动当天才能签到';
  if (now >= shanghaiDayRange(e.endsAt).end) return '活动已结束，不能再签到';
  return null;
}

/** Check a confirmed member in, once: in a transaction with the event's checked-in count. */
export async function checkIn(db: Db, args: { eventId: string; unionId: string; signupId: string; by: string; now: Date }): Promise<{ event: EventDoc; signup: SignupDoc }> {
  const { now } = args;
  return inTransaction(
    db,
    async (tx) => {
      const e = await loadEvent(tx, args.eventId, args.unionId);
      const s = await tx.get<SignupDoc>('event_signups', args.signupId);
      if (!s || s.eventId !== e._id) throw new AppError('NOT_FOUND', '签到码不正确，请核对后重试');
      if (s.status === 'waitlisted') throw new AppError('NOT_ALLOWED', `${s.name}在候补名单中，尚未获得名额，不能签到`);
      if (s.status === 'cancelled') throw new AppError('NOT_ALLOWED', `${s.name}已取消报名，不能签到`);
      if (s.checkedInAt) throw new AppError('NOT_ALLOWED', `${s.name}已签到，不能重复签到`);
      const why = checkinRefusal(e, now);
      if (why) throw new AppError('NOT_ALLOWED', why);
      await tx.update('event_signups', s._id, { checkedInAt: now, checkedInBy: args.by, updatedAt: now });
      await tx.update('events', e._id, { checkedInCount: e.checkedInCount + 1 });
      return { event: { ...e, checkedInCount: e.checkedInCount + 1 }, signup: { ...s, checkedInAt: now, checkedInBy: args.by, updatedAt: now } };
    },
    HOT,
  );
}

/** A waitlisted member's place in line (1-based). */
export async function waitlistPosition(db: Db, s: SignupDoc): Promise<number | null> {
  if (s.status !== 'waitlisted') return null;
  const _ = db.command;
  return (await eventsTables(db).signups.count({ eventId: s.eventId, status: 'waitlisted', seq: _.lt(s.seq) })) + 1;
}

const STATUS_ORDER: Record<SignupDoc['status'], number> = { confirmed: 0, waitlisted: 1, cancelled: 2 };

/** Every sign-up of the event, in the order they were accepted, with waitlist places. */
export async function entriesOf(db: Db, e: EventDoc) {
  const all = await eventsTables(db).signups.findAll({ eventId: e._id }, ['seq', 'asc']);
  let place = 0;
  const positions = new Map<string, number>();
  for (const s of all) if (s.status === 'waitlisted') positions.set(s._id, (place += 1));
  all.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.seq - b.seq);
  return { all, positions };
}
