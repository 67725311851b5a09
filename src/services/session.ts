/**
 * Who the H5 app calls functions as. In WeChat the identity is the WeChat user (the cloud reads OPENID from the
 * call itself), so the weapp build has no session at all: `SIGN_IN_REQUIRED` is a build-time constant and every
 * sign-in path below is dead code there. In the H5 build (local demo only) the emulator gateway issues a token for
 * an OPENID via `POST /auth/dev-login`; the token is kept in storage so a reload stays signed in.
 */
import Taro from '@tarojs/taro';
import { ERROR_MESSAGES, type ErrorBody } from '@/core/errors';
import type { Reply } from '@/core/contracts';
import { gatewayErrMsg, gatewayRequest } from './gateway';

export const SIGN_IN_REQUIRED = process.env.TARO_ENV === 'h5';

export interface Session {
  token: string;
  openid: string;
  /** The demo account's name when signed in through one, e.g. "演示会员 张三". */
  label?: string;
}

/**
 * Whom the H5 demo is signed in as, in words. The demo list's label was written for the login page (e.g. "王芳
 * （未认证：工号 A0005…）") and goes stale once the account binds: a bound account is named by its own name; an
 * unbound one by its label, or plainly as not yet bound (never by its OPENID, a code).
 */
export function signedInAs(session: Session | null, account: { name: string } | null): string | null {
  if (!session) return null;
  if (account) return account.name;
  return session.label ?? '尚未实名认证的微信';
}

export interface DemoAccount {
  openid: string;
  label: string;
}

const STORAGE_KEY = 'union.devSession.v1';
/** The gateway's own rule for a dev-login OPENID; checked here too so a typo gets an answer without a round trip. */
export const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

type Listener = () => void;
const listeners = new Set<Listener>();
// undefined = not read from storage yet. A stable object reference matters: useSyncExternalStore compares by identity.
let current: Session | null | undefined;

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.token === 'string' && v.token.length > 0 && typeof v.openid === 'string' && (v.label === undefined || typeof v.label === 'string');
}

export function getSession(): Session | null {
  if (!SIGN_IN_REQUIRED) return null;
  if (current === undefined) {
    let stored: unknown = null;
    try {
      stored = Taro.getStorageSync(STORAGE_KEY);
    } catch {
      stored = null;
    }
    current = isSession(stored) ? stored : null;
  }
  return current;
}

/** True when calls can be made: always in WeChat; in H5 once a demo account is chosen. */
export function isSignedIn(): boolean {
  return !SIGN_IN_REQUIRED || getSession() !== null;
}

function setSession(next: Session | null): void {
  current = next;
  try {
    if (next) Taro.setStorageSync(STORAGE_KEY, next);
    else Taro.removeStorageSync(STORAGE_KEY);
  } catch (error) {
    // Private browsing can refuse storage; the session still lives for this page load.
    console.warn('[session] storage unavailable', error);
  }
  listeners.forEach((listener) => listener());
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** "切换账号": forget the token; pages fall back to the sign-in card. */
export function signOut(): void {
  setSession(null);
}

/** The gateway refused the token (401: e.g. the emulator was reset); the member has to choose an account again. */
export function expireSession(): void {
  if (getSession() !== null) setSession(null);
}

function failure(code: ErrorBody['code'], message?: string): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message: message ?? ERROR_MESSAGES[code] } };
}

export async function fetchDemoAccounts(): Promise<Reply<DemoAccount[]>> {
  const res = await gatewayRequest({ method: 'GET', path: '/__emulator/demo-accounts' });
  if (!res.reached) return { ok: false, error: res.error };
  if (res.status !== 200 || !Array.isArray(res.body)) return failure('NETWORK', '暂时无法获取演示账号，请确认本地服务已启动');
  const accounts = res.body.filter(
    (a): a is DemoAccount =>
      typeof a === 'object' && a !== null && typeof (a as DemoAccount).openid === 'string' && typeof (a as DemoAccount).label === 'string',
  );
  return { ok: true, data: accounts };
}

export async function devLogin(openid: string, label?: string): Promise<Reply<Session>> {
  const trimmed = openid.trim();
  if (!OPENID_PATTERN.test(trimmed)) {
    return failure('VALIDATION_FAILED', 'OPENID 须为 1 到 64 位的英文字母、数字、下划线或连字符');
  }
  const res = await gatewayRequest({ method: 'POST', path: '/auth/dev-login', body: { openid: trimmed } });
  if (!res.reached) return { ok: false, error: res.error };
  if (res.status === 200 && typeof res.body === 'object' && res.body !== null && typeof (res.body as { token?: unknown }).token === 'string') {
    const session: Session = { token: (res.body as { token: string }).token, openid: trimmed, ...(label ? { label } : {}) };
    setSession(session);
    return { ok: true, data: session };
  }
  if (!res.json) return failure('NETWORK', '登录服务暂时无法访问，请确认本地服务已启动');
  return failure('BAD_REQUEST', gatewayErrMsg(res.body) ?? '登录失败，请稍后再试');
}
