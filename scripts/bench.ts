/**
 * `npm run bench`: figures measured on the emulator, printed (not asserted — speed is not a test).
 *   - inserts/s and indexed queries/s at 100k documents, through the real wx-server-sdk;
 *   - function invocation latency p50/p95 through the gateway, warm and cold;
 *   - DB round trips (protocol requests) per invocation;
 *   - weapp main-package size (when dist/weapp has been built).
 * The emulator runs in its own process so that client and server don't share one event loop.
 *
 *   - the sign-up rush at no latency / 8 instances and at 20 ms / 32 instances (bench-rush.ts);
 *   - payouts drawing on a batch's reservation, and stock (bench-payouts.ts);
 *   - gifts (bench-gifts.ts): the opening rush of a holiday gift batch (500 members, 200 of one gift), 我的福利's calls,
 *     and the birthday vouchers' daily job at 100,000 members (`--roster 0` skips that one).
 *   - hardship (bench-hardship.ts): the reviewers' lists, opening an application, the household files and the 公示 page
 *     at 2,000 applications and 500 files (`--applications`, `--files`).
 *
 *   npm run bench -- [core] [roster] [events] [rush] [care] [payouts] [gifts] [hardship] [weapp] [--docs 100000] [--queries 5000] [--cases 10000]
 *
 * Name parts to run only those (`npm run bench -- care`); none named runs them all. `events` needs the roster's
 * union, so it brings `roster` along.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connectSdk } from '../emulator/sdk-client';
import { spawnEmulator } from '../emulator/testing/process';
import { buildFunctions } from './build-functions';
import { measureWeapp } from './check-weapp';
import { shanghaiYear } from '../src/core/time';
import { pool } from '../server/testing/crowd';
import { arg, fmt, jsonClient, percentile, positionals, tripsBetween, type Json } from './bench-util';
import { careBench } from './bench-care';
import { rushBench } from './bench-rush';
import { payoutsBench } from './bench-payouts';
import { giftsBench } from './bench-gifts';
import { hardshipBench } from './bench-hardship';

const root = resolve(__dirname, '..');

const PARTS = ['core', 'roster', 'events', 'rush', 'care', 'payouts', 'gifts', 'hardship', 'weapp'] as const;
type Part = (typeof PARTS)[number];

/** The parts named on the command line (all when none is), refusing a name that is not one. */
function selectedParts(): Set<Part> {
  const named = positionals();
  const unknown = named.filter((n) => !(PARTS as readonly string[]).includes(n));
  if (unknown.length) throw new Error(`未知的基准部分：${unknown.join('、')}（可选：${PARTS.join('、')}）`);
  const parts = new Set<Part>(named.length ? (named as Part[]) : PARTS);
  if (parts.has('events')) parts.add('roster');
  return parts;
}

async function main(): Promise<void> {
  const parts = selectedParts();
  const docs = arg('docs', 100_000);
  const queries = arg('queries', 5_000);
  await buildFunctions();
  const dataDir = mkdtempSync(join(tmpdir(), 'union-bench-'));
  // Event notices go out as subscribe messages too, as in a deployment with a template configured.
  // Care notices (and the daily job's reminders) on the care template likewise.
  const functionEnv = { events: { EVENT_NOTICE_TEMPLATE_ID: 'BENCH_TEMPLATE' }, care: { CARE_NOTICE_TEMPLATE_ID: 'BENCH_CARE_TEMPLATE' }, jobs: { CARE_NOTICE_TEMPLATE_ID: 'BENCH_CARE_TEMPLATE' } };
  // Like the cloud when asked: `--latency 20 --instances 32` (round-trip delay in ms; instances per function).
  const latency = arg('latency', 0);
  const instances = arg('instances', 8);
  const { child, url } = await spawnEmulator(dataDir, ['--demo', '--function-env', JSON.stringify(functionEnv), '--latency', String(latency), '--instances', String(instances)]);
  const json = jsonClient(url);
  try {
    // The SDK's typings describe calls as `Promise | void | string` (callback overloads); the promise form runs.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const db: any = connectSdk(url, 'union-local').database();
    console.log(`工会会员服务 · 模拟器基准（${new Date().toISOString()}，${process.platform}/${process.arch}，Node ${process.version}；每次请求延迟 ${latency} ms，每个云函数 ${instances} 个实例）\n`);

    // 1–3. Inserts and indexed queries, a function's latency and round trips, the daily job (no data).
    if (parts.has('core')) await core(db, json, docs, queries);

    // 4. The roster and the yearly report at the size of a large agency union.
    if (parts.has('roster')) await rosterAndReport(db, json);

    // 5. Events: the sign-up rush and the event list, on the same 10,000-member union.
    if (parts.has('events')) await eventsBench(db, json);

    // 6. 会员关爱: the queue, my requests and the daily job with 10,000 open cases (a union of its own).
    if (parts.has('care')) await careBench(db, json);
    if (parts.has('payouts')) await payoutsBench(db, json);
    // 节日慰问品 and 生日慰问: the batch's opening rush and 我的福利 (a union of its own), the daily job at 100,000
    // members reading only today's birthdays (another union).
    if (parts.has('gifts')) await giftsBench(db, json);
    // 困难帮扶: the reviewers' lists, an application, the files and the 公示 at 2,000 applications (see bench-hardship.ts).
    if (parts.has('hardship')) await hardshipBench(db, json);

    // 6b. The sign-up rush, locally and like the cloud: on emulators of its own (see bench-rush.ts), after the
    // parts that use this emulator (the SDK of this process is pointed at each of them in turn).
    if (parts.has('rush')) await rushBench();

    // 7. The weapp main package, if built.
    if (parts.has('weapp')) {
      if (existsSync(join(root, 'dist/weapp/app.json'))) {
        const m = measureWeapp(join(root, 'dist/weapp'));
        console.log(`小程序主包：${fmt(m.mainBytes / 1024)} KB（预算 ${fmt(m.mainBudgetBytes / 1024, 0)} KB，微信上限 2048 KB）；分包合计 ${fmt(m.subpackagesBytes / 1024)} KB`);
      } else {
        console.log('小程序主包：未构建（先运行 npm run build:weapp）');
      }
    }
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Inserts and indexed equality queries through the SDK, members.whoami through the gateway, the daily job. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function core(db: any, json: Json, docs: number, queries: number): Promise<void> {
  await db.createCollection('bench');

  // Members are spread evenly: each of `members` ids owns docs/members documents (10 per member at 100k).
  const members = Math.max(1, Math.min(10_000, Math.floor(docs / 10)));
  const expectedFor = (k: number) => Math.floor(docs / members) + (k < docs % members ? 1 : 0);

  // 1. Inserts through the SDK, 64 in flight (each one fsynced before it is acknowledged; group commit).
  let t0 = performance.now();
  await pool(docs, 64, (i) =>
    db.collection('bench').add({ data: { memberId: `m${i % members}`, unionId: `u${i % 20}`, kind: i % 7, amount: (i * 37) % 50_000, at: new Date(1_700_000_000_000 + i * 1000) } }),
  );
  const insertSeconds = (performance.now() - t0) / 1000;
  console.log(`插入     ${docs.toLocaleString()} 条文档：${fmt(docs / insertSeconds, 0)} 条/秒（${fmt(insertSeconds)} 秒，并发 64，每次写入落盘后才确认）`);

  // 2. Indexed equality queries at that size (the engine indexes fields queried by equality).
  await db.collection('bench').where({ memberId: 'm1' }).get(); // first query builds the index
  const qLatencies: number[] = [];
  t0 = performance.now();
  await pool(queries, 16, async (i) => {
    const s = performance.now();
    const k = (i * 7919) % members;
    const r = await db.collection('bench').where({ memberId: `m${k}` }).get();
    qLatencies.push(performance.now() - s);
    if (r.data.length !== expectedFor(k)) throw new Error(`unexpected result size ${r.data.length}`);
  });
  const querySeconds = (performance.now() - t0) / 1000;
  qLatencies.sort((a, b) => a - b);
  console.log(
    `索引查询 ${queries.toLocaleString()} 次（${docs.toLocaleString()} 条中按 memberId 取约 ${fmt(docs / members, 0)} 条）：${fmt(queries / querySeconds, 0)} 次/秒，p50 ${fmt(percentile(qLatencies, 50))} ms，p95 ${fmt(percentile(qLatencies, 95))} ms（并发 16）`,
  );

  // 3. Function invocation latency through the gateway.
  const token = (await json('/auth/dev-login', { openid: 'bench-user' })).token as string;
  const call = () => json('/functions/members', { action: 'whoami' }, token);
  const cold: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    await json('/__emulator/functions/reset', {});
    const s = performance.now();
    const r = await call();
    cold.push(performance.now() - s);
    if (r.ok !== true) throw new Error(JSON.stringify(r));
  }
  const before = (await json('/__emulator/stats')).adminRequests as Record<string, number>;
  const warm: number[] = [];
  const warmCalls = 500;
  for (let i = 0; i < warmCalls; i += 1) {
    const s = performance.now();
    await call();
    warm.push(performance.now() - s);
  }
  const after = (await json('/__emulator/stats')).adminRequests as Record<string, number>;
  const trips = tripsBetween(before, after);
  cold.sort((a, b) => a - b);
  warm.sort((a, b) => a - b);
  console.log(`云函数调用 members.whoami（网关 → 函数实例 → SDK）：`);
  console.log(`  冷启动 10 次：p50 ${fmt(percentile(cold, 50))} ms，p95 ${fmt(percentile(cold, 95))} ms`);
  console.log(`  热调用 ${warmCalls} 次：p50 ${fmt(percentile(warm, 50), 2)} ms，p95 ${fmt(percentile(warm, 95), 2)} ms`);
  console.log(`  数据库往返：每次调用 ${fmt(trips / warmCalls, 2)} 次（未绑定的调用者：查一次账号）`);
  await json('/__emulator/triggers/jobs/daily', {}); // warm the instance: the figure below is a warm run
  const beforeJobs = (await json('/__emulator/stats')).adminRequests as Record<string, number>;
  const jobStart = performance.now();
  const job = await json('/__emulator/triggers/jobs/daily', {});
  const jobMs = performance.now() - jobStart;
  if (job.ok !== true) throw new Error(JSON.stringify(job));
  const afterJobs = (await json('/__emulator/stats')).adminRequests as Record<string, number>;
  const jobTrips = tripsBetween(beforeJobs, afterJobs);
  console.log(`定时任务 jobs.daily（建集合，幂等）：${fmt(jobMs)} ms，数据库往返 ${jobTrips} 次`);

}

/**
 * 10,000 members and 50,000 ledger entries written straight into the collections (a fixture: going through
 * the payout path 50,000 times would measure the fixture, not the screens), with budget totals that match the
 * entries, then the screens' calls through the gateway: p50/p95 and DB round trips per call.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rosterAndReport(db: any, json: Json, rosterSize = arg('members', 10_000), ledgerSize = arg('entries', 50_000)): Promise<void> {
  const unionId = 'bench-union';
  const now = new Date();
  const year = shanghaiYear(now);
  await json('/__emulator/triggers/jobs/daily', {});
  await db.collection('unions').add({ data: { _id: unionId, name: '基准测试机关工会', shortName: '基准工会', kind: 'union', committeeId: null, createdAt: now } });
  const t0 = performance.now();
  const member = (i: number) => ({
    _id: `${unionId}:B${String(i).padStart(5, '0')}`,
    unionId,
    employeeNo: `B${String(i).padStart(5, '0')}`,
    name: `会员${i}`,
    department: `处室${i % 25}`,
    gender: i % 2 ? 'male' : 'female',
    birthDate: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
    phone: `136${String(i).padStart(8, '0')}`,
    joinedAt: null,
    status: i % 17 === 0 ? 'retired' : 'active',
    duesPaid: true,
    roles: i === 0 ? ['officer'] : [],
    openid: i === 0 ? 'bench-officer' : i === 1 ? 'bench-member' : null,
    boundAt: i < 2 ? now : null,
    createdAt: now,
    updatedAt: now,
  });
  for (let i = 0; i < rosterSize; i += 1000) {
    await db.collection('members').add({ data: Array.from({ length: Math.min(1000, rosterSize - i) }, (_, k) => member(i + k)) });
  }
  for (const [openid, i] of [['bench-officer', 0], ['bench-member', 1]] as const) {
    await db.collection('accounts').add({ data: { _id: openid, kind: 'member', unionId, memberId: member(i)._id, roles: [], name: member(i).name, shopName: null, createdAt: now } });
  }
  const items = [
    ['holiday_gift', 'holiday', 30_000],
    ['birthday', 'birthday', 19_800],
    ['care_hospitalisation', 'care', 50_000],
    ['event_prize', 'events', 20_000],
    ['study_award', 'awards', 30_000],
  ] as const;
  const totals = new Map<string, { spent: number; count: number }>();
  for (let i = 0; i < ledgerSize; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, ledgerSize - i) }, (_, k) => {
      const n = i + k;
      const [item, line, amount] = items[n % items.length];
      const t = totals.get(line) ?? { spent: 0, count: 0 };
      totals.set(line, { spent: t.spent + amount, count: t.count + 1 });
      const m = member((n * 7919) % rosterSize);
      return {
        _id: `${unionId}:bench:${n}`,
        unionId,
        year,
        line,
        item,
        holiday: item === 'holiday_gift' ? 'springFestival' : null,
        memberId: m._id,
        memberName: m.name,
        eventId: null,
        amountFen: amount,
        form: 'in_kind',
        rule: { id: `items.${item}`, source: '基准测试' },
        approvedBy: { openid: 'bench-officer', memberId: member(0)._id, name: member(0).name },
        note: '',
        illnessKey: null,
        reverses: null,
        at: new Date(now.getTime() - (n % 300) * 86_400_000 * 0.9),
        recordedAt: now,
      };
    });
    await db.collection('ledger').add({ data: batch });
  }
  for (const [line, t] of totals) {
    await db.collection('budgets').add({ data: { _id: `${unionId}:${year}:${line}`, unionId, year, line, amountFen: t.spent * 2, spentFen: t.spent, count: t.count, updatedAt: now } });
  }
  console.log(`\n名册与经费（${rosterSize.toLocaleString()} 名会员，${ledgerSize.toLocaleString()} 条台账；数据准备 ${fmt((performance.now() - t0) / 1000)} 秒）：`);

  const officer = (await json('/auth/dev-login', { openid: 'bench-officer' })).token as string;
  const plain = (await json('/auth/dev-login', { openid: 'bench-member' })).token as string;
  const cases: [string, string, string, unknown, string][] = [
    ['名册首页（按工号排序，每页 20 人，含总数）', 'members', 'rosterList', { page: 1, pageSize: 20 }, officer],
    ['名册第 400 页', 'members', 'rosterList', { page: 400, pageSize: 20 }, officer],
    ['名册搜索姓名', 'members', 'rosterList', { q: '会员777' }, officer],
    ['名册按工号搜索', 'members', 'rosterList', { q: 'B0999' }, officer],
    ['经费支出公布（会员）', 'ledger', 'report', { year }, plain],
    ['经费台账首页（干部）', 'ledger', 'ledgerList', { year, page: 1, pageSize: 20 }, officer],
    ['我的本年福利（会员）', 'ledger', 'myBenefits', { year }, plain],
  ];
  const stats = async () => (await json('/__emulator/stats')).adminRequests as Record<string, number>;
  for (const [label, fn, action, payload, token] of cases) {
    const first = await json(`/functions/${fn}`, { action, payload }, token); // warm the instance and the indexes
    if (first.ok !== true) throw new Error(`${fn}.${action}: ${JSON.stringify(first)}`);
    const runs = 100;
    const before = await stats();
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const s0 = performance.now();
      await json(`/functions/${fn}`, { action, payload }, token);
      times.push(performance.now() - s0);
    }
    const after = await stats();
    const trips = tripsBetween(before, after);
    times.sort((a, b) => a - b);
    console.log(`  ${label}：p50 ${fmt(percentile(times, 50))} ms，p95 ${fmt(percentile(times, 95))} ms，数据库往返 ${fmt(trips / runs, 1)} 次/调用`);
  }
}

/**
 * Events on the bench union: 500 members (accounts written as a fixture) sign up for an event of 50 seats, then
 * through the gateway a member's event list with 200 events and 20,000 sign-ups in the union, an event's page and
 * the officer's roster of the 500 — p50/p95 and DB round trips per call. The rush is the part `rush`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function eventsBench(db: any, json: Json, crowdSize = arg('crowd', 500), seats = arg('seats', 50), eventCount = arg('events', 200)): Promise<void> {
  const unionId = 'bench-union';
  const now = new Date();
  const memberId = (i: number) => `${unionId}:B${String(i).padStart(5, '0')}`;
  const stats = async () => (await json('/__emulator/stats')).adminRequests as Record<string, number>;
  const officer = (await json('/auth/dev-login', { openid: 'bench-officer' })).token as string;
  const plain = (await json('/auth/dev-login', { openid: 'bench-member' })).token as string;
  const call = (action: string, payload: unknown, token: string) => json('/functions/events', { action, payload }, token);
  const at = (hours: number) => new Date(now.getTime() + hours * 3600_000).toISOString();
  const schedule = (h: number) => ({ startsAt: at(h + 48), endsAt: at(h + 50), signupOpensAt: at(-1), signupClosesAt: at(h + 24), cancelDeadline: at(h + 30) });

  // The crowd: members 2..crowdSize+1 bound to their own WeChat identities.
  const crowd = Array.from({ length: crowdSize }, (_, k) => ({ i: k + 2, openid: `bench-crowd-${k + 2}` }));
  await db.collection('accounts').add({ data: crowd.map((c) => ({ _id: c.openid, kind: 'member', unionId, memberId: memberId(c.i), roles: [], name: `会员${c.i}`, shopName: null, createdAt: now })) });
  await pool(crowd.length, 32, (k) => db.collection('members').doc(memberId(crowd[k].i)).update({ data: { openid: crowd[k].openid, boundAt: now } }));
  const tokens = await pool(crowd.length, 32, async (k) => (await json('/auth/dev-login', { openid: crowd[k].openid })).token as string);

  const published = await call('publish', { title: '机关健身运动会', kind: 'fitness', place: '市体育中心', capacity: seats, ...schedule(0), requestKey: `bench-rush-${Date.now()}` }, officer);
  if (published.ok !== true) throw new Error(JSON.stringify(published));
  const eventId = ((published.data as { event: { id: string } }).event).id;
  // Its roster: the crowd signed up a few at a time (the rush itself is the part `rush`).
  await pool(tokens.length, 16, async (k) => {
    const r = await call('signup', { eventId }, tokens[k]);
    if (r.ok !== true) throw new Error(JSON.stringify(r));
  });
  console.log(`\n文体活动（${eventCount} 个活动、${(eventCount * 100).toLocaleString()} 条报名、名册 ${arg('members', 10_000).toLocaleString()} 人）：`);

  // The event list: `eventCount` events in the union, 100 sign-ups each (20,000 documents), the member in 20.
  const events = Array.from({ length: eventCount }, (_, k) => {
    const s = schedule(k * 6 - 300);
    return {
      _id: `${unionId}:bench-event-${k}`,
      unionId,
      title: `活动${k}`,
      kind: 'other',
      description: '',
      coverFileID: null,
      place: '会议室',
      startsAt: new Date(s.startsAt),
      endsAt: new Date(s.endsAt),
      capacity: 100,
      signupOpensAt: new Date(s.signupOpensAt),
      signupClosesAt: new Date(s.signupClosesAt),
      cancelDeadline: new Date(s.cancelDeadline),
      audience: { retirees: true },
      extraFields: [],
      workMeal: false,
      status: 'open',
      cancelReason: null,
      seatsTaken: 100,
      confirmedCount: 100,
      waitlistCount: 0,
      checkedInCount: 0,
      nextSeq: 100,
      eventCode: '123456',
      results: '',
      remindedAt: null,
      createdBy: { openid: 'bench-officer', memberId: memberId(0), name: '会员0' },
      createdAt: now,
      updatedAt: now,
    };
  });
  await db.collection('events').add({ data: events });
  for (const e of events) {
    const k = Number(e._id.split('-').pop());
    const who = Array.from({ length: 100 }, (_, j) => (k % 10 === 0 && j === 0 ? 1 : 2 + ((k * 97 + j * 89) % 9_000)));
    await db.collection('event_signups').add({
      data: [...new Set(who)].map((i, j) => ({
        _id: `${e._id}:${memberId(i)}`,
        unionId,
        eventId: e._id,
        memberId: memberId(i),
        openid: `bench-crowd-${i}`,
        name: `会员${i}`,
        employeeNo: `B${String(i).padStart(5, '0')}`,
        department: '处室',
        status: 'confirmed',
        seats: 1,
        answers: {},
        seq: j + 1,
        checkinCode: `${String(j + 1).padStart(3, '0')}000`,
        signedUpAt: now,
        confirmedAt: now,
        cancelledAt: null,
        checkedInAt: null,
        checkedInBy: null,
        updatedAt: now,
      })),
    });
  }
  const cases: [string, string, unknown, string][] = [
    ['活动列表（会员，近期，每页 20 个）', 'list', { scope: 'upcoming' }, plain],
    ['往期活动', 'list', { scope: 'past' }, plain],
    ['我的活动', 'mine', {}, plain],
    ['活动详情', 'get', { eventId }, tokens[0]],
    [`报名名单（${crowdSize} 人，干部）`, 'roster', { eventId }, officer],
  ];
  for (const [label, action, payload, token] of cases) {
    const first = await call(action, payload, token);
    if (first.ok !== true) throw new Error(`events.${action}: ${JSON.stringify(first)}`);
    const runs = 50;
    const b = await stats();
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const s0 = performance.now();
      await call(action, payload, token);
      times.push(performance.now() - s0);
    }
    const t = tripsBetween(b, await stats());
    times.sort((a, c) => a - c);
    console.log(`    ${label}：p50 ${fmt(percentile(times, 50))} ms，p95 ${fmt(percentile(times, 95))} ms，数据库往返 ${fmt(t / runs, 1)} 次/调用`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
