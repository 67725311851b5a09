/**
 * Real-name binding, bootstrap and clerk invitations, through the emulator with the real SDK.
 */
import { buildWorld, unwrap, SETUP_CODES, type World } from '../testing/world';

let w: World;

beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => {
  await w.dispose();
});

const advance = (ms: number) => w.emu.clock.set(new Date(w.emu.clock.now().getTime() + ms).toISOString());

describe('binding', () => {
  test('a bound member sees who they are, with the phone masked; an unbound caller sees no account', async () => {
    const me = await w.call('member', 'members', 'whoami');
    expect(me).toMatchObject({
      ok: true,
      data: { account: { kind: 'member', name: '张伟', roles: ['member'], union: { name: '淄博市科技局机关工会' } }, member: { employeeNo: 'A0004', phoneMasked: '139****0004' } },
    });
    expect(JSON.stringify(me)).not.toContain('13900000004');
    expect(await w.call('unbound', 'members', 'whoami')).toMatchObject({ ok: true, data: { account: null, member: null } });
  });

  test('an unbound caller can use nothing but binding', async () => {
    for (const [fn, action] of [
      ['members', 'rosterList'],
      ['members', 'auditList'],
      ['members', 'rolesList'],
    ] as const) {
      expect(await w.call('unbound', fn, action)).toMatchObject({ ok: false, error: { code: 'NOT_BOUND', message: '请先完成实名认证' } });
    }
  });

  test('right details bind; wrong details are refused with the attempts left, then slowed, then locked', async () => {
    const wrong = await w.call('wx-guess', 'members', 'bind', { name: '王芳', employeeNo: 'A0005', phoneLast4: '9999' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BIND_FAILED', message: expect.stringContaining('还可尝试 4 次') } });
    await w.call('wx-guess', 'members', 'bind', { name: '王芳', employeeNo: 'A0005', phoneLast4: '9998' });
    await w.call('wx-guess', 'members', 'bind', { name: '王芳', employeeNo: 'A0005', phoneLast4: '9997' });
    // After three failures each further attempt must wait a minute — even with the right details.
    const slowed = await w.call('wx-guess', 'members', 'bind', { name: '王芳', employeeNo: 'A0005', phoneLast4: '0005' });
    expect(slowed).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('1 分钟') } });
    advance(61_000);
    await w.call('wx-guess', 'members', 'bind', { name: '王芳', employeeNo: 'A0005', phoneLast4: '9996' });
    advance(61_000);
    const locked = await w.call('wx-guess', 'members', 'bind', { name: '王芳', employeeNo: 'A0005', phoneLast4: '9995' });
    expect(locked).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('锁定 30 分钟') } });
    advance(10 * 60_000);
    expect(await w.call('wx-guess', 'members', 'bind', { name: '王芳', employeeNo: 'A0005', phoneLast4: '0005' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    advance(21 * 60_000);
    const ok = await w.call('wx-guess', 'members', 'bind', { name: '王芳', employeeNo: 'A0005', phoneLast4: '0005' });
    expect(ok).toMatchObject({ ok: true, data: { member: { name: '王芳', roles: ['member'] }, union: { name: '淄博市科技局机关工会' } } });
    // Unbind again so other tests find the entry free.
    expect(await w.call('chair', 'members', 'rosterUnbind', { memberId: w.ids.unboundEntry })).toMatchObject({ ok: true, data: { bound: false } });
    w.emu.clock.set(null);
  });

  test('one identity per member: a second WeChat cannot bind a bound member', async () => {
    const r = await w.call('wx-impostor', 'members', 'bind', { name: '张伟', employeeNo: 'A0004', phoneLast4: '0004' });
    expect(r).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS', message: expect.stringContaining('已绑定其他微信') } });
  });

  test('one member per identity: a bound identity cannot bind again', async () => {
    const r = await w.call('member', 'members', 'bind', { name: '王芳', employeeNo: 'A0005', phoneLast4: '0005' });
    expect(r).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
  });

  test('two identities binding one member at the same moment: exactly one wins, the other is told', async () => {
    const tries = await Promise.all(
      Array.from({ length: 8 }, (_, i) => w.call(`wx-race-${i}`, 'members', 'bind', { name: '王芳', employeeNo: 'A0005', phoneLast4: '0005' })),
    );
    const winners = tries.filter((t) => t.ok);
    expect(winners).toHaveLength(1);
    for (const t of tries.filter((x) => !x.ok)) expect(t.error?.code).toBe('ALREADY_EXISTS');
    const roster = await w.call('chair', 'members', 'rosterGet', { memberId: w.ids.unboundEntry });
    expect(roster).toMatchObject({ ok: true, data: { bound: true } });
    // Every loser is left unbound and may bind something else later.
    const loser = tries.findIndex((t) => !t.ok);
    expect(await w.call(`wx-race-${loser}`, 'members', 'whoami')).toMatchObject({ ok: true, data: { account: null } });
    await w.call('chair', 'members', 'rosterUnbind', { memberId: w.ids.unboundEntry });
  });

  test('an officer unbinds a member; the old identity is unbound at once and a new phone can bind', async () => {
    await w.call('wx-old-phone', 'members', 'bind', { name: '王芳', employeeNo: 'A0005', phoneLast4: '0005' });
    expect(await w.call('wx-old-phone', 'members', 'whoami')).toMatchObject({ ok: true, data: { member: { employeeNo: 'A0005' } } });
    expect(await w.call('member', 'members', 'rosterUnbind', { memberId: w.ids.unboundEntry })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.call('officer', 'members', 'rosterUnbind', { memberId: w.ids.unboundEntry })).toMatchObject({ ok: true });
    expect(await w.call('wx-old-phone', 'members', 'whoami')).toMatchObject({ ok: true, data: { account: null, member: null } });
    expect(await w.call('wx-new-phone', 'members', 'bind', { name: '王芳', employeeNo: 'A0005', phoneLast4: '0005' })).toMatchObject({ ok: true });
    const log = unwrap(await w.call('chair', 'members', 'auditList'));
    expect(log.items.filter((e) => e.action === 'member.unbind').length).toBeGreaterThanOrEqual(1);
    await w.call('chair', 'members', 'rosterUnbind', { memberId: w.ids.unboundEntry });
  });

  test('a member who has left (调离) cannot bind', async () => {
    await w.call('chair', 'members', 'rosterSave', {
      fields: { name: '吴离', employeeNo: 'A0099', department: '', gender: 'male', birthDate: '1980-01-01', phone: '13900000099', status: 'transferred' },
    });
    const r = await w.call('wx-left', 'members', 'bind', { name: '吴离', employeeNo: 'A0099', phoneLast4: '0099' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('调离') } });
  });

  test('bad input gets field issues in Chinese', async () => {
    const r = await w.call('wx-typo', 'members', 'bind', { name: '', employeeNo: 'A 1', phoneLast4: '12' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const paths = r.error?.issues?.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(['name', 'employeeNo', 'phoneLast4']));
    expect(r.error?.issues?.every((i) => /[\u4e00-\u9fa5]/.test(i.message))).toBe(true);
  });
});

describe('bootstrap', () => {
  test('a wrong code is refused and counted; a used code cannot create a second union', async () => {
    const wrong = await w.call('wx-boot-1', 'members', 'bootstrap', {
      setupCode: 'NOT-THE-RIGHT-CODE',
      union: { name: '某某工会' },
      me: { name: '某人', employeeNo: 'X1', department: '', gender: 'male', birthDate: '1980-01-01', phone: '13800000000' },
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BIND_FAILED', message: expect.stringContaining('初始化码不正确') } });
    const reused = await w.call('wx-boot-2', 'members', 'bootstrap', {
      setupCode: SETUP_CODES[0],
      union: { name: '某某工会' },
      me: { name: '某人', employeeNo: 'X1', department: '', gender: 'male', birthDate: '1980-01-01', phone: '13800000000' },
    });
    expect(reused).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS', message: expect.stringContaining('已使用') } });
  });

  test('the first caller is not an admin: a bound member cannot bootstrap, and nobody becomes officer without a code', async () => {
    const r = await w.call('member', 'members', 'bootstrap', {
      setupCode: SETUP_CODES[2],
      union: { name: '某某工会' },
      me: { name: '张伟', employeeNo: 'A0004', department: '', gender: 'male', birthDate: '1980-01-01', phone: '13900000004' },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
  });
});

describe('clerk invitations', () => {
  test('a clerk is an account of the union, not a member; a code works once', async () => {
    expect(await w.call('clerk', 'members', 'whoami')).toMatchObject({
      ok: true,
      data: { account: { kind: 'clerk', roles: ['clerk'], shopName: '好利来（人民路店）' }, member: null },
    });
    const invite = unwrap(await w.call('officer', 'members', 'clerkInvite', { name: '小刘', shopName: '好利来（人民路店）' }));
    expect(invite.code).toMatch(/^[A-Z2-9]{10}$/);
    expect(await w.call('wx-clerk-2', 'members', 'redeemInvite', { code: invite.code.toLowerCase() })).toMatchObject({ ok: true, data: { kind: 'clerk' } });
    expect(await w.call('wx-clerk-3', 'members', 'redeemInvite', { code: invite.code })).toMatchObject({ ok: false, error: { code: 'BIND_FAILED' } });
    const roles = unwrap(await w.call('chair', 'members', 'rolesList'));
    expect(roles.clerks.map((c) => c.name)).toEqual(['蛋糕店小陈', '小刘']);
  });
});
