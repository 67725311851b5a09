/**
 * Policy, budgets, the ledger and the yearly report through the `ledger` function, with the real SDK.
 * The clock is fixed at 2026-11-20 10:00 (Shanghai) so "this year" and "today" do not move under the tests.
 */
import { buildWorld, unwrap, person, SETUP_CODES, type Reply, type World } from '../testing/world';
import type { CallInput } from '../testing/contracts';
import { readFirstSheet } from '../files/xlsx';
import { connectSdk } from '../../emulator/sdk-client';

let w: World;
const YEAR = 2026;

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set('2026-11-20T02:00:00.000Z');
  expect(await w.call('chair', 'ledger', 'policySave', { year: YEAR, templateId: 'zibo-kjj-2017' })).toMatchObject({ ok: true });
  for (const [line, yuan] of [
    ['holiday', 50_000],
    ['birthday', 10_000],
    ['care', 20_000],
    ['events', 8_000],
    ['awards', 3_000],
  ] as const) {
    expect(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line, amountFen: yuan * 100 })).toMatchObject({ ok: true });
  }
});
afterAll(async () => {
  await w.dispose();
});

let keyCounter = 0;
const key = () => `test-key-${String(++keyCounter).padStart(6, '0')}`;

type RecordInput = CallInput<'ledger', 'ledgerRecord'>;
/** Record a payout; the form defaults to in kind, the request key is fresh (a test leaves out what it does not test). */
function record(payload: Partial<RecordInput>, who = 'officer') {
  return w.call(who, 'ledger', 'ledgerRecord', { form: 'in_kind', requestKey: key(), ...payload } as RecordInput);
}

type Entry = { id: string; amountFen: number; reverses: string | null; line: string; memberName: string | null };

describe('policy', () => {
  test('templates come from the seed documents; a saved policy reads back with its sources', async () => {
    const t = unwrap(await w.call('auditor', 'ledger', 'policyTemplates'));
    expect(t.items.map((i) => i.id)).toEqual(expect.arrayContaining(['zibo-kjj-2017', 'liaoning-szjg-2019', 'jiangsu-szjg-2011']));
    const p = unwrap(await w.call('auditor', 'ledger', 'policyGet', { year: YEAR }));
    expect(p.policy?.year).toBe(YEAR);
    expect(p.policy?.holidays.dragonBoat).toMatchObject({ capFen: 30000, source: expect.stringContaining('淄科党委字〔2017〕18号') });
    expect(p.updatedBy).toBe('赵主席');
  });

  test('an edited profile that contradicts itself is refused with every reason, and nothing changes', async () => {
    const p = unwrap(await w.call('officer', 'ledger', 'policyGet', { year: YEAR }));
    const bad = structuredClone(p.policy);
    if (!bad?.holidays.springFestival || !bad.holidays.midAutumn) throw new Error('the template has no Spring Festival or Mid-Autumn gift');
    bad.holidays.springFestival.allowedForms = ['cash'];
    bad.holidays.midAutumn.capFen = -1;
    const r = await w.call('officer', 'ledger', 'policySave', { year: YEAR, profile: bad });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('未保存') } });
    const paths = r.error?.issues?.map((i) => i.path.join('.')) ?? [];
    expect(paths.some((x) => x.startsWith('profile.holidays.springFestival'))).toBe(true);
    expect(paths.some((x) => x.startsWith('profile.holidays.midAutumn'))).toBe(true);
    const after = unwrap(await w.call('officer', 'ledger', 'policyGet', { year: YEAR }));
    expect(after.policy?.holidays.midAutumn?.capFen).toBe(30000);
    const wrongYear = await w.call('officer', 'ledger', 'policySave', { year: 2025, profile: p.policy });
    expect(wrongYear).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('年度') } });
  });
});

describe('budgets', () => {
  test('saving a budget line again at the same instant is accepted, whatever count the update that changes nothing answers', async () => {
    // The handler runs in this process, with the real SDK against the emulator, so that both saves carry the very
    // same `now`: the second conditional update then changes nothing, and what the cloud counts for that (0 or 1)
    // is not known. The emulator answers 0; the answer to the officer must not depend on it.
    connectSdk(w.emu.url, w.emu.envId);
    const { database } = await import('../db');
    const { loadActor } = await import('../runtime/actor');
    const { budgetSet } = await import('./budgets');
    const db = database();
    const actor = await loadActor(db, w.openids.officer);
    if (!actor) throw new Error('the officer has no account');
    const ctx = { db, actor, openid: actor.openid, requestId: 'same-instant', now: new Date('2026-11-20T02:30:00.000Z') };
    const input = { year: YEAR, line: 'birthday', amountFen: 12_000 * 100 } as const;
    await expect(budgetSet(input, ctx)).resolves.toMatchObject({ amountFen: 12_000 * 100 });
    await expect(budgetSet(input, ctx)).resolves.toMatchObject({ amountFen: 12_000 * 100 });
    // Put the line back as the other tests expect it.
    await budgetSet({ ...input, amountFen: 10_000 * 100 }, ctx);
  });
});

describe('payouts', () => {
  test('a payout within the rules is recorded with the rule and its source, the approver and the budget totals', async () => {
    const r = unwrap(await record({ item: 'holiday_gift', holiday: 'dragonBoat', memberId: w.ids.member, amountFen: 28_800, date: '2026-06-18', note: '粽子礼盒' }));
    expect(r.entry).toMatchObject({ item: 'holiday_gift', itemLabel: '端午节慰问品', memberName: '张伟', amountFen: 28_800, approvedBy: '李娜', rule: { id: 'holidays.dragonBoat', source: expect.stringContaining('淄科') } });
    const budgets = unwrap(await w.call('auditor', 'ledger', 'budgetList', { year: YEAR }));
    expect(budgets.lines.find((l) => l.line === 'holiday')).toMatchObject({ spentFen: 28_800, count: 1 });
  });

  test.each<[string, Partial<RecordInput>, RegExp]>([
    ['over the holiday cap', { item: 'holiday_gift', holiday: 'midAutumn', amountFen: 30_001 }, /300\.00 元/],
    ['cash as a holiday gift', { item: 'holiday_gift', holiday: 'springFestival', amountFen: 10_000, form: 'cash' }, /现金|形式/],
    ['a shopping card', { item: 'holiday_gift', holiday: 'springFestival', amountFen: 10_000, form: 'shopping_card' }, /购物卡/],
    ['the same holiday twice', { item: 'holiday_gift', holiday: 'dragonBoat', amountFen: 100 }, /已/],
    ['a holiday the policy does not give', { item: 'holiday_gift', holiday: 'nationalDay', amountFen: 100 }, /未安排/],
    ['a birthday cake above 200 yuan', { item: 'birthday', amountFen: 20_001, form: 'cake_voucher' }, /200\.00 元/],
  ])('%s is refused with the rule and the number', async (_name, payload, reason) => {
    const r = await record({ memberId: w.ids.member, date: '2026-09-20', ...payload });
    expect(r).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED' } });
    expect(r.error?.message).toMatch(reason);
  });

  test('dues unpaid: not eligible', async () => {
    await w.call('officer', 'members', 'rosterSave', { memberId: w.ids.unboundEntry, fields: { ...person('A0005', '王芳', '13900000005'), duesPaid: false } });
    const r = await record({ item: 'birthday', memberId: w.ids.unboundEntry, amountFen: 15_000, form: 'cake_voucher' });
    expect(r).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', message: expect.stringContaining('会费') } });
  });

  test('a repeated request (same key) records once', async () => {
    const requestKey = key();
    const [a, b] = await Promise.all([
      w.call('officer', 'ledger', 'ledgerRecord', { item: 'study_award', memberId: w.ids.officer, amountFen: 20_000, form: 'in_kind', requestKey }),
      w.call('officer', 'ledger', 'ledgerRecord', { item: 'study_award', memberId: w.ids.officer, amountFen: 20_000, form: 'in_kind', requestKey }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(unwrap(a).entry.id).toBe(unwrap(b).entry.id);
    const list = unwrap(await w.call('auditor', 'ledger', 'ledgerList', { year: YEAR, line: 'awards' }));
    expect(list.total).toBe(1);
  });

  test('over the budget is refused with what remains; at 80% the officers are warned', async () => {
    // awards: 3,000 yuan budget, 200 spent above; study awards ≤ 500 each.
    const results: Reply[] = [];
    for (let i = 0; i < 4; i += 1) results.push(await record({ item: 'study_award', memberId: w.ids.auditor, amountFen: 50_000, date: `2026-0${i + 1}-15` }));
    expect(results.every((r) => r.ok)).toBe(true);
    const warn = unwrap(await record({ item: 'study_award', memberId: w.ids.chair, amountFen: 50_000 }));
    expect(warn.warnings).toEqual([expect.objectContaining({ code: 'BUDGET_80', message: expect.stringMatching(/奖励预算已使用 9\d%/) })]);
    const over = await record({ item: 'study_award', memberId: w.ids.chair, amountFen: 50_000 });
    expect(over).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', message: expect.stringMatching(/预算.*剩余|还剩|剩/) } });
    const budgets = unwrap(await w.call('auditor', 'ledger', 'budgetList', { year: YEAR }));
    expect(budgets.lines.find((l) => l.line === 'awards')).toMatchObject({ spentFen: 270_000, warning: expect.stringContaining('90%') });
    expect(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'awards', amountFen: 100_000 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('不能低于已支出') } });
  });

  test('many payouts at the same moment never overspend a budget line', async () => {
    // events: 8,000 yuan; 30 prizes of 300 (the cap) at once → 26 fit, and not one more.
    const tries = await Promise.all(
      Array.from({ length: 30 }, (_, i) => record({ item: 'event_prize', memberId: [w.ids.member, w.ids.officer, w.ids.auditor, w.ids.chair][i % 4], amountFen: 30_000, prize: { winners: 1, participants: 3 } })),
    );
    const ok = tries.filter((t) => t.ok).length;
    const refused = tries.filter((t) => !t.ok);
    for (const t of refused) expect(t.error).toMatchObject({ code: 'POLICY_REFUSED', message: expect.stringContaining('预算') });
    expect(ok).toBe(26);
    const line = unwrap(await w.call('auditor', 'ledger', 'budgetList', { year: YEAR })).lines.find((l) => l.line === 'events');
    expect(line).toMatchObject({ spentFen: 26 * 30_000, count: 26 });
  });

  test('a correction is a reversing entry; the original stays; it makes room again; it cannot be reversed twice', async () => {
    const first = unwrap(await record({ item: 'care_hospitalisation', memberId: w.ids.member, amountFen: 50_000, form: 'cash', illnessKey: 'case-1' }));
    expect(await record({ item: 'care_hospitalisation', memberId: w.ids.member, amountFen: 40_000, form: 'cash', illnessKey: 'case-1' })).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED' } });
    expect(await w.call('member', 'ledger', 'ledgerReverse', { entryId: first.entry.id, reason: '录入错误' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const rev = unwrap(await w.call('officer', 'ledger', 'ledgerReverse', { entryId: first.entry.id, reason: '录入错误' }));
    expect(rev.entry).toMatchObject({ amountFen: -50_000, reverses: first.entry.id });
    expect(await w.call('officer', 'ledger', 'ledgerReverse', { entryId: first.entry.id, reason: '再来一次' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await record({ item: 'care_hospitalisation', memberId: w.ids.member, amountFen: 40_000, form: 'cash', illnessKey: 'case-1' })).toMatchObject({ ok: true });
    const list = unwrap(await w.call('auditor', 'ledger', 'ledgerList', { year: YEAR, line: 'care', pageSize: 100 }));
    expect(list.items.map((e) => e.amountFen).sort((a, b) => a - b)).toEqual([-50_000, 40_000, 50_000]);
  });

  test("another union's officer cannot pay, reverse or read union A's entries", async () => {
    expect(await record({ item: 'study_award', memberId: w.ids.member, amountFen: 100 }, 'otherOfficer')).toMatchObject({ ok: false });
    const list = unwrap(await w.call('otherOfficer', 'ledger', 'ledgerList', { year: YEAR }));
    expect(list.total).toBe(0);
    const some = unwrap(await w.call('auditor', 'ledger', 'ledgerList', { year: YEAR }));
    expect(await w.call('otherOfficer', 'ledger', 'ledgerReverse', { entryId: some.items[0].id, reason: '越权' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the yearly report', () => {
  test('a simulated year reconciles: report = budget totals = the sum of every ledger entry, to the fen', async () => {
    const members = [w.ids.member, w.ids.officer, w.ids.auditor, w.ids.chair];
    // The rest of the year: birthdays, two holidays per member, care visits with odd amounts, and corrections.
    const recorded: Entry[] = [];
    for (const [i, m] of members.entries()) {
      for (const p of [
        { item: 'birthday', amountFen: 19_999 - i * 7, form: 'cake_voucher', date: `2026-0${i + 2}-1${i}` },
        { item: 'holiday_gift', holiday: 'springFestival', amountFen: 39_950 + i, date: '2026-02-10' },
        { item: 'holiday_gift', holiday: 'midAutumn', amountFen: 29_901 + i * 3, date: '2026-09-28' },
        { item: 'care_childbirth', amountFen: 60_000 - i * 11, date: '2026-10-05' },
      ] satisfies Partial<RecordInput>[]) {
        const r = await record({ memberId: m, ...p });
        if (r.ok) recorded.push(r.data.entry);
        else expect(r.error?.code).toBe('POLICY_REFUSED');
      }
    }
    expect(recorded.length).toBeGreaterThan(10);
    await w.call('officer', 'ledger', 'ledgerReverse', { entryId: recorded[1].id, reason: '礼品退回' });

    const all: Entry[] = [];
    for (let page = 1; ; page += 1) {
      const r = unwrap(await w.call('auditor', 'ledger', 'ledgerList', { year: YEAR, page, pageSize: 100 }));
      all.push(...r.items);
      if (all.length >= r.total) break;
    }
    const rep = unwrap(await w.call('member', 'ledger', 'report', { year: YEAR }));
    for (const l of rep.lines) {
      const of = all.filter((e) => e.line === l.line);
      expect(l.spentFen).toBe(of.reduce((s, e) => s + e.amountFen, 0));
      expect(l.count).toBe(of.filter((e) => !e.reverses).length - of.filter((e) => e.reverses).length);
    }
    expect(rep.totalSpentFen).toBe(all.reduce((s, e) => s + e.amountFen, 0));
    // Members see totals and counts, never who received what.
    const text = JSON.stringify(rep);
    for (const name of ['张伟', '李娜', '孙审计', '赵主席']) expect(text).not.toContain(name);

    // The auditor's Excel export carries the same total.
    const exp = unwrap(await w.call('auditor', 'ledger', 'ledgerExport', { year: YEAR }));
    expect(exp.count).toBe(all.length);
    const sheet = await readFirstSheet(Buffer.from(await (await fetch(exp.url)).arrayBuffer()));
    const amountCol = sheet.header.indexOf('金额（元）');
    const sumFen = sheet.rows.reduce((s, r) => s + Math.round(Number(r.cells[amountCol]) * 100), 0);
    expect(sumFen).toBe(rep.totalSpentFen);
  });

  test('a member sees their own benefits only, with corrections netted out', async () => {
    const mine = unwrap(await w.call('member', 'ledger', 'myBenefits', { year: YEAR }));
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.totalFen).toBe(mine.items.reduce((s, i) => s + i.amountFen, 0));
    const all = unwrap(await w.call('auditor', 'ledger', 'ledgerList', { year: YEAR, memberId: w.ids.member, pageSize: 100 }));
    expect(mine.totalFen).toBe(all.items.reduce((s, e) => s + e.amountFen, 0));
    expect(await w.call('member', 'ledger', 'ledgerList', { year: YEAR })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.call('clerk', 'ledger', 'myBenefits', { year: YEAR })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test("another union's report is not readable by asking for it", async () => {
    expect(await w.call('otherOfficer', 'ledger', 'report', { year: YEAR, unionId: w.unionA })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test("the upper-level committee's officers read the reports of their member unions, and of no other", async () => {
    const c = await w.call('wx-committee-chair', 'members', 'bootstrap', {
      setupCode: SETUP_CODES[2],
      union: { name: '淄博市直机关工会工委', kind: 'committee' },
      me: { name: '工委周主任', employeeNo: 'W001', department: '', gender: 'male', birthDate: '1966-06-06', phone: '13900000088' },
    });
    expect(c).toMatchObject({ ok: true, data: { member: { roles: ['member', 'officer', 'chair', 'committee'] }, union: { kind: 'committee' } } });
    const committeeId = unwrap(c).union.id;
    expect(await w.call('wx-committee-chair', 'ledger', 'report', { year: YEAR, unionId: w.unionA })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await w.call('officer', 'members', 'unionSetCommittee', { committeeId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.call('chair', 'members', 'unionSetCommittee', { committeeId })).toMatchObject({ ok: true, data: { committee: { name: '淄博市直机关工会工委' } } });
    // The chair's own account says which 工委 the union is under (the 上级工委 page starts from it); the public
    // list of unions does not.
    expect(await w.call('chair', 'members', 'whoami')).toMatchObject({ ok: true, data: { account: { union: { id: w.unionA, committeeId } } } });
    const listed = unwrap(await w.call('chair', 'members', 'unions'));
    expect(listed.items.every((u) => !('committeeId' in u))).toBe(true);
    expect(await w.call('wx-committee-chair', 'members', 'committeeUnions')).toMatchObject({ ok: true, data: { items: [{ id: w.unionA, name: '淄博市科技局机关工会' }] } });
    expect(await w.call('chair', 'members', 'committeeUnions')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const rep = await w.call('wx-committee-chair', 'ledger', 'report', { year: YEAR, unionId: w.unionA });
    expect(rep).toMatchObject({ ok: true, data: { union: { name: '淄博市科技局机关工会' } } });
    expect(await w.call('wx-committee-chair', 'ledger', 'report', { year: YEAR, unionId: w.unionB })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Reports only: the committee sees nothing else of the union.
    expect(await w.call('wx-committee-chair', 'ledger', 'ledgerList', { year: YEAR })).toMatchObject({ ok: true, data: { total: 0 } });
  });
});
