/**
 * `npm start`: build what is stale (functions, H5 app), start the emulator with the app on 127.0.0.1, create
 * the collections, load demo data on first start, and print the URL and the demo accounts.
 *
 *   npm start -- --port 8787 --data .data [--reset]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmulator } from '../emulator/emulator';
import { connectSdk } from '../emulator/sdk-client';
import { buildFunctions, functionsAreStale } from './build-functions';
import { DEMO_ACCOUNTS, DEMO_UNION } from './demo-data';

const root = resolve(__dirname, '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function h5IsStale(): boolean {
  const index = join(root, 'dist/h5/index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return newest(join(root, 'src')) > built || newest(join(root, 'config')) > built;
}

async function main(): Promise<void> {
  const port = Number(arg('port') ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口无效：${arg('port')}`);
  const dataDir = resolve(arg('data') ?? join(root, '.data'));
  const reset = process.argv.includes('--reset');

  if (functionsAreStale()) {
    console.log('构建云函数…');
    await buildFunctions();
  }
  if (h5IsStale()) {
    console.log('构建 H5 应用（首次约 20–40 秒）…');
    const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (r.status !== 0) throw new Error('H5 构建失败');
  }

  const emulator = await startEmulator({ port, dataDir, reset, demo: true, demoAccounts: DEMO_ACCOUNTS, scheduler: true });

  // Setup is the `jobs` function's daily trigger: idempotent, it creates whatever collection is missing.
  const setup = await emulator.functions.runTrigger('jobs', 'daily');
  if (!setup || !setup.ok) throw new Error(`初始化集合失败：${setup && !setup.ok ? setup.errMsg : '没有 jobs 函数'}`);

  const marker = join(dataDir, 'demo-seeded');
  if (!existsSync(marker)) {
    const cloud = connectSdk(emulator.url, emulator.envId);
    const { _id, ...union } = DEMO_UNION;
    await cloud.database().collection('unions').doc(_id).set({ data: { ...union, createdAt: cloud.database().serverDate() } });
    writeFileSync(marker, new Date().toISOString());
    console.log('已载入演示数据');
  }

  console.log('');
  console.log(`工会会员服务（本地）已启动：${emulator.url}/`);
  console.log(`数据目录：${dataDir}${reset ? '（已清空重建）' : ''}`);
  console.log('演示账号（在页面上点选即可登录）：');
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.label.padEnd(12, '　')} OPENID=${a.openid}`);
  console.log('按 Ctrl+C 停止。');

  const stop = async () => {
    await emulator.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
