/**
 * A holiday gift batch from creation to the end, through the emulator with the real SDK: the policy's refusals with
 * their source, opening (the budget reserved once, members told), choosing, changing, soldOut as an answer, pickup by
 * code, the daily job's fallback (once), settling, and the reversal of gifts not picked up — the ledger equal to the
 * claims at every step. Union A: 7 members in its roster (6 bound), the 淄博 policy for 2026 (中秋 300 yuan, in
 * kind only, no shopping cards), a holiday budget of 10,000 yuan. The clock starts on 2026-09-01 (中秋 is 09-25).
 */
import ExcelJS from 'exceljs';
import { buildWorld, GIFT_TEMPLATE, unwrap, type World } from '../testing/world';
import { connectSdk } from '../../emulator/sdk-client';
import type { Db } from '../db';
import type { CallInput } from '../testing/contracts';

jest.setTimeout(180_000);

let w: World;
let db: Db;
let daily: (db: Db, now: Date) => Promise<Record<string, number>>;
const YEAR = 2026;

type Save = CallInput<'gifts', 'batchSave'>;
const batch = (requestKey: string, over: Partial<Save> = {}): Save => ({
  requestKey,
  holiday: 'midAutumn',
  year: YEAR,
  closesOn: '2026-09-18',
  pickupEndsOn: '2026-09-24',
  options: [
    { name: '月饼礼盒', description: '双黄莲蓉', unitFen: 29_800, form: 'in_kind', stock: 2 },
    { name: '五常大米', unitFen: 20_000, form: 'in_kind', stock: null },
    { name: '时令水果', unitFen: 30_000, form: 'in_kind', stock: 1 },
  ],
  places: [
    { name: '机关大院工会活动室', times: '9月21日—24日 9:00—17:00' },
    { name: '东区办公楼一楼', times: '9月22日 14:00—17:00' },
  ],
  delivery: true,
  fallbackOption: 1,
  ...over,
});

async function ledger() {
  const r = unwrap(await w.call('auditor', 'ledger', 'ledgerList', { year: YEAR, line: 'holiday', pageSize: 50 }));
  return r.items;
}
/** A member's gifts standing now (their entries net of reversals). */
async function netOf(memberId: string) {
  return (await ledger()).filter((e) => e.memberId === memberId).reduce((s, e) => s + e.amountFen, 0);
}
async function holidayLine() {
  return unwrap(await w.call('auditor', 'ledger', 'budgetList', { year: YEAR })).lines.find((l) => l.line === 'holiday');
}

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set('2026-09-01T02:00:00.000Z');
  unwrap(await w.call('chair', 'ledger', 'policySave', { year: YEAR, templateId: 'zibo-kjj-2017' }));
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'holiday', amountFen: 10_000_00 }));
  connectSdk(w.emu.url, w.emu.envId);
  const { database } = await import('../db');
  db = database();
  daily = (await import('./batches')).batchesDaily;
});
afterAll(async () => {
  await w.dispose();
});

let batchId = '';
const codes: Record<string, string> = {};

test('a new batch starts from the holiday’s day in the lunar calendar, the default window and the policy', async () => {
  expect(unwrap(await w.call('officer', 'gifts', 'batchDefaults', { holiday: 'midAutumn', year: YEAR }))).toMatchObject({
    holidayDate: '2026-09-25',
    title: '2026年中秋节慰问品',
    closesOn: '2026-09-18',
    pickupEndsOn: '2026-09-24',
    capFen: 30_000,
    forms: [{ form: 'in_kind', label: '实物' }],
    rule: expect.stringContaining('淄科党委字〔2017〕18号'),
  });
  expect(unwrap(await w.call('officer', 'gifts', 'batchDefaults', { holiday: 'labourDay', year: YEAR }))).toMatchObject({ capFen: null, rule: '本工会 2026 年度政策未安排劳动节慰问品' });
});

test('over the cap, cash, shopping cards and a holiday the policy does not fund are refused with the rule, and nothing is made', async () => {
  const refused = async (over: Partial<Save>, message: RegExp, path?: (string | number)[]) => {
    const r = await w.call('officer', 'gifts', 'batchSave', batch(`refused-${Math.random()}`, over));
    expect(r).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', message: expect.stringMatching(message) } });
    if (path) expect(r.error?.issues?.map((i) => i.path)).toContainEqual(path);
  };
  const opts = batch('x').options;
  await refused({ options: [{ ...opts[0], unitFen: 30_001 }, opts[1]] }, /「月饼礼盒」：中秋节慰问品每人不超过 300\.00 元，本次 300\.01 元（淄科党委字〔2017〕18号/, ['options', 0, 'unitFen']);
  await refused({ options: [opts[0], { ...opts[1], form: 'cash' }] }, /「五常大米」：中秋节慰问品只能以实物形式发放，不能发放现金（慰问金）（淄科党委字〔2017〕18号/, ['options', 1, 'form']);
  await refused({ options: [opts[0], { ...opts[1], form: 'shopping_card' }] }, /本工会规定不得以购物卡形式发放（淄科党委字〔2017〕18号 六、（不能发放现金和购物卡））/, ['options', 1, 'form']);
  await refused({ holiday: 'labourDay', closesOn: '2026-09-18', pickupEndsOn: '2026-09-24' }, /未安排劳动节慰问品/);
  // Bad input: one option only, a place-less batch without delivery, a deadline after the holiday.
  expect(await w.call('officer', 'gifts', 'batchSave', batch('bad-input-0001', { options: [opts[0]], fallbackOption: null }))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: ['options'], message: '至少提供 2 种礼品供选择' }] } });
  expect(await w.call('officer', 'gifts', 'batchSave', batch('bad-input-0002', { places: [], delivery: false }))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: ['places'] }] } });
  expect(await w.call('officer', 'gifts', 'batchSave', batch('bad-input-0003', { closesOn: '2026-09-26' }))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: ['closesOn'], message: '选择截止日期不能晚于节日当天' }] } });
  expect(unwrap(await w.call('officer', 'gifts', 'batchList', {})).total).toBe(0);
});

test('created as a draft (once per request key), edited, then opened: the budget reserved once, every eligible member told', async () => {
  const made = unwrap(await w.call('officer', 'gifts', 'batchSave', batch('mid-autumn-2026-0001')));
  expect(made).toMatchObject({ status: 'draft', statusLabel: '未开放', holidayDate: '2026-09-25', title: '2026年中秋节慰问品', fallbackText: '截止时未选择的会员，默认发放「五常大米」', can: ['edit', 'open'] });
  batchId = made.id;
  expect(unwrap(await w.call('officer', 'gifts', 'batchSave', batch('mid-autumn-2026-0001'))).id).toBe(batchId);
  const edited = unwrap(await w.call('officer', 'gifts', 'batchSave', { ...batch('mid-autumn-2026-0001'), batchId, note: '请凭领取码领取', options: batch('x').options.map((o, i) => ({ ...o, id: made.options[i].id })) }));
  expect(edited).toMatchObject({ note: '请凭领取码领取', options: made.options.map((o) => ({ id: o.id, name: o.name })) });
  // Another union's officer sees no such batch; a member sees nothing before it opens.
  expect(await w.call('otherOfficer', 'gifts', 'batchGet', { batchId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await w.call('otherOfficer', 'gifts', 'batchOpen', { batchId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await w.call('member', 'gifts', 'claimBatch', { batchId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

  // A budget that cannot hold every member's gift at the highest value: refused with the figures, nothing opened.
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'holiday', amountFen: 1_000_00 }));
  expect(await w.call('officer', 'gifts', 'batchOpen', { batchId })).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', message: '预算不足：本批次需预留 2,100.00 元（7 份，每份不超过 300.00 元），节日慰问 2026 年度预算尚余 1,000.00 元' } });
  expect(unwrap(await w.call('officer', 'gifts', 'batchGet', { batchId }))).toMatchObject({ status: 'draft', eligible: null });
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'holiday', amountFen: 10_000_00 }));
  const opened = unwrap(await w.call('officer', 'gifts', 'batchOpen', { batchId }));
  // 6 members in the roster (王芳 is not bound yet: she is told in her inbox and may choose once bound).
  expect(opened).toMatchObject({ told: 7, batch: { status: 'open', statusLabel: '选择中', eligible: 7, reservedFen: 7 * 30_000, chosen: 0, can: ['pickup', 'export', 'unpicked'] } });
  expect(await holidayLine()).toMatchObject({ spentFen: 0, reservedFen: 210_000 });
  expect(await w.call('officer', 'gifts', 'batchOpen', { batchId })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  expect(await w.call('officer', 'gifts', 'batchSave', { ...batch('mid-autumn-2026-0001'), batchId })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  const notices = unwrap(await w.call('member', 'notices', 'list', {})).items;
  expect(notices[0]).toMatchObject({ kind: 'gift_batch_opened', title: '2026年中秋节慰问品开始选择', link: `/packages/gifts/pages/batch/index?id=${encodeURIComponent(batchId)}` });
  const outbox = (await w.emu.get('/__emulator/outbox')).body as { to: string; templateId: string; page: string }[];
  // The 6 bound members are told by WeChat too, on the gifts template, linking to the batch page.
  expect(outbox.filter((m) => m.templateId === GIFT_TEMPLATE).map((m) => m.to).sort()).toEqual([w.openids.auditor, w.openids.careHandler, w.openids.chair, w.openids.member, w.openids.officer, w.openids.reviewer].sort());
  expect(outbox.find((m) => m.templateId === GIFT_TEMPLATE)?.page).toMatch(/^packages\/gifts\/pages\/batch\/index\?id=/);
});

test('members choose: one claim each, a payout each; a gone option is an answer with the others offered', async () => {
  const home = unwrap(await w.call('member', 'gifts', 'claimHome', {}));
  expect(home.items.map((i) => i.batch.id)).toEqual([batchId]);
  const view = home.items[0].batch;
  const [cake, rice, fruit] = view.options;
  const place = view.places[0].id;
  // An option or a place of another batch is refused, and nothing changes.
  expect(await w.call('member', 'gifts', 'claimChoose', { batchId, optionId: 'o9', way: 'pickup', placeId: place })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: ['optionId'] }] } });
  expect(await w.call('member', 'gifts', 'claimChoose', { batchId, optionId: cake.id, way: 'pickup', placeId: 'p9' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: ['placeId'] }] } });
  expect(await w.call('otherOfficer', 'gifts', 'claimChoose', { batchId, optionId: cake.id, way: 'pickup', placeId: place })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

  const mine = unwrap(await w.call('member', 'gifts', 'claimChoose', { batchId, optionId: cake.id, way: 'pickup', placeId: place }));
  expect(mine).toMatchObject({ result: 'chosen', message: '已选择「月饼礼盒」，2026-09-18 截止前可以更换', batch: { mine: { optionName: '月饼礼盒', placeName: '机关大院工会活动室', status: 'chosen', statusLabel: '待领取', unitFen: 29_800 } } });
  expect(mine.batch.mine?.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  codes.member = mine.batch.mine?.code ?? '';
  // Again: the same claim, the same code, one payout.
  expect(unwrap(await w.call('member', 'gifts', 'claimChoose', { batchId, optionId: cake.id, way: 'pickup', placeId: place }))).toMatchObject({ result: 'unchanged', batch: { mine: { code: codes.member } } });
  expect(unwrap(await w.call('officer', 'gifts', 'claimChoose', { batchId, optionId: cake.id, way: 'delivery', address: { name: '李娜', phone: '13900000002', address: '淄博市张店区人民西路 1 号' } }))).toMatchObject({ result: 'chosen' });
  const gone = unwrap(await w.call('chair', 'gifts', 'claimChoose', { batchId, optionId: cake.id, way: 'pickup', placeId: place }));
  expect(gone).toMatchObject({ result: 'soldOut', message: '「月饼礼盒」已经领完了，还可以选择「五常大米」、「时令水果」', batch: { mine: null } });
  expect(gone.batch.options.map((o) => [o.name, o.left, o.soldOut])).toEqual([['月饼礼盒', 0, true], ['五常大米', null, false], ['时令水果', 1, false]]);
  expect(unwrap(await w.call('chair', 'gifts', 'claimChoose', { batchId, optionId: rice.id, way: 'pickup', placeId: view.places[1].id }))).toMatchObject({ result: 'chosen' });
  expect(await netOf(w.ids.member)).toBe(29_800);
  expect(await netOf(w.ids.chair)).toBe(20_000);
  // The officer's list shows the delivery address; the member page never shows another's.
  const admin = unwrap(await w.call('officer', 'gifts', 'batchGet', { batchId }));
  expect(admin).toMatchObject({ chosen: 3, picked: 0, deliveryTally: { chosen: 1, picked: 0 } });
  expect(admin.options.map((o) => [o.name, o.chosen])).toEqual([['月饼礼盒', 2], ['五常大米', 1], ['时令水果', 0]]);
  expect(admin.places.map((p) => p.chosen)).toEqual([1, 1]);
  void fruit;
});

test('changing the choice until the deadline: the old payout reversed and its unit returned, never two live payouts', async () => {
  const view = unwrap(await w.call('member', 'gifts', 'claimBatch', { batchId }));
  const [cake, , fruit] = view.options;
  const changed = unwrap(await w.call('member', 'gifts', 'claimChoose', { batchId, optionId: fruit.id, way: 'pickup', placeId: view.places[0].id }));
  expect(changed).toMatchObject({ result: 'changed', batch: { mine: { optionName: '时令水果', unitFen: 30_000, code: codes.member } } });
  expect(changed.batch.options.map((o) => o.left)).toEqual([1, null, 0]);
  expect(await netOf(w.ids.member)).toBe(30_000);
  const entries = (await ledger()).filter((e) => e.memberId === w.ids.member);
  expect(entries.map((e) => e.amountFen).sort((a, b) => a - b)).toEqual([-29_800, 29_800, 30_000]);
  // The freed cake goes to the next member; the fruit is gone for the auditor, whose choice is offered again.
  expect(unwrap(await w.call('auditor', 'gifts', 'claimChoose', { batchId, optionId: fruit.id, way: 'pickup', placeId: view.places[0].id }))).toMatchObject({ result: 'soldOut', message: expect.stringContaining('还可以选择「月饼礼盒」、「五常大米」') });
  expect(unwrap(await w.call('auditor', 'gifts', 'claimChoose', { batchId, optionId: cake.id, way: 'pickup', placeId: view.places[0].id }))).toMatchObject({ result: 'chosen' });
  // The chair wants the fruit too: gone, and the rice stays theirs.
  const chairTried = unwrap(await w.call('chair', 'gifts', 'claimChoose', { batchId, optionId: fruit.id, way: 'pickup', placeId: view.places[1].id }));
  expect(chairTried).toMatchObject({ result: 'soldOut', batch: { mine: { optionName: '五常大米' } } });
  expect(await netOf(w.ids.chair)).toBe(20_000);
  // Only the place: no money moves.
  const before = (await ledger()).length;
  expect(unwrap(await w.call('member', 'gifts', 'claimChoose', { batchId, optionId: fruit.id, way: 'pickup', placeId: view.places[1].id }))).toMatchObject({ result: 'changed', batch: { mine: { placeName: '东区办公楼一楼' } } });
  expect((await ledger()).length).toBe(before);
  // Many taps at once on a change: one change, one live payout.
  const replies = await Promise.all(Array.from({ length: 6 }, () => w.call('chair', 'gifts', 'claimChoose', { batchId, optionId: view.options[0].id, way: 'pickup', placeId: view.places[1].id })));
  expect(replies.filter((r) => !r.ok)).toEqual([]);
  expect(await netOf(w.ids.chair)).toBe(replies.some((r) => r.data?.result === 'changed') ? 29_800 : 20_000);
  const admin = unwrap(await w.call('officer', 'gifts', 'batchGet', { batchId }));
  const live = (await ledger()).reduce((s, e) => s + e.amountFen, 0);
  expect(admin.options.reduce((s, o) => s + o.chosen * o.unitFen, 0)).toBe(live);
});

test('pickup by code: marked once, counted per option and place; a wrong code is refused and guessing is limited', async () => {
  expect(await w.call('officer', 'gifts', 'batchPickup', { batchId, code: 'ABCD2345' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '领取码不正确，请核对后重试' } });
  const typed = `${codes.member.slice(0, 4).toLowerCase()} ${codes.member.slice(4)}`;
  expect(unwrap(await w.call('officer', 'gifts', 'batchPickup', { batchId, code: typed }))).toMatchObject({ name: '张伟', optionName: '时令水果', placeName: '东区办公楼一楼', already: false });
  expect(unwrap(await w.call('chair', 'gifts', 'batchPickup', { batchId, code: `gift:${codes.member}` }))).toMatchObject({ already: true });
  expect(await w.call('otherOfficer', 'gifts', 'batchPickup', { batchId, code: codes.member })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  const admin = unwrap(await w.call('officer', 'gifts', 'batchGet', { batchId }));
  expect(admin).toMatchObject({ picked: 1 });
  expect(admin.options.find((o) => o.name === '时令水果')?.picked).toBe(1);
  expect(admin.places.map((p) => p.picked)).toEqual([0, 1]);
  // A picked-up gift can no longer be changed.
  expect(await w.call('member', 'gifts', 'claimChoose', { batchId, optionId: admin.options[1].id, way: 'pickup', placeId: admin.places[0].id })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  // Ten wrong codes from one officer lock them out for a while.
  for (let i = 0; i < 10; i += 1) expect(await w.call('chair', 'gifts', 'batchPickup', { batchId, code: `WRONG${String(i).padStart(3, '2')}` })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  // Locked: a right code is not looked at either.
  expect(await w.call('chair', 'gifts', 'batchPickup', { batchId, code: codes.member })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
});

test('the distribution list has every claim with its address and a signature column', async () => {
  const r = unwrap(await w.call('officer', 'gifts', 'batchExport', { batchId }));
  expect(r).toMatchObject({ count: 4, fileName: expect.stringMatching(/^2026年中秋节慰问品-发放名单-\d{8}\.xlsx$/) });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await (await fetch(r.url)).arrayBuffer());
  const rows: string[][] = [];
  wb.getWorksheet('发放名单')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number)))));
  const header = rows.find((x) => x.includes('签名')) ?? [];
  expect(header).toEqual(expect.arrayContaining(['姓名', '部门', '礼品', '领取地点', '送货地址', '签名']));
  const lina = rows.find((x) => x.includes('李娜')) ?? [];
  expect(lina).toEqual(expect.arrayContaining(['月饼礼盒', '送货上门', '淄博市张店区人民西路 1 号']));
  // Only an officer with gifts.manage gets it; another union's officer finds no such batch.
  expect(await w.call('member', 'gifts', 'batchExport', { batchId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await w.call('auditor', 'gifts', 'batchExport', { batchId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await w.call('otherOfficer', 'gifts', 'batchExport', { batchId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

test('after the deadline the job gives the fallback to those who did not choose, once; the reservation is settled', async () => {
  expect(await w.call('careHandler', 'gifts', 'claimBatch', { batchId })).toMatchObject({ ok: true, data: { mine: null, mayChoose: true } });
  const after = new Date('2026-09-18T10:00:00.000Z');
  w.emu.clock.set(after.toISOString());
  expect(await w.call('careHandler', 'gifts', 'claimChoose', { batchId, optionId: 'o2', way: 'pickup', placeId: 'p1' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('截止') } });
  const first = await daily(db, after);
  // 郑专员, 刘审核 and 王芳 (never bound) had not chosen: all three get the rice.
  expect(first).toMatchObject({ batchesClosed: 1, fallbackGiven: 3, fallbackRefused: 0 });
  expect(await daily(db, after)).toMatchObject({ batchesClosed: 0, fallbackGiven: 0 });
  const view = unwrap(await w.call('careHandler', 'gifts', 'claimBatch', { batchId }));
  expect(view).toMatchObject({ status: 'closed', mayChoose: false, mine: { optionName: '五常大米', byDefault: true, placeName: '机关大院工会活动室' } });
  const admin = unwrap(await w.call('officer', 'gifts', 'batchGet', { batchId }));
  expect(admin).toMatchObject({ chosen: 7, fallbackApplied: 3 });
  const live = (await ledger()).reduce((s, e) => s + e.amountFen, 0);
  expect(await holidayLine()).toMatchObject({ spentFen: live, reservedFen: 0 });
});

test('after the pickup end the gifts not picked up are listed and, when the union decides, reversed', async () => {
  expect(await w.call('officer', 'gifts', 'batchReverseUnpicked', { batchId, reason: '逾期未领取' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  w.emu.clock.set('2026-09-25T02:00:00.000Z');
  const unpicked = unwrap(await w.call('officer', 'gifts', 'batchUnpicked', { batchId }));
  expect(unpicked).toMatchObject({ total: 6, pickupEnded: true });
  const live = (await ledger()).reduce((s, e) => s + e.amountFen, 0);
  const r = unwrap(await w.call('officer', 'gifts', 'batchReverseUnpicked', { batchId, reason: '逾期未领取' }));
  expect(r).toMatchObject({ reversed: 6, batch: { status: 'ended', unpickedReversed: 6 } });
  expect(live - r.reversedFen).toBe(30_000);
  expect((await ledger()).reduce((s, e) => s + e.amountFen, 0)).toBe(30_000);
  expect(await holidayLine()).toMatchObject({ spentFen: 30_000, reservedFen: 0 });
  expect(unwrap(await w.call('member', 'gifts', 'claimHome', {})).items).toEqual([]);
});
