/**
 * The local CloudBase: one HTTP server on 127.0.0.1 that is
 *   - the protocol endpoint the unmodified wx-server-sdk talks to (`POST /admin`, storage PUT/GET),
 *   - the gateway the H5 app and the tests call functions through (`POST /functions/<name>`), and
 *   - the emulator's own controls (`/__emulator/*`: health, clock, outbox, triggers, subscriptions).
 * The contract of these routes is documented in the README; other tools depend on it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Clock } from './clock';
import { DbEngine } from './db/engine';
import { FunctionHost } from './functions/host';
import { Storage, storagePathFromUrl } from './storage';
import { OpenApi } from './openapi';
import { CONTENT_TYPES, HttpError, readBody, readJson, readJsonObject, readMultipart, sendBytes, sendJson } from './http';
import { RequestGuard, type RouteKind } from './guard';
import { isEnvName, isFunctionName } from './names';

export interface DemoAccount {
  openid: string;
  label: string;
}

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
  maxInstances?: number;
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

function loadSecret(dataDir: string): Buffer {
  const file = join(dataDir, 'emulator-secret');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  const secret = randomBytes(32);
  writeFileSync(file, secret.toString('hex'), { mode: 0o600 });
  return secret;
}

const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
export const DEV_LOGIN_TTL_MS = 7 * 24 * 3600_000;

/**
 * Dev-login tokens: `<payload>.<mac>`, the payload the base64url of `{"sub": openid, "exp": ms}` and the mac an
 * HMAC of it, so the expiry cannot be changed without the secret. They survive restarts (the secret is in the data
 * folder) until they expire, in real time: moving the emulator's clock does not sign anyone out. Verification is
 * exact: two parts, canonical base64url, nothing before or after.
 */
class Tokens {
  constructor(
    private readonly secret: Buffer,
    private readonly ttlMs: number,
  ) {}
  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(`dev-login:v2:${payload}`).digest('base64url');
  }
  issue(openid: string): { token: string; expiresAt: Date } {
    const exp = Date.now() + this.ttlMs;
    const payload = Buffer.from(JSON.stringify({ sub: openid, exp }), 'utf8').toString('base64url');
    return { token: `${payload}.${this.mac(payload)}`, expiresAt: new Date(exp) };
  }
  verify(token: string): string | null {
    const parts = token.split('.');
    if (parts.length !== 2) return null;
    const [payload, mac] = parts;
    if (!BASE64URL.test(payload) || !BASE64URL.test(mac)) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const bytes = Buffer.from(payload, 'base64url');
    if (bytes.toString('base64url') !== payload) return null;
    let claims: unknown;
    try {
      claims = JSON.parse(bytes.toString('utf8'));
    } catch {
      return null;
    }
    const { sub, exp } = (typeof claims === 'object' && claims !== null ? claims : {}) as { sub?: unknown; exp?: unknown };
    if (typeof sub !== 'string' || !OPENID_PATTERN.test(sub) || typeof exp !== 'number' || !(exp > Date.now())) return null;
    return sub;
  }
}

/** What an H5 user may upload in one file (a roster, a scanned certificate). */
const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const envId = options.envId ?? DEFAULT_ENV_ID;
  if (!isEnvName(envId)) throw new Error(`invalid env id: ${JSON.stringify(envId)}`);
  const dataDir = resolve(options.dataDir);
  if (options.reset) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const clock = new Clock();
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
  const h5Dir = resolve(options.h5Dir ?? join(ROOT, 'dist/h5'));
  const demoAccounts = options.demoAccounts ?? [];
  /** Protocol requests by action since start: the benchmarks' "DB round trips per invocation". */
  const adminCounts: Record<string, number> = {};

  async function admin(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const requestId = randomUUID();
    const contentType = req.headers['content-type'] ?? '';
    if (contentType.startsWith('multipart/form-data')) {
      const fields = await readMultipart(req);
      const action = fields.action?.toString('utf8');
      const env = fields.envName?.toString('utf8') || url.searchParams.get('env') || envId;
      if (!isEnvName(env)) {
        sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: 'invalid envName' });
        return;
      }
      if (action !== 'wx.openApi') {
        sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: `unsupported multipart action ${String(action)}` });
        return;
      }
      options.onAdminRequest?.({ action, apiName: fields.apiName?.toString('utf8'), requestData: fields.requestData, envName: env, __multipart: true });
      const reply = openApi.call(env, fields.apiName?.toString('utf8') ?? '', fields.requestData ?? Buffer.alloc(0));
      // Must not be JSON: the SDK decodes a non-JSON reply as protobuf CommOpenApiResp.
      sendBytes(res, 200, reply, 'application/octet-stream');
      return;
    }
    const body = await readJson(req);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: 'body must be an object' });
      return;
    }
    const b = body as Record<string, unknown>;
    options.onAdminRequest?.(b);
    const action = typeof b.action === 'string' ? b.action : '';
    adminCounts[action] = (adminCounts[action] ?? 0) + 1;
    const env = (typeof b.envName === 'string' && b.envName) || url.searchParams.get('env') || envId;
    let reply: Record<string, unknown>;
    // The env names a folder of the storage root (and a database): a name that could climb out is refused.
    if (!isEnvName(env)) {
      reply = { code: 'INVALID_PARAM', message: 'invalid envName' };
    } else if (action.startsWith('database.')) {
      reply = await db.handle({ ...b, envName: env });
    } else if (action === 'functions.invokeFunction') {
      reply = await invokeFromFunction(b);
    } else if (action === 'storage.getUploadMetadata') {
      reply = storage.getUploadMetadata(env, b.path);
    } else if (action === 'storage.batchGetDownloadUrl') {
      reply = storage.batchGetDownloadUrl(b.file_list);
    } else if (action === 'storage.batchDeleteFile') {
      reply = storage.batchDeleteFile(b.fileid_list);
    } else {
      reply = { code: 'INVALID_PARAM', message: `action ${action || '(none)'} is not emulated` };
    }
    sendJson(res, 200, { requestId, ...reply });
  }

  async function invokeFromFunction(b: Record<string, unknown>): Promise<Record<string, unknown>> {
    let event: unknown;
    try {
      event = typeof b.request_data === 'string' && b.request_data ? JSON.parse(b.request_data) : {};
    } catch {
      return { code: 'INVALID_PARAM', message: 'request_data is not JSON' };
    }
    if (!isFunctionName(b.function_name)) return { code: 'INVALID_PARAM', message: 'invalid function_name' };
    // A function called from another function runs without a user identity (the stricter choice: the
    // cloud's propagation of OPENID across calls is not documented).
    const outcome = await functions.invoke(b.function_name, event, { source: 'wx_function' });
    return outcome.ok
      ? { data: { response_data: JSON.stringify(outcome.result ?? null) } }
      : { code: outcome.errCode === -504003 ? 'FUNCTIONS_TIME_LIMIT_EXCEEDED' : 'FUNCTIONS_EXECUTE_FAIL', message: outcome.errMsg };
  }

  function callerOf(req: IncomingMessage): { openid: string } | 'invalid' {
    const auth = req.headers.authorization;
    if (!auth) return { openid: '' };
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const openid = m ? tokens.verify(m[1]) : null;
    return openid === null ? 'invalid' : { openid };
  }

  async function gatewayCall(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const caller = callerOf(req);
    if (caller === 'invalid') {
      sendJson(res, 401, { errCode: -401, errMsg: '登录已失效，请重新登录' });
      return;
    }
    // wx.cloud.callFunction's `data` is an object; null, arrays and numbers are refused here rather than in the function.
    const event = await readJsonObject(req);
    const outcome = await functions.invoke(name, event, {
      openid: caller.openid,
      clientIp: req.socket.remoteAddress ?? '',
      source: 'wx_client',
    });
    if (outcome.ok) sendJson(res, 200, outcome.result);
    else sendJson(res, outcome.errCode === -501000 ? 404 : 502, { errCode: outcome.errCode, errMsg: outcome.errMsg });
  }

  /**
   * The H5 build's stand-in for `Taro.cloud.uploadFile`: a signed-in user posts one file (multipart field `file`)
   * and gets its fileID. The path is chosen here, under the caller's OPENID, as a function can then check that
   * a fileID it is given was uploaded by the caller.
   */
  async function gatewayUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const caller = callerOf(req);
    if (caller === 'invalid' || !caller.openid) {
      sendJson(res, 401, { errCode: -401, errMsg: '请先登录' });
      return;
    }
    const parts = await readMultipart(req, UPLOAD_LIMIT_BYTES);
    const file = parts.file;
    if (!file || file.length === 0) {
      sendJson(res, 400, { errCode: -400, errMsg: '没有收到文件' });
      return;
    }
    const name = parts['file.filename']?.toString('utf8') ?? '';
    const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0].toLowerCase() ?? '';
    const fileID = storage.put(envId, `uploads/${caller.openid}/${randomUUID()}${ext}`, file);
    sendJson(res, 200, { fileID });
  }

  function serveStatic(res: ServerResponse, pathname: string): void {
    if (!existsSync(join(h5Dir, 'index.html'))) {
      sendBytes(res, 404, Buffer.from('H5 应用尚未构建：请运行 npm run build:h5 或 npm start'), 'text/plain; charset=utf-8');
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      throw new HttpError(400, '地址无效');
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(h5Dir, rel));
    const target = file.startsWith(h5Dir + sep) && existsSync(file) && statSync(file).isFile() ? file : join(h5Dir, 'index.html');
    const cache = target.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable';
    sendBytes(res, 200, readFileSync(target), CONTENT_TYPES[extname(target)] ?? 'application/octet-stream', { 'cache-control': cache });
  }

  function kindOf(method: string, pathname: string): RouteKind {
    if ((method === 'POST' && pathname === '/admin') || (method === 'PUT' && pathname.startsWith('/__storage/upload/'))) return 'protocol';
    if (method === 'POST' && pathname === '/storage/upload') return 'upload';
    if (method === 'POST') return 'json';
    return 'read';
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { pathname } = url;
    const method = req.method ?? 'GET';
    // No CORS headers, ever: the H5 app is same-origin, and nobody else may read or write here (see guard.ts).
    guard.check(req, kindOf(method, pathname));
    if (method === 'POST' && pathname === '/admin') return admin(req, res, url);
    if (method === 'PUT' && pathname.startsWith('/__storage/upload/')) {
      const where = storagePathFromUrl(pathname, '/__storage/upload/');
      const body = await readBody(req, 50 * 1024 * 1024);
      const status = where ? storage.acceptUpload(where.env, where.path, url.searchParams.get('token') ?? '', url.searchParams.get('sign') ?? '', body) : 400;
      // COS answers an upload with an empty body on success and XML on failure; the SDK parses either.
      if (status === 200) sendBytes(res, 200, Buffer.alloc(0), 'text/plain');
      else sendBytes(res, status, Buffer.from(`<?xml version='1.0' encoding='utf-8' ?><Error><Code>AccessDenied</Code><Message>upload refused</Message><RequestId>${randomUUID()}</RequestId><TraceId>emulator</TraceId></Error>`), 'application/xml');
      return;
    }
    if (method === 'GET' && pathname.startsWith('/__storage/files/')) {
      const where = storagePathFromUrl(pathname, '/__storage/files/');
      const bytes = where ? storage.readSigned(where.env, where.path, url.searchParams.get('t') ?? '', url.searchParams.get('sign') ?? '') : null;
      // Served with the type its name says (as COS does), so a cover shows in an <img> and an .xlsx downloads as one.
      if (bytes) sendBytes(res, 200, bytes, CONTENT_TYPES[extname(where?.path ?? '').toLowerCase()] ?? 'application/octet-stream');
      else sendBytes(res, 404, Buffer.from('not found or link expired'), 'text/plain');
      return;
    }
    if (method === 'GET' && pathname === '/__emulator/health') {
      if (!ready) sendJson(res, 503, { ok: false, ready: false });
      else sendJson(res, 200, { ok: true, ready: true, envId, now: clock.now().toISOString(), functions: functions.functionNames() });
      return;
    }
    if (method === 'POST' && pathname === '/auth/dev-login') {
      if (!options.demo) {
        sendJson(res, 404, { errCode: -404, errMsg: '仅演示模式可用' });
        return;
      }
      const body = await readJsonObject(req);
      if (typeof body.openid !== 'string' || !OPENID_PATTERN.test(body.openid)) {
        sendJson(res, 400, { errCode: -400, errMsg: 'openid 须为 1–64 位字母、数字、下划线或连字符' });
        return;
      }
      const { token, expiresAt } = tokens.issue(body.openid);
      sendJson(res, 200, { token, openid: body.openid, expiresAt: expiresAt.toISOString() });
      return;
    }
    if (method === 'GET' && pathname === '/__emulator/demo-accounts') {
      sendJson(res, 200, options.demo ? demoAccounts : []);
      return;
    }
    if (method === 'POST' && pathname === '/storage/upload') return gatewayUpload(req, res);
    const fnMatch = /^\/functions\/([A-Za-z0-9_-]+)$/.exec(pathname);
    if (method === 'POST' && fnMatch) return gatewayCall(req, res, fnMatch[1]);
    if (method === 'GET' && pathname === '/__emulator/outbox') {
      sendJson(res, 200, openApi.outbox);
      return;
    }
    if (method === 'POST' && pathname === '/__emulator/subscriptions') {
      const body = await readJsonObject(req);
      if (typeof body.openid !== 'string' || typeof body.subscribed !== 'boolean') throw new HttpError(400, '请求内容须为 { openid: 字符串, subscribed: true 或 false }');
      openApi.setSubscribed(body.openid, body.subscribed);
      sendJson(res, 200, { ok: true });
      return;
    }
    const trigMatch = /^\/__emulator\/triggers\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)$/.exec(pathname);
    if (method === 'POST' && trigMatch) {
      const run = functions.runTrigger(trigMatch[1], trigMatch[2]);
      if (!run) {
        sendJson(res, 404, { errCode: -404, errMsg: `云函数 ${trigMatch[1]} 没有名为 ${trigMatch[2]} 的定时触发器` });
        return;
      }
      const outcome = await run;
      sendJson(res, outcome.ok ? 200 : 502, outcome.ok ? { ok: true, result: outcome.result } : { ok: false, errCode: outcome.errCode, errMsg: outcome.errMsg });
      return;
    }
    if (pathname === '/__emulator/clock') {
      if (method === 'POST') {
        const body = await readJsonObject(req);
        if (body.now !== null && (typeof body.now !== 'string' || Number.isNaN(Date.parse(body.now)))) {
          throw new HttpError(400, '请求内容须为 { now: ISO 时间字符串或 null }');
        }
        clock.set(body.now);
      }
      sendJson(res, 200, { now: clock.now().toISOString(), offsetMs: clock.offset() });
      return;
    }
    if (method === 'GET' && pathname === '/__emulator/functions') {
      sendJson(res, 200, { functions: functions.functionNames().map((n) => ({ name: n, triggers: functions.triggersOf(n) })), stats: functions.stats() });
      return;
    }
    if (method === 'GET' && pathname === '/__emulator/stats') {
      sendJson(res, 200, { adminRequests: adminCounts, functions: functions.stats() });
      return;
    }
    if (method === 'POST' && pathname === '/__emulator/functions/reset') {
      // Stops every instance so the next call is a cold start (benchmarks, tests).
      await functions.resetInstances();
      sendJson(res, 200, { ok: true });
      return;
    }
    if (method === 'GET' && !pathname.startsWith('/__') && !pathname.startsWith('/functions/') && pathname !== '/admin') {
      serveStatic(res, pathname);
      return;
    }
    throw new HttpError(404, `没有这个接口：${method} ${pathname}`);
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
