/**
 * The local CloudBase: one HTTP server on 127.0.0.1 that is
 *   - the protocol endpoint the unmodified wx-server-sdk talks to (`POST /admin`: routes/protocol.ts) and the
 *     storage URLs it hands out (upload PUT, signed downloads: routes/storage-urls.ts),
 *   - the gateway the H5 app and the tests call functions through (`POST /functions/<name>`: routes/gateway.ts),
 *     signed in by dev-login in demo mode (routes/dev-login.ts), and the H5 app itself (routes/h5.ts),
 *   - the emulator's own controls (`/__emulator/*`: health, clock, outbox, triggers, subscriptions: routes/control.ts).
 * This file starts and stops it and hands each request to its route. The contract of these routes is documented in
 * the README; other tools depend on it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { Clock } from './clock';
import { DbEngine } from './db/engine';
import { FunctionHost } from './functions/host';
import { Storage } from './storage';
import { OpenApi } from './openapi';
import { HttpError, sendJson } from './http';
import { RequestGuard } from './guard';
import { isEnvName } from './names';
import { Tokens } from './tokens';
import { findRoute, kindOf, type Route } from './routes/route';
import { protocolRoutes } from './routes/protocol';
import { storageUrlRoutes } from './routes/storage-urls';
import { controlRoutes } from './routes/control';
import { devLoginRoutes, type DemoAccount } from './routes/dev-login';
import { gatewayRoutes } from './routes/gateway';
import { h5Routes } from './routes/h5';

export type { DemoAccount };

export interface EmulatorOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  dataDir: string;
  /** Start from an empty data folder. */
  reset?: boolean;
  functionsDir?: string;
  /** The built H5 app, served at `/`. */
  h5Dir?: string;
  envId?: string;
  /** Demo mode enables `POST /auth/dev-login`. Never on in anything reachable by others. */
  demo?: boolean;
  demoAccounts?: DemoAccount[];
  /** How long a dev-login token is accepted (real time, not the emulator's clock). Default 7 days. */
  devLoginTtlMs?: number;
  /**
   * Whether `GET /__emulator/health` answers 200 from the start (default). The local system starts not ready and
   * calls `setReady()` once collections and demo data are in, so 200 means ready to use.
   */
  ready?: boolean;
  transactionTimeoutMs?: number;
  /** Instances per function (the pool size; the cloud scales further). Default 8. */
  maxInstances?: number;
  /**
   * Network delay, in ms, added to every protocol request (database, storage, functions, openapi: what a function's
   * SDK sends), so a design's cost in round trips shows as it would in the cloud, where each costs milliseconds.
   * The gateway, the app and the control routes are not delayed. Default 0.
   */
  latencyMs?: number;
  /** Per-function environment variables (the console's 环境变量), e.g. `{ members: { UNION_SETUP_CODES: '…' } }`. */
  functionEnv?: Record<string, Record<string, string>>;
  /** Fire timer triggers on schedule (off in most tests, which run them on demand). */
  scheduler?: boolean;
  /** Observe every protocol request body as it arrives (the conformance test records the SDK's requests). */
  onAdminRequest?: (body: Record<string, unknown>) => void;
}

export interface RunningEmulator {
  url: string;
  port: number;
  envId: string;
  clock: Clock;
  db: DbEngine;
  functions: FunctionHost;
  openApi: OpenApi;
  /** From now on the health check answers 200. */
  setReady(): void;
  close(): Promise<void>;
}

const ROOT = resolve(__dirname, '..');
export const DEFAULT_ENV_ID = 'union-local';
export const DEV_LOGIN_TTL_MS = 7 * 24 * 3600_000;

function loadSecret(dataDir: string): Buffer {
  const file = join(dataDir, 'emulator-secret');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  const secret = randomBytes(32);
  writeFileSync(file, secret.toString('hex'), { mode: 0o600 });
  return secret;
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const envId = options.envId ?? DEFAULT_ENV_ID;
  if (!isEnvName(envId)) throw new Error(`invalid env id: ${JSON.stringify(envId)}`);
  const dataDir = resolve(options.dataDir);
  if (options.reset) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const clock = new Clock();
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > 10_000) throw new Error(`latencyMs must be 0–10000, not ${latencyMs}`);
  if (options.maxInstances !== undefined && !(Number.isInteger(options.maxInstances) && options.maxInstances >= 1)) throw new Error(`maxInstances must be a whole number ≥ 1, not ${options.maxInstances}`);
  const secret = loadSecret(dataDir);
  const tokens = new Tokens(secret, options.devLoginTtlMs ?? DEV_LOGIN_TTL_MS);
  let ready = options.ready ?? true;
  let baseUrl = '';
  const db = await DbEngine.open({ dataDir: join(dataDir, 'db'), clock, transactionTimeoutMs: options.transactionTimeoutMs });
  const storage = new Storage({ dataDir, baseUrl: () => baseUrl, clock, secret });
  const openApi = new OpenApi(dataDir, clock);
  const functions = new FunctionHost({
    functionsDir: resolve(options.functionsDir ?? join(ROOT, 'cloudfunctions')),
    envId,
    adminUrl: '',
    clock,
    maxInstances: options.maxInstances,
    functionEnv: options.functionEnv,
  });
  /** Protocol requests by action since start: the benchmarks' "DB round trips per invocation". */
  const adminCounts: Record<string, number> = {};
  const routes: readonly Route[] = [
    ...protocolRoutes({ envId, db, storage, openApi, functions, adminCounts, onAdminRequest: options.onAdminRequest }),
    ...storageUrlRoutes(storage),
    ...controlRoutes({ envId, clock, functions, openApi, adminCounts, isReady: () => ready }),
    ...devLoginRoutes({ demo: options.demo ?? false, demoAccounts: options.demoAccounts ?? [], tokens }),
    ...gatewayRoutes({ envId, storage, functions, tokens }),
    // The app takes every GET outside the API paths, so it goes last.
    ...h5Routes(resolve(options.h5Dir ?? join(ROOT, 'dist/h5'))),
  ];

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { pathname } = url;
    const method = req.method ?? 'GET';
    const found = findRoute(routes, method, pathname);
    // No CORS headers, ever: the H5 app is same-origin, and nobody else may read or write here (see guard.ts).
    // The guard runs before any route reads the request, and on requests no route serves too.
    guard.check(req, kindOf(found?.route, method));
    if (!found) throw new HttpError(404, `没有这个接口：${method} ${pathname}`);
    // The whole round trip's delay before the request is handled: inside a transaction it holds the document as
    // long as it would in the cloud.
    if (latencyMs > 0 && found.route.kind === 'protocol') await delay(latencyMs);
    return found.route.handle(req, res, url, found.params);
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      // Callers see a refusal's own (Chinese) message, never the text of an unexpected error: that goes to the log.
      const refusal = error instanceof HttpError ? error : null;
      if (!refusal) console.error('[emulator]', error);
      const status = refusal?.status ?? 500;
      const errMsg = refusal?.message ?? '模拟器内部错误，详情见运行模拟器的终端';
      if (!res.headersSent) sendJson(res, status, { errCode: -status, errMsg }, refusal?.headers);
      else res.end();
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => res());
  });
  const port = (server.address() as AddressInfo).port;
  const guard = new RequestGuard(port, options.host);
  baseUrl = `http://127.0.0.1:${port}`;
  functions.options.adminUrl = `${baseUrl}/admin`;
  if (options.scheduler) functions.startScheduler();

  return {
    url: baseUrl,
    port,
    envId,
    clock,
    db,
    functions,
    openApi,
    setReady() {
      ready = true;
    },
    async close() {
      await functions.stop();
      await new Promise<void>((res) => {
        server.close(() => res());
        server.closeAllConnections();
      });
      await db.close();
    },
  };
}
