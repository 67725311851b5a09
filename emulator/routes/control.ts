/**
 * The emulator's own controls, under `/__emulator/`: what the local system, the tests, the benchmarks and the demo
 * console use to see and steer it (readiness, the clock, sent subscribe messages, timer triggers, function stats).
 * Nothing in the cloud answers these; the README documents them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock';
import type { FunctionHost } from '../functions/host';
import type { OpenApi } from '../openapi';
import { HttpError, readJsonObject, sendJson } from '../http';
import type { Route } from './route';

export interface ControlDeps {
  envId: string;
  clock: Clock;
  functions: FunctionHost;
  openApi: OpenApi;
  /** Protocol requests by action since start, as routes/protocol.ts counts them. */
  adminCounts: Readonly<Record<string, number>>;
  /** Whether the health check answers 200 yet. */
  isReady: () => boolean;
}

export function controlRoutes({ envId, clock, functions, openApi, adminCounts, isReady }: ControlDeps): Route[] {
  function health(_req: IncomingMessage, res: ServerResponse): void {
    if (!isReady()) sendJson(res, 503, { ok: false, ready: false });
    else sendJson(res, 200, { ok: true, ready: true, envId, now: clock.now().toISOString(), functions: functions.functionNames() });
  }

  async function subscriptions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonObject(req);
    if (typeof body.openid !== 'string' || typeof body.subscribed !== 'boolean') throw new HttpError(400, '请求内容须为 { openid: 字符串, subscribed: true 或 false }');
    openApi.setSubscribed(body.openid, body.subscribed);
    sendJson(res, 200, { ok: true });
  }

  async function trigger(_req: IncomingMessage, res: ServerResponse, _url: URL, [fn, name]: string[]): Promise<void> {
    const run = functions.runTrigger(fn, name);
    if (!run) {
      sendJson(res, 404, { errCode: -404, errMsg: `云函数 ${fn} 没有名为 ${name} 的定时触发器` });
      return;
    }
    const outcome = await run;
    sendJson(res, outcome.ok ? 200 : 502, outcome.ok ? { ok: true, result: outcome.result } : { ok: false, errCode: outcome.errCode, errMsg: outcome.errMsg });
  }

  /** Any method reads the clock; a POST sets it first. */
  async function clockRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'POST') {
      const body = await readJsonObject(req);
      if (body.now !== null && (typeof body.now !== 'string' || Number.isNaN(Date.parse(body.now)))) {
        throw new HttpError(400, '请求内容须为 { now: ISO 时间字符串或 null }');
      }
      clock.set(body.now);
    }
    sendJson(res, 200, { now: clock.now().toISOString(), offsetMs: clock.offset() });
  }

  async function resetInstances(_req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Stops every instance so the next call is a cold start (benchmarks, tests).
    await functions.resetInstances();
    sendJson(res, 200, { ok: true });
  }

  return [
    { method: 'GET', path: '/__emulator/health', handle: health },
    { method: 'GET', path: '/__emulator/outbox', handle: (_req, res) => sendJson(res, 200, openApi.outbox) },
    { method: 'POST', path: '/__emulator/subscriptions', handle: subscriptions },
    { method: 'POST', path: /^\/__emulator\/triggers\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)$/, handle: trigger },
    { path: '/__emulator/clock', handle: clockRoute },
    {
      method: 'GET',
      path: '/__emulator/functions',
      handle: (_req, res) => sendJson(res, 200, { functions: functions.functionNames().map((n) => ({ name: n, triggers: functions.triggersOf(n) })), stats: functions.stats() }),
    },
    { method: 'GET', path: '/__emulator/stats', handle: (_req, res) => sendJson(res, 200, { adminRequests: adminCounts, functions: functions.stats() }) },
    { method: 'POST', path: '/__emulator/functions/reset', handle: resetInstances },
  ];
}
