/**
 * Guessing is cut off (issue 10, §4), through the emulator with the real SDK: binding failures count per roster
 * member as well as per identity, parallel guesses from one identity get no more answers than the limit, officers
 * see a locked member and can lift the lock; 工号 case and spaces around a name are not failures.
 */
import { buildWorld, unwrap, person, type Reply, type World } from '../testing/world';
import { MEMBER_BIND_LIMIT } from './binding';

let w: World;

beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => {
  await w.dispose();
});

const guess = (who: string, digits: string) => w.call(who, 'members', 'bind', { name: '王芳', employeeNo: 'A0005', phoneLast4: digits });
const codeOf = (r: Reply) => (r.ok ? 'OK' : r.error?.code);

test('40 identities guessing one member: the member is locked after a handful, whatever identity guesses next', async () => {
  const answers: string[] = [];
  // 40 identities × 3 guesses each, 10 identities at a time.
  for (let batch = 0; batch < 4; batch += 1) {
    const replies = await Promise.all(
      Array.from({ length: 10 }, async (_, k) => {
        const out: Reply[] = [];
        for (let g = 0; g < 3; g += 1) out.push(await guess(`wx-attacker-${batch}-${k}`, String(1000 + batch * 100 + k * 3 + g)));
        return out;
      }),
    );
    answers.push(...replies.flat().map((r) => `${codeOf(r)}:${r.error?.message ?? ''}`));
  }
  const judged = answers.filter((a) => a.startsWith('BIND_FAILED'));
  // No more digits were compared than the member's allowance.
  expect(judged.length).toBeLessThanOrEqual(MEMBER_BIND_LIMIT.max);
  expect(answers.filter((a) => a.includes('该会员的实名认证')).length).toBeGreaterThanOrEqual(120 - MEMBER_BIND_LIMIT.max);
  // Even the right digits from a fresh identity wait for the lock: the attacker cannot win by luck meanwhile.
  expect(await guess('wx-real-wangfang', '0005')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('联系工会干部') } });

  // The officer sees the lock on the roster and lifts it; the member binds; the audit says so in Chinese.
  const row = unwrap(await w.call('officer', 'members', 'rosterGet', { memberId: w.ids.unboundEntry }));
  expect(row.bindLockedUntil).not.toBeNull();
  const listed = unwrap(await w.call('officer', 'members', 'rosterList', { q: 'A0005' }));
  expect(listed.items[0].bindLockedUntil).not.toBeNull();
  expect(await w.call('member', 'members', 'rosterUnlock', { memberId: w.ids.unboundEntry })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await w.call('officer', 'members', 'rosterUnlock', { memberId: w.ids.unboundEntry })).toMatchObject({ ok: true, data: { bindLockedUntil: null } });
  expect(await guess('wx-real-wangfang', '0005')).toMatchObject({ ok: true });
  const log = unwrap(await w.call('chair', 'members', 'auditList'));
  expect(log.items.find((e) => e.action === 'member.unlock')?.actionLabel).toBe('解除实名认证锁定');
  expect(await w.call('chair', 'members', 'rosterUnbind', { memberId: w.ids.unboundEntry })).toMatchObject({ ok: true });
});

test('one identity firing 30 guesses at once gets at most its allowance of answers', async () => {
  await w.call('chair', 'members', 'rosterSave', { fields: person('A0300', '韩梅', '13900000300') });
  const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => w.call('wx-burst', 'members', 'bind', { name: '韩梅', employeeNo: 'A0300', phoneLast4: String(2000 + i) })));
  expect(replies.filter((r) => r.error?.code === 'BIND_FAILED').length).toBeLessThanOrEqual(5);
  expect(replies.every((r) => !r.ok)).toBe(true);
});

test('spaces around the name and a lowercase 工号 are the same member, not a failure', async () => {
  await w.call('chair', 'members', 'rosterSave', { fields: person('A0301', '林静', '13900000301') });
  const r = await w.call('wx-lin', 'members', 'bind', { name: ' 林静 ', employeeNo: 'a0301', phoneLast4: '0301' });
  expect(r).toMatchObject({ ok: true, data: { member: { name: '林静', employeeNo: 'A0301' } } });
});
