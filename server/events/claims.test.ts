/**
 * Seats taken by claims (one find-and-modify of the event per sign-up, then the record; see seats.ts), through the
 * emulator with the real SDK: double taps at the same moment, a claim whose function died before its record (the
 * counters are set from the records once it cannot come any more: by the next cancellation, or by the daily job,
 * which tells whoever moves up), and the one-transaction-per-sign-up way for a database without find-and-modify.
 */
import { connectSdk } from '../../emulator/sdk-client';
import { buildWorld, unwrap, type World } from '../testing/world';
import { addCrowd, type CrowdMember } from '../testing/crowd';
import { SETTLED_MS } from './seats';
import { signupId } from './store';

jest.setTimeout(180_000);

const START = '2026-11-20T02:00:00.000Z';

async function publish(w: World, capacity: number, key: string): Promise<string> {
  const r = await w.call('officer', 'events', 'publish', {
    title: `读书分享会 ${key}`,
    kind: 'reading',
    place: '三楼会议室',
    startsAt: '2026-11-28T09:00:00+08:00',
    endsAt: '2026-11-28T11:00:00+08:00',
    capacity,
    signupOpensAt: '2026-11-19T09:00:00+08:00',
    signupClosesAt: '2026-11-26T18:00:00+08:00',
    cancelDeadline: '2026-11-27T12:00:00+08:00',
    requestKey: `claims-${key}-0001`,
  });
  return unwrap(r).event.id;
}

/** The daily job's check of the events' seat counters, from its trigger's reply. */
const seatsPart = (body: unknown) => (body as { result: { data: { seats: { events: number; promoted: number } } } }).result.data.seats;

/** The event's counters equal its sign-ups; the waitlist places are 1..n; nobody twice. */
async function expectConsistent(w: World, eventId: string) {
  const r = unwrap(await w.call('officer', 'events', 'roster', { eventId }));
  expect(r.event).toMatchObject({ confirmedCount: r.counts.confirmed, waitlistCount: r.counts.waitlisted, seatsTaken: r.counts.seats });
  const positions = r.entries.filter((e) => e.status === 'waitlisted').map((e) => e.position);
  expect(positions).toEqual(positions.map((_, i) => i + 1));
  expect(new Set(r.entries.map((e) => e.memberId)).size).toBe(r.entries.length);
  return r;
}

describe('with claims (the default)', () => {
  let w: World;
  let crowd: CrowdMember[];
  beforeAll(async () => {
    w = await buildWorld();
    w.emu.clock.set(START);
    crowd = await addCrowd(w, 120);
  });
  afterAll(async () => {
    await w.dispose();
  });

  test('120 members tapping twice at the same moment for 30 seats: one sign-up each, both taps answer it', async () => {
    const eventId = await publish(w, 30, 'double');
    const replies = await Promise.all(crowd.flatMap((m) => [w.call(m.openid, 'events', 'signup', { eventId }), w.call(m.openid, 'events', 'signup', { eventId })]));
    expect(replies.filter((r) => !r.ok).map((r) => r.error)).toEqual([]);
    // Exactly one of each member's two taps made the sign-up.
    expect(replies.filter((r) => r.data?.repeated === false)).toHaveLength(crowd.length);
    const r = await expectConsistent(w, eventId);
    expect(r.counts).toMatchObject({ confirmed: 30, waitlisted: 90, seats: 30 });
    const db = connectSdk(w.emu.url, w.emu.envId).database();
    for (let i = 0; i < crowd.length; i += 1) {
      const m = crowd[i];
      const told = [replies[2 * i].data?.signup, replies[2 * i + 1].data?.signup];
      const { data: record } = (await db.collection('event_signups').doc(signupId(eventId, m.memberId)).get()) as unknown as { data: { status: string; checkinCode: string } };
      // Both taps answer the member's one sign-up: a seat's code is the record's. The answers (and the record) may
      // differ only one way: a seat another member's double tap had claimed was given back, and this member, first
      // in line, moved up — between the taps or after both — and was told so.
      for (const s of told) {
        expect(['confirmed', 'waitlisted']).toContain(s?.status);
        if (s?.status === 'confirmed') expect(s.checkinCode).toBe(record.checkinCode);
      }
      if (record.status === 'waitlisted') expect(told.map((s) => s?.status)).toEqual(['waitlisted', 'waitlisted']);
      else if (told.some((s) => s?.status === 'waitlisted')) {
        expect(record.status).toBe('confirmed');
        const inbox = unwrap(await w.call(m.openid, 'notices', 'list', {}));
        expect(inbox.items.map((n) => n.kind)).toContain('event_promoted');
      }
    }
  });

  test('a waitlist place whose record never came: the next cancellation after it settled counts from the records and promotes in order', async () => {
    w.emu.clock.set(START);
    const eventId = await publish(w, 4, 'lost-line');
    const six = crowd.slice(0, 6);
    for (const m of six) unwrap(await w.call(m.openid, 'events', 'signup', { eventId }));
    // A function took the end of the line and died before writing its record.
    const db = connectSdk(w.emu.url, w.emu.envId).database();
    await db.collection('events').doc(eventId).update({ data: { waitlistCount: db.command.inc(1), nextSeq: db.command.inc(1), lastClaimAt: new Date(START) } });
    const before = unwrap(await w.call('officer', 'events', 'roster', { eventId }));
    expect(before.event.waitlistCount).toBe(3);
    expect(before.counts.waitlisted).toBe(2);

    w.emu.clock.set(new Date(Date.parse(START) + SETTLED_MS + 1_000).toISOString());
    const firstInLine = before.entries.find((e) => e.status === 'waitlisted' && e.position === 1);
    const leaver = six.find((m) => m.memberId === before.entries.find((e) => e.status === 'confirmed')?.memberId) as CrowdMember;
    unwrap(await w.call(leaver.openid, 'events', 'cancelSignup', { eventId }));
    const after = await expectConsistent(w, eventId);
    expect(after.counts).toMatchObject({ confirmed: 4, waitlisted: 1, cancelled: 1 });
    expect(after.entries.find((e) => e.memberId === firstInLine?.memberId)?.status).toBe('confirmed');
  });

  test('a seat whose record never came: the daily job frees it, promotes the first in line and tells them', async () => {
    w.emu.clock.set(START);
    const eventId = await publish(w, 3, 'lost-seat');
    const [a, b, c] = crowd.slice(10, 13);
    for (const m of [a, b]) unwrap(await w.call(m.openid, 'events', 'signup', { eventId }));
    const db = connectSdk(w.emu.url, w.emu.envId).database();
    await db.collection('events').doc(eventId).update({ data: { seatsTaken: db.command.inc(1), confirmedCount: db.command.inc(1), nextSeq: db.command.inc(1), lastClaimAt: new Date(START) } });
    // The event looks full: the next member waits.
    expect(unwrap(await w.call(c.openid, 'events', 'signup', { eventId })).signup.status).toBe('waitlisted');

    // Before the claim has settled, the job leaves the event alone (the record might still come).
    const early = await w.emu.post('/__emulator/triggers/jobs/daily', {});
    expect(seatsPart(early.body).events).toBe(0);

    w.emu.clock.set(new Date(Date.parse(START) + SETTLED_MS + 60_000).toISOString());
    const job = await w.emu.post('/__emulator/triggers/jobs/daily', {});
    expect(seatsPart(job.body)).toEqual({ events: 1, promoted: 1 });
    const r = await expectConsistent(w, eventId);
    expect(r.counts).toMatchObject({ confirmed: 3, waitlisted: 0, seats: 3 });
    const inbox = unwrap(await w.call(c.openid, 'notices', 'list', {}));
    expect(inbox.items[0].kind).toBe('event_promoted');
    // Once checked, a second run finds nothing to do.
    const again = await w.emu.post('/__emulator/triggers/jobs/daily', {});
    expect(seatsPart(again.body).events).toBe(0);
  });
});

describe('one transaction per sign-up (EVENT_SIGNUPS=transaction, for a database without find-and-modify)', () => {
  let w: World;
  let crowd: CrowdMember[];
  beforeAll(async () => {
    w = await buildWorld({ functionEnv: { events: { EVENT_SIGNUPS: 'transaction' } } });
    w.emu.clock.set(START);
    crowd = await addCrowd(w, 100);
  });
  afterAll(async () => {
    await w.dispose();
  });

  test('100 at once for 20 seats: 20 confirmed, 80 waitlisted with places 1..80, counters true', async () => {
    const eventId = await publish(w, 20, 'tx');
    const replies = await Promise.all(crowd.map((m) => w.call(m.openid, 'events', 'signup', { eventId })));
    expect(replies.filter((r) => !r.ok).map((r) => r.error)).toEqual([]);
    const places = replies.map((r) => r.data?.signup.position).filter((p): p is number => typeof p === 'number');
    expect(places.sort((x, y) => x - y)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    const r = await expectConsistent(w, eventId);
    expect(r.counts).toMatchObject({ confirmed: 20, waitlisted: 80, seats: 20 });
    // No claim was made: nothing for the daily job to check.
    const db = connectSdk(w.emu.url, w.emu.envId).database();
    const doc = (await db.collection('events').doc(eventId).get()) as { data: { lastClaimAt?: unknown } };
    expect(doc.data.lastClaimAt ?? null).toBeNull();
  });
});
