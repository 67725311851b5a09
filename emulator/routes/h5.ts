/**
 * The built H5 app, served at `/` so that it is same-origin with the gateway (the emulator sends no CORS headers,
 * see guard.ts). Every GET outside the API paths lands here; a path that is not a file gets index.html, where the
 * app's router takes over.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_TYPES, HttpError, sendBytes } from '../http';
import type { Route } from './route';

export function h5Routes(h5Dir: string): Route[] {
  function serveStatic(_req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (!existsSync(join(h5Dir, 'index.html'))) {
      sendBytes(res, 404, Buffer.from('H5 应用尚未构建：请运行 npm run build:h5 或 npm start'), 'text/plain; charset=utf-8');
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      throw new HttpError(400, '地址无效');
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(h5Dir, rel));
    const target = file.startsWith(h5Dir + sep) && existsSync(file) && statSync(file).isFile() ? file : join(h5Dir, 'index.html');
    const cache = target.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable';
    sendBytes(res, 200, readFileSync(target), CONTENT_TYPES[extname(target)] ?? 'application/octet-stream', { 'cache-control': cache });
  }

  // The API paths (`/__…`, `/functions/…`, `/admin`) are never the app: a GET there that no route serves is a 404.
  return [{ method: 'GET', path: /^(?!\/__|\/functions\/|\/admin$)/, handle: serveStatic }];
}
