/**
 * Notices go to the member, not to an identity frozen at sign-up (issue 10, §3): the inbox belongs to the member
 * (after re-binding, the new WeChat sees the history and the old one sees nothing), and the subscribe message
 * goes to the member's binding at the moment of sending, or nowhere.
 */
import { eventInput } from '../testing/events';
import { buildWorld, unwrap, person, type World } from '../testing/world';

let w: World;
const NOW = '2026-11-20T02:00:00.000Z';

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set(NOW);
});
afterAll(async () => {
  await w.dispose();
});

const inbox = async (who: string) => unwrap(await w.call(who, 'notices', 'list', {}));
const outboxTo = async (openid: string) => ((await w.emu.get('/__emulator/outbox')).body as { to: string; data: Record<string, { value: string }> }[]).filter((m) => m.to === openid);

test('a promotion after re-binding reaches the member’s new WeChat; the old identity, now in another union, gets nothing', async () => {
  const liu = unwrap(await w.call('chair', 'members', 'rosterSave', { fields: person('A0010', '刘洋', '13900000010') })).id;
  expect(await w.call('wx-liu-old', 'members', 'bind', { name: '刘洋', employeeNo: 'A0010', phoneLast4: '0010' })).toMatchObject({ ok: true });

  const published = await w.call('officer', 'events', 'publish', eventInput('recipient-test-event-1', { title: '乒乓球友谊赛', kind: 'table_tennis', capacity: 1 }));
  expect(published).toMatchObject({ ok: true });
  const eventId = unwrap(published).event.id;
  expect(await w.call('member', 'events', 'signup', { eventId })).toMatchObject({ ok: true, data: { signup: { status: 'confirmed' } } });
  expect(await w.call('wx-liu-old', 'events', 'signup', { eventId })).toMatchObject({ ok: true, data: { signup: { status: 'waitlisted' } } });

  // 刘洋 changes WeChat: the officer unbinds, the old identity binds a member of union B, the new one binds 刘洋.
  expect(await w.call('officer', 'members', 'rosterUnbind', { memberId: liu })).toMatchObject({ ok: true });
  await w.call('otherOfficer', 'members', 'rosterSave', { fields: person('B0010', '吴乙', '13900000110') });
  expect(await w.call('wx-liu-old', 'members', 'bind', { name: '吴乙', employeeNo: 'B0010', phoneLast4: '0110' })).toMatchObject({ ok: true });
  expect(await w.call('wx-liu-new', 'members', 'bind', { name: '刘洋', employeeNo: 'A0010', phoneLast4: '0010' })).toMatchObject({ ok: true });

  const oldPushesBefore = (await outboxTo('wx-liu-old')).length;
  expect(await w.call('member', 'events', 'cancelSignup', { eventId })).toMatchObject({ ok: true });

  // The new WeChat has the member's whole history: the waitlist notice from before and the promotion now.
  const mine = await inbox('wx-liu-new');
  expect(mine.items.map((n) => n.kind)).toEqual(expect.arrayContaining(['event_waitlisted', 'event_promoted']));
  expect(mine.items.find((n) => n.kind === 'event_promoted')?.body).toMatch(/签到码 \d+/);
  expect((await outboxTo('wx-liu-new')).length).toBe(1);

  // The old identity, now 吴乙 of union B, sees nothing of 刘洋's and is not pushed to.
  const old = await inbox('wx-liu-old');
  expect(old.items.filter((n) => n.title.includes('乒乓球友谊赛'))).toEqual([]);
  expect(old.unread).toBe(0);
  expect((await outboxTo('wx-liu-old')).length).toBe(oldPushesBefore);
});

test('a notice to a member with no WeChat bound at the moment goes to the inbox only, and is there once they bind', async () => {
  const gao = unwrap(await w.call('chair', 'members', 'rosterSave', { fields: person('A0020', '高远', '13900000020') })).id;
  expect(await w.call('wx-gao-1', 'members', 'bind', { name: '高远', employeeNo: 'A0020', phoneLast4: '0020' })).toMatchObject({ ok: true });
  const published = await w.call('officer', 'events', 'publish', eventInput('recipient-test-event-2', { title: '读书会', kind: 'reading', capacity: 10 }));
  const eventId = unwrap(published).event.id;
  expect(await w.call('wx-gao-1', 'events', 'signup', { eventId })).toMatchObject({ ok: true });
  expect(await w.call('officer', 'members', 'rosterUnbind', { memberId: gao })).toMatchObject({ ok: true });
  const pushesBefore = (await w.emu.get('/__emulator/outbox')).body as unknown[];
  expect(await w.call('officer', 'events', 'cancel', { eventId, reason: '场地维修' })).toMatchObject({ ok: true });
  const pushesAfter = (await w.emu.get('/__emulator/outbox')).body as { to: string }[];
  // Nobody bound: nothing pushed, and not to the identity of the sign-up either.
  expect(pushesAfter.length).toBe(pushesBefore.length);
  expect(await w.call('wx-gao-1', 'notices', 'list', {})).toMatchObject({ ok: false, error: { code: 'NOT_BOUND' } });
  expect(await w.call('wx-gao-2', 'members', 'bind', { name: '高远', employeeNo: 'A0020', phoneLast4: '0020' })).toMatchObject({ ok: true });
  expect((await inbox('wx-gao-2')).items.map((n) => n.kind)).toEqual(expect.arrayContaining(['event_confirmed', 'event_cancelled']));
});

test('the inbox record says whether WeChat took the message: sent at the same time, corrected when WeChat refuses it', async () => {
  const { connectSdk } = await import('../../emulator/sdk-client');
  const db = connectSdk(w.emu.url, w.emu.envId).database();
  const published = unwrap(await w.call('officer', 'events', 'publish', eventInput('recipient-test-event-3', { title: '羽毛球友谊赛', kind: 'badminton', capacity: 5 })));
  const latest = async (memberId: string) => {
    const r = (await db.collection('notices').where({ memberId }).orderBy('at', 'desc').limit(1).get()) as unknown as { data: { kind: string; pushed: boolean }[] };
    return r.data[0];
  };
  // Consent left: pushed.
  await w.emu.post('/__emulator/subscriptions', { openid: w.openids.member, subscribed: true });
  const before = (await outboxTo(w.openids.member)).length;
  unwrap(await w.call('member', 'events', 'signup', { eventId: published.event.id }));
  expect(await outboxTo(w.openids.member)).toHaveLength(before + 1);
  expect(await latest(w.ids.member)).toMatchObject({ kind: 'event_confirmed', pushed: true });
  // No consent left (WeChat's 43101): the inbox has the notice, marked not pushed.
  await w.emu.post('/__emulator/subscriptions', { openid: w.openids.officer, subscribed: false });
  unwrap(await w.call('officer', 'events', 'signup', { eventId: published.event.id }));
  expect(await latest(w.ids.officer)).toMatchObject({ kind: 'event_confirmed', pushed: false });
});
