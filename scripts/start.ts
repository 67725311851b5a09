/**
 * `npm start`: build what is stale (functions, H5 app), start the emulator with the app on 127.0.0.1, create
 * the collections, load demo data on first start, and print the URL and the demo accounts.
 *
 *   npm start -- --port 8787 --data .data [--reset] [--no-demo] [--latency <ms>] [--instances <n>]
 *
 * `--no-demo`: no demo data, no demo accounts and no dev sign-in (`POST /auth/dev-login` answers 404), so nobody
 * can act as any OPENID through the gateway; the protocol server, the functions and the timers run as usual.
 * `--latency 20`: every request a function's SDK sends (database, storage, functions, openapi) waits 20 ms first,
 * as a round trip costs in the cloud. `--instances 32`: instances per function (default 8).
 */
import { join, resolve } from 'node:path';
import { buildInBackground, ROOT, startLocalSystem } from './local-system';
import { DEMO_ACCOUNTS } from './demo-data';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(arg('port') ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口无效：${String(arg('port'))}`);
  const dataDir = resolve(arg('data') ?? join(ROOT, '.data'));
  const reset = process.argv.includes('--reset');
  const demo = !process.argv.includes('--no-demo');
  const latencyMs = Number(arg('latency') ?? 0);
  if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > 10_000) throw new Error(`--latency 应为 0–10000 之间的整数（毫秒）：${String(arg('latency'))}`);
  const maxInstances = Number(arg('instances') ?? 8);
  if (!Number.isInteger(maxInstances) || maxInstances < 1 || maxInstances > 256) throw new Error(`--instances 应为 1–256 之间的整数：${String(arg('instances'))}`);

  // One line per step; the H5 app builds while the emulator starts and loads the demo data.
  const h5Built = await buildInBackground(process.stdout);
  const system = await startLocalSystem({ port, dataDir, reset, scheduler: true, demo, latencyMs, maxInstances, progress: process.stdout, beforeReady: h5Built });

  console.log('');
  console.log(`工会会员服务（本地）已启动：${system.url}/`);
  console.log(`数据目录：${dataDir}${reset ? '（已清空重建）' : ''}${system.seeded ? '，已载入演示数据' : ''}`);
  if (latencyMs > 0 || maxInstances !== 8) console.log(`模拟云端：每次数据库 / 存储 / 云函数请求延迟 ${latencyMs} ms，每个云函数最多 ${maxInstances} 个实例`);
  if (demo) {
    console.log('演示账号（在页面上点选即可登录）：');
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.label}　OPENID=${a.openid}`);
  } else {
    console.log('未开启演示模式：不载入演示数据，不提供演示账号和开发登录（H5 页面无法登录）。');
  }
  console.log(`新工会初始化码（首次部署时第一位工会干部建立工会用，仅可使用一次）：${system.spareSetupCode}`);
  console.log('按 Ctrl+C 停止。');

  const stop = () => {
    void system.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
