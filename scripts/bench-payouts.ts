/**
 * `npm run bench -- payouts`: claims and payouts that scale (issue 13 §3).
 *
 *   1. 300 payouts at the same moment drawing on one batch's budget reservation (holiday gifts; 20 of the members
 *      have had this holiday's gift already, so the policy refuses them): payouts per second, p50/p95, CONFLICT
 *      replies, policy refusals, and the budget check (spent + held ≤ budget; the line with its open batch = Σ ledger).
 *   2. The same 300 as plain payouts on one budget line (every payout writes the line), for comparison.
 *   3. A gift option's stock: 200 items, 500 claimants at once (sold out at once when the stock reads empty, else a
 *      transaction that takes a unit from a random shard and writes the claim with it).
 *
 * The payouts are made in this process with the server's own modules and the real wx-server-sdk against the
 * emulator (no function has a batch action yet: the gifts area will), as many at a time as the function has
 * instances (`--instances`), so the emulator's `--latency` applies to every database request as in a function.
 * The fixture (a union, its policy, budget and the members' years) is written straight into the collections.
 */
import type { BudgetDoc, LedgerDoc, MemberYearDoc, PolicyDoc } from '../server/ledger/store';
import type { MemberDoc } from '../server/db/types';
import { startFromTemplate } from '../src/core/policy/profiles';
import { pool } from '../server/testing/crowd';
import { arg, fmt, percentile, statsOf, tripsBetween, type Json } from './bench-util';

const YEAR = 2026;
const AT = new Date('2026-09-25T04:00:00.000Z');
const BY = { openid: 'bench-pay-officer', memberId: null, name: '基准干部' };

interface Outcome {
  ms: number;
  ok: boolean;
  code: string | null;
  message: string;
}

function member(unionId: string, i: number): MemberDoc {
  const no = `P${String(i).padStart(5, '0')}`;
  return {
    _id: `${unionId}:${no}`,
    unionId,
    employeeNo: no,
    name: `会员${i}`,
    department: '办公室',
    gender: 'female',
    birthDate: '1980-05-20',
    phone: `135${String(i).padStart(8, '0')}`,
    joinedAt: null,
    status: 'active',
    duesPaid: true,
    roles: [],
    openid: null,
    boundAt: null,
    createdAt: AT,
    updatedAt: AT,
  };
}

/** A union with the 淄博 policy, a holiday budget, and `already` members who have had this mid-autumn's gift. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function fixture(db: any, unionId: string, budgetFen: number, already: number): Promise<void> {
  const now = new Date();
  await db.collection('unions').add({ data: { _id: unionId, name: `基准发放工会 ${unionId}`, shortName: '基准工会', kind: 'union', committeeId: null, createdAt: now } });
  const policy: PolicyDoc = { _id: `${unionId}:${YEAR}`, unionId, year: YEAR, profile: startFromTemplate('zibo-kjj-2017', YEAR, '基准发放工会'), updatedAt: now, updatedBy: '基准' };
  await db.collection('policies').add({ data: policy });
  const entries: LedgerDoc[] = Array.from({ length: already }, (_, i) => ({
    _id: `${unionId}:before:${i}`,
    unionId,
    year: YEAR,
    line: 'holiday',
    item: 'holiday_gift',
    holiday: 'midAutumn',
    memberId: member(unionId, i)._id,
    memberName: member(unionId, i).name,
    eventId: null,
    amountFen: 30_000,
    form: 'in_kind',
    rule: { id: 'holidays.midAutumn', source: '基准' },
    approvedBy: BY,
    note: '',
    illnessKey: null,
    reverses: null,
    reservation: null,
    at: new Date('2026-09-20T04:00:00.000Z'),
    recordedAt: now,
  }));
  if (entries.length) await db.collection('ledger').add({ data: entries });
  const years: MemberYearDoc[] = entries.map((e) => ({
    _id: `${unionId}:${e.memberId}:${YEAR}`,
    unionId,
    memberId: e.memberId as string,
    year: YEAR,
    facts: [{ id: e._id, item: e.item, holiday: e.holiday, amountFen: e.amountFen, at: e.at, illnessKey: null, reverses: null }],
  }));
  if (years.length) await db.collection('member_years').add({ data: years });
  const line: BudgetDoc = { _id: `${unionId}:${YEAR}:holiday`, unionId, year: YEAR, line: 'holiday', amountFen: budgetFen, spentFen: already * 30_000, count: already, reservedFen: 0, openReservations: [], updatedAt: now };
  await db.collection('budgets').add({ data: line });
}

/** `count` tasks, `instances` at a time: each one's time and how it ended (an AppError's code, or a thrown error). */
async function crowd(count: number, instances: number, task: (i: number) => Promise<unknown>): Promise<{ outcomes: Outcome[]; seconds: number }> {
  const t0 = performance.now();
  const outcomes = await pool(count, instances, async (i) => {
    const s0 = performance.now();
    try {
      await task(i);
      return { ms: performance.now() - s0, ok: true, code: null, message: '' };
    } catch (error) {
      const e = error as { code?: unknown; message?: unknown };
      return { ms: performance.now() - s0, ok: false, code: typeof e.code === 'string' ? e.code : 'ERROR', message: String(e.message) };
    }
  });
  return { outcomes, seconds: (performance.now() - t0) / 1000 };
}

function timing(outcomes: Outcome[], seconds: number, unit: string): string {
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  return `${fmt(outcomes.length / seconds, 0)} ${unit}/秒（${fmt(seconds, 2)} 秒），p50 ${fmt(percentile(times, 50))} ms，p95 ${fmt(percentile(times, 95))} ms`;
}

function replies(outcomes: Outcome[]): string {
  const conflicts = outcomes.filter((o) => o.code === 'CONFLICT').length;
  const policy = outcomes.filter((o) => o.code === 'POLICY_REFUSED');
  const other = outcomes.filter((o) => !o.ok && o.code !== 'CONFLICT' && o.code !== 'POLICY_REFUSED');
  const reasons = new Map<string, number>();
  for (const o of policy) {
    const key = /已全部发放/.test(o.message) ? '份数已发完' : /最多 1 次/.test(o.message) ? '本节已领取' : /预算/.test(o.message) ? '预算不足' : '其他政策原因';
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  const why = [...reasons].map(([k, n]) => `${k} ${n}`).join('、');
  return `成功 ${outcomes.filter((o) => o.ok).length}，CONFLICT ${conflicts}，政策拒绝 ${policy.length}${why ? `（${why}）` : ''}，其他错误 ${other.length}${other.length ? `（${other[0].code}: ${other[0].message}）` : ''}`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function payoutsBench(db: any, json: Json): Promise<void> {
  const payouts = arg('payouts', 300);
  const items = arg('items', 200);
  const claimants = arg('claimants', 500);
  const instances = arg('instances', 8);
  // Shards of the reservation and of the stock: their defaults unless `--shards` is given.
  const shards = arg('shards', 0) || undefined;
  // The server's modules load wx-server-sdk: only after bench.ts has pointed it at the emulator.
  const { recordPayout, reserveBudget, settleReservation, reservationStatus } = await import('../server/ledger/api');
  const { database } = await import('../server/db');
  const { tables } = await import('../server/db/tables');
  const { ledgerTables } = await import('../server/ledger/store');
  const { inTransaction } = await import('../server/db/transaction');
  const stock = await import('../server/db/stock');
  const sdb = database();
  await json('/__emulator/triggers/jobs/daily', {});
  console.log(`\n发放与领取（在本进程内调用服务端模块，同时进行 ${instances} 笔，与云函数实例数相同）：`);

  const claim = (unionId: string, i: number, reservationId?: string) =>
    recordPayout(sdb, {
      unionId,
      entryId: `${unionId}:gift:${i}`,
      ...(reservationId ? { reservationId } : {}),
      proposal: { item: 'holiday_gift', holiday: 'midAutumn', amountFen: 28_800 + (i % 3) * 400, form: 'in_kind', at: AT },
      member: member(unionId, i),
      note: '中秋节慰问品',
      approvedBy: BY,
      now: new Date(),
      audit: (e) => ({ actor: BY, action: 'gift.claim', target: { kind: 'ledger', id: e._id, label: e.memberName ?? '' }, from: null, to: { amountFen: e.amountFen } }),
    });
  /** The line as the report shows it and the sum of its ledger entries. */
  const check = async (unionId: string) => {
    const line = (await ledgerTables(sdb).budgets.byId(`${unionId}:${YEAR}:holiday`)) as BudgetDoc;
    const open = line.openReservations ?? [];
    const drawn = (await Promise.all(open.map((r) => stock.stockLeft(sdb, r.stock.id)))).reduce((s, t) => s + t.sum, 0);
    const ledger = (await ledgerTables(sdb).ledger.findAll({ unionId, year: YEAR, line: 'holiday' })).reduce((s, e) => s + e.amountFen, 0);
    const held = line.spentFen + (line.reservedFen ?? 0);
    return `预算 ${fmt(line.amountFen / 100, 0)} 元，已支出 ${fmt((line.spentFen + drawn) / 100, 2)} 元（台账合计 ${fmt(ledger / 100, 2)} 元，${line.spentFen + drawn === ledger ? '一致' : '不一致！'}），已支出与预留合计 ${held <= line.amountFen ? '未超' : '超出！'}预算`;
  };

  // 1. Through a reservation.
  const already = 20;
  const batchUnion = 'bench-pay-batch';
  await fixture(db, batchUnion, 200_000_00, already);
  const reservationId = 'gift-batch:bench';
  await reserveBudget(sdb, { unionId: batchUnion, year: YEAR, line: 'holiday', reservationId, slots: payouts, unitMaxFen: 30_000, label: '中秋节慰问品（基准）', by: BY, now: new Date(), ...(shards ? { shards } : {}) });
  let before = await statsOf(json);
  const batch = await crowd(payouts, instances, (i) => claim(batchUnion, i, reservationId));
  let trips = tripsBetween(before, await statsOf(json));
  const status = await reservationStatus(sdb, batchUnion, reservationId);
  console.log(`  ${payouts} 笔同时从一个批次的预算预留中发放（${status.reservation.slots} 份 × 每份不超过 300 元，${status.reservation.stock.shards} 个分片；其中 ${already} 人本节已领取）：`);
  console.log(`    ${timing(batch.outcomes, batch.seconds, '笔')}，数据库往返 ${fmt(trips / payouts, 1)} 次/笔`);
  console.log(`    ${replies(batch.outcomes)}`);
  console.log(`    预留：已发放 ${status.taken} 份 ${fmt(status.drawnFen / 100, 2)} 元，不超过预留的 ${fmt(status.reservation.reservedFen / 100, 2)} 元；${await check(batchUnion)}`);
  const settled = await settleReservation(sdb, { unionId: batchUnion, reservationId, by: BY, now: new Date() });
  console.log(`    批次结算后：计入支出 ${fmt((settled.reservation.settled?.drawnFen ?? 0) / 100, 2)} 元，退回预算 ${fmt((settled.reservation.settled?.releasedFen ?? 0) / 100, 2)} 元；${await check(batchUnion)}`);

  // 2. The same as plain payouts on the line.
  const plainUnion = 'bench-pay-plain';
  await fixture(db, plainUnion, 200_000_00, already);
  before = await statsOf(json);
  const plain = await crowd(payouts, instances, (i) => claim(plainUnion, i));
  trips = tripsBetween(before, await statsOf(json));
  console.log(`  同样 ${payouts} 笔直接记在同一预算科目上（每笔都写这一行预算）：`);
  console.log(`    ${timing(plain.outcomes, plain.seconds, '笔')}，数据库往返 ${fmt(trips / payouts, 1)} 次/笔`);
  console.log(`    ${replies(plain.outcomes)}`);
  console.log(`    ${await check(plainUnion)}`);

  // 3. A gift option's stock.
  const ref = await stock.createStock(sdb, { id: `bench-gift-option:${Date.now()}`, total: items, ...(shards ? { shards } : {}), now: new Date() });
  before = await statsOf(json);
  const rush = await crowd(claimants, instances, async (i) => {
    if ((await stock.stockLeft(sdb, ref.id)).left === 0) throw Object.assign(new Error('已领完'), { code: 'SOLD_OUT' });
    const shard = await inTransaction(
      sdb,
      async (tx) => {
        const k = await stock.takeUnit(tx, ref, new Date());
        if (k !== null) await tx.insert('audit_log', { _id: `${ref.id}:claim:${i}`, unionId: 'bench', at: new Date(), actor: BY, action: 'gift.claim', target: { kind: 'stock', id: ref.id, label: '' }, from: null, to: { shard: k } });
        return k;
      },
      stock.STOCK_CONTENDED,
    );
    if (shard === null) throw Object.assign(new Error('已领完'), { code: 'SOLD_OUT' });
  });
  trips = tripsBetween(before, await statsOf(json));
  const left = await stock.stockLeft(sdb, ref.id);
  const claimed = await tables(sdb).audit.count({ action: 'gift.claim', 'target.id': ref.id });
  const soldOut = rush.outcomes.filter((o) => o.code === 'SOLD_OUT').length;
  const errors = rush.outcomes.filter((o) => !o.ok && o.code !== 'SOLD_OUT');
  console.log(`  礼品库存（${items} 份，${ref.shards} 个分片；${claimants} 人同时领取）：`);
  console.log(`    ${timing(rush.outcomes, rush.seconds, '人')}，数据库往返 ${fmt(trips / claimants, 1)} 次/人`);
  console.log(
    `    领到 ${rush.outcomes.filter((o) => o.ok).length}，告知已领完 ${soldOut}，出错 ${errors.length}${errors.length ? `（${errors[0].code}: ${errors[0].message}）` : ''}；库存记录已领 ${left.taken}、剩余 ${left.left}，领取记录 ${claimed} 条（${left.taken === claimed && left.taken <= items ? '一致，未超发' : '不一致！'}）`,
  );
}
