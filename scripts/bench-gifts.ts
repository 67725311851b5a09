/**
 * `npm run bench -- gifts`: gifts at size.
 *
 * 1. The opening rush of a holiday gift batch (a union of its own, 500 bound members written as a fixture like
 *    server/gifts/rush.test.ts does): the batch set up and opened through the functions as its officer would (the
 *    淄博 policy template for the year, a holiday budget, gifts.batchSave + batchOpen), then every member choosing the
 *    same gift in the same minute, 200 of it in stock (the others unlimited): claims per second, p50/p95, round trips
 *    per claim by kind, error replies, how many got the gift and that the rest were told it is gone; and, read back
 *    through the functions and the collections, the stock never oversold, the holiday budget line and no member's
 *    annual holiday cap exceeded, the ledger equal to the claims.
 * 2. 我的福利 for one of those members, who also has a birthday cake voucher: gifts.claimHome and gifts.myVouchers,
 *    p50/p95, round trips per call and the reply's size (the voucher's QR code is a GIF data URL in the reply).
 * 3. The birthday cake vouchers' daily job at the size of a very large union. 100,000 members
 * written straight into the roster (a fixture: importing them through the functions would measure the fixture), each
 * with the indexed month-day of the birthday (`birthMonthDay`, written as every member write writes it), birthdays
 * spread over the year (about 274 a day); the union's year set up through the functions as its officers would (the
 * 淄博 policy template, a birthday budget, a cake-shop clerk, birthday vouchers switched on), then the daily job for
 * one day: members read against the roster, vouchers issued, time and round trips; and again the same day, which
 * must issue none. What it proves: at 100,000 members the job reads only today's people. `--roster 0` skips it.
 *
 * The emulator's clock is set to fixed days (the rush: Tuesday 2026-09-01, 10:00 in Shanghai; the daily job: Thursday
 * 2026-11-19, 02:00 in Shanghai, when the daily trigger fires) so that the figures do not depend on the day the
 * bench runs, and set back afterwards. The rush runs first: its union's birthday vouchers are switched off again
 * after its voucher is issued, and its batch (closing 2026-09-18) is closed by the daily job's warm-up run.
 */
import { cpus } from 'node:os';
import { addDays, shanghaiYear, type DateKey } from '../src/core/time';
import { withBirthMonthDay } from '../server/members/store';
import type { MemberDoc } from '../server/db/types';
import { pool } from '../server/testing/crowd';
import { writeUnion } from '../server/testing/fixture';
import { arg, fmt, percentile, statsOf, tripsByAction, type Json } from './bench-util';

const UNION = 'bench-gifts-union';
/** Thursday 2026-11-19, 02:00 in Shanghai. */
const NOW = new Date('2026-11-18T18:00:00.000Z');
const TODAY: DateKey = '2026-11-19';
const SHOP = '基准蛋糕店（人民西路店）';
const AMOUNT_FEN = 19_800;
const OFFICER = 'bench-gifts-officer';
const CLERK = 'bench-gifts-clerk';

/** Member i's month-day: the days of a common year in turn (100,000 members: 273 or 274 a day, no 29 February). */
const monthDay = (i: number) => addDays('2001-01-01', i % 365).slice(5);

const sum = (rows: [string, number][], pred: (k: string) => boolean) => rows.filter(([k]) => pred(k)).reduce((n, [, v]) => n + v, 0);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function giftsBench(db: any, json: Json): Promise<void> {
  await holidayRush(db, json);
  const size = arg('roster', 100_000);
  if (size > 0) await birthdayJob(db, json, size);
  else console.log('\n生日慰问（10 万人名册）：已跳过（--roster 0）');
}

type Reply = Record<string, unknown>;

/** CPU milliseconds all of this machine's cores have been busy (emulator, function instances, this process, anything else). */
const machineBusyMs = () => cpus().reduce((n, c) => n + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
const RUSH_UNION = 'bench-gift-rush-union';
const RUSH_OFFICER = 'bench-gift-rush-officer';
/** Tuesday 2026-09-01, 10:00 in Shanghai: the mid-autumn batch opens. */
const RUSH_NOW = new Date('2026-09-01T02:00:00.000Z');
const RUSH_YEAR = 2026;

/** A call through the gateway that must succeed: its data. */
async function must(json: Json, token: string, fn: string, action: string, payload: unknown): Promise<Record<string, unknown>> {
  const r = await json(`/functions/${fn}`, { action, payload }, token);
  if (r.ok !== true) throw new Error(`${fn}.${action}: ${JSON.stringify(r)}`);
  return r.data as Record<string, unknown>;
}

const rowsText = (rows: [string, number][], per: number) => rows.map(([k, n]) => `${k} ${fmt(n / per, 2)}`).join('，');

/** 1 and 2: the opening rush of a holiday batch, then 我的福利 (see the file's comment). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function holidayRush(db: any, json: Json): Promise<void> {
  const crowdSize = arg('gift-crowd', 500);
  const stock = arg('gift-stock', 200);
  const instances = arg('instances', 8);
  await json('/__emulator/clock', { now: RUSH_NOW.toISOString() });
  try {
    await json('/__emulator/triggers/jobs/daily', {});
    // The union: its officer and `crowdSize` bound members; member 1 (我的福利) has a birthday today.
    const t0 = performance.now();
    const people = [
      { openid: RUSH_OFFICER, employeeNo: 'H0000', roles: ['officer', 'chair'] },
      ...Array.from({ length: crowdSize }, (_, i) => ({ openid: `bench-gift-rush-${i}`, employeeNo: `H${String(i + 1).padStart(4, '0')}`, ...(i === 0 ? { birthDate: '1985-09-01' } : {}) })),
    ];
    const ids = await writeUnion(db, RUSH_UNION, '礼品抢选基准机关工会', people, RUSH_NOW);
    const memberIds = ids.slice(1);
    const officer = (await json('/auth/dev-login', { openid: RUSH_OFFICER })).token as string;
    const tokens = await pool(crowdSize, 32, async (i) => (await json('/auth/dev-login', { openid: people[i + 1].openid })).token as string);

    // The year through the functions: the 淄博 policy, a holiday budget, the mid-autumn batch opened; and a birthday
    // cake voucher for member 1 (vouchers switched on, the daily job run, switched off again).
    await must(json, officer, 'ledger', 'policySave', { year: RUSH_YEAR, templateId: 'zibo-kjj-2017' });
    const policy = (await must(json, officer, 'ledger', 'policyGet', { year: RUSH_YEAR })).policy as { holidayAnnualCapFen?: { capFen: number } | null };
    const capFen = policy.holidayAnnualCapFen?.capFen ?? null;
    const budgetFen = 300_000_00;
    await must(json, officer, 'ledger', 'budgetSet', { year: RUSH_YEAR, line: 'holiday', amountFen: budgetFen });
    await must(json, officer, 'ledger', 'budgetSet', { year: RUSH_YEAR, line: 'birthday', amountFen: crowdSize * AMOUNT_FEN });
    const settings = { timing: 'onDay', daysBefore: 3, shopName: SHOP, amountFen: AMOUNT_FEN, validDays: 30, greeting: '祝您生日快乐，身体健康，工作顺利，阖家幸福！' };
    await must(json, officer, 'gifts', 'birthdaySettingsSave', { enabled: true, ...settings });
    await json('/__emulator/triggers/jobs/daily', {});
    await must(json, officer, 'gifts', 'birthdaySettingsSave', { enabled: false, ...settings });
    const made = await must(json, officer, 'gifts', 'batchSave', {
      requestKey: 'bench-mid-autumn-0001',
      holiday: 'midAutumn',
      year: RUSH_YEAR,
      closesOn: '2026-09-18',
      pickupEndsOn: '2026-09-24',
      options: [
        { name: '月饼礼盒', unitFen: 29_800, form: 'in_kind', stock },
        { name: '五常大米', unitFen: 20_000, form: 'in_kind', stock: null },
        { name: '时令水果', unitFen: 30_000, form: 'in_kind', stock: null },
      ],
      places: [{ name: '工会活动室', times: '9月21日—24日' }],
      fallbackOption: null,
    });
    const batchId = made.id as string;
    const options = made.options as { id: string; name: string }[];
    const placeId = (made.places as { id: string }[])[0].id;
    const opened = await must(json, officer, 'gifts', 'batchOpen', { batchId });
    const eligible = (opened.batch as { eligible: number }).eligible;
    const setupSeconds = (performance.now() - t0) / 1000;

    // The gifts function's instances started before the rush (the 我的福利 page's first call), apart from its time.
    const t1 = performance.now();
    const running = async () => ((await json('/__emulator/stats')).functions as Record<string, { instances: number }>).gifts?.instances ?? 0;
    for (let round = 0; round < 10 && (await running()) < instances; round += 1) {
      await Promise.all(Array.from({ length: instances }, (_, k) => must(json, tokens[k % tokens.length], 'gifts', 'claimHome', {})));
    }
    const warmSeconds = (performance.now() - t1) / 1000;
    console.log(
      `\n节日慰问品开放选择（${crowdSize} 名已绑定会员同时选择，「${options[0].name}」库存 ${stock} 份，其余不限量；名册与账号直接写库，政策（淄博模板）、预算、批次经云函数设置，共 ${fmt(setupSeconds)} 秒；启动 ${String(await running())} 个 gifts 实例 ${fmt(warmSeconds)} 秒，另计）：`,
    );

    // The rush: everyone at once for the scarce gift.
    const before = await statsOf(json);
    const busy0 = machineBusyMs();
    const latencies: number[] = [];
    const s0 = performance.now();
    const replies = await Promise.all(
      tokens.map(async (token) => {
        const s = performance.now();
        const r = await json('/functions/gifts', { action: 'claimChoose', payload: { batchId, optionId: options[0].id, way: 'pickup', placeId } }, token);
        latencies.push(performance.now() - s);
        return r;
      }),
    );
    const seconds = (performance.now() - s0) / 1000;
    const busyMs = machineBusyMs() - busy0;
    const rows = tripsByAction(before, await statsOf(json));
    latencies.sort((a, b) => a - b);
    const errors = replies.filter((r) => r.ok !== true);
    const results = replies.filter((r) => r.ok === true).map((r) => r.data as { result: string; message: string });
    const count = (x: string) => results.filter((r) => r.result === x).length;
    const goneMessages = [...new Set(results.filter((r) => r.result === 'soldOut').map((r) => r.message))];
    const dbTrips = sum(rows, (k) => k.startsWith('database.'));
    const starts = sum(rows, (k) => /startTransaction/i.test(k));
    const commits = sum(rows, (k) => /commitTransaction/i.test(k));
    const aborts = sum(rows, (k) => /(abort|rollback)Transaction/i.test(k));
    console.log(`  抢选：${fmt(crowdSize / seconds, 0)} 人/秒（${fmt(seconds, 2)} 秒），p50 ${fmt(percentile(latencies, 50))} ms，p95 ${fmt(percentile(latencies, 95))} ms，最慢 ${fmt(latencies[latencies.length - 1])} ms`);
    console.log(`  回复：选到「${options[0].name}」${count('chosen')} 人，告知已领完（result: 'soldOut'）${count('soldOut')} 人，其他 ${results.length - count('chosen') - count('soldOut')}，出错 ${errors.length}`);
    if (errors.length) console.log(`    出错回复：${[...new Set(errors.map((r) => JSON.stringify(r.error)))].join('；')}`);
    if (goneMessages.length) console.log(`    已领完的提示：${goneMessages.map((m) => `「${m}」`).join('；')}`);
    console.log(
      `  数据库往返：每人 ${fmt(dbTrips / crowdSize, 1)} 次，另有订阅消息等 ${fmt(sum(rows, (k) => !k.startsWith('database.')) / crowdSize, 1)} 次；事务 开始 ${starts}、提交 ${commits}、中止或回滚 ${aborts}（提交的即选到的 ${count('chosen')} 人；中止的是写冲突后重试的，以及在事务中才发现已领完的）`,
    );
    console.log(`    每人往返按类：${rowsText(rows, crowdSize)}`);
    console.log(`  CPU：本机 ${String(cpus().length)} 核在抢选期间共忙 ${fmt(busyMs / 1000, 1)} 秒（占 ${fmt((100 * busyMs) / (seconds * 1000 * cpus().length), 0)}%），每人 ${fmt(busyMs / crowdSize, 0)} ms`);

    // Read back: the claims, the batch's tallies, the budget line, every member's holiday entries.
    const claims = (await db.collection('gift_claims').where({ batchId }).limit(1000).get()).data as { memberId: string; optionId: string; amountFen: number }[];
    const scarce = claims.filter((c) => c.optionId === options[0].id).length;
    const batch = (await must(json, officer, 'gifts', 'batchGet', { batchId })) as { options: { chosen: number; left: number | null }[]; reservedFen: number | null; drawnFen: number | null };
    const line = ((await must(json, officer, 'ledger', 'budgetList', { year: RUSH_YEAR })).lines as { line: string; amountFen: number; spentFen: number; reservedFen: number }[]).find((l) => l.line === 'holiday');
    const entries: { memberId: string | null; amountFen: number }[] = [];
    for (let page = 1; ; page += 1) {
      const r = await must(json, officer, 'ledger', 'ledgerList', { year: RUSH_YEAR, line: 'holiday', page, pageSize: 100 });
      entries.push(...(r.items as { memberId: string | null; amountFen: number }[]));
      if (entries.length >= (r.total as number) || (r.items as unknown[]).length === 0) break;
    }
    const net = new Map<string, number>();
    for (const e of entries) if (e.memberId) net.set(e.memberId, (net.get(e.memberId) ?? 0) + e.amountFen);
    const most = Math.max(0, ...net.values());
    const overCap = capFen === null ? 0 : [...net.values()].filter((f) => f > capFen).length;
    const ledgerSum = entries.reduce((s, e) => s + e.amountFen, 0);
    const claimSum = claims.reduce((s, c) => s + c.amountFen, 0);
    const oneEach = new Set(claims.map((c) => c.memberId)).size === claims.length;
    console.log(
      `  核对：领取记录 ${claims.length} 条（每人至多一条：${oneEach ? '是' : '否！'}），其中「${options[0].name}」${scarce} 条，批次统计已选 ${batch.options[0].chosen}、剩余 ${String(batch.options[0].left)}（库存 ${stock}：${scarce <= stock && batch.options[0].chosen === scarce ? '未超发' : '超发或不一致！'}）`,
    );
    if (line) {
      const held = line.spentFen + line.reservedFen;
      console.log(
        `    节日慰问预算 ${fmt(line.amountFen / 100, 0)} 元：已支出 ${fmt(line.spentFen / 100, 2)} 元 + 预留 ${fmt(line.reservedFen / 100, 2)} 元 = ${fmt(held / 100, 2)} 元（${held <= line.amountFen ? '未超' : '超出！'}）；批次预留 ${fmt((batch.reservedFen ?? 0) / 100, 2)} 元（${eligible} 人），已发放 ${fmt((batch.drawnFen ?? 0) / 100, 2)} 元（${(batch.drawnFen ?? 0) <= (batch.reservedFen ?? 0) ? '未超预留' : '超出预留！'}）`,
      );
    }
    console.log(
      `    台账：节日慰问 ${entries.length} 条共 ${fmt(ledgerSum / 100, 2)} 元，领取记录合计 ${fmt(claimSum / 100, 2)} 元（${ledgerSum === claimSum ? '一致' : '不一致！'}）；每人全年节日慰问最多 ${fmt(most / 100, 2)} 元，上限 ${capFen === null ? '无' : `${fmt(capFen / 100, 2)} 元`}，超出上限 ${overCap} 人`,
    );

    // For comparison: 50 of those told it was gone choose the rice one after another (no contention).
    const gone = replies.map((r, i) => ({ r, i })).filter(({ r, i }) => i > 0 && r.ok === true && (r.data as { result: string }).result === 'soldOut').slice(0, 50).map(({ i }) => i);
    if (gone.length) {
      const b = await statsOf(json);
      const busy1 = machineBusyMs();
      const times: number[] = [];
      for (const i of gone) {
        const s = performance.now();
        const r = await must(json, tokens[i], 'gifts', 'claimChoose', { batchId, optionId: options[1].id, way: 'pickup', placeId });
        times.push(performance.now() - s);
        if (r.result !== 'chosen') throw new Error(`claimChoose: ${JSON.stringify(r)}`);
      }
      const r = tripsByAction(b, await statsOf(json));
      const busy = machineBusyMs() - busy1;
      times.sort((x, y) => x - y);
      console.log(
        `  对照：其中 ${gone.length} 人逐个改选「${options[1].name}」（无并发）：p50 ${fmt(percentile(times, 50))} ms，p95 ${fmt(percentile(times, 95))} ms，每人 CPU ${fmt(busy / gone.length, 0)} ms，数据库往返 ${fmt(sum(r, (k) => k.startsWith('database.')) / gone.length, 1)} 次（${rowsText(r, gone.length)}）`,
      );
    }

    // 我的福利: member 1 has today's cake voucher and a claim in the open batch.
    const me = tokens[0];
    const vouchers = (await must(json, me, 'gifts', 'myVouchers', {})).items as { qr: string | null }[];
    // Told it was gone, the member takes the rice (as the reply offered), so the page shows a claim with its code.
    if (!claims.some((c) => c.memberId === memberIds[0])) await must(json, me, 'gifts', 'claimChoose', { batchId, optionId: options[1].id, way: 'pickup', placeId });
    const home = (await must(json, me, 'gifts', 'claimHome', {})).items as { batch: { mine: unknown } }[];
    console.log(`\n我的福利（会员 ${memberIds[0].split(':').pop() ?? ''}：蛋糕券 ${vouchers.length} 张，开放中的批次 ${home.length} 个，${home[0]?.batch.mine ? '已选礼品' : '未选礼品'}；每项连续调用 50 次）：`);
    for (const [label, action] of [['领取首页 gifts.claimHome', 'claimHome'], ['我的蛋糕券 gifts.myVouchers', 'myVouchers']] as const) {
      const runs = 50;
      const b = await statsOf(json);
      const times: number[] = [];
      let last: Reply = {};
      for (let i = 0; i < runs; i += 1) {
        const s = performance.now();
        last = await json('/functions/gifts', { action, payload: {} }, me);
        times.push(performance.now() - s);
        if (last.ok !== true) throw new Error(`gifts.${action}: ${JSON.stringify(last)}`);
      }
      const r = tripsByAction(b, await statsOf(json));
      times.sort((x, y) => x - y);
      const bytes = Buffer.byteLength(JSON.stringify(last));
      const qr = action === 'myVouchers' ? ((last.data as { items: { qr: string | null }[] }).items.map((v) => v.qr ?? '').reduce((n, q) => n + Buffer.byteLength(q), 0)) : 0;
      console.log(
        `  ${label}：p50 ${fmt(percentile(times, 50))} ms，p95 ${fmt(percentile(times, 95))} ms，数据库往返 ${fmt(sum(r, (k) => k.startsWith('database.')) / runs, 1)} 次/调用（${rowsText(r, runs)}），回复 ${fmt(bytes / 1024, 1)} KB（${bytes.toLocaleString()} 字节${qr ? `，其中二维码 data URL ${qr.toLocaleString()} 字节` : ''}）`,
      );
    }
  } finally {
    await json('/__emulator/clock', { now: null });
  }
}

/** 3: the birthday job at `size` members (see the file's comment). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function birthdayJob(db: any, json: Json, size: number): Promise<void> {
  const batch = 2_000;
  await json('/__emulator/clock', { now: NOW.toISOString() });
  try {
    // Collections exist, the jobs instance is warm, and the job's own cost with no birthday union is known.
    await json('/__emulator/triggers/jobs/daily', {});
    const emptyBefore = await statsOf(json);
    await json('/__emulator/triggers/jobs/daily', {});
    const emptyTrips = tripsByAction(emptyBefore, await statsOf(json));

    // The roster: member 0 is the officer (and chair) who sets the year up, bound to a WeChat identity.
    const t0 = performance.now();
    await db.collection('unions').add({ data: { _id: UNION, name: '基准测试生日慰问工会', shortName: '生日工会', kind: 'union', committeeId: null, createdAt: NOW } });
    const member = (i: number): MemberDoc => {
      const no = `G${String(i).padStart(6, '0')}`;
      return {
        _id: `${UNION}:${no}`,
        unionId: UNION,
        ...withBirthMonthDay({
          employeeNo: no,
          name: `会员${i}`,
          department: `处室${i % 40}`,
          gender: i % 2 ? 'male' : 'female',
          birthDate: `${1960 + (Math.floor(i / 365) % 40)}-${monthDay(i)}`,
          phone: `137${String(i).padStart(8, '0')}`,
          joinedAt: null,
          status: 'active',
          duesPaid: true,
        }),
        roles: i === 0 ? ['officer', 'chair'] : [],
        openid: i === 0 ? OFFICER : null,
        boundAt: i === 0 ? NOW : null,
        createdAt: NOW,
        updatedAt: NOW,
      };
    };
    for (let i = 0; i < size; i += batch) {
      await db.collection('members').add({ data: Array.from({ length: Math.min(batch, size - i) }, (_, k) => member(i + k)) });
    }
    await db.collection('accounts').add({ data: { _id: OFFICER, kind: 'member', unionId: UNION, memberId: member(0)._id, roles: [], name: member(0).name, shopName: null, createdAt: NOW } });
    const writeSeconds = (performance.now() - t0) / 1000;

    // The year, through the functions: policy from the 淄博 template, a birthday budget for every member, the
    // clerk's shop, birthday vouchers on the day.
    const t1 = performance.now();
    const officer = (await json('/auth/dev-login', { openid: OFFICER })).token as string;
    const call = async (token: string, fn: string, action: string, payload: unknown): Promise<Record<string, unknown>> => {
      const r = await json(`/functions/${fn}`, { action, payload }, token);
      if (r.ok !== true) throw new Error(`${fn}.${action}: ${JSON.stringify(r)}`);
      return r.data as Record<string, unknown>;
    };
    const year = shanghaiYear(NOW);
    await call(officer, 'ledger', 'policySave', { year, templateId: 'zibo-kjj-2017' });
    await call(officer, 'ledger', 'budgetSet', { year, line: 'birthday', amountFen: size * AMOUNT_FEN });
    const invite = await call(officer, 'members', 'clerkInvite', { name: '周敏', shopName: SHOP });
    const clerk = (await json('/auth/dev-login', { openid: CLERK })).token as string;
    await call(clerk, 'members', 'redeemInvite', { code: invite.code });
    await call(officer, 'gifts', 'birthdaySettingsSave', { enabled: true, timing: 'onDay', daysBefore: 3, shopName: SHOP, amountFen: AMOUNT_FEN, validDays: 30, greeting: '祝您生日快乐，身体健康，工作顺利，阖家幸福！' });
    const setupSeconds = (performance.now() - t1) / 1000;

    // Counted here, apart from the job: the roster, today's people (this query also builds the emulator's index
    // on the month-day, which in the cloud exists beforehand), and the backfill's query, which every run makes.
    const roster = (await db.collection('members').where({ unionId: UNION }).count()).total as number;
    const todays = (await db.collection('members').where({ unionId: UNION, birthMonthDay: TODAY.slice(5) }).count()).total as number;
    const b0 = performance.now();
    const unfilled = (await db.collection('members').where({ unionId: UNION, birthMonthDay: db.command.exists(false) }).limit(500).get()).data.length as number;
    const backfillProbeMs = performance.now() - b0;
    console.log(
      `\n生日慰问（同一工会名册 ${roster.toLocaleString()} 人，生日均匀分布全年，今天 ${TODAY} 生日 ${todays} 人；写入名册 ${fmt(writeSeconds)} 秒，每批 ${batch.toLocaleString()} 人；政策、预算、店员、开启设置 ${fmt(setupSeconds)} 秒）：`,
    );
    console.log(`  补录查询（birthMonthDay 不存在，每次运行都查）：返回 ${unfilled} 个，${fmt(backfillProbeMs)} ms`);

    for (const label of ['首次运行', '当天再次运行']) {
      const before = await statsOf(json);
      const s0 = performance.now();
      const r = await json('/__emulator/triggers/jobs/daily', {});
      const ms = performance.now() - s0;
      if (r.ok !== true) throw new Error(JSON.stringify(r));
      const rows = tripsByAction(before, await statsOf(json));
      const dbTrips = sum(rows, (k) => k.startsWith('database.'));
      const otherTrips = sum(rows, (k) => !k.startsWith('database.'));
      const b = (r.result as { data: { gifts: { birthdays: Record<string, number> } } }).data.gifts.birthdays;
      const vouchers = (await db.collection('gift_vouchers').where({ unionId: UNION }).count()).total as number;
      console.log(
        `  定时任务 jobs.daily ${label}：${fmt(ms)} ms；读取会员 ${b.membersRead.toLocaleString()} 人 / 名册 ${roster.toLocaleString()} 人（${fmt((100 * b.membersRead) / roster, 2)}%；今天生日 ${todays} 人），` +
          `发券 ${b.issued}（已发过 ${b.repeated}，拒绝 ${b.refused}，受阻 ${b.blocked}，失败 ${b.failed}，推迟 ${b.deferred}，补录 ${b.backfilled}），库中共 ${vouchers} 张券；` +
          `数据库往返 ${dbTrips.toLocaleString()} 次，另有订阅消息等 ${otherTrips.toLocaleString()} 次（无生日工会时整个任务 ${sum(emptyTrips, () => true)} 次）`,
      );
      console.log(`    往返按类：${rows.map(([k, n]) => `${k} ${n.toLocaleString()}`).join('，')}`);
    }
    console.log(`    （无生日工会时的任务往返按类：${emptyTrips.map(([k, n]) => `${k} ${n}`).join('，')}）`);
  } finally {
    await json('/__emulator/clock', { now: null });
  }
}
