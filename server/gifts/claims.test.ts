/**
 * Members' claims in the harder cases, through the emulator with the real SDK: a change the policy refuses keeps
 * the gift chosen; a change cut short between its steps (reversed, not yet recorded) is mended so the claim has
 * exactly one live payout; two members changing to the last unit at once; an option's photo. Union A under the
 * 淄博 policy for 2026 with the annual holiday cap lowered to 500 yuan; 张伟 already had his 端午 300 yuan.
 */
import { buildWorld, unwrap, type World } from '../testing/world';
import { connectSdk } from '../../emulator/sdk-client';
import type { Db } from '../db';
import type { CallInput } from '../testing/contracts';

jest.setTimeout(180_000);

const YEAR = 2026;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let w: World;
let db: Db;
let batchId: string;
let ids: { small: string; large: string; last: string; place: string };

async function entriesOf(memberId: string) {
  return unwrap(await w.call('auditor', 'ledger', 'ledgerList', { year: YEAR, memberId, pageSize: 50 })).items.filter((e) => e.holiday === 'midAutumn');
}
const netOf = async (memberId: string) => (await entriesOf(memberId)).reduce((s, e) => s + e.amountFen, 0);
const choose = (who: string, optionId: string) => w.call(who, 'gifts', 'claimChoose', { batchId, optionId, way: 'pickup', placeId: ids.place });

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set('2026-09-01T02:00:00.000Z');
  unwrap(await w.call('chair', 'ledger', 'policySave', { year: YEAR, templateId: 'zibo-kjj-2017' }));
  const policy = unwrap(await w.call('chair', 'ledger', 'policyGet', { year: YEAR })).policy;
  if (!policy?.holidayAnnualCapFen) throw new Error('no annual cap');
  policy.holidayAnnualCapFen.capFen = 50_000;
  unwrap(await w.call('chair', 'ledger', 'policySave', { year: YEAR, profile: policy }));
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'holiday', amountFen: 10_000_00 }));
  unwrap(await w.call('officer', 'ledger', 'ledgerRecord', { item: 'holiday_gift', holiday: 'dragonBoat', memberId: w.ids.member, amountFen: 30_000, form: 'in_kind', date: '2026-06-18', requestKey: 'claims-before-0001' }));
  db = connectSdk(w.emu.url, w.emu.envId).database();

  const photo = await w.upload(w.openids.officer, PNG, '月饼.png');
  const input: CallInput<'gifts', 'batchSave'> = {
    requestKey: 'claims-batch-0001',
    holiday: 'midAutumn',
    year: YEAR,
    closesOn: '2026-09-18',
    pickupEndsOn: '2026-09-24',
    options: [
      { name: '月饼礼盒', unitFen: 10_000, form: 'in_kind', stock: null, photo },
      { name: '坚果礼盒', unitFen: 25_000, form: 'in_kind', stock: null },
      { name: '时令水果', unitFen: 28_000, form: 'in_kind', stock: 1 },
    ],
    places: [{ name: '工会活动室', times: '9月21日—24日' }],
  };
  // Someone else's upload is not the officer's to use.
  const theirs = await w.upload(w.openids.member, PNG, 'x.png');
  expect(await w.call('officer', 'gifts', 'batchSave', { ...input, requestKey: 'claims-batch-0002', options: input.options.map((o, i) => (i === 1 ? { ...o, photo: theirs } : o)) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const made = unwrap(await w.call('officer', 'gifts', 'batchSave', input));
  expect(made.options[0].photo).toMatch(/^cloud:\/\/.*\/gifts\//);
  expect(made.options[0].photoUrl).toEqual(expect.any(String));
  batchId = made.id;
  ids = { small: made.options[0].id, large: made.options[1].id, last: made.options[2].id, place: made.places[0].id };
  unwrap(await w.call('officer', 'gifts', 'batchOpen', { batchId }));
});
afterAll(async () => {
  await w?.dispose();
});

test('a change the annual cap refuses keeps the gift chosen, with the reason; nothing else changes', async () => {
  // 300 (端午) + 100 fits the 500 a year; 300 + 250 does not.
  expect(unwrap(await choose('member', ids.small))).toMatchObject({ result: 'chosen' });
  const refused = await choose('member', ids.large);
  expect(refused).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', message: expect.stringMatching(/^未能更换：节日慰问品每人每年合计不超过 500\.00 元.*您原来选择的礼品保持不变。$/) } });
  const view = unwrap(await w.call('member', 'gifts', 'claimBatch', { batchId }));
  expect(view.mine).toMatchObject({ optionName: '月饼礼盒', status: 'chosen' });
  expect(await netOf(w.ids.member)).toBe(10_000);
  const admin = unwrap(await w.call('officer', 'gifts', 'batchGet', { batchId }));
  expect(admin.options.map((o) => o.chosen)).toEqual([1, 0, 0]);
  expect(admin.drawnFen).toBe(10_000);
});

test('a change cut short after its reversal is mended: one live payout again, and the next change goes through', async () => {
  expect(unwrap(await choose('auditor', ids.small))).toMatchObject({ result: 'chosen' });
  const [entry] = await entriesOf(w.ids.auditor);
  // What a crash between the steps leaves: the claim marked, its entry reversed, no new entry.
  const { batchTables } = await import('./batches.store');
  const claimId = `${batchId}:${w.ids.auditor}`;
  await batchTables(db).claims.update(claimId, { pendingSince: new Date('2026-09-01T01:00:00.000Z') });
  unwrap(await w.call('officer', 'ledger', 'ledgerReverse', { entryId: entry.id, reason: '模拟中断' }));
  expect(await netOf(w.ids.auditor)).toBe(0);
  // Picking up waits for the change to finish.
  const code = (await batchTables(db).claims.byId(claimId))?.code ?? '';
  expect(await w.call('officer', 'gifts', 'batchPickup', { batchId, code })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  // The member comes back: the claim is mended first (the same gift recorded again), then their change is made.
  expect(unwrap(await choose('auditor', ids.large))).toMatchObject({ result: 'changed', batch: { mine: { optionName: '坚果礼盒' } } });
  expect(await netOf(w.ids.auditor)).toBe(25_000);
  expect((await batchTables(db).claims.byId(claimId))?.pendingSince).toBeNull();

  // Cut short again, and this time the daily job mends it when the batch closes.
  expect(unwrap(await choose('careHandler', ids.small))).toMatchObject({ result: 'chosen' });
  const [second] = await entriesOf(w.ids.careHandler);
  await batchTables(db).claims.update(`${batchId}:${w.ids.careHandler}`, { pendingSince: new Date('2026-09-01T01:00:00.000Z') });
  unwrap(await w.call('officer', 'ledger', 'ledgerReverse', { entryId: second.id, reason: '模拟中断' }));
  expect(await netOf(w.ids.careHandler)).toBe(0);
  // (checked in the last test, after the deadline)
});

test('two members change to the last unit at once: one gets it, the other keeps their gift', async () => {
  expect(unwrap(await choose('chair', ids.small))).toMatchObject({ result: 'chosen' });
  expect(unwrap(await choose('officer', ids.small))).toMatchObject({ result: 'chosen' });
  const replies = await Promise.all([choose('chair', ids.last), choose('officer', ids.last), choose('chair', ids.last), choose('officer', ids.last)]);
  expect(replies.filter((r) => !r.ok)).toEqual([]);
  const nets = await Promise.all([w.ids.chair, w.ids.officer].map(netOf));
  expect(nets.sort((a, b) => a - b)).toEqual([10_000, 28_000]);
  const admin = unwrap(await w.call('officer', 'gifts', 'batchGet', { batchId }));
  expect(admin.options[2]).toMatchObject({ chosen: 1, left: 0, soldOut: true });
  expect(replies.some((r) => r.data?.result === 'soldOut')).toBe(true);
});

test('after the deadline the job mends what was cut short before settling; the ledger equals the claims', async () => {
  const after = new Date('2026-09-18T10:00:00.000Z');
  w.emu.clock.set(after.toISOString());
  const { batchesDaily } = await import('./batches');
  expect(await batchesDaily(db, after)).toMatchObject({ batchesClosed: 1 });
  expect(await netOf(w.ids.careHandler)).toBe(10_000);
  const admin = unwrap(await w.call('officer', 'gifts', 'batchGet', { batchId }));
  const ledger = unwrap(await w.call('auditor', 'ledger', 'ledgerList', { year: YEAR, line: 'holiday', pageSize: 100 })).items.filter((e) => e.holiday === 'midAutumn');
  expect(ledger.reduce((s, e) => s + e.amountFen, 0)).toBe(admin.options.reduce((s, o) => s + o.chosen * o.unitFen, 0));
  const line = unwrap(await w.call('auditor', 'ledger', 'budgetList', { year: YEAR })).lines.find((l) => l.line === 'holiday');
  expect(line).toMatchObject({ reservedFen: 0, spentFen: 30_000 + ledger.reduce((s, e) => s + e.amountFen, 0) });
});
