/**
 * Check-in by QR code, through the `events` function with the real SDK: a member scans the event's code shown at
 * the door (`events.checkinSelf`), an officer scans a member's code (`events.checkin`). Each payload names its
 * event (core/domain/events): a code from one event never checks anybody in at another. Two events on the same
 * day, Saturday 2026-11-28; the clock starts at 2026-11-20 10:00 Shanghai and moves to 08:45 on the day.
 */
import { eventCheckinPayload, memberCheckinPayload } from '../../src/core/domain/events';
import { buildWorld, unwrap, type World } from '../testing/world';

let w: World;

type AdminView = { id: string; checkedInCount: number; eventCode: string };

let keyCounter = 0;
const key = () => `checkin-key-${String(++keyCounter).padStart(6, '0')}`;

async function publish(title: string): Promise<AdminView> {
  const r = await w.call('officer', 'events', 'publish', {
    title,
    kind: 'table_tennis',
    description: '',
    place: '机关活动中心',
    startsAt: '2026-11-28T09:00:00+08:00',
    endsAt: '2026-11-28T11:30:00+08:00',
    capacity: 10,
    signupOpensAt: '2026-11-19T09:00:00+08:00',
    signupClosesAt: '2026-11-26T18:00:00+08:00',
    cancelDeadline: '2026-11-27T12:00:00+08:00',
    requestKey: key(),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return unwrap(r).event;
}

async function signupCode(who: string, eventId: string): Promise<string> {
  const r = await w.call(who, 'events', 'signup', { eventId });
  const s = r.data?.signup;
  if (!s?.checkinCode) throw new Error(`no check-in code for ${who}: ${JSON.stringify(r)}`);
  return s.checkinCode;
}

async function mySignup(who: string, eventId: string) {
  return unwrap(await w.call(who, 'events', 'get', { eventId })).mySignup;
}

async function checkedInCount(eventId: string): Promise<number> {
  return unwrap(await w.call('officer', 'events', 'adminGet', { eventId })).checkedInCount;
}

/** 乒乓球 (A) and 羽毛球 (B); 张伟 and 李娜 signed up for both. */
let a: AdminView;
let b: AdminView;
const codes = { memberAtA: '', memberAtB: '', officerAtA: '', officerAtB: '' };

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set('2026-11-20T02:00:00.000Z');
  a = await publish('乒乓球扫码签到');
  b = await publish('羽毛球扫码签到');
  codes.memberAtA = await signupCode('member', a.id);
  codes.memberAtB = await signupCode('member', b.id);
  codes.officerAtA = await signupCode('officer', a.id);
  codes.officerAtB = await signupCode('officer', b.id);
  w.emu.clock.set('2026-11-28T00:45:00.000Z'); // 08:45 on the day
});
afterAll(async () => {
  await w.dispose();
});

describe("a member scans the event's QR code", () => {
  test('the scanned event payload checks the member in', async () => {
    const r = await w.call('member', 'events', 'checkinSelf', { eventId: a.id, code: eventCheckinPayload(a.id, a.eventCode) });
    expect(r).toMatchObject({ ok: true, data: { signup: { status: 'confirmed', checkedInAt: expect.stringMatching(/^2026-11-28T00:45/) } } });
    expect(await checkedInCount(a.id)).toBe(1);
    // Scanned again: refused as a second check-in, counted once.
    expect(await w.call('member', 'events', 'checkinSelf', { eventId: a.id, code: eventCheckinPayload(a.id, a.eventCode) })).toMatchObject({ ok: false, error: { message: '张伟已签到，不能重复签到' } });
    expect(await checkedInCount(a.id)).toBe(1);
  });

  test('an event payload of another event is refused with a clear Chinese message and changes nothing', async () => {
    // 李娜 is on 乒乓球's detail page but scans the code shown at 羽毛球 (she is signed up for both).
    const r = await w.call('officer', 'events', 'checkinSelf', { eventId: a.id, code: eventCheckinPayload(b.id, b.eventCode) });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: '这是另一个活动的签到二维码，请扫描本活动现场展示的二维码', issues: [{ path: ['code'] }] } });
    // This event's id with another code: the code is wrong.
    const wrong = a.eventCode === '000000' ? '111111' : '000000';
    expect(await w.call('officer', 'events', 'checkinSelf', { eventId: a.id, code: eventCheckinPayload(a.id, wrong) })).toMatchObject({ ok: false, error: { message: '签到码不正确，请核对现场公布的签到码' } });
    // A member's own QR code (hers, or a neighbour's) is not the event's code.
    expect(await w.call('officer', 'events', 'checkinSelf', { eventId: a.id, code: memberCheckinPayload(a.id, codes.officerAtA) })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: '这是会员个人的签到码，不是活动签到码。请扫描活动现场展示的签到二维码，或输入现场公布的签到码' },
    });
    expect(await mySignup('officer', a.id)).toMatchObject({ status: 'confirmed', checkedInAt: null });
    expect(await mySignup('officer', b.id)).toMatchObject({ status: 'confirmed', checkedInAt: null });
    expect(await checkedInCount(a.id)).toBe(1);
    expect(await checkedInCount(b.id)).toBe(0);
  });

  test('the event code typed by hand still checks in', async () => {
    expect(await w.call('officer', 'events', 'checkinSelf', { eventId: b.id, code: ` ${b.eventCode} ` })).toMatchObject({ ok: true, data: { signup: { checkedInAt: expect.any(String) } } });
    expect(await checkedInCount(b.id)).toBe(1);
  });
});

describe("an officer scans a member's QR code", () => {
  test("the officer's scan of a member payload of another event is refused", async () => {
    // At 乒乓球, 张伟 shows his 羽毛球 code by mistake.
    const r = await w.call('officer', 'events', 'checkin', { eventId: a.id, code: memberCheckinPayload(b.id, codes.memberAtB) });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: '这是另一个活动的签到码' } });
    expect(await mySignup('member', b.id)).toMatchObject({ checkedInAt: null });
    expect(await checkedInCount(a.id)).toBe(1);
    expect(await checkedInCount(b.id)).toBe(1);
  });

  test("the event's own QR code scanned by the officer is refused with what to scan instead", async () => {
    const r = await w.call('officer', 'events', 'checkin', { eventId: a.id, code: eventCheckinPayload(a.id, a.eventCode) });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: '这是活动的现场签到码，请扫描会员在「我的活动」中出示的二维码' } });
    expect(await checkedInCount(a.id)).toBe(1);
  });

  test("the member payload of this event checks the member in", async () => {
    const r = await w.call('officer', 'events', 'checkin', { eventId: b.id, code: memberCheckinPayload(b.id, codes.memberAtB) });
    expect(r).toMatchObject({ ok: true, data: { entry: { name: '张伟', checkedInAt: expect.stringMatching(/^2026-11-28T00:45/) } } });
    expect(await checkedInCount(b.id)).toBe(2);
  });
});
