/**
 * The one module that loads wx-server-sdk. `cloud.init()` runs at module load, as WeChat's guide asks, with
 * DYNAMIC_CURRENT_ENV so a function always talks to the environment it is deployed in (locally: the emulator
 * named by TCB_ENV / TCB_CONTEXT_CNFG, see docs/CLOUDBASE-PROTOCOL.md).
 */
import cloud from 'wx-server-sdk';

// The typings declare DYNAMIC_CURRENT_ENV as a symbol while `env` is typed as a string; at run time the SDK
// accepts the symbol and resolves it from the function's environment.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export { cloud };

/** The caller as WeChat's gateway vouches for it. Never read identity from the event. */
export interface Caller {
  openid: string;
  appid: string;
  source: string;
}

export function currentCaller(): Caller {
  const ctx = cloud.getWXContext();
  // getWXContext() turns all-digit values into numbers; identities are strings to us.
  const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  return { openid: text(ctx.OPENID), appid: text(ctx.APPID), source: text(ctx.SOURCE) };
}

/** The cloud environment this function runs in ('' when the platform does not say). */
export function currentEnv(): string {
  const env: unknown = cloud.getWXContext().ENV;
  return typeof env === 'string' ? env : '';
}

/** subscribeMessage.send (needs `openapi: ['subscribeMessage.send']` in the function's spec); rejects with errCode. */
export async function sendSubscribeMessage(message: { touser: string; templateId: string; page: string; data: Record<string, { value: string }>; miniprogramState: string }): Promise<void> {
  const api = (cloud as unknown as { openapi: { subscribeMessage: { send(m: typeof message): Promise<unknown> } } }).openapi;
  await api.subscribeMessage.send(message);
}
