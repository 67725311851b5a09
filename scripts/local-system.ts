/**
 * The whole system on one machine — what `npm start` runs and what the browser journey drives:
 * stale builds rebuilt, the emulator with the H5 app, collections created by the `jobs` setup trigger, and
 * demo data loaded into a fresh data folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator/emulator';
import { connectSdk } from '../emulator/sdk-client';
import { buildFunctions, functionsAreStale } from './build-functions';
import { DEMO_ACCOUNTS, DEMO_UNION } from './demo-data';

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

/** Build the functions and the H5 app when their sources are newer than the outputs. */
export async function buildWhatIsStale(log: (line: string) => void = console.log): Promise<void> {
  if (functionsAreStale()) {
    log('构建云函数…');
    await buildFunctions();
  }
  if (h5IsStale()) {
    log('构建 H5 应用（首次约半分钟）…');
    const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (r.status !== 0) throw new Error('H5 构建失败');
  }
}

export interface LocalSystemOptions {
  port: number;
  dataDir: string;
  reset?: boolean;
  scheduler?: boolean;
}

export async function startLocalSystem(options: LocalSystemOptions): Promise<RunningEmulator & { seeded: boolean }> {
  const emulator = await startEmulator({ ...options, demo: true, demoAccounts: DEMO_ACCOUNTS });
  try {
    // Setup is the `jobs` function's daily trigger: idempotent, it creates whatever collection is missing.
    const setup = await emulator.functions.runTrigger('jobs', 'daily');
    if (!setup || !setup.ok) throw new Error(`初始化集合失败：${setup && !setup.ok ? setup.errMsg : '没有 jobs 函数'}`);
    const result = setup.result as { ok?: boolean; error?: { message?: string } };
    if (result.ok !== true) throw new Error(`初始化集合失败：${result.error?.message ?? ''}`);

    const marker = join(resolve(options.dataDir), 'demo-seeded');
    let seeded = false;
    if (!existsSync(marker)) {
      const cloud = connectSdk(emulator.url, emulator.envId);
      const db = cloud.database();
      const { _id, ...union } = DEMO_UNION;
      await db.collection('unions').doc(_id).set({ data: { ...union, createdAt: db.serverDate() } });
      writeFileSync(marker, new Date().toISOString());
      seeded = true;
    }
    return { ...emulator, seeded };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}
