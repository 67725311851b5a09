/**
 * The birthday job through the emulator, with the real SDK (birthdaysDaily run in this process as the daily job runs
 * it) and the emulator's clock: vouchers issued once per member per birthday year (a run twice, two runs at once),
 * through the ledger and the policy (refusals recorded with their reason), reading only the members whose birthday
 * falls in the window (counted at the engine), the backfill of the indexed month-day, a member bound after their
 * birthday, catch-up after missed days, 29 February in a common year, the timing changed, expiry with its reversal.
 */
import { connectSdk } from '../../emulator/sdk-client';
import { GIFT_TEMPLATE, buildWorld, person, unwrap, type World } from '../testing/world';
import type { Db } from '../db';
import type * as Birthdays from './birthdays';

jest.setTimeout(180_000);

let w: World;
let db: Db;
let daily: typeof Birthdays.birthdaysDaily;

/** Shanghai wall time → the instant. */
const at = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+08:00`);
const SHOP = '好利来（人民路店）';
const SETTINGS = { enabled: true, timing: 'onDay' as const, daysBefore: 3, shopName: SHOP, amountFen: 200_00, validDays: 30, greeting: '祝您生日快乐，工作顺利，阖家幸福！' };

/** Documents of `members` the engine answered with while counting. */
let membersRead = 0;
let counting = false;

/** Run the job at a Shanghai wall time (the emulator's clock there too), counting the members read at the engine. */
async function run(day: string, hhmm = '02:00') {
  w.emu.clock.set(at(day, hhmm).toISOString());
  membersRead = 0;
  counting = true;
  try {
    return await daily(db, at(day, hhmm));
  } finally {
    counting = false;
  }
}

const ids: Record<string, string> = {};
async function add(no: string, name: string, phone: string, birthDate: string, extra: Parameters<typeof person>[3] = {}) {
  ids[name] = unwrap(await w.call('chair', 'members', 'rosterSave', { fields: person(no, name, phone, { birthDate, ...extra }) })).id;
}

/** The year's birthday entries in the ledger, every page. */
async function ledgerBirthdays(year: number) {
  const out = [];
  for (let page = 1; ; page += 1) {
    const r = unwrap(await w.call('chair', 'ledger', 'ledgerList', { year, line: 'birthday', page, pageSize: 100 }));
    out.push(...r.items);
    if (page * 100 >= r.total) return out;
  }
}

beforeAll(async () => {
  w = await buildWorld();
  process.env.GIFT_NOTICE_TEMPLATE_ID = GIFT_TEMPLATE;
  const sdk = connectSdk(w.emu.url, w.emu.envId);
  daily = (await import('./birthdays')).birthdaysDaily;
  db = (await import('../db')).database();
  const engine = w.emu.db as unknown as { handle(b: Record<string, unknown>): Promise<Record<string, unknown>> };
  const handle = engine.handle.bind(engine);
  engine.handle = async (b) => {
    const reply = await handle(b);
    if (counting && b.action === 'database.getDocument' && b.collectionName === 'members') membersRead += ((reply.data as { list?: unknown[] } | undefined)?.list ?? []).length;
    return reply;
  };
  w.emu.clock.set(at('2026-02-20').toISOString());
  unwrap(await w.call('chair', 'ledger', 'policySave', { year: 2026, templateId: 'zibo-kjj-2017' }));
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: 2026, line: 'birthday', amountFen: 10_000_00 }));
  // People of this file: their birthdays are the days the job runs on.
  await add('A0110', '何闰日', '13900000110', '1984-02-29');
  await add('A0101', '周寿星', '13900000101', '1980-05-20');
  await add('A0102', '吴欠费', '13900000102', '1981-05-20', { duesPaid: false });
  await add('A0103', '郑晚绑', '13900000103', '1982-05-20');
  await add('A0104', '冯退休', '13900000104', '1983-05-20', { status: 'retired' });
  await add('A0105', '陈明天', '13900000105', '1984-05-21');
  await add('A0106', '褚后天', '13900000106', '1985-05-23');
  await add('A0107', '卫月末', '13900000107', '1986-05-31');
  unwrap(await w.call('wx-a-bday1', 'members', 'bind', { name: '周寿星', employeeNo: 'A0101', phoneLast4: '0101' }));
  // A roster of 400 more, born in July and August (never in a window of this file); 150 of them written before the
  // indexed month-day existed (the backfill's work).
  const rows = Array.from({ length: 400 }, (_, i) => {
    const birthDate = `1980-0${7 + (i % 2)}-${String(1 + (i % 28)).padStart(2, '0')}`;
    return { _id: `${w.unionA}:BULK${String(i).padStart(4, '0')}`, unionId: w.unionA, employeeNo: `BULK${String(i).padStart(4, '0')}`, name: `会员${i}`, department: '处室', gender: 'female', birthDate, ...(i < 150 ? {} : { birthMonthDay: birthDate.slice(5) }), phone: `1380000${String(i).padStart(4, '0')}`, joinedAt: null, status: 'active', duesPaid: true, roles: [], openid: null, boundAt: null, createdAt: new Date(), updatedAt: new Date() };
  });
  const raw = sdk.database() as unknown as { collection(n: string): { add(o: { data: unknown }): Promise<unknown> } };
  await raw.collection('members').add({ data: rows });
}, 180_000);
afterAll(async () => {
  await w?.dispose();
});

test('settings beyond the policy are refused with its rule, bad input is named, and nothing is saved', async () => {
  const over = await w.call('officer', 'gifts', 'birthdaySettingsSave', { ...SETTINGS, amountFen: 300_00 });
  expect(over).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', message: expect.stringContaining('200.00 元'), issues: [{ path: ['amountFen'] }] } });
  expect(await w.callRaw('officer', 'gifts', 'birthdaySettingsSave', { ...SETTINGS, timing: 'weekly', validDays: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  expect(await w.call('member', 'gifts', 'birthdaySettingsSave', SETTINGS)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(unwrap(await w.call('officer', 'gifts', 'birthdaySettingsGet'))).toMatchObject({ settings: null, doneThrough: null, runs: [] });
});

test('29 February in a common year: the voucher comes on 28 February; the backfill sets the month-day once', async () => {
  w.emu.clock.set(at('2026-02-27').toISOString());
  unwrap(await w.call('officer', 'gifts', 'birthdaySettingsSave', SETTINGS));
  const first = await run('2026-02-27');
  expect(first).toMatchObject({ unions: 1, backfilled: 150, issued: 0 });
  const second = await run('2026-02-28');
  expect(second).toMatchObject({ backfilled: 0, issued: 1, membersRead: 1 });
  const [entry] = (await ledgerBirthdays(2026)).filter((e) => e.memberId === ids['何闰日']);
  expect(entry).toMatchObject({ id: `birthday:${ids['何闰日']}:2026`, amountFen: 200_00, form: 'cake_voucher', item: 'birthday' });
  expect(entry.at.slice(0, 10)).toBe('2026-02-28');
});

test('a voucher unused after its last day is expired and reversed in the ledger; the yearly figures net to what was given', async () => {
  // 何闰日's voucher: issued 02-28, 30 days → last day 03-29. Switched off and on again in May: a fresh start.
  w.emu.clock.set(at('2026-05-19').toISOString());
  unwrap(await w.call('officer', 'gifts', 'birthdaySettingsSave', { ...SETTINGS, enabled: false }));
  unwrap(await w.call('officer', 'gifts', 'birthdaySettingsSave', SETTINGS));
  const r = await run('2026-05-19');
  expect(r).toMatchObject({ expired: 1, issued: 0, membersRead: 0 });
  const entries = (await ledgerBirthdays(2026)).filter((e) => e.memberId === ids['何闰日']);
  expect(entries.map((e) => e.amountFen).sort()).toEqual([-200_00, 200_00]);
  expect(entries.find((e) => e.amountFen < 0)?.reverses).toBe(`birthday:${ids['何闰日']}:2026`);
  const budget = unwrap(await w.call('chair', 'ledger', 'budgetList', { year: 2026 })).lines.find((l) => l.line === 'birthday');
  expect(budget).toMatchObject({ spentFen: 0, count: 0 });
  // Again: nothing more.
  expect(await run('2026-05-19', '03:00')).toMatchObject({ expired: 0 });
  expect((await ledgerBirthdays(2026)).filter((e) => e.memberId === ids['何闰日'])).toHaveLength(2);
});

test("the day's birthdays: issued through the ledger, refusals recorded with the policy's reason, only the window's members read", async () => {
  const r = await run('2026-05-20');
  // 周寿星 and 郑晚绑 (not bound yet); 吴欠费 (dues) and 冯退休 (retirees not paid by this policy) refused.
  expect(r).toMatchObject({ issued: 2, refused: 2, failed: 0, blocked: 0, membersRead: 4 });
  // At the engine: the four of the window, and the bound ones' bindings for the subscribe message — not the 400.
  expect(membersRead).toBeLessThanOrEqual(8);
  const entries = await ledgerBirthdays(2026);
  expect(entries.filter((e) => e.amountFen > 0 && e.at.startsWith('2026-05-20')).map((e) => e.memberName).sort()).toEqual(['周寿星', '郑晚绑'].sort());
  const settings = unwrap(await w.call('officer', 'gifts', 'birthdaySettingsGet'));
  expect(settings.doneThrough).toBe('2026-05-20');
  const [last] = settings.runs;
  expect(last).toMatchObject({ day: '2026-05-20', issued: 2, refusedCount: 2 });
  expect(last.refused.find((x) => x.name === '吴欠费')?.reason).toContain('会费');
  expect(last.refused.find((x) => x.name === '冯退休')?.reason).toContain('退休');
  expect(settings.shops).toEqual([{ shopName: SHOP, clerks: 1 }]);
  // The member is told: the inbox, and a subscribe message on the gifts template.
  const inbox = unwrap(await w.call('wx-a-bday1', 'notices', 'list', {})).items.filter((n) => n.kind === 'gift_birthday');
  expect(inbox).toHaveLength(1);
  expect(inbox[0].body).toContain(SHOP);
  expect(inbox[0].body).toContain('200.00 元');
  expect(inbox[0].body).toContain('6月18日');
  const outbox = (await w.emu.get('/__emulator/outbox')).body as { to: string; templateId: string; data: Record<string, { value: string }> }[];
  const pushed = outbox.filter((m) => m.to === 'wx-a-bday1' && m.templateId === GIFT_TEMPLATE);
  expect(pushed).toHaveLength(1);
  expect(pushed[0].data).toMatchObject({ thing1: { value: '生日蛋糕券 200.00元' }, time2: { value: '2026年6月18日 23:59' } });
});

test('run twice, and two runs at once: one voucher, one ledger entry, one notice per member', async () => {
  expect(await run('2026-05-20', '05:00')).toMatchObject({ issued: 0, membersRead: 0 });
  w.emu.clock.set(at('2026-05-21', '02:00').toISOString());
  const [a, b] = await Promise.all([daily(db, at('2026-05-21', '02:00')), daily(db, at('2026-05-21', '02:00'))]);
  expect(a.issued + b.issued).toBe(1);
  expect(a.issued + a.repeated + b.issued + b.repeated).toBe(2);
  expect((await ledgerBirthdays(2026)).filter((e) => e.memberId === ids['陈明天'])).toHaveLength(1);
  // Switched off and on the same day: the day's birthdays are not issued again.
  unwrap(await w.call('officer', 'gifts', 'birthdaySettingsSave', { ...SETTINGS, enabled: false }));
  unwrap(await w.call('officer', 'gifts', 'birthdaySettingsSave', SETTINGS));
  const again = await run('2026-05-21', '09:00');
  expect(again).toMatchObject({ issued: 0 });
  expect((await ledgerBirthdays(2026)).filter((e) => e.memberId === ids['陈明天'])).toHaveLength(1);
});

test('a member bound after their birthday finds the voucher and the greeting in 我的福利', async () => {
  w.emu.clock.set(at('2026-05-22').toISOString());
  expect(await w.call('wx-a-late', 'gifts', 'myVouchers')).toMatchObject({ ok: false, error: { code: 'NOT_BOUND' } });
  unwrap(await w.call('wx-a-late', 'members', 'bind', { name: '郑晚绑', employeeNo: 'A0103', phoneLast4: '0103' }));
  const { items } = unwrap(await w.call('wx-a-late', 'gifts', 'myVouchers'));
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ birthday: '2026-05-20', amountFen: 200_00, shopName: SHOP, lastDay: '2026-06-18', status: 'issued', statusLabel: '可使用', greeting: SETTINGS.greeting });
  expect(items[0].code).toMatch(/^[A-HJKMNP-Z2-9]{5} [A-HJKMNP-Z2-9]{5}$/);
  expect(items[0].qr).toMatch(/^data:image\/gif;base64,/);
  const inbox = unwrap(await w.call('wx-a-late', 'notices', 'list', {})).items;
  expect(inbox.map((n) => n.kind)).toContain('gift_birthday');
});

test('catch-up: a job that missed two days issues their birthdays on the third; a timing changed skips no one', async () => {
  // Last settled: 05-21. The job did not run on 05-22 and 05-23.
  const r = await run('2026-05-24');
  expect(r).toMatchObject({ issued: 1, membersRead: 1 });
  expect((await ledgerBirthdays(2026)).filter((e) => e.memberId === ids['褚后天'])).toHaveLength(1);
  // Switched to the 1st of the month on 05-25: the rest of May (卫月末, 05-31) at once.
  w.emu.clock.set(at('2026-05-25').toISOString());
  unwrap(await w.call('officer', 'gifts', 'birthdaySettingsSave', { ...SETTINGS, timing: 'monthStart' }));
  expect(await run('2026-05-25')).toMatchObject({ issued: 1 });
  const [latest] = unwrap(await w.call('officer', 'gifts', 'birthdaySettingsGet')).runs;
  expect(latest).toMatchObject({ first: '2026-05-25', last: '2026-05-31', issued: 1 });
});

test('a birth date corrected on the roster moves the member to the new day (the indexed month-day follows every write)', async () => {
  await add('A0130', '韩改期', '13900000130', '1980-07-15');
  unwrap(await w.call('chair', 'members', 'rosterSave', { memberId: ids['韩改期'], fields: person('A0130', '韩改期', '13900000130', { birthDate: '1980-06-02' }) }));
  // Month start (set above): on 06-01 the whole of June — 韩改期 alone.
  expect(await run('2026-06-01')).toMatchObject({ issued: 1, membersRead: 1 });
  expect((await ledgerBirthdays(2026)).filter((e) => e.memberId === ids['韩改期'])).toHaveLength(1);
});

test("a large window reserves the budget once, pays side by side, and settles: the line equals the ledger's entries", async () => {
  // Half of the 400 written above are born in July (never in a window until now).
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: 2026, line: 'birthday', amountFen: 100_000_00 }));
  const r = await run('2026-07-01');
  // One reservation, every voucher issued side by side, nothing held afterwards.
  expect(r).toMatchObject({ membersRead: 200, issued: 200, failed: 0, blocked: 0, deferred: 0 });
  const entries = await ledgerBirthdays(2026);
  const july = entries.filter((e) => e.at.startsWith('2026-07'));
  expect(july).toHaveLength(200);
  const budget = unwrap(await w.call('chair', 'ledger', 'budgetList', { year: 2026 })).lines.find((l) => l.line === 'birthday');
  expect(budget).toMatchObject({ reservedFen: 0, spentFen: entries.reduce((n, e) => n + e.amountFen, 0) });
  // The reservation was made and settled (the audit log: every record of the run carries the run's instant).
  const actions: { action: string; targetLabel: string }[] = [];
  for (let page = 1; page <= 6; page += 1) actions.push(...unwrap(await w.call('chair', 'members', 'auditList', { page, pageSize: 50 })).items);
  for (const a of ['budget.reserve', 'budget.settle']) expect(actions.filter((x) => x.action === a && x.targetLabel.includes('2026-07-01 生日蛋糕券'))).toHaveLength(1);
  // Run again: nothing more.
  expect(await run('2026-07-01', '04:00')).toMatchObject({ issued: 0 });
});

test('no policy for the year: nothing issued, the window stays open, and the next run after it is set issues it', async () => {
  // 12-30 with "3 days before": birthdays up to 2027-01-02 — the 2027 policy is not set yet.
  w.emu.clock.set(at('2026-12-28').toISOString());
  await add('A0120', '蒋元旦', '13900000120', '1990-01-02');
  unwrap(await w.call('officer', 'gifts', 'birthdaySettingsSave', { ...SETTINGS, timing: 'daysBefore', daysBefore: 3, enabled: false }));
  unwrap(await w.call('officer', 'gifts', 'birthdaySettingsSave', { ...SETTINGS, timing: 'daysBefore', daysBefore: 3 }));
  const blocked = await run('2026-12-30');
  expect(blocked).toMatchObject({ issued: 0, blocked: 1 });
  const runs = unwrap(await w.call('officer', 'gifts', 'birthdaySettingsGet')).runs;
  expect(runs[0].refused[0]).toMatchObject({ name: '蒋元旦' });
  expect(runs[0].refused[0].reason).toContain('2027 年度政策');
  unwrap(await w.call('chair', 'ledger', 'policySave', { year: 2027, templateId: 'zibo-kjj-2017' }));
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: 2027, line: 'birthday', amountFen: 10_000_00 }));
  expect(await run('2026-12-31')).toMatchObject({ issued: 1, blocked: 0 });
  // The entry belongs to the birthday's year: 2027.
  const [entry] = (await ledgerBirthdays(2027)).filter((e) => e.memberId === ids['蒋元旦']);
  expect(entry).toMatchObject({ id: `birthday:${ids['蒋元旦']}:2027`, year: 2027 });
});
