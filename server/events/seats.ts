/**
 * Seats. The event document counts them; the sign-ups are the records. A rush of members on one event must not
 * queue on that document, one transaction (six round trips) each: so a sign-up takes its place with ONE
 * conditional atomic update of the event (`where(...).updateAndReturn`, the database's find-and-modify) and then
 * writes its record. The update's condition is the rule itself, checked by the database at the moment it applies:
 *   - a seat: the event is open and unchanged since the caller checked it (`updatedAt`), nobody is waiting, and
 *     the seats asked for fit — so two sign-ups can never take the last seat, nobody jumps the waitlist;
 *   - the end of the waitlist: the same event, and somebody is waiting or the seats do not fit.
 * Each update takes the event's next sequence number, returned with the document: the order of acceptance, the
 * waitlist order, and the place in line the member is told.
 *
 * Between a place's update and its record there is one round trip; a function that dies there (a crash, a
 * timeout) leaves a counter without its record. Nothing is lost and nobody is put ahead of anyone: the counters
 * are then what was claimed, and once no claim can still be on its way (`SETTLED_MS` after the last one, longer
 * than a function may run) they are set again from the records — by the next cancellation or edit that needs them,
 * and by the daily job (`reconcileEvents`). Everything that moves people between the lists (cancelling,
 * promoting, an officer's edit, check-in) stays a transaction on the event document: rare, and serialised with
 * the claims, since a claim changes the document and so makes a transaction that read it before conflict.
 */
import { randomInt } from 'node:crypto';
import { AppError } from '../../src/core/errors';
import { checkAnswers, cancelReason, type Answers } from '../../src/core/domain/events';
import { shanghaiDayRange } from '../../src/core/time';
import { isDuplicateKeyError, type Db } from '../db';
import { inTransaction, TryAgain, type Tx } from '../db/transaction';
import type { MemberDoc } from '../db/types';
import { FindAndModifyUnavailable } from '../db/table';
import { env } from '../runtime/env';
import { joinRefusal } from './views';
import { eventsTables, signupId, type EventDoc, type SignupDoc } from './store';

/**
 * Transactions on an event document wait for a rush of claims to pass rather than fail: as long as 15 s (the
 * events function times out at 20 s) however many retries that takes.
 */
export const HOT = { retries: 60, withinMs: 15_000 };

/**
 * A claim whose record is not written this long after it was the last one will never be: the function that made
 * it has died (functions time out at 20 s). Until then, a counter above the records may be a claim on its way.
 */
export const SETTLED_MS = 30_000;

type Counters = Pick<EventDoc, 'seatsTaken' | 'confirmedCount' | 'waitlistCount' | 'checkedInCount' | 'nextSeq'>;

function counters(e: EventDoc): Counters {
  return { seatsTaken: e.seatsTaken, confirmedCount: e.confirmedCount, waitlistCount: e.waitlistCount, checkedInCount: e.checkedInCount, nextSeq: e.nextSeq };
}

/** The counters and whether claims since they were last checked are still to be checked: what a transaction writes. */
function countersAndCheck(e: EventDoc): Counters & Pick<EventDoc, 'lastClaimAt'> {
  return { ...counters(e), lastClaimAt: e.lastClaimAt ?? null };
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

/** The event in a transaction that moves people between the lists, its counters checked first (see recount). */
async function loadCounted(db: Db, tx: Tx, eventId: string, unionId: string, now: Date): Promise<EventDoc> {
  const e = await loadEvent(tx, eventId, unionId);
  await recount(db, e, now);
  return e;
}

/**
 * The events this instance has read or claimed on lately. A sign-up checks the member's answers and the event's
 * rules against it, and its claim's condition includes the event's `updatedAt` and status: an officer's change
 * since (which bumps `updatedAt`) fails the claim, and the sign-up reads the event again. So a stale copy can cost
 * a retry, never a wrong answer; a fresh one saves a round trip per sign-up.
 */
const recent = new Map<string, { e: EventDoc; at: number }>();
const RECENT_MS = 10_000;

function remember(e: EventDoc): void {
  recent.delete(e._id);
  recent.set(e._id, { e, at: Date.now() });
  if (recent.size > 200) recent.delete(recent.keys().next().value as string);
}

async function eventForSignup(db: Db, eventId: string): Promise<EventDoc | null> {
  const hit = recent.get(eventId);
  if (hit && Date.now() - hit.at < RECENT_MS) return hit.e;
  const e = await eventsTables(db).events.byId(eventId);
  if (e) remember(e);
  return e;
}

/** A place taken by a claim: the event as the claim left it, the sequence number, and seat or waitlist place. */
interface Claim {
  event: EventDoc;
  seq: number;
  seat: boolean;
  /** The place at the end of the waitlist, or null for a seat. */
  position: number | null;
}

/**
 * Take a place for `seats` with one conditional update: a seat if the rule allows one, else the end of the
 * waitlist. The likelier one is tried first (from the copy of the event at hand), so a rush costs one update
 * each. Null when neither applies to the event as it is now: it changed since `e` was read (closed, edited).
 */
async function claimPlace(db: Db, e: EventDoc, seats: number, now: Date): Promise<Claim | null> {
  const _ = db.command;
  const events = eventsTables(db).events;
  const same = { _id: e._id, unionId: e.unionId, status: 'open', updatedAt: e.updatedAt };
  const capacity = e.capacity;
  const seat = async (): Promise<Claim | null> => {
    const where = capacity === null ? same : { ...same, waitlistCount: 0, seatsTaken: _.lte(capacity - seats) };
    const doc = await events.updateAndReturn(where, { seatsTaken: _.inc(seats), confirmedCount: _.inc(1), nextSeq: _.inc(1), lastClaimAt: now });
    return doc && { event: doc, seq: doc.nextSeq, seat: true, position: null };
  };
  const line = async (): Promise<Claim | null> => {
    if (capacity === null) return null;
    const where = _.and([same, _.or([{ waitlistCount: _.gt(0) }, { seatsTaken: _.gt(capacity - seats) }])]);
    const doc = await events.updateAndReturn(where, { waitlistCount: _.inc(1), nextSeq: _.inc(1), lastClaimAt: now });
    return doc && { event: doc, seq: doc.nextSeq, seat: false, position: doc.waitlistCount };
  };
  const looksFull = capacity !== null && (e.waitlistCount > 0 || e.seatsTaken + seats > capacity);
  for (const attempt of looksFull ? [line, seat] : [seat, line]) {
    const claim = await attempt();
    if (claim) return claim;
  }
  return null;
}

/**
 * Set the counters from the records (in the caller's transaction, before it changes anything) once no claim since
 * they were last checked can still be on its way: what a claim whose function died left behind is then gone.
 * Clears `lastClaimAt` (checked); the caller writes it with the counters. Returns whether the counters changed.
 */
async function recount(db: Db, e: EventDoc, now: Date): Promise<boolean> {
  if (!e.lastClaimAt || now.getTime() - e.lastClaimAt.getTime() < SETTLED_MS) return false;
  const _ = db.command;
  const live = await eventsTables(db).signups.findAll({ eventId: e._id, status: _.in(['confirmed', 'waitlisted']) }, ['seq', 'asc']);
  const confirmed = live.filter((s) => s.status === 'confirmed');
  const next = {
    seatsTaken: confirmed.reduce((n, s) => n + s.seats, 0),
    confirmedCount: confirmed.length,
    waitlistCount: live.length - confirmed.length,
  };
  e.lastClaimAt = null;
  if (next.seatsTaken === e.seatsTaken && next.confirmedCount === e.confirmedCount && next.waitlistCount === e.waitlistCount) return false;
  Object.assign(e, next);
  return true;
}

/**
 * Give freed seats to the waitlist, first come first served, inside the caller's transaction. Strict order: when
 * the first in line needs more seats than are free (family members), nobody behind them jumps ahead. A waitlist
 * place claimed but not yet recorded may come before the ones listed: then the transaction waits for it
 * (`TryAgain`). `e` is updated in place; the caller writes its counters. `leaving` is a sign-up the caller's
 * transaction has just cancelled (still listed as waiting outside it).
 */
async function promote(db: Db, tx: Tx, e: EventDoc, now: Date, leaving?: string): Promise<SignupDoc[]> {
  const promoted: SignupDoc[] = [];
  if (e.status === 'cancelled' || e.capacity === null || e.waitlistCount === 0 || e.seatsTaken >= e.capacity) return promoted;
  const _ = db.command;
  const listed = (await eventsTables(db).signups.count({ eventId: e._id, status: 'waitlisted' })) - (leaving ? 1 : 0);
  if (listed < e.waitlistCount) throw new TryAgain('a waitlist place is being recorded');
  let afterSeq = -1;
  for (;;) {
    if (e.waitlistCount === 0) return promoted;
    const heads = await eventsTables(db).signups.find({ eventId: e._id, status: 'waitlisted', seq: _.gt(afterSeq) }, { orderBy: [['seq', 'asc']], limit: 20 });
    if (heads.length === 0) return promoted;
    for (const s of heads) {
      afterSeq = s.seq;
      if (s._id === leaving) continue;
      if (e.seatsTaken + s.seats > (e.capacity ?? Infinity)) return promoted;
      await tx.update('event_signups', s._id, { status: 'confirmed', confirmedAt: now, updatedAt: now });
      e.seatsTaken += s.seats;
      e.confirmedCount += 1;
      e.waitlistCount -= 1;
      promoted.push({ ...s, status: 'confirmed', confirmedAt: now, updatedAt: now });
    }
  }
}

/** Whether the member may sign up with these answers (the event's rules): the answers checked, or the refusal. */
function joinCheck(e: EventDoc, member: MemberDoc, answers: Answers, now: Date): { seats: number; answers: Answers } {
  const refusal = joinRefusal(e, member, now);
  if (refusal) throw new AppError('NOT_ALLOWED', refusal);
  const checked = checkAnswers(e.extraFields, answers);
  if (!checked.ok) throw new AppError('VALIDATION_FAILED', checked.issues[0].message, checked.issues);
  if (e.capacity !== null && checked.seats > e.capacity) {
    throw new AppError('NOT_ALLOWED', `本活动共 ${e.capacity} 个名额，连同家属 ${checked.seats} 人超过了名额`, [{ path: ['answers'], message: '人数超过活动名额' }]);
  }
  return checked;
}

/** A sign-up record: a seat or a waitlist place, accepted as number `seq`. */
function newSignup(id: string, e: EventDoc, member: MemberDoc, openid: string, checked: { seats: number; answers: Answers }, seq: number, seat: boolean, now: Date): SignupDoc {
  return {
    _id: id,
    unionId: member.unionId,
    eventId: e._id,
    memberId: member._id,
    openid,
    name: member.name,
    employeeNo: member.employeeNo,
    department: member.department,
    status: seat ? 'confirmed' : 'waitlisted',
    seats: checked.seats,
    answers: checked.answers,
    seq,
    checkinCode: checkinCode(seq),
    signedUpAt: now,
    confirmedAt: seat ? now : null,
    cancelledAt: null,
    checkedInAt: null,
    checkedInBy: null,
    updatedAt: now,
  };
}

export interface SignupOutcome {
  event: EventDoc;
  signup: SignupDoc;
  /** The place on the waitlist when this sign-up was accepted (the end of the line), else null. */
  position: number | null;
  repeated: boolean;
  /** Anyone moved up by a double tap's place being given back (almost always none). */
  promoted: SignupDoc[];
}

type SignupArgs = { eventId: string; member: MemberDoc; openid: string; answers: Answers; now: Date };

/**
 * Give back a claim whose record could not be written because the member's sign-up was written by another
 * request of theirs at the same moment (a double tap): in a transaction, with the waitlist moved up if that
 * frees a seat.
 */
async function giveBack(db: Db, eventId: string, unionId: string, claim: Claim, seats: number, now: Date): Promise<SignupDoc[]> {
  return inTransaction(
    db,
    async (tx) => {
      const e = await loadCounted(db, tx, eventId, unionId, now);
      if (claim.seat) {
        e.seatsTaken -= seats;
        e.confirmedCount -= 1;
      } else e.waitlistCount -= 1;
      const promoted = await promote(db, tx, e, now);
      await tx.update('events', e._id, countersAndCheck(e));
      return promoted;
    },
    HOT,
  );
}

/**
 * Sign a member up: a seat if one is free and nobody is waiting, else the end of the waitlist. Asking again (a
 * second tap, a retried request) answers the same sign-up, unchanged.
 */
export async function signUp(db: Db, args: SignupArgs): Promise<SignupOutcome> {
  if (!findAndModify || env().EVENT_SIGNUPS === 'transaction') return signUpInTransaction(db, args);
  try {
    return await signUpByClaim(db, args);
  } catch (error) {
    if (!(error instanceof FindAndModifyUnavailable)) throw error;
    console.warn(`[events] find-and-modify unavailable (${error.message}): sign-ups go one transaction each`);
    findAndModify = false;
    return signUpInTransaction(db, args);
  }
}

/** Whether the database answers find-and-modify; false after it once did not. */
let findAndModify = true;

async function signUpByClaim(db: Db, args: SignupArgs): Promise<SignupOutcome> {
  const { member, now } = args;
  const id = signupId(args.eventId, member._id);
  const signups = eventsTables(db).signups;
  let [found, existing] = await Promise.all([eventForSignup(db, args.eventId), signups.byId(id)]);
  const promoted: SignupDoc[] = [];
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const e = ownEvent(found, member.unionId);
    if (existing && existing.status !== 'cancelled') return { event: e, signup: existing, position: null, repeated: true, promoted };
    const checked = joinCheck(e, member, args.answers, now);
    const claim = await claimPlace(db, e, checked.seats, now);
    if (!claim) {
      // The event changed since it was read (closed, edited, another union's id): read it again and decide anew.
      recent.delete(args.eventId);
      found = await eventsTables(db).events.byId(args.eventId);
      if (found) remember(found);
      continue;
    }
    remember(claim.event);
    const signup = newSignup(id, e, member, args.openid, checked, claim.seq, claim.seat, now);
    let written: boolean;
    if (existing) {
      // Signing up again after cancelling: a new place at the end of the line, a new code — if nobody (this
      // member's other tap) signed up again in between.
      const { _id: _ignored, ...fields } = signup;
      written = (await signups.updateWhere({ _id: id, status: 'cancelled', seq: existing.seq }, fields)) > 0;
    } else {
      written = await signups.insert(signup).then(
        () => true,
        (error: unknown) => {
          if (isDuplicateKeyError(error)) return false;
          throw error;
        },
      );
    }
    if (written) return { event: claim.event, signup, position: claim.position, repeated: false, promoted };
    // The member's other request wrote their sign-up first: this place goes back, and theirs is the answer.
    promoted.push(...(await giveBack(db, e._id, member.unionId, claim, checked.seats, now)));
    existing = await signups.byId(id);
  }
  throw new AppError('CONFLICT', '同时办理的人较多，请稍后重试');
}

/**
 * The same sign-up as one transaction on the event document, for a database without find-and-modify: correct,
 * but one member at a time on the event (see the README's figures).
 */
async function signUpInTransaction(db: Db, args: SignupArgs): Promise<SignupOutcome> {
  const { member, now } = args;
  const id = signupId(args.eventId, member._id);
  return inTransaction(
    db,
    async (tx) => {
      const e = await loadEvent(tx, args.eventId, member.unionId);
      const existing = await tx.get<SignupDoc>('event_signups', id);
      // Signed up already (a second tap, a retried request): the same sign-up, unchanged.
      if (existing && existing.status !== 'cancelled') return { event: e, signup: existing, position: null, repeated: true, promoted: [] };
      const checked = joinCheck(e, member, args.answers, now);
      const c = counters(e);
      const seat = e.capacity === null || (c.waitlistCount === 0 && c.seatsTaken + checked.seats <= e.capacity);
      c.nextSeq += 1;
      if (seat) {
        c.seatsTaken += checked.seats;
        c.confirmedCount += 1;
      } else c.waitlistCount += 1;
      const signup = newSignup(id, e, member, args.openid, checked, c.nextSeq, seat, now);
      if (existing) {
        // Signing up again after cancelling: a new place at the end of the line, a new code.
        const { _id: _ignored, ...fields } = signup;
        await tx.update('event_signups', id, fields);
      } else await tx.insert('event_signups', signup);
      // The event last: between its write and the commit, every other sign-up of this event conflicts.
      await tx.update('events', e._id, { ...c });
      return { event: { ...e, ...c }, signup, position: seat ? null : c.waitlistCount, repeated: false, promoted: [] };
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
      const e = await loadCounted(db, tx, args.eventId, args.member.unionId, now);
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
      const promoted = await promote(db, tx, e, now, s.status === 'waitlisted' ? id : undefined);
      await tx.update('events', e._id, countersAndCheck(e));
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
      const before = await loadCounted(db, tx, args.eventId, args.unionId, args.now);
      const patch = args.change(before);
      const e: EventDoc = { ...before, ...patch, updatedAt: args.now };
      const promoted = await promote(db, tx, e, args.now);
      const { _id: _ignored, ...fields } = { ...patch, ...countersAndCheck(e), updatedAt: args.now } as Partial<EventDoc>;
      await tx.update('events', e._id, fields);
      return { before, event: e, promoted };
    },
    HOT,
  );
}

/**
 * The daily job's part: every event with claims not yet checked against its records, none of them still on its
 * way, in the last `days` days, is checked: counters a function that died between a place and its record left
 * above the records are set from them, and the waitlist moves up if that frees seats. Returns the events whose
 * counters changed, with the sign-ups promoted (for their notices).
 */
export async function reconcileEvents(db: Db, now: Date, days = 3): Promise<{ event: EventDoc; promoted: SignupDoc[] }[]> {
  const _ = db.command;
  const since = new Date(now.getTime() - days * 86_400_000);
  const candidates = await eventsTables(db).events.findAll({ lastClaimAt: _.gte(since).and(_.lte(new Date(now.getTime() - SETTLED_MS))) }, ['lastClaimAt', 'asc']);
  const fixed: { event: EventDoc; promoted: SignupDoc[] }[] = [];
  for (const candidate of candidates) {
    const out = await inTransaction(
      db,
      async (tx) => {
        const e = await loadEvent(tx, candidate._id, candidate.unionId);
        const before = JSON.stringify(counters(e));
        await recount(db, e, now);
        const promoted = await promote(db, tx, e, now);
        await tx.update('events', e._id, countersAndCheck(e));
        return JSON.stringify(counters(e)) === before ? null : { event: e, promoted };
      },
      HOT,
    );
    if (out) fixed.push(out);
  }
  return fixed;
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
