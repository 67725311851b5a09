/**
 * The sign-up rush, through the emulator with the real SDK: 500 members tap 报名 at the same moment for 50 seats.
 * Exactly 50 are confirmed and 450 waitlisted in the order their sign-ups were accepted, nobody twice, no error
 * reply; cancellations promote exactly as many as they free, in order; the event's counters always equal its
 * sign-ups, whatever arrives at once.
 */
import { buildWorld, unwrap, type World } from '../testing/world';
import { addCrowd, pool, type CrowdMember } from '../testing/crowd';

jest.setTimeout(180_000);

let w: World;
let crowd: CrowdMember[];
let eventId: string;

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set('2026-11-20T02:00:00.000Z');
  crowd = await addCrowd(w, 500);
  const r = await w.call('officer', 'events', 'publish', {
    title: '机关健身运动会',
    kind: 'fitness',
    place: '市体育中心',
    startsAt: '2026-11-28T09:00:00+08:00',
    endsAt: '2026-11-28T17:00:00+08:00',
    capacity: 50,
    signupOpensAt: '2026-11-19T09:00:00+08:00',
    signupClosesAt: '2026-11-26T18:00:00+08:00',
    cancelDeadline: '2026-11-27T12:00:00+08:00',
    requestKey: 'rush-event-0001',
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  eventId = unwrap(r).event.id;
});
afterAll(async () => {
  await w.dispose();
});

type Entry = { memberId: string; status: string; position: number | null };

async function roster() {
  const r = unwrap(await w.call('officer', 'events', 'roster', { eventId }));
  return r;
}

/** The event's counters, kept in its document, equal what its sign-ups say. */
async function expectConsistent() {
  const r = await roster();
  expect(r.event).toMatchObject({ confirmedCount: r.counts.confirmed, waitlistCount: r.counts.waitlisted, seatsTaken: r.counts.seats });
  const positions = r.entries.filter((e) => e.status === 'waitlisted').map((e) => e.position);
  expect(positions).toEqual(positions.map((_, i) => i + 1));
  expect(new Set(r.entries.map((e) => e.memberId)).size).toBe(r.entries.length);
  return r;
}

test('500 at once for 50 seats: 50 confirmed, 450 waitlisted in order of acceptance, nobody twice, no error', async () => {
  const replies = await Promise.all(crowd.map((m) => w.call(m.openid, 'events', 'signup', { eventId })));
  expect(replies.filter((r) => !r.ok).map((r) => r.error)).toEqual([]);
  const confirmed = replies.filter((r) => r.data?.signup.status === 'confirmed');
  const waitlisted = replies.filter((r) => r.data?.signup.status === 'waitlisted');
  expect(confirmed).toHaveLength(50);
  expect(waitlisted).toHaveLength(450);
  // Each waitlisted member was told a different place, and the places are 1..450: the order of acceptance.
  expect(waitlisted.map((r) => r.data?.signup.position).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
  const r = await expectConsistent();
  expect(r.counts).toMatchObject({ confirmed: 50, waitlisted: 450, cancelled: 0, seats: 50 });
  // The roster's order is the order the members were told.
  const told = new Map(crowd.map((m, i) => [m.memberId, replies[i].data?.signup.position ?? null]));
  for (const e of r.entries) expect(e.position).toBe(told.get(e.memberId));
});

test('everyone tapping again at once changes nothing', async () => {
  const replies = await Promise.all(crowd.map((m) => w.call(m.openid, 'events', 'signup', { eventId })));
  expect(replies.every((r) => r.ok && r.data?.repeated === true)).toBe(true);
  expect((await expectConsistent()).counts).toMatchObject({ confirmed: 50, waitlisted: 450 });
});

test('one cancellation promotes exactly one: the first in line', async () => {
  const before = await roster();
  const first = before.entries.find((e) => e.status === 'waitlisted' && e.position === 1) as Entry;
  const leaver = crowd.find((m) => m.memberId === before.entries.find((e) => e.status === 'confirmed')?.memberId) as CrowdMember;
  expect(await w.call(leaver.openid, 'events', 'cancelSignup', { eventId })).toMatchObject({ ok: true });
  const after = await expectConsistent();
  expect(after.counts).toMatchObject({ confirmed: 50, waitlisted: 449, cancelled: 1 });
  expect(after.entries.find((e) => e.memberId === first.memberId)?.status).toBe('confirmed');
  const promotedNotice = unwrap(await w.call(crowd.find((m) => m.memberId === first.memberId)?.openid ?? '', 'notices', 'list', {}));
  expect(promotedNotice.items[0].kind).toBe('event_promoted');
});

test('20 cancellations at once promote the next 20 in line, in order', async () => {
  const before = await roster();
  const next20 = before.entries.filter((e) => e.status === 'waitlisted').slice(0, 20).map((e) => e.memberId);
  const leaving = before.entries.filter((e) => e.status === 'confirmed').slice(0, 20).map((e) => crowd.find((m) => m.memberId === e.memberId) as CrowdMember);
  const replies = await Promise.all(leaving.map((m) => w.call(m.openid, 'events', 'cancelSignup', { eventId })));
  expect(replies.filter((r) => !r.ok)).toEqual([]);
  const after = await expectConsistent();
  expect(after.counts).toMatchObject({ confirmed: 50, waitlisted: 429, cancelled: 21 });
  const confirmed = new Set(after.entries.filter((e) => e.status === 'confirmed').map((e) => e.memberId));
  for (const id of next20) expect(confirmed.has(id)).toBe(true);
});

test('cancelling and signing up again, many at once and interleaved, keeps every count true', async () => {
  const some = crowd.slice(0, 60);
  await pool(some.length * 2, 40, async (i) => {
    const m = some[i % some.length];
    return i < some.length ? w.call(m.openid, 'events', 'cancelSignup', { eventId }) : w.call(m.openid, 'events', 'signup', { eventId });
  });
  const r = await expectConsistent();
  expect(r.counts.confirmed).toBe(50);
  expect(r.counts.confirmed + r.counts.waitlisted + r.counts.cancelled).toBe(500);
});
