/**
 * The URLs cloud storage hands out, served where the cloud has COS serve them: the upload URL from
 * `storage.getUploadMetadata` that the SDK then PUTs the bytes to, and the signed temporary links from
 * `storage.batchGetDownloadUrl` that functions download from and the H5 app shows in an <img>.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { type Storage, storagePathFromUrl } from '../storage';
import { CONTENT_TYPES, readBody, sendBytes } from '../http';
import type { Route } from './route';

export function storageUrlRoutes(storage: Storage): Route[] {
  async function upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const where = storagePathFromUrl(url.pathname, '/__storage/upload/');
    const body = await readBody(req, 50 * 1024 * 1024);
    const status = where ? storage.acceptUpload(where.env, where.path, url.searchParams.get('token') ?? '', url.searchParams.get('sign') ?? '', body) : 400;
    // COS answers an upload with an empty body on success and XML on failure; the SDK parses either.
    if (status === 200) sendBytes(res, 200, Buffer.alloc(0), 'text/plain');
    else sendBytes(res, status, Buffer.from(`<?xml version='1.0' encoding='utf-8' ?><Error><Code>AccessDenied</Code><Message>upload refused</Message><RequestId>${randomUUID()}</RequestId><TraceId>emulator</TraceId></Error>`), 'application/xml');
  }

  function download(_req: IncomingMessage, res: ServerResponse, url: URL): void {
    const where = storagePathFromUrl(url.pathname, '/__storage/files/');
    const bytes = where ? storage.readSigned(where.env, where.path, url.searchParams.get('t') ?? '', url.searchParams.get('sign') ?? '') : null;
    // Served with the type its name says (as COS does), so a cover shows in an <img> and an .xlsx downloads as one.
    if (bytes) sendBytes(res, 200, bytes, CONTENT_TYPES[extname(where?.path ?? '').toLowerCase()] ?? 'application/octet-stream');
    else sendBytes(res, 404, Buffer.from('not found or link expired'), 'text/plain');
  }

  return [
    // The SDK's PUT, like its POST /admin, is protocol: no browser may send it.
    { method: 'PUT', path: /^\/__storage\/upload\//, kind: 'protocol', handle: upload },
    { method: 'GET', path: /^\/__storage\/files\//, handle: download },
  ];
}
