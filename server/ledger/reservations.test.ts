/**
 * A batch's budget reserved once, and its payouts drawing on the reservation (issue 13 §3), through the emulator
 * with the real SDK. The batch's payouts are made here in this process with the ledger's own api (as the gifts area
 * will make them inside its function), 32 at a time as 32 function instances would; everything an officer or a
 * member reads (budgets, the report, the ledger, reversals) goes through the `ledger` function.
 *
 * The union: 300 members, a holiday budget of 100,000 yuan, the 淄博 policy with the annual holiday cap lowered to
 * 700 yuan; 20 members have had their 春节 400 + 端午 300 (at the annual cap), 10 their 中秋 already.
 */
import { buildWorld, unwrap, type World } from '../testing/world';
import { pool } from '../testing/crowd';
import { buildWorkbook, sheet } from '../files/xlsx';
import { connectSdk } from '../../emulator/sdk-client';
import type { MemberDoc } from '../db/types';
import type { Db } from '../db';
import type * as Api from './api';

jest.setTimeout(300_000);

let w: World;
let api: typeof Api;
let db: Db;
let members: MemberDoc[];
const YEAR = 2026;
const CROWD = 300;
/** Payouts in flight at once: a function's instances in the cloud. */
const INSTANCES = 32;
const BATCH = 'gift-batch:2026-mid-autumn';
const SLOTS = 260;
const UNIT = 30_000;
const NOW = new Date('2026-11-20T02:00:00.000Z');
const MID_AUTUMN = new Date('2026-09-25T04:00:00.000Z');

async function importCrowd(): Promise<string[]> {
  const people = Array.from({ length: CROWD }, (_, i) => ({ no: `G${String(i + 1).padStart(4, '0')}`, name: `会员G${i + 1}`, phone: `138${String(i + 1).padStart(8, '0')}` }));
  const bytes = await buildWorkbook([
    sheet({
      name: '名册',
      columns: ['姓名', '工号', '部门', '性别', '出生日期', '手机号'].map((header, k) => ({ header, value: (p: (typeof people)[number]) => [p.name, p.no, '办公室', '女', '1980-05-20', p.phone][k] })),
      rows: people,
    }),
  ]);
  const imported = await w.call('chair', 'members', 'rosterImport', { fileID: await w.upload(w.openids.chair, bytes, 'crowd.xlsx') });
  if (!imported.ok) throw new Error(JSON.stringify(imported.error));
  return people.map((p) => `${w.unionA}:${p.no}`);
}

beforeAll(async () => {
  // 8 instances whatever EMULATOR_INSTANCES says: the last test's plain payouts rely on the pool queueing them.
  w = await buildWorld({ maxInstances: 8 });
  w.emu.clock.set(NOW.toISOString());
  unwrap(await w.call('chair', 'ledger', 'policySave', { year: YEAR, templateId: 'zibo-kjj-2017' }));
  const policy = unwrap(await w.call('chair', 'ledger', 'policyGet', { year: YEAR })).policy;
  if (!policy?.holidayAnnualCapFen) throw new Error('the template has no annual holiday cap');
  policy.holidayAnnualCapFen.capFen = 70_000;
  unwrap(await w.call('chair', 'ledger', 'policySave', { year: YEAR, profile: policy }));
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'holiday', amountFen: 100_000_00 }));
  const ids = await importCrowd();
  let k = 0;
  const record = (memberId: string, holiday: 'springFestival' | 'dragonBoat' | 'midAutumn', amountFen: number, date: string) =>
    w.call('officer', 'ledger', 'ledgerRecord', { item: 'holiday_gift', holiday, memberId, amountFen, form: 'in_kind', date, requestKey: `before-batch-${String(++k).padStart(4, '0')}` });
  for (const id of ids.slice(0, 20)) {
    unwrap(await record(id, 'springFestival', 40_000, '2026-02-10'));
    unwrap(await record(id, 'dragonBoat', 30_000, '2026-06-18'));
  }
  for (const id of ids.slice(20, 30)) unwrap(await record(id, 'midAutumn', 30_000, '2026-09-20'));

  connectSdk(w.emu.url, w.emu.envId);
  api = await import('./api');
  const { database } = await import('../db');
  db = database();
  const { tables } = await import('../db/tables');
  members = await Promise.all(ids.map(async (id) => (await tables(db).members.byId(id)) as MemberDoc));
});
afterAll(async () => {
  await w.dispose();
});

const officer = () => ({ openid: w.openids.officer, memberId: w.ids.officer, name: '李娜' });
const reserve = (over: Partial<Api.ReserveArgs> = {}) =>
  api.reserveBudget(db, { unionId: w.unionA, year: YEAR, line: 'holiday', reservationId: BATCH, slots: SLOTS, unitMaxFen: UNIT, label: '2026 年中秋节慰问品', by: officer(), now: NOW, ...over });

/** A member's mid-autumn gift from the batch (the gifts area's claim, in short). */
function claim(m: MemberDoc, amountFen: number, over: Partial<Api.PayoutRequest> = {}) {
  return api.recordPayout(db, {
    unionId: w.unionA,
    entryId: `${w.unionA}:gift:${BATCH}:${m._id}`,
    reservationId: BATCH,
    proposal: { item: 'holiday_gift', holiday: 'midAutumn', amountFen, form: 'in_kind', at: MID_AUTUMN },
    member: m,
    note: '中秋节慰问品',
    approvedBy: officer(),
    now: NOW,
    audit: (e) => ({ actor: officer(), action: 'gift.claim', target: { kind: 'ledger', id: e._id, label: m.name }, from: null, to: { amountFen: e.amountFen } }),
    ...over,
  });
}

type Outcome = { ok: true; amountFen: number; id: string } | { ok: false; code: string; message: string };
const outcome = (p: Promise<{ entry: { _id: string; amountFen: number } }>): Promise<Outcome> =>
  p.then(
    (r) => ({ ok: true as const, amountFen: r.entry.amountFen, id: r.entry._id }),
    (e: { code?: string; message?: string }) => ({ ok: false as const, code: e.code ?? 'THROWN', message: String(e.message) }),
  );

/** A line as officers and members see it equals the sum of its ledger entries, to the fen; never above budget. */
async function expectReconciled(of: 'holiday' | 'birthday' = 'holiday') {
  const all: { amountFen: number; reverses: string | null; line: string }[] = [];
  for (let page = 1; ; page += 1) {
    const r = unwrap(await w.call('auditor', 'ledger', 'ledgerList', { year: YEAR, page, pageSize: 100 }));
    all.push(...r.items);
    if (all.length >= r.total) break;
  }
  const holiday = all.filter((e) => e.line === of);
  const sum = holiday.reduce((s, e) => s + e.amountFen, 0);
  const count = holiday.filter((e) => !e.reverses).length - holiday.filter((e) => e.reverses).length;
  const line = unwrap(await w.call('auditor', 'ledger', 'budgetList', { year: YEAR })).lines.find((l) => l.line === of);
  const rep = unwrap(await w.call('member', 'ledger', 'report', { year: YEAR })).lines.find((l) => l.line === of);
  expect(line).toMatchObject({ spentFen: sum, count });
  expect(rep).toMatchObject({ spentFen: sum, count });
  if (!line) throw new Error(`no ${of} line`);
  expect(line.spentFen + line.reservedFen).toBeLessThanOrEqual(line.amountFen);
  return line;
}

test('a reservation the budget cannot cover is refused with the figures, and nothing is held', async () => {
  // 17,000 yuan spent before the batch: 83,000 left.
  await expect(reserve({ slots: 400 })).rejects.toMatchObject({ code: 'POLICY_REFUSED', message: expect.stringMatching(/^预算不足：本批次需预留 120,000\.00 元（400 份，每份不超过 300\.00 元），节日慰问.*尚余 83,000\.00 元$/) });
  expect(await expectReconciled()).toMatchObject({ spentFen: 17_000_00, reservedFen: 0 });
});

test('the batch reserves its budget once, with its audit; again is the same act; the line counts it as held', async () => {
  const made = await reserve();
  expect(made).toMatchObject({ repeated: false, reservation: { reservedFen: SLOTS * UNIT, status: 'open', stock: { shards: 32 } } });
  expect(await reserve()).toMatchObject({ repeated: true, reservation: { _id: made.reservation._id } });
  const { tables } = await import('../db/tables');
  expect(await tables(db).audit.byId(`${made.reservation._id}:audit`)).toMatchObject({ action: 'budget.reserve', to: { amountFen: 78_000_00 } });
  expect(await expectReconciled()).toMatchObject({ spentFen: 17_000_00, reservedFen: 78_000_00, percent: 95 });

  // Another batch cannot have what this one holds, nor can the budget be cut below spent + held.
  await expect(reserve({ reservationId: 'gift-batch:other', slots: 20 })).rejects.toMatchObject({ code: 'POLICY_REFUSED', message: expect.stringContaining('其他批次已预留 78,000.00 元') });
  const cut = await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'holiday', amountFen: 90_000_00 });
  expect(cut).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('不能低于已支出与预留合计 95,000.00 元') } });
  // A payout on the line itself sees what is held as taken.
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'holiday', amountFen: 95_100_00 }));
  const plain = await w.call('officer', 'ledger', 'ledgerRecord', { item: 'holiday_gift', holiday: 'midAutumn', memberId: w.ids.member, amountFen: 28_800, form: 'in_kind', date: '2026-09-25', requestKey: 'plain-over-reserved' });
  expect(plain).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', message: expect.stringContaining('发放批次预留 78,000.00 元，仅剩 100.00 元') } });
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'holiday', amountFen: 100_000_00 }));
});

test('a payout must fit its reservation: its union, line and per-slot maximum', async () => {
  const m = members[100];
  await expect(claim(m, UNIT + 500)).rejects.toMatchObject({ code: 'POLICY_REFUSED', message: expect.stringContaining('每份不超过 300.00 元') });
  await expect(claim(m, 15_000, { proposal: { item: 'birthday', amountFen: 15_000, form: 'cake_voucher', at: MID_AUTUMN } })).rejects.toMatchObject({ code: 'POLICY_REFUSED', message: expect.stringContaining('预留的是 2026 年节日慰问预算') });
  await expect(claim(m, 15_000, { reservationId: 'gift-batch:none' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await expect(claim(m, 15_000, { unionId: w.unionB, entryId: `${w.unionB}:x`, member: { ...m, unionId: w.unionB } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  expect((await api.reservationStatus(db, w.unionA, BATCH)).taken).toBe(0);
});

test('300 payouts at once drawing on the reservation: no CONFLICT, every refusal a policy refusal with its reason, never more than its slots', async () => {
  const amount = (i: number) => 28_800 + (i % 3) * 400;
  const results = await pool(CROWD, INSTANCES, (i) => outcome(claim(members[i], amount(i))));
  const refused = results.map((r, i) => ({ r, i })).filter((x): x is { r: Extract<Outcome, { ok: false }>; i: number } => !x.r.ok);
  expect(refused.filter(({ r }) => r.code !== 'POLICY_REFUSED')).toEqual([]);
  for (const { r, i } of refused) {
    const soldOut = r.message === '2026 年中秋节慰问品预留的 260 份已全部发放';
    if (i < 20) expect(soldOut || /每人每年合计不超过 700\.00 元/.test(r.message)).toBe(true);
    else if (i < 30) expect(soldOut || /每人每年最多 1 次/.test(r.message)).toBe(true);
    else expect(soldOut).toBe(true);
  }
  // 270 members may have the gift; 260 slots: 260 paid, 10 told the batch is all given, 30 refused by the policy.
  const paid = results.filter((r): r is Extract<Outcome, { ok: true }> => r.ok);
  expect(paid).toHaveLength(SLOTS);
  expect(results.slice(0, 30).every((r) => !r.ok)).toBe(true);
  const status = await api.reservationStatus(db, w.unionA, BATCH);
  expect(status).toMatchObject({ taken: SLOTS, left: 0, drawnFen: paid.reduce((s, r) => s + r.amountFen, 0) });
  expect(status.drawnFen).toBeLessThanOrEqual(status.reservation.reservedFen);
  const line = await expectReconciled();
  expect(line).toMatchObject({ spentFen: 17_000_00 + status.drawnFen, reservedFen: 78_000_00 - status.drawnFen });
  // Asking again changes nothing: each member's payout is recorded once.
  const again = await pool(40, INSTANCES, (i) => outcome(claim(members[30 + i], amount(30 + i))));
  expect(again.filter((r) => r.ok)).toHaveLength(again.filter((_, i) => results[30 + i].ok).length);
  expect((await api.reservationStatus(db, w.unionA, BATCH)).taken).toBe(SLOTS);
});

test('a payout reversed while the batch is open gives its slot back; settling moves what was drawn into the line and releases the rest', async () => {
  const first = unwrap(await w.call('auditor', 'ledger', 'ledgerList', { year: YEAR, line: 'holiday', pageSize: 100 })).items.find((e) => e.id.includes(BATCH) && !e.reverses);
  if (!first) throw new Error('no batch payout');
  unwrap(await w.call('officer', 'ledger', 'ledgerReverse', { entryId: first.id, reason: '礼品退回' }));
  expect(await api.reservationStatus(db, w.unionA, BATCH)).toMatchObject({ taken: SLOTS - 1, left: 1 });
  await expectReconciled();
  // Everyone asks again: the 260 paid are answered with their payout (the reversed one too: its entry stands, with
  // its reversal), and the slot given back goes to one of the 10 who were told the batch was all given.
  const waiting = await pool(CROWD - 30, INSTANCES, (i) => outcome(claim(members[30 + i], 29_000)));
  expect(waiting.filter((r) => r.ok)).toHaveLength(SLOTS + 1);
  const status = await api.reservationStatus(db, w.unionA, BATCH);
  expect(status).toMatchObject({ taken: SLOTS, left: 0 });
  await expectReconciled();

  const settled = await api.settleReservation(db, { unionId: w.unionA, reservationId: BATCH, by: officer(), now: NOW });
  expect(settled).toMatchObject({ repeated: false, reservation: { status: 'settled', settled: { drawnFen: status.drawnFen, count: SLOTS, releasedFen: 78_000_00 - status.drawnFen } } });
  expect(await api.settleReservation(db, { unionId: w.unionA, reservationId: BATCH, by: officer(), now: NOW })).toMatchObject({ repeated: true });
  const { tables } = await import('../db/tables');
  expect(await tables(db).audit.byId(`${settled.reservation._id}:settle:audit`)).toMatchObject({ action: 'budget.settle', to: { amountFen: status.drawnFen } });
  expect(await expectReconciled()).toMatchObject({ spentFen: 17_000_00 + status.drawnFen, reservedFen: 0, count: 50 + SLOTS });

  // After the settlement: no more payouts from it; a reversal is made on the line.
  await expect(claim(members[0], 100, { entryId: 'late-claim' })).rejects.toMatchObject({ code: 'POLICY_REFUSED', message: expect.stringContaining('已结束') });
  const another = unwrap(await w.call('auditor', 'ledger', 'ledgerList', { year: YEAR, line: 'holiday', pageSize: 100 })).items.find((e) => e.id.includes(BATCH) && !e.reverses && e.id !== first.id);
  if (!another) throw new Error('no second batch payout');
  unwrap(await w.call('officer', 'ledger', 'ledgerReverse', { entryId: another.id, reason: '重复发放' }));
  expect(await expectReconciled()).toMatchObject({ spentFen: 17_000_00 + status.drawnFen - another.amountFen, reservedFen: 0 });
});

test('settling while payouts are in flight: each payout is either in the settlement or refused, and the line reconciles', async () => {
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'birthday', amountFen: 30_000_00 }));
  const reservationId = 'voucher-batch:2026-09';
  await api.reserveBudget(db, { unionId: w.unionA, year: YEAR, line: 'birthday', reservationId, slots: 120, unitMaxFen: 20_000, label: '2026 年 9 月生日蛋糕券', by: officer(), now: NOW });
  const voucher = (m: MemberDoc) =>
    outcome(
      api.recordPayout(db, {
        unionId: w.unionA,
        entryId: `${w.unionA}:birthday:${m._id}:${YEAR}`,
        reservationId,
        proposal: { item: 'birthday', amountFen: 19_800, form: 'cake_voucher', at: MID_AUTUMN },
        member: m,
        note: '生日蛋糕券',
        approvedBy: officer(),
        now: NOW,
      }),
    );
  const payouts = pool(100, INSTANCES, (i) => voucher(members[100 + i]));
  // Settle once some have been paid (not a timing assertion: whatever is still in flight, the figures must hold).
  while ((await api.reservationStatus(db, w.unionA, reservationId)).taken < 10) await new Promise((r) => setTimeout(r, 20));
  const settled = await api.settleReservation(db, { unionId: w.unionA, reservationId, by: officer(), now: NOW });
  const results = await payouts;
  const paid = results.filter((r) => r.ok);
  expect(results.filter((r) => !r.ok && !(r.code === 'POLICY_REFUSED' && r.message.includes('已结束')))).toEqual([]);
  expect(settled.reservation.settled).toMatchObject({ count: paid.length, drawnFen: paid.length * 19_800, releasedFen: 120 * 20_000 - paid.length * 19_800 });
  expect(await expectReconciled('birthday')).toMatchObject({ spentFen: paid.length * 19_800, count: paid.length, reservedFen: 0 });
});

test('300 plain payouts at once on one line, through the function: no CONFLICT, the line reconciles', async () => {
  // Without a reservation every payout writes the line; the function's instances (8 here) queue the rest, and each
  // payout retries its transaction for up to 15 s. (With 20 ms per database request and 32 instances this no
  // longer holds: see `npm run bench -- payouts` — hence reservations.)
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'holiday', amountFen: 200_000_00 }));
  const replies = await Promise.all(
    members.map((m, i) =>
      w.call('officer', 'ledger', 'ledgerRecord', { item: 'holiday_gift', holiday: 'dragonBoat', memberId: m._id, amountFen: 28_800, form: 'in_kind', date: '2026-06-18', requestKey: `plain-rush-${String(i).padStart(4, '0')}` }),
    ),
  );
  expect(replies.filter((r) => !r.ok && r.error?.code !== 'POLICY_REFUSED').map((r) => r.error)).toEqual([]);
  // The 20 who had their 端午 gift before the batch are refused by the policy; everyone else is paid.
  expect(replies.map((r, i) => ({ i, ok: r.ok })).filter((x) => !x.ok).map((x) => x.i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  for (const r of replies.slice(0, 20)) expect(r.error?.message).toMatch(/每人每年最多 1 次/);
  await expectReconciled();
});
