/**
 * Who may talk to the emulator. It runs on a developer's laptop beside their browser, so any page the developer
 * visits can send it requests, and a DNS-rebinding host name can make such a page look same-origin. Hence:
 * - the Host header must be one of its own names with its port (127.0.0.1, localhost, [::1]);
 * - a browser's `Origin`, when sent, must be one of those same origins (the H5 app is served by the emulator
 *   itself, so it is same-origin), and a write whose `Sec-Fetch-Site` says another site made it is refused —
 *   browsers send these on every cross-site POST, node scripts and the SDK send neither;
 * - no CORS headers are ever sent: another origin's script can read nothing, and any request that needs a
 *   preflight (PUT, JSON, an Authorization header) never gets past the browser;
 * - JSON routes take only `application/json` bodies, so a cross-site "simple" request (text/plain, form-encoded,
 *   multipart) cannot reach them; the protocol routes (`POST /admin`, the storage PUT) take no browser request at
 *   all, and `/admin` only JSON or the multipart the SDK sends for wx.openApi.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http';

/** What a route takes, which decides the checks beyond the Host header. */
export type RouteKind = 'read' | 'json' | 'upload' | 'protocol';

export class RequestGuard {
  private readonly hosts: ReadonlySet<string>;
  private readonly origins: ReadonlySet<string>;

  /** `bindHost` is the address the server listens on; it is served under its own name too unless a wildcard. */
  constructor(port: number, bindHost = '127.0.0.1') {
    const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
    if (bindHost && bindHost !== '0.0.0.0' && bindHost !== '::') names.add(bindHost.includes(':') ? `[${bindHost}]` : bindHost.toLowerCase());
    const hosts = new Set<string>();
    for (const name of names) {
      hosts.add(`${name}:${port}`);
      if (port === 80) hosts.add(name);
    }
    this.hosts = hosts;
    this.origins = new Set([...hosts].map((h) => `http://${h}`));
  }

  /** Throws an HttpError (403, 415) for a request that must not be served. */
  check(req: IncomingMessage, kind: RouteKind): void {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!this.hosts.has(host)) throw new HttpError(403, '拒绝访问：只接受发往 127.0.0.1 或 localhost（含端口）的请求');
    const origin = req.headers.origin;
    const site = header(req, 'sec-fetch-site');
    if (kind === 'protocol') {
      // wx-server-sdk and the function host never send these; a browser always sends at least one of them.
      if (origin !== undefined || site !== undefined) throw new HttpError(403, '拒绝访问：协议接口只供云函数 SDK 调用');
      const type = contentType(req);
      if (req.method === 'POST' && type !== 'application/json' && type !== 'multipart/form-data') {
        throw new HttpError(415, '协议请求须为 application/json 或 multipart/form-data');
      }
      return;
    }
    if (origin !== undefined && !this.origins.has(origin.toLowerCase())) throw new HttpError(403, '拒绝访问：不接受其他网站发起的请求');
    if (kind === 'read') return;
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new HttpError(403, '拒绝访问：不接受其他网站发起的请求');
    if (kind === 'json') {
      const type = contentType(req);
      if (type === 'application/json') return;
      if (type === '' && !hasBody(req)) return;
      throw new HttpError(415, '请求内容须为 JSON（content-type: application/json）');
    }
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** The media type alone, lower-cased: `Application/JSON; charset=utf-8` → `application/json`. */
function contentType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? '0') > 0;
}
