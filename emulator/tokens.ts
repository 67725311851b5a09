/**
 * Dev-login tokens: `<payload>.<mac>`, the payload the base64url of `{"sub": openid, "exp": ms}` and the mac an
 * HMAC of it, so the expiry cannot be changed without the secret. They survive restarts (the secret is in the data
 * folder) until they expire, in real time: moving the emulator's clock does not sign anyone out. Verification is
 * exact: two parts, canonical base64url, nothing before or after. `POST /auth/dev-login` issues them
 * (routes/dev-login.ts); the gateway verifies them (routes/gateway.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an OPENID may be: dev-login refuses anything else, and a token naming anything else is not valid. */
export const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export class Tokens {
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
