/**
 * 即时关爱 visits through the emulator with the real SDK: the officer records the visit and its 慰问 through the
 * ledger (the zibo template adopted for 2026, a care budget), in one transaction with the case and the audit
 * records; refusals of the policy engine leave nothing written and name the rule's source; who may pay, who may
 * record, and what the member concerned and the colleague who reported it read.
 */
import { buildWorld, unwrap, type World } from '../testing/world';
import type { CallInput } from '../testing/contracts';

let w: World;
const YEAR = 2026;
/** Thursday 2026-11-19, 10:00 in Shanghai. */
const NOW = '2026-11-19T02:00:00.000Z';
const ZIBO = '淄科党委字〔2017〕18号';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set(NOW);
  unwrap(await w.call('chair', 'ledger', 'policySave', { year: YEAR, templateId: 'zibo-kjj-2017' }));
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'care', amountFen: 20_000_00 }));
});
afterAll(async () => {
  await w?.dispose();
});

let keys = 0;
const nextKey = () => `visit-test-${String((keys += 1)).padStart(4, '0')}`;

type Report = CallInput<'care', 'report'>;
type Visit = CallInput<'care', 'visit'>;

/** A report by `who` (about a colleague when `subjectMemberId` is given), confirmed by `by`. */
async function confirmed(who: string, over: Partial<Report> = {}, by = 'officer') {
  const c = unwrap(await w.call(who, 'care', 'report', { category: 'hospitalised', eventDate: '2026-11-16', place: '市中心医院', requestKey: nextKey(), ...over })).case;
  return unwrap(await w.call(by, 'care', 'accept', { caseId: c.id }));
}

const visitInput = (caseId: string, over: Partial<Visit> = {}): Visit => ({ caseId, visitedOn: '2026-11-18', visitors: '李娜、赵主席', brought: '鲜花、水果', requestKey: nextKey(), ...over });

const careLine = async () => unwrap(await w.call('chair', 'ledger', 'report', { year: YEAR })).lines.find((l) => l.line === 'care');
const careEntries = async () => unwrap(await w.call('chair', 'ledger', 'ledgerList', { year: YEAR, line: 'care', pageSize: 100 })).items;
const auditsOf = async (caseId: string) => unwrap(await w.call('chair', 'members', 'auditList', { pageSize: 100 })).items.filter((a) => a.id.startsWith(caseId));
const inbox = async (who: string) => unwrap(await w.call(who, 'notices', 'list', { pageSize: 50 })).items;

describe('a visit with its 慰问 through the ledger', () => {
  let caseId = '';

  test('a 500-yuan hospitalisation 慰问 within the cap is recorded once, with the case, the ledger entry and both audit records', async () => {
    const before = await careLine();
    // A colleague (张伟) reports 孙审计 in hospital; the officer confirms it.
    const c = await confirmed('member', { subjectMemberId: w.ids.auditor });
    caseId = c.id;
    expect(c.can).toContain('visit');
    const photo = await w.upload(w.openids.officer, PNG, '看望.png');
    const input = visitInput(c.id, { photos: [{ fileID: photo, name: '病房.png' }], payment: { amountFen: 500_00, form: 'cash' } });
    const first = unwrap(await w.call('officer', 'care', 'visit', input));
    expect(first.repeated).toBe(false);
    expect(first.case).toMatchObject({ status: 'replied', statusLabel: '已慰问' });
    expect(first.case.visits).toEqual([
      expect.objectContaining({
        visitedOn: '2026-11-18',
        visitors: '李娜、赵主席',
        brought: '鲜花、水果',
        recordedBy: '李娜',
        line: '11月18日，李娜、赵主席看望了孙审计，送上慰问金 500.00 元',
        payment: expect.objectContaining({ item: 'care_hospitalisation', amountFen: 500_00, form: 'cash', formLabel: '现金（慰问金）' }),
      }),
    ]);
    expect(first.case.visits[0].photos).toHaveLength(1);
    expect(first.case.visits[0].photos[0].url).toMatch(/^http/);
    expect(first.case.steps.map((s) => s.label)).toEqual(['已上报', '已确认', '已慰问']);

    // A double submit: the same form again, then twice at once — one visit, one entry.
    const again = unwrap(await w.call('officer', 'care', 'visit', input));
    expect(again).toMatchObject({ repeated: true, case: { visits: [expect.objectContaining({ id: first.case.visits[0].id })] } });
    const both = await Promise.all([w.call('officer', 'care', 'visit', input), w.call('chair', 'care', 'visit', input)]);
    expect(both.map((r) => unwrap(r).repeated)).toEqual([true, true]);
    const entryId = first.case.visits[0].payment?.entryId ?? '';
    const entries = (await careEntries()).filter((e) => e.id === entryId);
    expect(entries).toEqual([expect.objectContaining({ memberName: '孙审计', amountFen: 500_00, form: 'cash', itemLabel: '生病住院慰问', rule: expect.objectContaining({ source: expect.stringContaining(ZIBO) }) })]);

    // The yearly report's totals carry it.
    const after = await careLine();
    expect(after?.spentFen).toBe((before?.spentFen ?? 0) + 500_00);
    expect(after?.count).toBe((before?.count ?? 0) + 1);
    expect(unwrap(await w.call('auditor', 'ledger', 'myBenefits', { year: YEAR })).items).toEqual([expect.objectContaining({ itemLabel: '生病住院慰问', amountFen: 500_00 })]);

    // The case's change and the entry, each with its audit record (written in the same transaction).
    const records = await auditsOf(c.id);
    expect(records.filter((a) => a.action === 'care.visit')).toHaveLength(1);
    expect(records.filter((a) => a.action === 'ledger.record' && a.id === `${entryId}:audit`)).toHaveLength(1);
  });

  test('the member concerned reads a plain line with what they were given; the colleague who reported it, that the union visited', async () => {
    const concerned = unwrap(await w.call('auditor', 'care', 'get', { caseId }));
    expect(concerned.visits).toEqual([expect.objectContaining({ line: '工会于11月18日看望了您，送上慰问金 500.00 元', visitors: null, brought: null, photos: [], payment: null, recordedBy: null })]);
    const reporter = unwrap(await w.call('member', 'care', 'get', { caseId }));
    expect(reporter.visits).toEqual([expect.objectContaining({ line: '工会于11月18日看望了孙审计', visitors: null, brought: null, photos: [], payment: null })]);
    expect(JSON.stringify(reporter)).not.toMatch(/500|鲜花|李娜、赵主席/);
    expect(reporter.can).not.toContain('visit');
    // Told once each, however often the form was sent.
    expect((await inbox('auditor')).filter((n) => n.title === '工会看望了您：孙审计生病住院')).toHaveLength(1);
    const told = (await inbox('member')).filter((n) => n.title === '工会已看望孙审计');
    expect(told).toHaveLength(1);
    expect(told[0].body).not.toContain('500');
  });

  test('a second payment for the same illness the same year is refused; a visit without money is recorded', async () => {
    const entriesBefore = (await careEntries()).length;
    const second = await w.call('officer', 'care', 'visit', visitInput(caseId, { visitedOn: '2026-11-19', payment: { amountFen: 200_00, form: 'in_kind' } }));
    expect(second).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', message: expect.stringContaining('同一疾病每年只慰问 1 次') } });
    expect(second.error?.message).toContain(ZIBO);
    // Another report of the same illness, paid as that illness: refused as well.
    const dup = await confirmed('auditor', {});
    const viaOther = await w.call('officer', 'care', 'visit', visitInput(dup.id, { payment: { amountFen: 300_00, form: 'cash', illnessKey: caseId } }));
    expect(viaOther).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', message: expect.stringContaining('同一疾病每年只慰问 1 次') } });
    expect(unwrap(await w.call('officer', 'care', 'get', { caseId: dup.id }))).toMatchObject({ status: 'accepted', visits: [] });
    // Someone else's illness is not this one.
    const notTheirs = await w.call('officer', 'care', 'visit', visitInput(dup.id, { payment: { amountFen: 300_00, form: 'cash', illnessKey: (await confirmed('member')).id } }));
    expect(notTheirs).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: ['payment', 'illnessKey'] }] } });
    // A follow-up visit without money.
    const follow = unwrap(await w.call('officer', 'care', 'visit', visitInput(caseId, { visitedOn: '2026-11-19', visitors: '李娜', brought: '' })));
    expect(follow.case.visits.map((v) => v.payment?.amountFen ?? null)).toEqual([500_00, null]);
    expect(follow.case.steps.map((s) => s.label)).toEqual(['已上报', '已确认', '已慰问']);
    expect((await careEntries()).length).toBe(entriesBefore);
  });

  test('two taps at once with money: one visit, one entry', async () => {
    const c = await confirmed('member', { category: 'bereavement', place: '' });
    const entriesBefore = (await careEntries()).length;
    const input = visitInput(c.id, { payment: { amountFen: 400_00, form: 'cash' } });
    const both = await Promise.all([w.call('officer', 'care', 'visit', input), w.call('officer', 'care', 'visit', input)]);
    expect(both.map((r) => unwrap(r).repeated).sort()).toEqual([false, true]);
    expect(both.map((r) => unwrap(r).case.visits.length)).toEqual([1, 1]);
    expect((await careEntries()).length).toBe(entriesBefore + 1);
    expect((await auditsOf(c.id)).filter((a) => a.action === 'care.visit')).toHaveLength(1);
  });

  test('over the cap: refused with the rule and its source, and nothing is written', async () => {
    const c = await confirmed('member');
    const [lineBefore, entriesBefore] = [await careLine(), (await careEntries()).length];
    const r = await w.call('officer', 'care', 'visit', visitInput(c.id, { payment: { amountFen: 600_00, form: 'cash' } }));
    expect(r).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', issues: [{ path: ['payment'] }] } });
    expect(r.error?.message).toContain('生病住院慰问每人每次不超过 500.00 元，本次 600.00 元');
    expect(r.error?.message).toContain(ZIBO);
    expect(r.error?.message).toContain('没有保存');
    const after = unwrap(await w.call('officer', 'care', 'get', { caseId: c.id }));
    expect(after).toMatchObject({ status: 'accepted', statusLabel: '已确认', visits: [], updatedAt: c.updatedAt });
    expect((await careEntries()).length).toBe(entriesBefore);
    expect(await careLine()).toEqual(lineBefore);
    expect((await auditsOf(c.id)).filter((a) => a.action === 'care.visit' || a.action === 'ledger.record')).toEqual([]);
  });

  test('cash is refused where the policy allows goods only (a marriage); goods within the cap are recorded', async () => {
    const c = await confirmed('member', { category: 'marriage', place: '' });
    const cash = await w.call('officer', 'care', 'visit', visitInput(c.id, { payment: { amountFen: 300_00, form: 'cash' } }));
    expect(cash).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', message: expect.stringContaining('结婚慰问只能以实物形式发放，不能发放现金（慰问金）') } });
    expect(cash.error?.message).toContain('结婚慰问发放慰问品');
    expect(unwrap(await w.call('officer', 'care', 'get', { caseId: c.id })).visits).toEqual([]);
    // The illness key is for hospitalisation only.
    expect(await w.call('officer', 'care', 'visit', visitInput(c.id, { payment: { amountFen: 300_00, form: 'in_kind', illnessKey: c.id } }))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const goods = unwrap(await w.call('officer', 'care', 'visit', visitInput(c.id, { brought: '床上用品一套', payment: { amountFen: 300_00, form: 'in_kind' } })));
    expect(goods.case.visits[0]).toMatchObject({ payment: { item: 'care_marriage', formLabel: '实物' }, line: '11月18日，李娜、赵主席看望了张伟，送上慰问品（价值 300.00 元）' });
    expect(unwrap(await w.call('member', 'care', 'get', { caseId: c.id })).visits[0].line).toBe('工会于11月18日看望了您，送上慰问品（价值 300.00 元）');
  });
});

describe('who may record a visit, and when', () => {
  test('a 关爱专员 given the case records the visit but not the money; one not given it sees nothing', async () => {
    const c = await confirmed('member', { category: 'retirement', place: '' });
    const given = unwrap(await w.call('officer', 'care', 'assign', { caseId: c.id, handlerId: w.ids.careHandler, reason: '请郑专员代表工会看望' }));
    expect(given.handlerName).toBe('郑专员');
    const entriesBefore = (await careEntries()).length;
    const money = await w.call('careHandler', 'care', 'visit', visitInput(c.id, { visitors: '郑专员', payment: { amountFen: 200_00, form: 'in_kind' } }));
    expect(money).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('工会干部或工会主席') } });
    expect(unwrap(await w.call('careHandler', 'care', 'get', { caseId: c.id })).visits).toEqual([]);
    expect((await careEntries()).length).toBe(entriesBefore);
    const visit = unwrap(await w.call('careHandler', 'care', 'visit', visitInput(c.id, { visitors: '郑专员', brought: '纪念相册' })));
    expect(visit.case).toMatchObject({ statusLabel: '已慰问', visits: [expect.objectContaining({ visitors: '郑专员', payment: null, recordedBy: '郑专员' })] });
    // Nobody records a visit to themself: the officer's own report is the chair's (or another officer's) to record.
    const own = await confirmed('officer', {}, 'chair');
    expect(unwrap(await w.call('officer', 'care', 'get', { caseId: own.id })).can).not.toContain('visit');
    expect(await w.call('officer', 'care', 'visit', visitInput(own.id, { payment: { amountFen: 500_00, form: 'cash' } }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('关于您本人') } });
    expect(unwrap(await w.call('chair', 'care', 'visit', visitInput(own.id))).case.can).toContain('visit');
    // A 关爱专员 sees only the cases given to them.
    const other = await confirmed('member', { category: 'childbirth', place: '' });
    expect(await w.call('careHandler', 'care', 'visit', visitInput(other.id))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test("another union's officer gets NOT_FOUND; members may not record; a report not yet confirmed, a request for help or a future date are refused", async () => {
    const reported = unwrap(await w.call('member', 'care', 'report', { category: 'bereavement', eventDate: '2026-11-15', requestKey: nextKey() })).case;
    expect(await w.call('otherOfficer', 'care', 'visit', visitInput(reported.id, { payment: { amountFen: 100_00, form: 'cash' } }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await w.call('member', 'care', 'visit', visitInput(reported.id))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.call('officer', 'care', 'visit', visitInput(reported.id))).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: '请先确认这条上报，再登记看望慰问' } });
    const help = unwrap(await w.call('member', 'care', 'submit', { category: 'life', title: '家里老人住院', body: '需要帮助', contact: 'app', requestKey: nextKey() })).case;
    unwrap(await w.call('officer', 'care', 'accept', { caseId: help.id }));
    expect(await w.call('officer', 'care', 'visit', visitInput(help.id))).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: '只有即时关爱的上报可以登记看望慰问' } });
    const ok = unwrap(await w.call('officer', 'care', 'accept', { caseId: reported.id }));
    expect(await w.call('officer', 'care', 'visit', visitInput(ok.id, { visitedOn: '2026-11-20' }))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: ['visitedOn'], message: '看望日期不能晚于今天' }] } });
    expect(await w.callRaw('officer', 'care', 'visit', { ...visitInput(ok.id), visitors: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: ['visitors'] })] } });
    // Closed: no more visits.
    unwrap(await w.call('officer', 'care', 'visit', visitInput(ok.id, { payment: { amountFen: 500_00, form: 'cash' } })));
    const closed = unwrap(await w.call('officer', 'care', 'close', { caseId: ok.id, summary: '已看望并送上慰问金' }));
    expect(closed.can).not.toContain('visit');
    expect(await w.call('officer', 'care', 'visit', visitInput(ok.id))).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });
});
