/**
 * Access, action by action: every role of the issue (unbound, member, another union's officer, officer, chair,
 * auditor, a named care handler, clerk) calls every action, and only those who should get past the door do.
 * Another union's officer holds the same permissions in their own union, so for them the test is stronger:
 * whatever they get back carries nothing of union A.
 */
import { contracts, type FunctionName } from '../src/core/contracts';
import { buildWorld, unwrap, EVERYONE, type Who } from './testing/world';
import type { AccessCase, AccessCases, AccessWorld } from './testing/access';
import { membersAccess } from './members/access.cases';
import { ledgerAccess } from './ledger/access.cases';
import { eventsAccess, accessEventFields } from './events/access.cases';
import { noticesAccess } from './notices/access.cases';
import { careAccess } from './care/access.cases';
import { giftsAccess } from './gifts/access.cases';
import { hardshipAccess } from './hardship/access.cases';
// new-area: imports (`npm run new:area` inserts above this line)

/** Every area's rows, one line per area (server/<area>/access.cases.ts). */
const ACCESS: { [F in FunctionName]: AccessCases<F> } = {
  members: membersAccess,
  ledger: ledgerAccess,
  events: eventsAccess,
  notices: noticesAccess,
  care: careAccess,
  gifts: giftsAccess,
  hardship: hardshipAccess,
  // new-area: access
};

// The registries are typed, but a test that runs is what notices a contract's new action without a row.
test('every action of every contract has an access case', () => {
  const missing: string[] = [];
  const stray: string[] = [];
  for (const [fn, contract] of Object.entries(contracts)) {
    const rows = (ACCESS as Record<string, Record<string, unknown> | undefined>)[fn] ?? {};
    for (const action of Object.keys(contract.actions)) if (!(action in rows)) missing.push(`${fn}.${action}`);
    for (const action of Object.keys(rows)) if (!(action in contract.actions)) stray.push(`${fn}.${action}`);
  }
  if (missing.length > 0) throw new Error(`No access case for ${missing.join(', ')}: add a row for each to server/<fn>/access.cases.ts`);
  if (stray.length > 0) throw new Error(`Access cases for actions no contract has: ${stray.join(', ')}`);
});

let w: AccessWorld;

beforeAll(async () => {
  const world = await buildWorld();
  const r = await world.call('chair', 'events', 'publish', accessEventFields('access-event-0001'));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  w = { ...world, eventA: unwrap(r).event.id };
});
afterAll(async () => {
  await w?.dispose();
});

const DOOR_CODES = ['NOT_BOUND', 'FORBIDDEN'];

interface Row {
  fn: string;
  action: string;
  case: AccessCase<FunctionName, never>;
}
const ROWS: Row[] = Object.entries(ACCESS).flatMap(([fn, rows]) =>
  Object.entries(rows as Record<string, AccessCase<FunctionName, never>>).map(([action, c]) => ({ fn, action, case: c })),
);

/** What identifies union A's data in any reply (its name is public: members pick it when binding). */
function unionAMarkers(x: AccessWorld): string[] {
  return [x.unionA, 'A000', '张伟', '李娜', '孙审计', '赵主席', '郑专员', '刘审核', '好利来'];
}

describe.each(ROWS.map((row) => [`${row.fn}.${row.action}`, row] as const))('%s', (_name, { fn, action, case: c }) => {
  test.each(EVERYONE)('%s', async (who: Who) => {
    const r = await w.callRaw(who, fn, action, c.payload(w, who));
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
    if (who === 'otherOfficer' && action !== 'unions') {
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
