/** What the runtime asks of WeChat through the SDK (loaded and initialised once, in server/db/sdk.ts). */
import { cloud } from '../db/sdk';

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

/** subscribeMessage.send (needs `openapi: ['subscribeMessage.send']` in the function's spec); rejects with errCode. */
export async function sendSubscribeMessage(message: { touser: string; templateId: string; page: string; data: Record<string, { value: string }>; miniprogramState: string }): Promise<void> {
  const api = (cloud as unknown as { openapi: { subscribeMessage: { send(m: typeof message): Promise<unknown> } } }).openapi;
  await api.subscribeMessage.send(message);
}
