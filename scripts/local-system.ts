/**
 * The whole system on one machine — what `npm start` runs and what the browser journey drives:
 * stale builds rebuilt, the emulator with the H5 app, collections created by the `jobs` setup trigger, and
 * demo data loaded into a fresh data folder (demo mode, the default). Its health check answers 200 only once all
 * of that is done.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator/emulator';
import { buildFunctions, functionsAreStale } from './build-functions';
import { DEMO_ACCOUNTS, seedDemo } from './demo-data';

export const ROOT = resolve(__dirname, '..');

function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function h5IsStale(): boolean {
  const index = join(ROOT, 'dist/h5/index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'config'))) > built;
}

/** Seconds for a progress line: one decimal under ten seconds ("3.2 秒"), whole seconds above ("41 秒"). */
function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? s.toFixed(1) : Math.round(s)} 秒`;
}

/**
 * One progress line per step: "构建云函数…" while it runs, "完成（3.2 秒）" appended when it is done ("失败" otherwise;
 * the error is the caller's to show). Without `out` the step runs silently. `started`: when the work began, if
 * earlier (a build that ran in the background).
 */
export async function step<T>(label: string, run: () => Promise<T>, out?: NodeJS.WritableStream, started = Date.now()): Promise<T> {
  out?.write(`${label}…`);
  try {
    const result = await run();
    out?.write(`完成（${seconds(Date.now() - started)}）\n`);
    return result;
  } catch (error) {
    out?.write('失败\n');
    throw error;
  }
}

/**
 * `taro build --type h5` as the local system serves it: config/local.ts's build (not minified, modern JavaScript
 * for the browsers that open it — BROWSERSLIST_ENV=development —, webpack's filesystem cache in
 * node_modules/.cache/webpack). Its ~250 lines of progress and warnings are kept back: a failed build's error
 * carries them.
 */
function buildH5(): Promise<void> {
  const taro = join(ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [taro, 'build', '--type', 'h5'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', UNION_H5_BUILD: 'local', BROWSERSLIST_ENV: 'development', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // A start that fails while the build runs in the background (e.g. the port is taken) exits: the build goes too.
    const stop = () => child.kill();
    process.on('exit', stop);
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      process.off('exit', stop);
      if (code === 0) done();
      else fail(new Error(`H5 构建失败（taro build --type h5 退出码 ${String(code)}）：\n${Buffer.concat(output).toString('utf8').trim()}`));
    });
  });
}

/** Build the functions and the H5 app when their sources are newer than the outputs, one progress line per step on `out`. */
export async function buildWhatIsStale(out: NodeJS.WritableStream | undefined = process.stdout): Promise<void> {
  if (functionsAreStale()) await step('构建云函数', buildFunctions, out);
  if (h5IsStale()) await step('构建 H5 页面', buildH5, out);
}

/**
 * `npm start`'s builds: the functions first (the emulator runs them), then the H5 app in the background — most of
 * the time, on one core — while the emulator starts and loads the demo data on the other. Returns, when the H5 app
 * is being built, what waits for that build and prints its line (its time counted from when it began): pass it to
 * startLocalSystem as `beforeReady`.
 */
export async function buildInBackground(out?: NodeJS.WritableStream): Promise<(() => Promise<void>) | undefined> {
  if (functionsAreStale()) await step('构建云函数', buildFunctions, out);
  if (!h5IsStale()) return undefined;
  const started = Date.now();
  const build = buildH5();
  build.catch(() => undefined); // awaited by the function returned; no unhandled rejection until then
  return () => step('构建 H5 页面', () => build, out, started);
}

export interface LocalSystemOptions {
  port: number;
  dataDir: string;
  reset?: boolean;
  scheduler?: boolean;
  /** Demo mode (default on): demo data, demo accounts and dev sign-in (`POST /auth/dev-login`). */
  demo?: boolean;
  /** Like the cloud when asked: delay per protocol request, and instances per function (emulator options). */
  latencyMs?: number;
  maxInstances?: number;
  /** Where to print one progress line per step (starting the emulator, creating the collections, the demo data); none by default. */
  progress?: NodeJS.WritableStream;
  /** Awaited after the demo data, before the health check answers 200 (npm start: the H5 build); a failure stops the system. */
  beforeReady?: () => Promise<void>;
}

/**
 * The deployment's setup codes (the `members` function's UNION_SETUP_CODES, as set in the cloud console), kept
 * in the data folder: the first sets up the demo union, the second its 工委, the third is left for trying the
 * first-officer setup.
 */
export function setupCodes(dataDir: string, atLeast = 3): string[] {
  const file = join(resolve(dataDir), 'setup-codes.txt');
  const code = () => randomBytes(9).toString('base64url').toUpperCase().replace(/[^A-Z0-9]/g, '7').replace(/(.{4})(?!$)/g, '$1-');
  mkdirSync(resolve(dataDir), { recursive: true });
  const codes = existsSync(file) ? readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : [];
  while (codes.length < atLeast) codes.push(code());
  writeFileSync(file, `${codes.join('\n')}\n`);
  return codes;
}

/** Where the members function records each use of a setup code: `_id` is the code's SHA-256 (server/members/binding.ts). */
const SETUP_CODES_COLLECTION = 'setup_codes';

/** The codes among `codes` that no union was set up with yet, read from the emulator's database. */
export async function unusedSetupCodes(emulator: RunningEmulator, codes: string[]): Promise<string[]> {
  const hashOf = (code: string) => createHash('sha256').update(code).digest('hex');
  const reply = await emulator.db.handle({
    action: 'database.getDocument',
    envName: emulator.envId,
    collectionName: SETUP_CODES_COLLECTION,
    queryType: 'WHERE',
    query: JSON.stringify({ _id: { $in: codes.map(hashOf) } }),
    limit: 1000,
  });
  // Before the jobs function's setup has run there is no such collection, and so no code is used.
  if (reply.code === 'DATABASE_COLLECTION_NOT_EXIST') return codes;
  if (reply.code) throw new Error(`读取初始化码使用记录失败：${String(reply.message)}`);
  const list = (reply.data as { list: string[] }).list;
  const used = new Set(list.map((doc) => (JSON.parse(doc) as { _id: string })._id));
  return codes.filter((code) => !used.has(hashOf(code)));
}

/**
 * A setup code that is really unused (checked in the database, not assumed from the file): the first unused one of
 * the data folder's codes, or, when all are used, a fresh one added to the file and to the members function's
 * environment (its instances restart to read it).
 */
export async function spareSetupCode(emulator: RunningEmulator, dataDir: string): Promise<string> {
  const codes = setupCodes(dataDir);
  const [unused] = await unusedSetupCodes(emulator, codes);
  if (unused) return unused;
  const more = setupCodes(dataDir, codes.length + 1);
  const env = emulator.functions.options.functionEnv ?? {};
  emulator.functions.options.functionEnv = { ...env, members: { ...env.members, UNION_SETUP_CODES: more.join(',') } };
  await emulator.functions.resetInstances();
  return more[more.length - 1];
}

/** The subscribe-message template ids of the local system (any id works with the emulator). */
export const DEMO_EVENT_TEMPLATE = 'demo-event-notice';
export const DEMO_CARE_TEMPLATE = 'demo-care-notice';
export const DEMO_GIFT_TEMPLATE = 'demo-gift-notice';

export async function startLocalSystem(options: LocalSystemOptions): Promise<RunningEmulator & { seeded: boolean; spareSetupCode: string; demo: boolean }> {
  const dataDir = resolve(options.dataDir);
  const demo = options.demo ?? true;
  // Reset here rather than in the emulator: the setup codes live in the folder and are made after it is emptied.
  if (options.reset) rmSync(dataDir, { recursive: true, force: true });
  const codes = setupCodes(dataDir);
  const { progress: out, beforeReady, ...emulatorOptions } = options;
  const emulator = await step('启动模拟器', () => startEmulator({
    ...emulatorOptions,
    reset: false,
    demo,
    demoAccounts: demo ? DEMO_ACCOUNTS : [],
    // Health answers 503 until the collections and the demo data are in (setReady below).
    ready: false,
    // Event and care notices go to the emulator's outbox as subscribe messages (GET /__emulator/outbox), as in WeChat.
    functionEnv: {
      members: { UNION_SETUP_CODES: codes.join(',') },
      events: { EVENT_NOTICE_TEMPLATE_ID: DEMO_EVENT_TEMPLATE },
      jobs: { EVENT_NOTICE_TEMPLATE_ID: DEMO_EVENT_TEMPLATE, CARE_NOTICE_TEMPLATE_ID: DEMO_CARE_TEMPLATE, GIFT_NOTICE_TEMPLATE_ID: DEMO_GIFT_TEMPLATE },
      care: { CARE_NOTICE_TEMPLATE_ID: DEMO_CARE_TEMPLATE },
      gifts: { GIFT_NOTICE_TEMPLATE_ID: DEMO_GIFT_TEMPLATE },
    },
  }), out);
  try {
    // Setup is the `jobs` function's daily trigger: idempotent, it creates whatever collection is missing.
    await step('创建数据库集合', async () => {
      const setup = await emulator.functions.runTrigger('jobs', 'daily');
      if (!setup || !setup.ok) throw new Error(`初始化集合失败：${setup && !setup.ok ? setup.errMsg : '没有 jobs 函数'}`);
      const result = setup.result as { ok?: boolean; error?: { message?: string } };
      if (result.ok !== true) throw new Error(`初始化集合失败：${result.error?.message ?? ''}`);
    }, out);

    const marker = join(dataDir, 'demo-seeded');
    let seeded = false;
    if (demo && !existsSync(marker)) {
      await step('载入演示数据', async () => {
        const gateway = gatewayClient(emulator.url);
        await seedDemo(gateway.call, codes[0], codes[1], emulator.clock.now(), gateway.upload);
        // The day's job once more, now that there is a union: today's birthday vouchers are issued.
        const run = await emulator.functions.runTrigger('jobs', 'daily');
        if (!run || !run.ok || (run.result as { ok?: boolean }).ok !== true) throw new Error('演示数据的每日任务没有完成');
      }, out);
      writeFileSync(marker, new Date().toISOString());
      seeded = true;
    }
    const spare = await spareSetupCode(emulator, dataDir);
    await beforeReady?.();
    emulator.setReady();
    return { ...emulator, seeded, spareSetupCode: spare, demo };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}

/**
 * Calls a function, or uploads a file, through the gateway as a dev-signed-in OPENID, as the H5 app does; a failed
 * reply throws.
 */
function gatewayClient(url: string) {
  const tokens = new Map<string, string>();
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return (await res.json()) as Record<string, unknown>;
  };
  const tokenOf = async (openid: string): Promise<string> => {
    let token = tokens.get(openid);
    if (!token) {
      token = (await post('/auth/dev-login', { openid })).token as string;
      tokens.set(openid, token);
    }
    return token;
  };
  return {
    call: async (openid: string, fn: string, action: string, payload?: unknown): Promise<unknown> => {
      const reply = (await post(`/functions/${fn}`, { action, payload }, await tokenOf(openid))) as { ok?: boolean; data?: unknown; error?: { message?: string } };
      if (reply.ok !== true) throw new Error(`演示数据载入失败（${fn}.${action}）：${reply.error?.message ?? JSON.stringify(reply)}`);
      return reply.data;
    },
    upload: async (openid: string, bytes: Buffer, name: string): Promise<string> => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), name);
      const res = await fetch(`${url}/storage/upload`, { method: 'POST', headers: { authorization: `Bearer ${await tokenOf(openid)}` }, body: form });
      if (res.status !== 200) throw new Error(`演示数据载入失败（上传 ${name}）：${res.status} ${await res.text()}`);
      return ((await res.json()) as { fileID: string }).fileID;
    },
  };
}
