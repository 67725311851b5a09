/**
 * Access, action by action: every role of the issue (unbound, member, another union's officer, officer, chair,
 * auditor, clerk) calls every action, and only those who should get past the door do. Another union's officer
 * holds the same permissions in their own union, so for them the test is stronger: whatever they get back
 * carries nothing of union A.
 */
import { buildWorld, EVERYONE, type Reply, type Who, type World } from '../testing/world';

let w: World;

/** An event of union A, published before the matrix runs (times relative to the real clock). */
let eventA = '';
const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const eventFields = (key: string) => ({
  title: '门禁测试活动',
  kind: 'other',
  place: '会议室',
  startsAt: hours(48),
  endsAt: hours(50),
  capacity: 10,
  signupOpensAt: hours(-1),
  signupClosesAt: hours(24),
  cancelDeadline: hours(30),
  requestKey: key,
});

beforeAll(async () => {
  w = await buildWorld();
  const r = await w.call('chair', 'events', 'publish', eventFields('access-event-0001'));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  eventA = (r.data as { event: { id: string } }).event.id;
});
afterAll(async () => {
  await w.dispose();
});

const DOOR_CODES = ['NOT_BOUND', 'FORBIDDEN'];
const STAFF: Who[] = ['otherOfficer', 'officer', 'chair'];

interface Case {
  fn: string;
  action: string;
  payload: (w: World, who: Who) => unknown;
  allowed: Who[];
}

const CASES: Case[] = [
  { fn: 'members', action: 'whoami', payload: () => undefined, allowed: EVERYONE },
  { fn: 'members', action: 'unions', payload: () => undefined, allowed: EVERYONE },
  // Only a caller without an account may bind, bootstrap or redeem (wrong details: the door is what is tested).
  { fn: 'members', action: 'bind', payload: () => ({ name: '王芳', employeeNo: 'A0005', phoneLast4: '0000' }), allowed: ['unbound'] },
  {
    fn: 'members',
    action: 'bootstrap',
    payload: () => ({ setupCode: 'WRONG-CODE-0000', union: { name: '测试工会' }, me: { name: '某人', employeeNo: 'Z1', department: '', gender: 'male', birthDate: '1980-01-01', phone: '13800000000' } }),
    allowed: ['unbound'],
  },
  { fn: 'members', action: 'redeemInvite', payload: () => ({ code: 'ABCDEFGHJK' }), allowed: ['unbound'] },
  { fn: 'members', action: 'rosterList', payload: () => ({}), allowed: STAFF },
  { fn: 'members', action: 'rosterUnlock', payload: (x) => ({ memberId: x.ids.member }), allowed: STAFF },
  { fn: 'members', action: 'rosterGet', payload: (x) => ({ memberId: x.ids.member }), allowed: STAFF },
  {
    fn: 'members',
    action: 'rosterSave',
    payload: (x) => ({ memberId: x.ids.member, fields: { name: '张伟', employeeNo: 'A0004', department: '办公室', gender: 'male', birthDate: '1985-03-12', phone: '13900000004' } }),
    allowed: STAFF,
  },
  { fn: 'members', action: 'rosterImport', payload: (x, who) => ({ fileID: `cloud://${x.emu.envId}.bucket/uploads/${x.openids[who]}/missing.xlsx` }), allowed: STAFF },
  { fn: 'members', action: 'rosterTemplate', payload: () => undefined, allowed: STAFF },
  { fn: 'members', action: 'rosterExport', payload: () => undefined, allowed: STAFF },
  { fn: 'members', action: 'rosterUnbind', payload: (x) => ({ memberId: x.ids.unboundEntry }), allowed: STAFF },
  { fn: 'members', action: 'rolesList', payload: () => undefined, allowed: STAFF },
  { fn: 'members', action: 'rolesGrant', payload: (x) => ({ memberId: x.ids.member, role: 'auditor' }), allowed: STAFF },
  { fn: 'members', action: 'rolesRevoke', payload: (x) => ({ memberId: x.ids.member, role: 'auditor' }), allowed: STAFF },
  { fn: 'members', action: 'clerkInvite', payload: () => ({ name: '店员', shopName: '某蛋糕店' }), allowed: STAFF },
  { fn: 'members', action: 'unionSetCommittee', payload: () => ({ committeeId: null }), allowed: ['otherOfficer', 'chair'] },
  // Nobody in this world holds the committee role (the committee test in ledger.test.ts covers the holder).
  { fn: 'members', action: 'committeeUnions', payload: () => undefined, allowed: [] },
  { fn: 'members', action: 'auditList', payload: () => undefined, allowed: [...STAFF, 'auditor'] },
  { fn: 'ledger', action: 'policyTemplates', payload: () => undefined, allowed: [...STAFF, 'auditor'] },
  { fn: 'ledger', action: 'policyGet', payload: () => ({ year: 2026 }), allowed: [...STAFF, 'auditor'] },
  { fn: 'ledger', action: 'policySave', payload: () => ({ year: 2026, templateId: 'zibo-kjj-2017' }), allowed: STAFF },
  { fn: 'ledger', action: 'budgetList', payload: () => ({ year: 2026 }), allowed: [...STAFF, 'auditor'] },
  { fn: 'ledger', action: 'budgetSet', payload: () => ({ year: 2026, line: 'birthday', amountFen: 1_000_000 }), allowed: STAFF },
  {
    fn: 'ledger',
    action: 'ledgerRecord',
    payload: (x) => ({ item: 'study_award', memberId: x.ids.member, amountFen: 100, form: 'in_kind', requestKey: `access-${Math.random().toString(36).slice(2)}` }),
    allowed: STAFF,
  },
  { fn: 'ledger', action: 'ledgerReverse', payload: () => ({ entryId: 'no-such-entry', reason: '测试冲正' }), allowed: STAFF },
  { fn: 'ledger', action: 'ledgerList', payload: () => ({ year: 2026 }), allowed: [...STAFF, 'auditor'] },
  { fn: 'ledger', action: 'ledgerExport', payload: () => ({ year: 2026 }), allowed: [...STAFF, 'auditor'] },
  // Every member reads the report and their own benefits; a clerk is not a member.
  { fn: 'ledger', action: 'report', payload: () => ({ year: 2026 }), allowed: ['member', ...STAFF, 'auditor'] },
  { fn: 'ledger', action: 'myBenefits', payload: () => ({ year: 2026 }), allowed: ['member', ...STAFF, 'auditor'] },
  // Events: every member may browse and sign up (another union's officer sees only their own union's events);
  // officers and the chair run them. A clerk is not a member.
  { fn: 'events', action: 'list', payload: () => ({}), allowed: ['member', ...STAFF, 'auditor'] },
  { fn: 'events', action: 'get', payload: () => ({ eventId: eventA }), allowed: ['member', ...STAFF, 'auditor'] },
  { fn: 'events', action: 'signup', payload: () => ({ eventId: eventA }), allowed: ['member', ...STAFF, 'auditor'] },
  { fn: 'events', action: 'mine', payload: () => undefined, allowed: ['member', ...STAFF, 'auditor'] },
  { fn: 'events', action: 'checkinSelf', payload: () => ({ eventId: eventA, code: '000000' }), allowed: ['member', ...STAFF, 'auditor'] },
  { fn: 'events', action: 'cancelSignup', payload: () => ({ eventId: eventA }), allowed: ['member', ...STAFF, 'auditor'] },
  { fn: 'events', action: 'adminList', payload: () => ({}), allowed: STAFF },
  { fn: 'events', action: 'adminGet', payload: () => ({ eventId: eventA }), allowed: STAFF },
  { fn: 'events', action: 'roster', payload: () => ({ eventId: eventA }), allowed: STAFF },
  { fn: 'events', action: 'checkin', payload: () => ({ eventId: eventA, code: '001234' }), allowed: STAFF },
  { fn: 'events', action: 'export', payload: () => ({ eventId: eventA }), allowed: STAFF },
  { fn: 'events', action: 'results', payload: () => ({ eventId: eventA, results: '测试' }), allowed: STAFF },
  { fn: 'events', action: 'update', payload: () => ({ eventId: eventA, changes: { description: '门禁测试' } }), allowed: STAFF },
  { fn: 'events', action: 'publish', payload: (_x, who) => eventFields(`access-publish-${who}`), allowed: STAFF },
  { fn: 'events', action: 'close', payload: () => ({ eventId: eventA }), allowed: STAFF },
  { fn: 'events', action: 'cancel', payload: () => ({ eventId: eventA, reason: '门禁测试' }), allowed: STAFF },
  // Notices are every account's own, clerks' included.
  { fn: 'notices', action: 'list', payload: () => ({}), allowed: ['member', ...STAFF, 'auditor', 'clerk'] },
  { fn: 'notices', action: 'unread', payload: () => undefined, allowed: ['member', ...STAFF, 'auditor', 'clerk'] },
  { fn: 'notices', action: 'markRead', payload: () => ({ all: true }), allowed: ['member', ...STAFF, 'auditor', 'clerk'] },
];

/** What identifies union A's data in any reply (its name is public: members pick it when binding). */
function unionAMarkers(x: World): string[] {
  return [x.unionA, 'A000', '张伟', '李娜', '孙审计', '赵主席', '好利来'];
}

describe.each(CASES.map((c) => [`${c.fn}.${c.action}`, c] as const))('%s', (_name, c) => {
  test.each(EVERYONE)('%s', async (who) => {
    const r: Reply = await w.call(who, c.fn, c.action, c.payload(w, who));
    if (!c.allowed.includes(who)) {
      // Refused at the door: a bound caller on an unbound-only action is told they are bound already.
      const expected = c.allowed.length === 1 && c.allowed[0] === 'unbound' ? ['ALREADY_EXISTS'] : DOOR_CODES;
      expect(r.ok).toBe(false);
      expect(expected).toContain(r.error?.code);
      expect(r.error?.message).toMatch(/[\u4e00-\u9fa5]/);
      return;
    }
    // Past the door: any outcome but a door refusal (the payloads are valid; some are refused by the domain).
    if (!r.ok) expect(DOOR_CODES).not.toContain(r.error?.code);
    // The list of unions (names and ids) is public: an unbound member picks theirs from it when binding.
    if (who === 'otherOfficer' && c.action !== 'unions') {
      const text = JSON.stringify(r);
      for (const marker of unionAMarkers(w)) expect(text).not.toContain(marker);
    }
  });
});

test('a role granted or revoked takes effect on the very next call', async () => {
  expect(await w.call('member', 'members', 'rosterList')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await w.call('chair', 'members', 'rolesGrant', { memberId: w.ids.member, role: 'officer' })).toMatchObject({ ok: true, data: { roles: ['member', 'officer'] } });
  expect(await w.call('member', 'members', 'rosterList')).toMatchObject({ ok: true });
  expect(await w.call('officer', 'members', 'rolesRevoke', { memberId: w.ids.member, role: 'officer' })).toMatchObject({ ok: true, data: { roles: ['member'] } });
  expect(await w.call('member', 'members', 'rosterList')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test("an officer cannot make anyone chair (themself included); the chair can; the last officer cannot be removed", async () => {
  expect(await w.call('officer', 'members', 'rolesGrant', { memberId: w.ids.officer, role: 'chair' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await w.call('chair', 'members', 'rolesGrant', { memberId: w.ids.officer, role: 'chair' })).toMatchObject({ ok: true, data: { roles: ['member', 'officer', 'chair'] } });
  expect(await w.call('chair', 'members', 'rolesRevoke', { memberId: w.ids.officer, role: 'chair' })).toMatchObject({ ok: true });
  // Union B has one chair who is also its only officer: neither role can go (leadership.test.ts has the rest).
  expect(await w.call('otherOfficer', 'members', 'rolesRevoke', { memberId: w.ids.otherChair, role: 'chair' })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: expect.stringContaining('唯一的工会主席') },
  });
  expect(await w.call('otherOfficer', 'members', 'rolesRevoke', { memberId: w.ids.otherChair, role: 'officer' })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: expect.stringContaining('最后一位') },
  });
  // And roles of another union's member cannot be touched.
  expect(await w.call('otherOfficer', 'members', 'rolesGrant', { memberId: w.ids.member, role: 'officer' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
