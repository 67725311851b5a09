/**
 * H5 only: HTTP to the emulator gateway (the local stand-in for WeChat's cloud). In the weapp build nothing calls
 * this module, so it is dropped. Network failures come back as a NETWORK error body, never as a rejection.
 */
import { ERROR_MESSAGES, type ErrorBody } from '@/core/errors';

/** '' means the page's own origin, which is how `npm start` serves the H5 app. */
export const GATEWAY_ORIGIN = (process.env.TARO_APP_GATEWAY ?? '').replace(/\/+$/, '');

/** A cold function start on the emulator can take a few seconds; anything past this is treated as a lost link. */
const TIMEOUT_MS = 30_000;

export type GatewayResponse =
  | { reached: true; status: number; body: unknown; json: boolean }
  | { reached: false; error: ErrorBody };

export interface GatewayRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  token?: string;
}

export async function gatewayRequest(req: GatewayRequest): Promise<GatewayResponse> {
  const headers: Record<string, string> = {};
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  if (req.token) headers.authorization = `Bearer ${req.token}`;
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = controller ? setTimeout(() => controller.abort(), TIMEOUT_MS) : null;
  try {
    const res = await fetch(`${GATEWAY_ORIGIN}${req.path}`, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: controller?.signal,
    });
    const text = await res.text();
    try {
      return { reached: true, status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, json: true };
    } catch {
      // Not JSON: something other than the gateway answered (a static server, a proxy's error page).
      return { reached: true, status: res.status, body: text, json: false };
    }
  } catch (error) {
    console.warn('[gateway] request failed', req.method, req.path, error);
    return { reached: false, error: { code: 'NETWORK', message: ERROR_MESSAGES.NETWORK } };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** The gateway's own error replies look like `{ errCode, errMsg }`; errMsg is Chinese where it is meant for people. */
export function gatewayErrMsg(body: unknown): string | null {
  if (typeof body === 'object' && body !== null && 'errMsg' in body) {
    const msg = body.errMsg;
    if (typeof msg === 'string' && /[\u4e00-\u9fa5]/.test(msg)) return msg;
  }
  return null;
}
