/**
 * The ONLY caller of cloud functions. Typed from the contract registry: `callFunction('members', 'whoami')`
 * takes that action's input and resolves to a reply envelope carrying that action's output.
 *
 * - The payload is validated with the contract's zod schema first; a bad payload never leaves the phone and comes
 *   back as VALIDATION_FAILED with field issues (the function validates again and stays the authority).
 * - Transport by platform, chosen at build time so the other one is tree-shaken out:
 *     weapp → Taro.cloud.callFunction (WeChat attaches the caller's identity);
 *     h5    → POST <gateway>/functions/<fn> with the dev-login token.
 * - It never rejects: a lost connection is a NETWORK reply, anything unexpected an INTERNAL reply, both with the
 *   Chinese sentence from core/errors.
 */
import Taro from '@tarojs/taro';
import type { ActionOf, CallInput, CallOutput, FunctionName, PayloadArgs, Reply } from '@/core/contracts';
import { ERROR_MESSAGES, isErrorCode, type ErrorCode, type ErrorIssue } from '@/core/errors';
import { checkPayload, fail } from './check';
import { gatewayRequest } from './gateway';
import { expireSession, getSession } from './session';

export type { ActionOf, CallInput, CallOutput, PayloadArgs };
export { checkPayload };

type Transport = (fn: string, action: string, payload: unknown) => Promise<Reply<unknown>>;
// Chosen once at module level, where webpack folds the constant: the unused transport (and, in the weapp build, the
// whole HTTP gateway client) is dropped from the bundle. Both are hoisted function declarations below.
const transport: Transport = process.env.TARO_ENV === 'weapp' ? viaWeapp : viaGateway;

/** Weapp: call `Taro.cloud.init` once at launch. No env id set at build time = the env chosen in DevTools. */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const env = process.env.TARO_APP_CLOUD_ENV;
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
}

export async function callFunction<F extends FunctionName, A extends ActionOf<F>>(
  fn: F,
  action: A,
  ...args: PayloadArgs<F, A>
): Promise<Reply<CallOutput<F, A>>> {
  const [payload] = args;
  try {
    const checked = checkPayload(fn, action, payload);
    if (!checked.ok) return checked;
    // The raw payload is sent, not the parsed one: the function applies defaults itself, and transforms might not
    // survive JSON.
    const reply = await transport(fn, action, payload);
    // The function applied the same contract's output schema on its way out; the client trusts that shape.
    return reply as Reply<CallOutput<F, A>>;
  } catch (error) {
    console.error('[cloud] unexpected failure', fn, action, error);
    return fail('INTERNAL');
  }
}

/** Accept only a well-formed envelope; anything else is INTERNAL (a function returning garbage is our bug). */
function toReply(value: unknown): Reply<unknown> {
  if (typeof value !== 'object' || value === null) return fail('INTERNAL');
  const v = value as { ok?: unknown; data?: unknown; error?: unknown };
  if (v.ok === true) return { ok: true, data: v.data };
  if (v.ok === false && typeof v.error === 'object' && v.error !== null) {
    const e = v.error as { code?: unknown; message?: unknown; issues?: unknown };
    const message = typeof e.message === 'string' && e.message ? e.message : undefined;
    // A code this client does not know yet (newer function) still shows the function's sentence.
    const code: ErrorCode = isErrorCode(e.code) ? e.code : 'INTERNAL';
    const issues = Array.isArray(e.issues) ? e.issues.filter(isIssue) : undefined;
    return fail(code, message ?? ERROR_MESSAGES[code], issues);
  }
  return fail('INTERNAL');
}

function isIssue(value: unknown): value is ErrorIssue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { path?: unknown; message?: unknown };
  return Array.isArray(v.path) && v.path.every((p) => typeof p === 'string' || typeof p === 'number') && typeof v.message === 'string';
}

async function viaWeapp(fn: string, action: string, payload: unknown): Promise<Reply<unknown>> {
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: { action, payload } });
    return toReply(res.result);
  } catch (error) {
    // Cloud-side failures carry errCode ≤ -500000 (-504002 execution failed, -504003 timed out, -501000 no such
    // function); anything else (request:fail, no connection) is the network.
    const errCode = typeof error === 'object' && error !== null ? (error as { errCode?: unknown }).errCode : undefined;
    console.warn('[cloud] callFunction failed', fn, action, error);
    return typeof errCode === 'number' && errCode <= -500000 ? fail('INTERNAL') : fail('NETWORK');
  }
}

async function viaGateway(fn: string, action: string, payload: unknown): Promise<Reply<unknown>> {
  const token = getSession()?.token;
  const res = await gatewayRequest({ method: 'POST', path: `/functions/${fn}`, body: { action, payload }, token });
  if (!res.reached) return { ok: false, error: res.error };
  if (res.status === 401) {
    // The token is no longer valid (the emulator restarted with new keys): back to the sign-in card.
    expireSession();
    return fail('UNAUTHENTICATED', '登录已失效，请重新选择账号登录');
  }
  if (!res.json) return fail('NETWORK');
  if (res.status !== 200) return fail('INTERNAL');
  return toReply(res.body);
}
