/**
 * `npm run bench -- rush`: the sign-up rush, on the emulator as it runs locally (no latency, 8 instances per
 * function) and like the cloud (20 ms a round trip, 32 instances), each on an emulator process of its own started
 * for it, in one run:
 *   - the one-document ceiling: one client changing a single document one transaction after another (the limit of
 *     one transaction per sign-up), and one conditional update after another;
 *   - 500 members tapping 报名 at the same moment for 50 seats, through the gateway: sign-ups per second, p50/p95,
 *     database round trips per sign-up (and the subscribe messages, which are not database trips), error replies;
 *     the rush as a multiple of the ceiling;
 *   - the CPU the rush used per sign-up, the emulator's own (gateway, database, openapi) apart from the function
 *     instances' (the SDK and the function code), and the rate this machine's cores allow at that cost;
 *   - 100 sign-ups one after another on an event nobody else is signing up for: round trips without contention.
 * `--by-transaction` runs the same with one transaction per sign-up (the way for a database without find-and-modify).
 * The function instances are started before the rush and the time that takes printed apart: on this 2-core
 * machine, 32 instances starting at once take many seconds of CPU that a cloud spreads over its own machines.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectSdk } from '../emulator/sdk-client';
import { spawnEmulator } from '../emulator/testing/process';
import { pool } from '../server/testing/crowd';
import { writeUnion } from '../server/testing/fixture';
import { arg, fmt, jsonClient, percentile, statsOf, tripsByKind, type Json } from './bench-util';

const UNION = 'bench-rush-union';

/** The union, its officer and `size` bound members, written as a fixture through the SDK. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function fixture(db: any, json: Json, size: number): Promise<{ officer: string; crowd: string[] }> {
  await json('/__emulator/triggers/jobs/daily', {});
  const people = Array.from({ length: size + 1 }, (_, i) => ({ openid: i === 0 ? 'rush-officer' : `rush-${i}`, employeeNo: `R${String(i).padStart(5, '0')}`, roles: i === 0 ? ['officer'] : [] }));
  await writeUnion(db, UNION, '抢报名基准机关工会', people, new Date());
  const tokens = await pool(people.length, 32, async (i) => (await json('/auth/dev-login', { openid: people[i].openid })).token as string);
  return { officer: tokens[0], crowd: tokens.slice(1) };
}

/** Transactions (read, write) one after another on one document for `ms`, then conditional updates: per second. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ceiling(db: any, ms: number): Promise<{ transactions: number; updates: number }> {
  await db.createCollection('bench_hot');
  await db.collection('bench_hot').add({ data: { _id: 'hot', n: 0 } });
  let done = 0;
  let t0 = performance.now();
  while (performance.now() - t0 < ms) {
    await db.runTransaction(async (t: { collection(n: string): { doc(id: string): { get(): Promise<{ data: { n: number } }>; update(o: unknown): Promise<unknown> } } }) => {
      const d = await t.collection('bench_hot').doc('hot').get();
      await t.collection('bench_hot').doc('hot').update({ data: { n: d.data.n + 1 } });
    });
    done += 1;
  }
  const transactions = done / ((performance.now() - t0) / 1000);
  done = 0;
  t0 = performance.now();
  while (performance.now() - t0 < ms) {
    await db.collection('bench_hot').where({ _id: 'hot', n: db.command.gte(0) }).update({ data: { n: db.command.inc(1) } });
    done += 1;
  }
  return { transactions, updates: done / ((performance.now() - t0) / 1000) };
}

async function publish(json: Json, officer: string, title: string, capacity: number | null): Promise<string> {
  const now = Date.now();
  const at = (hours: number) => new Date(now + hours * 3600_000).toISOString();
  const r = await json('/functions/events', { action: 'publish', payload: { title, kind: 'fitness', place: '市体育中心', capacity, startsAt: at(72), endsAt: at(74), signupOpensAt: at(-1), signupClosesAt: at(48), cancelDeadline: at(60), requestKey: `bench-${title}-${now}` } }, officer);
  if (r.ok !== true) throw new Error(JSON.stringify(r));
  return (r.data as { event: { id: string } }).event.id;
}

/** Start `instances` instances of the events function (calls at once until no new instance starts): seconds taken. */
async function warm(json: Json, token: string, eventId: string, instances: number): Promise<number> {
  const t0 = performance.now();
  const cold = async () => ((await json('/__emulator/stats')).functions as Record<string, { instances: number }>).events?.instances ?? 0;
  for (let round = 0; round < 10 && (await cold()) < instances; round += 1) {
    await Promise.all(Array.from({ length: instances }, () => json('/functions/events', { action: 'get', payload: { eventId } }, token)));
  }
  return (performance.now() - t0) / 1000;
}

/**
 * CPU milliseconds a process has used: the whole process, and its main thread alone (the emulator's gateway,
 * database and openapi; the function instances are its worker threads). Linux /proc; null elsewhere.
 */
function cpuMs(pid: number | undefined): { all: number; main: number } | null {
  const ticks = (file: string): number => {
    const f = readFileSync(file, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // utime + stime, in clock ticks of 10 ms
  };
  try {
    return { all: ticks(`/proc/${String(pid)}/stat`), main: ticks(`/proc/${String(pid)}/task/${String(pid)}/stat`) };
  } catch {
    return null;
  }
}

/** `--by-transaction`: the same rush with one transaction per sign-up (EVENT_SIGNUPS=transaction), for comparison. */
const byTransaction = process.argv.includes('--by-transaction');

async function one(latency: number, instances: number, crowdSize: number, seats: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'union-rush-'));
  const events = { EVENT_NOTICE_TEMPLATE_ID: 'BENCH_TEMPLATE', ...(byTransaction ? { EVENT_SIGNUPS: 'transaction' } : {}) };
  const { child, url } = await spawnEmulator(dataDir, ['--demo', '--function-env', JSON.stringify({ events }), '--latency', String(latency), '--instances', String(instances)]);
  const json = jsonClient(url);
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const db: any = connectSdk(url, 'union-local').database();
    console.log(`\n抢报名（每次请求延迟 ${latency} ms，每个云函数 ${instances} 个实例；${crowdSize} 人同时报名 ${seats} 个名额${byTransaction ? '；对照：每个报名一个事务' : ''}）：`);
    const top = await ceiling(db, 3000);
    console.log(`  单文档上限（一个客户端逐个执行）：事务（读+写）${fmt(top.transactions, 0)} 次/秒；条件更新 ${fmt(top.updates, 0)} 次/秒`);
    const { officer, crowd } = await fixture(db, json, crowdSize);
    const eventId = await publish(json, officer, '机关健身运动会', seats);
    const warmSeconds = await warm(json, crowd[0], eventId, instances);
    console.log(`  启动 ${instances} 个函数实例：${fmt(warmSeconds)} 秒（另计，不在下面的时间内）`);

    const cpu0 = cpuMs(child.pid);
    const before = await statsOf(json);
    const latencies: number[] = [];
    const t0 = performance.now();
    const replies = await Promise.all(
      crowd.map(async (token) => {
        const s0 = performance.now();
        const r = await json('/functions/events', { action: 'signup', payload: { eventId } }, token);
        latencies.push(performance.now() - s0);
        return r;
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = cpuMs(child.pid);
    const trips = tripsByKind(before, await statsOf(json));
    const failed = replies.filter((r) => r.ok !== true);
    const confirmed = replies.filter((r) => (r.data as { signup?: { status: string } } | undefined)?.signup?.status === 'confirmed').length;
    latencies.sort((a, b) => a - b);
    const rate = crowdSize / seconds;
    console.log(`  抢报名：${fmt(rate, 0)} 人/秒（${fmt(seconds, 2)} 秒），p50 ${fmt(percentile(latencies, 50))} ms，p95 ${fmt(percentile(latencies, 95))} ms；确认 ${confirmed}、候补 ${crowdSize - confirmed - failed.length}、出错 ${failed.length}`);
    if (failed.length) console.log(`    出错回复：${[...new Set(failed.map((r) => JSON.stringify(r.error)))].join('；')}`);
    console.log(`  数据库往返：每次报名 ${fmt(trips.db / crowdSize, 1)} 次（含站内消息）；另有订阅消息等 ${fmt(trips.other / crowdSize, 1)} 次`);
    if (cpu0 && cpu1) {
      const all = (cpu1.all - cpu0.all) / crowdSize;
      const main = (cpu1.main - cpu0.main) / crowdSize;
      // In the cloud each instance has a CPU of its own; here all of them share this machine's cores.
      console.log(`  CPU：每次报名 ${fmt(all, 1)} ms（网关、数据库与 openapi ${fmt(main, 1)} ms，函数实例 ${fmt(all - main, 1)} ms）；本机 ${String(availableParallelism())} 核最多约 ${fmt((availableParallelism() * 1000) / all, 0)} 人/秒`);
    }
    console.log(`  为单文档事务上限的 ${fmt(rate / top.transactions, 1)} 倍`);

    const quietId = await publish(json, officer, '无竞争报名', null);
    await json('/functions/events', { action: 'get', payload: { eventId: quietId } }, crowd[0]);
    const quiet: number[] = [];
    const quietStart = await statsOf(json);
    const runs = Math.min(100, crowd.length);
    for (const token of crowd.slice(0, runs)) {
      const s0 = performance.now();
      const r = await json('/functions/events', { action: 'signup', payload: { eventId: quietId } }, token);
      if (r.ok !== true) throw new Error(JSON.stringify(r));
      quiet.push(performance.now() - s0);
    }
    const quietTrips = tripsByKind(quietStart, await statsOf(json));
    quiet.sort((a, b) => a - b);
    console.log(`  逐个报名（无并发）：p50 ${fmt(percentile(quiet, 50))} ms，p95 ${fmt(percentile(quiet, 95))} ms，数据库往返 ${fmt(quietTrips.db / runs, 1)} 次/次（另有订阅消息 ${fmt(quietTrips.other / runs, 1)} 次）`);
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function rushBench(): Promise<void> {
  const crowd = arg('crowd', 500);
  const seats = arg('seats', 50);
  // connectSdk points this process's SDK at each emulator in turn; point it back at the one it was using after.
  const saved = process.env.TCB_CONTEXT_CNFG;
  try {
    await one(0, 8, crowd, seats);
    await one(20, 32, crowd, seats);
  } finally {
    if (saved !== undefined) process.env.TCB_CONTEXT_CNFG = saved;
  }
}
