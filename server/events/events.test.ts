/**
 * Events through the `events` function with the real SDK: publish, sign up, waitlist, cancel and promotion, the
 * rules a sign-up must meet, check-in, the roster and its Excel, results and prizes through the ledger, notices
 * (inbox and subscribe messages) and the day-before reminder. The clock starts at 2026-11-20 10:00 Shanghai.
 */
import { buildWorld, EVENT_TEMPLATE, person, unwrap, type World } from '../testing/world';
import type { EventFields } from '../testing/events';
import { readFirstSheet } from '../files/xlsx';

let w: World;
const NOW = '2026-11-20T02:00:00.000Z';

/** Members of union A beyond the world's: 刘洋 (male, 1990), 陈静 (female, retired). */
const extra = { liu: '', chen: '' };

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set(NOW);
  const add = async (p: ReturnType<typeof person>) => unwrap(await w.call('chair', 'members', 'rosterSave', { fields: p })).id;
  extra.liu = await add(person('A0010', '刘洋', '13900000010', { gender: 'male', birthDate: '1990-06-01', department: '财务处' }));
  extra.chen = await add(person('A0011', '陈静', '13900000011', { status: 'retired', birthDate: '1960-02-01' }));
  for (const [openid, name, no, last4] of [
    ['wx-a-liu', '刘洋', 'A0010', '0010'],
    ['wx-a-chen', '陈静', 'A0011', '0011'],
  ]) {
    expect(await w.call(openid, 'members', 'bind', { name, employeeNo: no, phoneLast4: last4 })).toMatchObject({ ok: true });
  }
});
afterAll(async () => {
  await w.dispose();
});

let keyCounter = 0;
const key = () => `event-key-${String(++keyCounter).padStart(6, '0')}`;

/** A badminton event on Saturday 2026-11-28 09:00–11:30 Shanghai; sign-up open until the 26th. */
function eventInput(over: Partial<EventFields> = {}): EventFields {
  return {
    title: '羽毛球友谊赛',
    kind: 'badminton',
    description: '机关羽毛球馆，自带球拍。',
    place: '机关羽毛球馆',
    startsAt: '2026-11-28T09:00:00+08:00',
    endsAt: '2026-11-28T11:30:00+08:00',
    capacity: 2,
    signupOpensAt: '2026-11-19T09:00:00+08:00',
    signupClosesAt: '2026-11-26T18:00:00+08:00',
    cancelDeadline: '2026-11-27T12:00:00+08:00',
    requestKey: key(),
    ...over,
  };
}

type AdminView = { id: string; seatsTaken: number; confirmedCount: number; waitlistCount: number; checkedInCount: number; eventCode: string; status: string };

async function publish(over: Partial<EventFields> = {}, who = 'officer') {
  return unwrap(await w.call(who, 'events', 'publish', eventInput(over))).event;
}

async function signup(who: string, eventId: string, answers?: Record<string, string | number | boolean>) {
  return w.call(who, 'events', 'signup', answers ? { eventId, answers } : { eventId });
}

async function inbox(who: string) {
  const r = unwrap(await w.call(who, 'notices', 'list', {}));
  return r;
}

async function adminGet(eventId: string): Promise<AdminView> {
  return unwrap(await w.call('officer', 'events', 'adminGet', { eventId }));
}

async function outboxTo(openid: string) {
  return ((await w.emu.get('/__emulator/outbox')).body as { to: string; templateId: string; page: string; data: Record<string, { value: string }> }[]).filter((m) => m.to === openid);
}

describe('publishing', () => {
  test('an officer publishes; members see it in their list with seats left and may sign up', async () => {
    const e = await publish();
    expect(e).toMatchObject({ seatsTaken: 0, waitlistCount: 0, status: 'open', capacity: 2 });
    expect(e.eventCode).toMatch(/^\d{6}$/);
    const list = unwrap(await w.call('member', 'events', 'list', {}));
    expect(list.items.find((i) => i.id === e.id)).toMatchObject({ joinable: true, seatsLeft: 2, kindLabel: '羽毛球' });
  });

  test('the same form sent twice publishes one event', async () => {
    const input = eventInput({ title: '重复提交测试' });
    const a = await w.call('officer', 'events', 'publish', input);
    const b = await w.call('officer', 'events', 'publish', input);
    expect(unwrap(a).event.id).toBe(unwrap(b).event.id);
    expect(b.data).toMatchObject({ repeated: true });
  });

  test('dates out of order, bad fields and other unions’ members are refused with Chinese reasons; nothing is created', async () => {
    const before = unwrap(await w.call('officer', 'events', 'adminList', {})).total;
    const order = await w.call('officer', 'events', 'publish', eventInput({ signupClosesAt: '2026-11-29T18:00:00+08:00' }));
    expect(order).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '报名应在活动开始前截止' } });
    const fields = await w.call('officer', 'events', 'publish', eventInput({ title: '羽', capacity: 0, startsAt: 'tomorrow', extraFields: [{ key: 'size', label: '衣服尺码', type: 'choice', options: ['M'] }] }));
    expect(fields.ok).toBe(false);
    const messages = Object.fromEntries((fields.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(messages).toMatchObject({ title: '标题至少 2 个字', capacity: '名额至少为 1', startsAt: '时间格式不正确', 'extraFields.0.options': '至少两个选项' });
    const foreign = await w.call('officer', 'events', 'publish', eventInput({ audience: { memberIds: [w.ids.otherChair], retirees: true } }));
    expect(foreign).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '指定人员中有不在本工会名册的会员' } });
    expect(unwrap(await w.call('officer', 'events', 'adminList', {})).total).toBe(before);
  });
});

describe('dates no event has', () => {
  test('a year typed 9999 or a date more than two years ahead is refused in words, at its field; so is moving an event there', async () => {
    const before = unwrap(await w.call('officer', 'events', 'adminList', {})).total;
    const far = await w.call('officer', 'events', 'publish', eventInput({ startsAt: '9999-11-28T09:00:00+08:00', endsAt: '9999-11-28T11:30:00+08:00' }));
    expect(far).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: expect.arrayContaining([{ path: ['startsAt'], message: '时间超出范围，请核对年份' }]) } });
    // Three years ahead, every date in order: only the horizon is wrong.
    const later = await w.call('officer', 'events', 'publish', eventInput({ startsAt: '2029-11-28T09:00:00+08:00', endsAt: '2029-11-28T11:30:00+08:00', signupClosesAt: '2029-11-26T18:00:00+08:00', cancelDeadline: '2029-11-27T12:00:00+08:00' }));
    expect(later).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '活动开始时间应在两年以内（不晚于2028年11月20日），请核对年份', issues: [{ path: ['startsAt'] }, { path: ['endsAt'] }] },
    });
    expect(unwrap(await w.call('officer', 'events', 'adminList', {})).total).toBe(before);
    const e = await publish({ title: '日期核对活动' });
    const moved = await w.call('officer', 'events', 'update', { eventId: e.id, changes: { endsAt: '2030-11-28T11:30:00+08:00' } });
    expect(moved).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: ['changes', 'endsAt'], message: '活动结束时间应在两年以内（不晚于2028年11月20日），请核对年份' }] } });
    // Dates the change does not set stay as they are: another field of the event is still editable.
    expect(await w.call('officer', 'events', 'update', { eventId: e.id, changes: { place: '二楼' } })).toMatchObject({ ok: true });
  });
});

describe('two seats, three members', () => {
  let e: AdminView;
  beforeAll(async () => {
    e = await publish({ title: '乒乓球友谊赛', kind: 'table_tennis' });
  });

  test('the first two are confirmed, the third is waitlisted first in line; a second tap changes nothing', async () => {
    const a = await signup('member', e.id);
    const b = await signup('officer', e.id);
    const c = await signup('wx-a-liu', e.id);
    expect(a.data?.signup).toMatchObject({ status: 'confirmed', position: null, seats: 1 });
    expect(a.data?.signup.checkinCode).toMatch(/^\d{6}$/);
    expect(b.data?.signup.status).toBe('confirmed');
    expect(c.data?.signup).toMatchObject({ status: 'waitlisted', position: 1, checkinCode: null });
    const again = await signup('member', e.id);
    expect(again.data).toMatchObject({ repeated: true, signup: { status: 'confirmed', checkinCode: a.data?.signup.checkinCode } });
    expect(await adminGet(e.id)).toMatchObject({ seatsTaken: 2, confirmedCount: 2, waitlistCount: 1 });
    const card = unwrap(await w.call('wx-a-liu', 'events', 'list', {})).items.find((i) => i.id === e.id);
    expect(card).toMatchObject({ mine: { status: 'waitlisted', position: 1 }, joinable: false, seatsLeft: 0 });
    const n = await inbox('wx-a-liu');
    expect(n.items[0]).toMatchObject({ kind: 'event_waitlisted', read: false, link: expect.stringContaining('/packages/events/pages/detail/index?id=') });
    expect(n.items[0].body).toContain('候补第 1 位');
  });

  test('one cancels: the first on the waitlist gets the seat, is told in the inbox and by subscribe message', async () => {
    const r = await w.call('member', 'events', 'cancelSignup', { eventId: e.id });
    expect(r).toMatchObject({ ok: true, data: { signup: { status: 'cancelled' } } });
    const liu = unwrap(await w.call('wx-a-liu', 'events', 'get', { eventId: e.id }));
    expect(liu.mySignup).toMatchObject({ status: 'confirmed', position: null });
    expect(liu.cancellable).toBe(true);
    expect(await adminGet(e.id)).toMatchObject({ seatsTaken: 2, confirmedCount: 2, waitlistCount: 0 });
    const n = await inbox('wx-a-liu');
    expect(n.items[0]).toMatchObject({ kind: 'event_promoted', title: '候补成功：乒乓球友谊赛' });
    const pushed = await outboxTo('wx-a-liu');
    expect(pushed.at(-1)).toMatchObject({ templateId: EVENT_TEMPLATE, data: { thing1: { value: '乒乓球友谊赛' }, phrase3: { value: '候补转正' } } });
    expect(pushed.at(-1)?.page).toMatch(/^packages\/events\/pages\/detail\/index\?id=/);
  });

  test('signing up again after cancelling goes to the end of the line, and cancelling twice is refused', async () => {
    const again = await signup('member', e.id);
    expect(again.data).toMatchObject({ repeated: false, signup: { status: 'waitlisted', position: 1 } });
    expect(await w.call('officer', 'events', 'cancelSignup', { eventId: e.id })).toMatchObject({ ok: true });
    // The officer's seat went to the member, who was first (and only) in line.
    const mine = unwrap(await w.call('member', 'events', 'mine'));
    expect(mine.items.find((i) => i.event.id === e.id)?.signup.status).toBe('confirmed');
    expect(await w.call('officer', 'events', 'cancelSignup', { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '您没有报名这个活动，或已经取消' } });
  });

  test('a member who declined subscribe messages still gets every notice in the inbox', async () => {
    await w.emu.post('/__emulator/subscriptions', { openid: 'wx-a-officer', subscribed: false });
    const before = (await outboxTo('wx-a-officer')).length;
    expect((await signup('officer', e.id)).data?.signup.status).toBe('waitlisted');
    expect((await outboxTo('wx-a-officer')).length).toBe(before);
    expect((await inbox('wx-a-officer')).items[0]).toMatchObject({ kind: 'event_waitlisted' });
    await w.emu.post('/__emulator/subscriptions', { openid: 'wx-a-officer', subscribed: true });
  });

  test('the roster shows confirmed, waitlisted in order and cancelled; members and other unions cannot read it', async () => {
    const r = unwrap(await w.call('chair', 'events', 'roster', { eventId: e.id }));
    expect(r.counts).toMatchObject({ confirmed: 2, seats: 2, waitlisted: 1, cancelled: 0, checkedIn: 0 });
    expect(r.entries.map((x) => [x.name, x.status, x.position])).toEqual([
      ['刘洋', 'confirmed', null],
      ['张伟', 'confirmed', null],
      ['李娜', 'waitlisted', 1],
    ]);
    expect(await w.call('member', 'events', 'roster', { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.call('otherOfficer', 'events', 'roster', { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await w.call('otherOfficer', 'events', 'get', { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await w.call('otherOfficer', 'events', 'signup', { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('a member’s notices are their own', async () => {
    const liu = await inbox('wx-a-liu');
    const mark = await w.call('member', 'notices', 'markRead', { ids: liu.items.map((i) => i.id) });
    expect(mark).toMatchObject({ ok: true, data: { updated: 0 } });
    expect((await inbox('wx-a-liu')).unread).toBe(liu.unread);
    expect(await w.call('wx-a-liu', 'notices', 'markRead', { all: true })).toMatchObject({ ok: true, data: { updated: liu.unread } });
    expect(await w.call('wx-a-liu', 'notices', 'unread')).toMatchObject({ ok: true, data: { unread: 0 } });
  });
});

describe('the rules a sign-up must meet', () => {
  test('extra questions: required answers, options only, family within the limit and counted as seats', async () => {
    const e = await publish({
      title: '秋季健步走',
      kind: 'fitness',
      capacity: 4,
      workMeal: true,
      extraFields: [
        { key: 'size', label: '衣服尺码', type: 'choice', options: ['M', 'L', 'XL'] },
        { key: 'meal', label: '是否用餐', type: 'yesno' },
        { key: 'family', label: '携带家属人数', type: 'family', max: 2 },
      ],
    });
    const missing = await signup('member', e.id, { family: 1 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(missing.error?.issues).toEqual(
      expect.arrayContaining([
        { path: ['answers', 'size'], message: '请选择衣服尺码' },
        { path: ['answers', 'meal'], message: '请选择是否用餐' },
      ]),
    );
    const bad = await signup('member', e.id, { size: 'XXL', meal: 'yes', family: 3, shoe: '42' });
    expect(bad.error?.issues).toEqual([
      { path: ['answers', 'size'], message: '衣服尺码请从选项中选择' },
      { path: ['answers', 'meal'], message: '是否用餐请选择是或否' },
      { path: ['answers', 'family'], message: '携带家属人数每人最多 2 人' },
      { path: ['answers', 'shoe'], message: '本活动没有这一项' },
    ]);
    expect(await adminGet(e.id)).toMatchObject({ seatsTaken: 0, waitlistCount: 0 });

    expect((await signup('member', e.id, { size: 'L', meal: true, family: 2 })).data?.signup).toMatchObject({ status: 'confirmed', seats: 3 });
    // One seat left: a member bringing one relative needs two, so waits; nobody behind them jumps ahead.
    expect((await signup('officer', e.id, { size: 'M', meal: false, family: 1 })).data?.signup).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await signup('wx-a-liu', e.id, { size: 'XL', meal: true })).data?.signup).toMatchObject({ status: 'waitlisted', position: 2 });
    const roster = unwrap(await w.call('officer', 'events', 'roster', { eventId: e.id }));
    expect(roster.counts).toMatchObject({ confirmed: 1, seats: 3, family: 2, waitlisted: 2 });
    expect(roster.tallies.find((t) => t.label === '衣服尺码')?.counts).toEqual([
      { option: 'M', count: 0 },
      { option: 'L', count: 1 },
      { option: 'XL', count: 0 },
    ]);
    // More seats: the officer's edit promotes in order, as far as the seats go.
    const edit = await w.call('officer', 'events', 'update', { eventId: e.id, changes: { capacity: 6 } });
    expect(edit).toMatchObject({ ok: true, data: { promoted: 2, event: { seatsTaken: 6, waitlistCount: 0 } } });
    expect(await w.call('officer', 'events', 'update', { eventId: e.id, changes: { capacity: 5 } })).toMatchObject({ ok: false, error: { message: '已确认的报名占 6 个名额，名额不能少于 6' } });
    expect(await w.call('officer', 'events', 'update', { eventId: e.id, changes: { extraFields: [] } })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: '已有会员报名，不能再修改报名问题' } });
  });

  test('who may join: gender, department, age, retirees, a list — with the reason shown in the list', async () => {
    const women = await publish({ title: '三八节插花', kind: 'other', capacity: null, audience: { genders: ['female'], retirees: true } });
    const finance = await publish({ title: '财务处读书会', kind: 'reading', capacity: null, audience: { departments: ['财务处'], maxAge: 40, retirees: false } });
    const listed = await publish({ title: '演讲比赛', kind: 'speech', capacity: null, audience: { memberIds: [extra.liu], retirees: true } });
    expect(await signup('member', women.id)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: '本活动限女会员参加' } });
    expect(await signup('member', finance.id)).toMatchObject({ ok: false, error: { message: '本活动限财务处参加' } });
    expect(await signup('wx-a-chen', finance.id)).toMatchObject({ ok: false, error: { message: '本活动限在职会员参加' } });
    expect(await signup('wx-a-chen', listed.id)).toMatchObject({ ok: false, error: { message: '本活动限指定人员参加' } });
    expect((await signup('wx-a-chen', women.id)).data?.signup.status).toBe('confirmed');
    expect((await signup('wx-a-liu', finance.id)).data?.signup.status).toBe('confirmed');
    expect((await signup('wx-a-liu', listed.id)).data?.signup.status).toBe('confirmed');
    const cards = unwrap(await w.call('member', 'events', 'list', { pageSize: 50 })).items;
    expect(cards.find((c) => c.id === women.id)).toMatchObject({ joinable: false, reason: '本活动限女会员参加' });
    const detail = unwrap(await w.call('member', 'events', 'get', { eventId: finance.id }));
    expect(detail.audienceText).toBe('限财务处；40 周岁以下；不含退休会员');
  });

  test('the sign-up window and the cancel deadline', async () => {
    const e = await publish({ title: '冬季长跑', kind: 'fitness', signupOpensAt: '2026-11-21T09:00:00+08:00' });
    expect(await signup('member', e.id)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: '报名尚未开始' } });
    w.emu.clock.set('2026-11-21T01:00:00.000Z');
    expect((await signup('member', e.id)).data?.signup.status).toBe('confirmed');
    w.emu.clock.set('2026-11-26T10:00:00.000Z');
    expect(await signup('officer', e.id)).toMatchObject({ ok: false, error: { message: '报名已截止' } });
    w.emu.clock.set('2026-11-27T04:00:00.000Z');
    expect(await w.call('member', 'events', 'cancelSignup', { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: '已过取消截止时间，如有特殊情况请联系工会干部' } });
    w.emu.clock.set(NOW);
    const closed = await publish({ title: '提前截止测试' });
    expect(await w.call('officer', 'events', 'close', { eventId: closed.id })).toMatchObject({ ok: true, data: { event: { status: 'closed' } } });
    expect(await signup('member', closed.id)).toMatchObject({ ok: false, error: { message: '报名已结束' } });
  });
});

describe('the day of the event', () => {
  let e: AdminView;
  let codes: Record<string, string>;
  beforeAll(async () => {
    await w.call('chair', 'ledger', 'policySave', { year: 2026, templateId: 'zibo-kjj-2017' });
    await w.call('chair', 'ledger', 'budgetSet', { year: 2026, line: 'events', amountFen: 500_000 });
    e = await publish({ title: '趣味运动会', kind: 'fun_games', capacity: 3, extraFields: [{ key: 'size', label: '衣服尺码', type: 'choice', options: ['M', 'L'] }] });
    codes = {};
    for (const who of ['member', 'officer', 'wx-a-liu']) codes[who] = (await signup(who, e.id, { size: 'L' })).data?.signup.checkinCode ?? '';
    expect((await signup('chair', e.id, { size: 'M' })).data?.signup.status).toBe('waitlisted');
  });

  test('the day before, the daily job reminds the confirmed members once', async () => {
    w.emu.clock.set('2026-11-26T18:00:00.000Z'); // 2026-11-27 02:00 Shanghai
    for (let i = 0; i < 2; i += 1) expect(await w.emu.post('/__emulator/triggers/jobs/daily', {})).toMatchObject({ body: { ok: true } });
    for (const who of ['member', 'officer', 'wx-a-liu']) {
      const reminders = (await inbox(who)).items.filter((n) => n.kind === 'event_reminder' && n.title === '明天参加：趣味运动会');
      expect(reminders).toHaveLength(1);
    }
    expect((await inbox('chair')).items.some((n) => n.kind === 'event_reminder')).toBe(false);
  });

  test('check-in: only on the day, only confirmed members, never twice; by the officer or by the event code', async () => {
    expect(await w.call('officer', 'events', 'checkin', { eventId: e.id, code: codes.member })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: '活动当天才能签到' } });
    w.emu.clock.set('2026-11-28T00:45:00.000Z'); // 08:45 on the day
    const ok = await w.call('officer', 'events', 'checkin', { eventId: e.id, code: codes.member });
    expect(ok).toMatchObject({ ok: true, data: { entry: { name: '张伟', status: 'confirmed', checkedInAt: expect.stringMatching(/^2026-11-28T00:45/) } } });
    expect(await w.call('officer', 'events', 'checkin', { eventId: e.id, code: codes.member })).toMatchObject({ ok: false, error: { message: '张伟已签到，不能重复签到' } });
    expect(await w.call('officer', 'events', 'checkin', { eventId: e.id, code: `checkin:${e.id}:${codes.officer}` })).toMatchObject({ ok: true, data: { entry: { name: '李娜' } } });
    expect(await w.call('officer', 'events', 'checkin', { eventId: e.id, code: '999999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '签到码不正确，请核对后重试' } });
    expect(await w.call('wx-a-liu', 'events', 'checkinSelf', { eventId: e.id, code: '000000' === e.eventCode ? '111111' : '000000' })).toMatchObject({ ok: false, error: { message: '签到码不正确，请核对现场公布的签到码' } });
    expect(await w.call('chair', 'events', 'checkinSelf', { eventId: e.id, code: e.eventCode })).toMatchObject({ ok: false, error: { message: '赵主席在候补名单中，尚未获得名额，不能签到' } });
    expect(await w.call('wx-a-liu', 'events', 'checkinSelf', { eventId: e.id, code: e.eventCode })).toMatchObject({ ok: true, data: { signup: { checkedInAt: expect.stringMatching(/^2026-11-28T00:45/) } } });
    expect(await w.call('member', 'events', 'cancelSignup', { eventId: e.id })).toMatchObject({ ok: false });
    expect(await adminGet(e.id)).toMatchObject({ checkedInCount: 3 });
  });

  test('the roster exports to Excel with answers, check-in times and the tallies', async () => {
    const r = unwrap(await w.call('officer', 'events', 'export', { eventId: e.id }));
    expect(r.fileName).toMatch(/^活动报名-趣味运动会-\d{8}\.xlsx$/);
    expect(r.count).toBe(4);
    const res = await fetch(r.url);
    const sheet = await readFirstSheet(Buffer.from(await res.arrayBuffer()));
    const header = sheet.header;
    expect(header.slice(0, 7)).toEqual(['状态', '候补顺序', '姓名', '工号', '部门', '人数（含家属）', '衣服尺码']);
    const body = sheet.rows.map((r) => r.cells).filter((cells) => cells[2]);
    expect(body.map((row) => [row[0], row[2], row[6]])).toEqual([
      ['已确认', '张伟', 'L'],
      ['已确认', '李娜', 'L'],
      ['已确认', '刘洋', 'L'],
      ['候补', '赵主席', 'M'],
    ]);
    expect(String(body[0][7])).toMatch(/^2026年11月/);
  });

  test('prizes go through the policy and the ledger: at most 2/3 of participants win, one entry per winner', async () => {
    w.emu.clock.set('2026-11-28T04:00:00.000Z'); // noon, after the games
    const tooMany = await w.call('officer', 'events', 'results', {
      eventId: e.id,
      prizes: [w.ids.member, w.ids.officer, extra.liu].map((memberId) => ({ memberId, amountFen: 10_000, form: 'in_kind' as const })),
    });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', message: expect.stringContaining('获奖人数不得超过参加人数的 2/3') } });
    const notThere = await w.call('officer', 'events', 'results', { eventId: e.id, prizes: [{ memberId: w.ids.chair, amountFen: 10_000, form: 'in_kind' }] });
    expect(notThere).toMatchObject({ ok: false, error: { message: '获奖会员须是本活动的参加者' } });
    const payload = { eventId: e.id, results: '第一名：张伟；第二名：刘洋', prizes: [w.ids.member, extra.liu].map((memberId) => ({ memberId, amountFen: 10_000, form: 'in_kind' as const })) };
    const ok = unwrap(await w.call('officer', 'events', 'results', payload));
    expect(ok.prizes.map((p) => [p.name, p.repeated])).toEqual([
      ['张伟', false],
      ['刘洋', false],
    ]);
    const again = unwrap(await w.call('officer', 'events', 'results', payload));
    expect(again.prizes.every((p) => p.repeated)).toBe(true);
    // Each winner is told once, in the inbox, of their own prize.
    const told = (await inbox('member')).items.filter((n) => n.kind === 'event_prize');
    expect(told.map((n) => [n.title, n.body])).toEqual([['获奖通知：趣味运动会', expect.stringContaining('奖品：实物（¥100.00）')]]);
    expect((await inbox('officer')).items.filter((n) => n.kind === 'event_prize')).toEqual([]);
    const ledger = unwrap(await w.call('auditor', 'ledger', 'ledgerList', { year: 2026, line: 'events' }));
    expect(ledger.items.filter((i) => i.item === 'event_prize').map((i) => i.memberName).sort()).toEqual(['刘洋', '张伟']);
    expect(ledger.total).toBe(2);
    w.emu.clock.set(NOW);
  });

  test('recorded prizes stay as recorded: listed on the roster, a changed amount refused, a refusal records none, a reversed prize given again', async () => {
    w.emu.clock.set('2026-11-28T05:00:00.000Z');
    const prizesOnRoster = async () => unwrap(await w.call('officer', 'events', 'roster', { eventId: e.id })).prizes;
    const ledger = async () =>
      unwrap(await w.call('auditor', 'ledger', 'ledgerList', { year: 2026, line: 'events', pageSize: 100 })).items.filter(
        (i) => i.item === 'event_prize',
      );
    expect((await prizesOnRoster()).map((p) => [p.name, p.amountFen])).toEqual([
      ['张伟', 10_000],
      ['刘洋', 10_000],
    ]);
    // Members read the published results on the event's page.
    expect(await w.call('wx-a-liu', 'events', 'get', { eventId: e.id })).toMatchObject({ ok: true, data: { results: '第一名：张伟；第二名：刘洋' } });

    const changed = await w.call('officer', 'events', 'results', { eventId: e.id, prizes: [{ memberId: w.ids.member, amountFen: 20_000, form: 'in_kind' }] });
    expect(changed).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('张伟的奖品已登记为 ¥100.00（实物）'), issues: [{ path: ['prizes', 0, 'amountFen'] }] } });
    // A third winner breaks the share of winners, counting the two recorded before: nothing is recorded.
    const third = await w.call('officer', 'events', 'results', { eventId: e.id, prizes: [{ memberId: w.ids.officer, amountFen: 5_000, form: 'in_kind' }] });
    expect(third).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', message: expect.stringMatching(/^李娜的奖品不能登记：.*获奖人数不得超过参加人数的 2\/3/) } });
    expect(await ledger()).toHaveLength(2);

    for (const p of await prizesOnRoster()) {
      expect(await w.call('officer', 'ledger', 'ledgerReverse', { entryId: p.entryId, reason: '奖品登记有误' })).toMatchObject({ ok: true });
    }
    expect(await prizesOnRoster()).toEqual([]);
    // The second prize is over the ¥300 cap: the first, though allowed, is not recorded either.
    const over = await w.call('officer', 'events', 'results', {
      eventId: e.id,
      prizes: [
        { memberId: w.ids.member, amountFen: 20_000, form: 'in_kind' },
        { memberId: extra.liu, amountFen: 40_000, form: 'in_kind' },
      ],
    });
    expect(over).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', message: expect.stringContaining('刘洋的奖品不能登记'), issues: [{ path: ['prizes', 1, 'amountFen'] }] } });
    expect(await ledger()).toHaveLength(4); // the two prizes and their two reversals

    const again = unwrap(await w.call('officer', 'events', 'results', {
      eventId: e.id,
      results: '第一名：张伟；第二名：刘洋（更正）',
      prizes: [
        { memberId: w.ids.member, amountFen: 20_000, form: 'in_kind' },
        { memberId: extra.liu, amountFen: 15_000, form: 'in_kind' },
      ],
    }));
    expect(again.prizes.map((p) => [p.name, p.amountFen, p.entryId, p.repeated])).toEqual([
      ['张伟', 20_000, `${e.id}:prize:${w.ids.member}:2`, false],
      ['刘洋', 15_000, `${e.id}:prize:${extra.liu}:2`, false],
    ]);
    expect((await prizesOnRoster()).map((p) => p.amountFen)).toEqual([20_000, 15_000]);
    const entries = await ledger();
    expect(entries.reduce((n, x) => n + x.amountFen, 0)).toBe(35_000);

    // Two officers at the same moment, each adding a second winner where only one more fits (2 of 3): one
    // is recorded, the other is worked out again after it and refused; the results text, not sent, stays.
    const liu = (await prizesOnRoster()).find((p) => p.name === '刘洋');
    expect(await w.call('officer', 'ledger', 'ledgerReverse', { entryId: liu?.entryId ?? '', reason: '改发他人' })).toMatchObject({ ok: true });
    await Promise.all([1, 2, 3, 4].map(() => w.call('officer', 'events', 'adminGet', { eventId: e.id }))); // instances warm, so the two run together
    const [byOfficer, byChair] = await Promise.all([
      w.call('officer', 'events', 'results', { eventId: e.id, prizes: [{ memberId: extra.liu, amountFen: 10_000, form: 'in_kind' }] }),
      w.call('chair', 'events', 'results', { eventId: e.id, prizes: [{ memberId: w.ids.officer, amountFen: 10_000, form: 'in_kind' }] }),
    ]);
    expect([byOfficer.ok, byChair.ok].sort()).toEqual([false, true]);
    expect([byOfficer, byChair].find((r) => !r.ok)).toMatchObject({ error: { code: 'POLICY_REFUSED', message: expect.stringContaining('获奖人数不得超过参加人数的 2/3') } });
    expect(await prizesOnRoster()).toHaveLength(2);
    expect(await w.call('wx-a-liu', 'events', 'get', { eventId: e.id })).toMatchObject({ ok: true, data: { results: '第一名：张伟；第二名：刘洋（更正）' } });
    w.emu.clock.set(NOW);
  });
});

describe('changes and cancellation are told to everyone signed up', () => {
  beforeAll(() => w.emu.clock.set(NOW));
  test('a new place is told; cancelling the event tells all and closes it for good', async () => {
    const e = await publish({ title: '读书分享会', kind: 'reading', capacity: 1 });
    await signup('member', e.id);
    await signup('wx-a-liu', e.id);
    const moved = await w.call('officer', 'events', 'update', { eventId: e.id, changes: { place: '三楼会议室', description: '改到三楼' } });
    expect(moved).toMatchObject({ ok: true, data: { notified: 2, promoted: 0, event: { place: '三楼会议室' } } });
    expect((await inbox('member')).items.find((n) => n.title === '活动有变更：读书分享会')?.body).toContain('地点有变更，现为：2026年11月28日 09:00，三楼会议室');
    const quiet = await w.call('officer', 'events', 'update', { eventId: e.id, changes: { description: '只改说明' } });
    expect(quiet).toMatchObject({ ok: true, data: { notified: 0 } });
    const cancelled = await w.call('officer', 'events', 'cancel', { eventId: e.id, reason: '场地检修' });
    expect(cancelled).toMatchObject({ ok: true, data: { notified: 2, event: { status: 'cancelled' } } });
    for (const who of ['member', 'wx-a-liu']) expect((await inbox(who)).items.find((n) => n.kind === 'event_cancelled')?.body).toContain('原因：场地检修');
    expect(await signup('officer', e.id)).toMatchObject({ ok: false, error: { message: '活动已取消' } });
    expect(await w.call('officer', 'events', 'cancel', { eventId: e.id, reason: '再取消' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    const audit = unwrap(await w.call('auditor', 'members', 'auditList', { pageSize: 100 }));
    expect(audit.items.map((i) => i.action)).toEqual(expect.arrayContaining(['event.publish', 'event.update', 'event.cancel']));
  });
});
