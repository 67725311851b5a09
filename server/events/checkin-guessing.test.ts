/**
 * The event's self check-in code cannot be searched (issue 10, §4): tries are limited per identity and per event,
 * and before the day a right code and a wrong one get the same answer. Saturday 2026-11-28; the clock starts on
 * the 20th.
 */
import { eventInput } from '../testing/events';
import { buildWorld, unwrap, type Reply, type World } from '../testing/world';
import { addCrowd, type CrowdMember } from '../testing/crowd';
import { CHECKIN_LIMIT, EVENT_CHECKIN_LIMIT } from './member';

let w: World;
let crowd: CrowdMember[];
let event: { id: string; eventCode: string };

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set('2026-11-20T02:00:00.000Z');
  const r = await w.call('officer', 'events', 'publish', eventInput('checkin-guessing-0001', { title: '健步走', kind: 'outing', place: '人民公园' }));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  event = unwrap(r).event;
  crowd = await addCrowd(w, Math.ceil(EVENT_CHECKIN_LIMIT.max / CHECKIN_LIMIT.max) + 2, 'G');
  for (const who of ['member', 'officer', crowd[crowd.length - 1].openid]) expect(await w.call(who, 'events', 'signup', { eventId: event.id })).toMatchObject({ ok: true });
});
afterAll(async () => {
  await w.dispose();
});

const wrongCode = (i: number) => String((Number(event.eventCode) + 1 + i) % 1_000_000).padStart(6, '0');
const checkin = (who: string, code: string) => w.call(who, 'events', 'checkinSelf', { eventId: event.id, code });

test('days early, the right code and a wrong code get the same answer', async () => {
  const right = await checkin('member', event.eventCode);
  const wrong = await checkin('member', wrongCode(0));
  expect(right).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  expect(wrong).toEqual(right);
});

test('on the day, one identity gets its handful of tries, then waits — even with the right code', async () => {
  w.emu.clock.set('2026-11-28T00:45:00.000Z');
  const replies: Reply[] = [];
  for (let i = 0; i < CHECKIN_LIMIT.max; i += 1) replies.push(await checkin('member', wrongCode(i)));
  expect(replies.every((r) => r.error?.code === 'NOT_ALLOWED' && r.error.message.includes('签到码不正确'))).toBe(true);
  expect(await checkin('member', event.eventCode)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  // Parallel tries from another identity are no way round it.
  const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => checkin('officer', wrongCode(100 + i))));
  expect(burst.filter((r) => r.error?.code === 'NOT_ALLOWED').length).toBeLessThanOrEqual(CHECKIN_LIMIT.max);
  // Ten minutes later the member may try again, and the right code checks them in.
  w.emu.clock.set('2026-11-28T00:56:00.000Z');
  expect(await checkin('member', event.eventCode)).toMatchObject({ ok: true, data: { signup: { checkedInAt: expect.any(String) } } });
});

test('many identities guessing one event lock its self check-in; the officer can still check people in', async () => {
  w.emu.clock.set('2026-11-28T01:10:00.000Z');
  let judged = 0;
  for (const [k, c] of crowd.slice(0, -1).entries()) {
    for (let i = 0; i < CHECKIN_LIMIT.max; i += 1) {
      const r = await checkin(c.openid, wrongCode(1000 + k * 10 + i));
      if (r.error?.message.includes('签到码不正确')) judged += 1;
    }
  }
  expect(judged).toBeLessThanOrEqual(EVENT_CHECKIN_LIMIT.max);
  // A member with the right code is told to go to the staff; the staff check them in by their own code.
  const last = crowd[crowd.length - 1].openid;
  expect(await checkin(last, event.eventCode)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('本活动的自助签到') } });
  const mine = unwrap(await w.call(last, 'events', 'get', { eventId: event.id }));
  expect(await w.call('officer', 'events', 'checkin', { eventId: event.id, code: mine.mySignup?.checkinCode ?? '' })).toMatchObject({ ok: true });
});
