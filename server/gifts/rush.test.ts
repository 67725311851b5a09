/**
 * The opening rush (issue 14), through the emulator with the real SDK: 500 members of a union choose the same gift
 * at the same moment, 200 of it in stock. No error reply but the policy's own refusals (20 members whose annual
 * holiday cap leaves too little), the stock never oversold (the rest are told it is gone and offered the others),
 * the budget reservation and every member's annual cap never exceeded, and the ledger equal to the claims — then
 * again while members change their choice and others take the units freed. No timing is asserted.
 *
 * The union is written as a fixture (server/testing/fixture.ts): its officer and 500 bound members. Its policy is the
 * 淄博 template for 2026 with the annual holiday cap lowered to 900 yuan; 20 members already had 春节 400 + 端午 300.
 */
import { buildWorld, unwrap, type World } from '../testing/world';
import { pool } from '../testing/crowd';
import { writeUnion } from '../testing/fixture';
import { connectSdk } from '../../emulator/sdk-client';
import type { Db } from '../db';
import type { ClaimDoc } from './batches.store';

jest.setTimeout(600_000);

const CROWD = 500;
const STOCK = 200;
const YEAR = 2026;
const UNION = 'rush-gifts-union';
const OFFICER = 'rush-gifts-officer';
const CAPPED = 20;

let w: World;
let db: Db;
let memberIds: string[];
let openids: string[];
let batchId: string;
let options: { id: string; name: string }[];
let placeId: string;

type Reply = Awaited<ReturnType<World['call']>>;

async function allLedger() {
  const out: { memberId: string | null; amountFen: number; note: string }[] = [];
  for (let page = 1; ; page += 1) {
    const r = unwrap(await w.call(OFFICER, 'ledger', 'ledgerList', { year: YEAR, line: 'holiday', page, pageSize: 100 }));
    out.push(...r.items);
    if (out.length >= r.total) return out;
  }
}

async function claims(): Promise<ClaimDoc[]> {
  const { batchTables } = await import('./batches.store');
  return batchTables(db).claims.findAll({ batchId });
}

/** Everything that must hold whatever arrived at once. */
async function expectConsistent() {
  const [entries, all, batch, line] = await Promise.all([
    allLedger(),
    claims(),
    w.call(OFFICER, 'gifts', 'batchGet', { batchId }).then(unwrap),
    w.call(OFFICER, 'ledger', 'budgetList', { year: YEAR }).then((r) => unwrap(r).lines.find((l) => l.line === 'holiday')),
  ]);
  // One claim per member; the stock never oversold; the tallies are the claims.
  expect(new Set(all.map((c) => c.memberId)).size).toBe(all.length);
  const cake = batch.options[0];
  expect(cake.chosen).toBeLessThanOrEqual(STOCK);
  for (const o of batch.options) expect(o.chosen).toBe(all.filter((c) => c.optionId === o.id).length);
  if (cake.left !== null) expect(cake.left + cake.chosen).toBe(STOCK);
  // The ledger equals the claims: each member's gifts standing net to their claim's amount, and the total too.
  const net = new Map<string, number>();
  for (const e of entries) if (e.memberId) net.set(e.memberId, (net.get(e.memberId) ?? 0) + e.amountFen);
  const batchNet = new Map([...net].map(([m, fen]) => [m, fen - (memberIds.indexOf(m) < CAPPED ? 70_000 : 0)]));
  for (const c of all) expect(batchNet.get(c.memberId)).toBe(c.amountFen);
  expect([...batchNet.values()].reduce((s, x) => s + x, 0)).toBe(all.reduce((s, c) => s + c.amountFen, 0));
  // Nobody above the annual cap (900 yuan), and the budget never above its amount.
  for (const fen of net.values()) expect(fen).toBeLessThanOrEqual(90_000);
  expect(line).toBeDefined();
  if (line) expect(line.spentFen + line.reservedFen).toBeLessThanOrEqual(line.amountFen);
  expect(batch.drawnFen ?? 0).toBeLessThanOrEqual(batch.reservedFen ?? 0);
  return { all, batch };
}

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set('2026-09-01T02:00:00.000Z');
  db = connectSdk(w.emu.url, w.emu.envId).database();
  const people = [{ openid: OFFICER, employeeNo: 'R0000', roles: ['officer'] }, ...Array.from({ length: CROWD }, (_, i) => ({ openid: `rush-gift-${i}`, employeeNo: `R${String(i + 1).padStart(4, '0')}` }))];
  const ids = await writeUnion(db as never, UNION, '礼品抢选测试机关工会', people, new Date('2026-09-01T02:00:00.000Z'));
  memberIds = ids.slice(1);
  openids = people.slice(1).map((p) => p.openid);

  unwrap(await w.call(OFFICER, 'ledger', 'policySave', { year: YEAR, templateId: 'zibo-kjj-2017' }));
  const policy = unwrap(await w.call(OFFICER, 'ledger', 'policyGet', { year: YEAR })).policy;
  if (!policy?.holidayAnnualCapFen) throw new Error('the template has no annual holiday cap');
  policy.holidayAnnualCapFen.capFen = 90_000;
  unwrap(await w.call(OFFICER, 'ledger', 'policySave', { year: YEAR, profile: policy }));
  unwrap(await w.call(OFFICER, 'ledger', 'budgetSet', { year: YEAR, line: 'holiday', amountFen: 300_000_00 }));
  let k = 0;
  for (const id of memberIds.slice(0, CAPPED)) {
    for (const [holiday, fen, date] of [['springFestival', 40_000, '2026-02-10'], ['dragonBoat', 30_000, '2026-06-18']] as const) {
      unwrap(await w.call(OFFICER, 'ledger', 'ledgerRecord', { item: 'holiday_gift', holiday, memberId: id, amountFen: fen, form: 'in_kind', date, requestKey: `rush-before-${String(++k).padStart(4, '0')}` }));
    }
  }
  const made = unwrap(
    await w.call(OFFICER, 'gifts', 'batchSave', {
      requestKey: 'rush-mid-autumn-0001',
      holiday: 'midAutumn',
      year: YEAR,
      closesOn: '2026-09-18',
      pickupEndsOn: '2026-09-24',
      options: [
        { name: '月饼礼盒', unitFen: 29_800, form: 'in_kind', stock: STOCK },
        { name: '五常大米', unitFen: 20_000, form: 'in_kind', stock: null },
        { name: '时令水果', unitFen: 30_000, form: 'in_kind', stock: 400 },
      ],
      places: [{ name: '工会活动室', times: '9月21日—24日' }],
      fallbackOption: null,
    }),
  );
  batchId = made.id;
  options = made.options;
  placeId = made.places[0].id;
  expect(unwrap(await w.call(OFFICER, 'gifts', 'batchOpen', { batchId }))).toMatchObject({ told: CROWD + 1, batch: { eligible: CROWD + 1 } });
  // Sign everyone in before the rush (the emulator's dev login), so the rush is the choices alone.
  await pool(CROWD, 16, (i) => w.token(openids[i]));
});
afterAll(async () => {
  await w?.dispose();
});

const choose = (i: number, option: number, way: 'pickup' = 'pickup') => w.call(openids[i], 'gifts', 'claimChoose', { batchId, optionId: options[option].id, way, placeId });

test(`${CROWD} members choose the same gift at once, ${STOCK} in stock: exactly ${STOCK} get it, the rest are told it is gone, no error`, async () => {
  const replies: Reply[] = await Promise.all(Array.from({ length: CROWD }, (_, i) => choose(i, 0)));
  const errors = replies.map((r, i) => ({ r, i })).filter(({ r }) => !r.ok);
  // The only refusals are the policy's: the 20 whose annual cap leaves 200 yuan, for a 298-yuan gift.
  expect(errors.map(({ i }) => i).sort((a, b) => a - b)).toEqual(Array.from({ length: CAPPED }, (_, i) => i));
  for (const { r } of errors) expect(r.error).toMatchObject({ code: 'POLICY_REFUSED', message: expect.stringContaining('节日慰问品每人每年合计不超过 900.00 元') });
  const outcomes = replies.filter((r) => r.ok).map((r) => (r.data as { result: string }).result);
  expect(outcomes.filter((x) => x === 'chosen')).toHaveLength(STOCK);
  expect(outcomes.filter((x) => x === 'soldOut')).toHaveLength(CROWD - CAPPED - STOCK);
  const gone = replies.find((r) => r.ok && (r.data as { result: string }).result === 'soldOut')?.data as { message: string };
  expect(gone.message).toBe('「月饼礼盒」已经领完了，还可以选择「五常大米」、「时令水果」');
  const { batch } = await expectConsistent();
  expect(batch.options[0]).toMatchObject({ chosen: STOCK, left: 0, soldOut: true });
});

test('the ones told it was gone choose another gift at once; the capped ones choose one within their cap', async () => {
  const all = await claims();
  const have = new Set(all.map((c) => c.memberId));
  const waiting = memberIds.map((id, i) => ({ id, i })).filter(({ id }) => !have.has(id));
  const replies = await Promise.all(waiting.map(({ i }) => choose(i, i % 2 === 0 || i < CAPPED ? 1 : 2)));
  expect(replies.filter((r) => !r.ok).map((r) => r.error)).toEqual([]);
  expect(replies.every((r) => (r.data as { result: string }).result === 'chosen')).toBe(true);
  const { all: after } = await expectConsistent();
  expect(after).toHaveLength(CROWD);
});

test('changes and takers at once: 60 cake holders change to fruit while 60 others try for the cake, and everyone taps twice', async () => {
  const all = await claims();
  const cakeHolders = all.filter((c) => c.optionId === options[0].id).slice(0, 60).map((c) => memberIds.indexOf(c.memberId));
  const others = all.filter((c) => c.optionId === options[1].id && memberIds.indexOf(c.memberId) >= CAPPED).slice(0, 60).map((c) => memberIds.indexOf(c.memberId));
  const calls = [...cakeHolders.flatMap((i) => [() => choose(i, 2), () => choose(i, 2)]), ...others.flatMap((i) => [() => choose(i, 0), () => choose(i, 0)])];
  for (let i = calls.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [calls[i], calls[j]] = [calls[j], calls[i]];
  }
  const replies = await pool(calls.length, 64, (i) => calls[i]());
  expect(replies.filter((r) => !r.ok).map((r) => r.error)).toEqual([]);
  const { all: after, batch } = await expectConsistent();
  // Every holder who changed got the fruit (400 in stock), and the cake is never above its stock.
  for (const i of cakeHolders) expect(after.find((c) => c.memberId === memberIds[i])?.optionId).toBe(options[2].id);
  expect(batch.options[0].chosen).toBeLessThanOrEqual(STOCK);
  expect(after.filter((c) => c.optionId === options[0].id).length).toBe(batch.options[0].chosen);
});
