/** Small HTTP helpers for the emulator's server (no framework: the routes are few and fixed). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';

/** A refusal meant for the caller: `message` is Chinese and is what the caller reads (never internal text). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra response headers, e.g. `connection: close` when the rest of the body was not read. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const MB = 1024 * 1024;
/**
 * A body over its limit is still read to the end (and dropped) before the 413 goes out: a client that sends its
 * whole body before reading the reply would otherwise get a connection reset instead of the answer. Only past
 * this much more is the connection cut.
 */
const DRAIN_MAX_BYTES = 64 * MB;
/** Multipart framing and the small fields beside the one file. */
const MULTIPART_OVERHEAD_BYTES = MB;

function sizeText(bytes: number): string {
  return bytes % MB === 0 ? `${bytes / MB} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function tooLarge(what: string, limitBytes: number, cut: boolean): HttpError {
  return new HttpError(413, `${what}过大，上限为 ${sizeText(limitBytes)}`, cut ? { connection: 'close' } : {});
}

export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
      else if (size > limitBytes + DRAIN_MAX_BYTES) {
        req.pause();
        reject(tooLarge('请求内容', limitBytes, true));
      }
    });
    req.on('end', () => (size > limitBytes ? reject(tooLarge('请求内容', limitBytes, false)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

export async function readJson(req: IncomingMessage, limitBytes = 5 * MB): Promise<unknown> {
  const body = await readBody(req, limitBytes);
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, '请求内容不是有效的 JSON');
  }
}

/** A JSON object body, what every JSON route takes: null, an array, a number or a string is a 400. */
export async function readJsonObject(req: IncomingMessage, limitBytes?: number): Promise<Record<string, unknown>> {
  const body = await readJson(req, limitBytes);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, '请求内容须为 JSON 对象');
  return body as Record<string, unknown>;
}

/**
 * multipart/form-data → fields (text) and files (bytes), as wx.openApi calls and H5 uploads arrive. A file or field
 * over `limitBytes` is a 413 (never silently cut short); a body that is not well-formed multipart is a 400. Either
 * way the body is read to its end first, so the reply reaches the client.
 */
export function readMultipart(req: IncomingMessage, limitBytes = 5 * MB): Promise<Record<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out: Record<string, Buffer> = {};
    let size = 0;
    let problem: HttpError | null = null;
    let bodyRead = false;
    let parsed = false;
    const conclude = () => {
      if (!bodyRead || !parsed) return;
      if (problem) reject(problem);
      else resolve(out);
    };
    const malformed = () => new HttpError(400, '上传内容格式不正确，请重新选择文件上传');
    const overLimit = () => tooLarge('上传的内容', limitBytes, false);

    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes + MULTIPART_OVERHEAD_BYTES) problem ??= overLimit();
      if (size > limitBytes + DRAIN_MAX_BYTES) {
        req.unpipe();
        req.pause();
        reject(tooLarge('上传的内容', limitBytes, true));
      }
    });
    req.on('end', () => {
      bodyRead = true;
      conclude();
    });
    req.on('error', reject);

    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fileSize: limitBytes, fieldSize: limitBytes, files: 4, fields: 16, parts: 20 } });
    } catch {
      // Not multipart at all, or no boundary: read the body to its end and refuse it.
      problem = malformed();
      parsed = true;
      req.resume();
      return;
    }
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated) problem ??= overLimit();
      else out[name] = Buffer.from(value, 'utf8');
    });
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      // busboy stops at fileSize and drops the rest: that is a refusal, not a shorter file.
      stream.on('limit', () => {
        problem ??= overLimit();
      });
      stream.on('data', (c: Buffer) => {
        if (!problem) chunks.push(c);
      });
      // A body that ends inside a file fails the file's stream too; unhandled, that error would end the process.
      stream.on('error', () => {
        problem ??= malformed();
      });
      stream.on('end', () => {
        if (problem) return;
        out[name] = Buffer.concat(chunks);
        // The client's file name travels beside the bytes as `<field>.filename`.
        if (info.filename) out[`${name}.filename`] = Buffer.from(info.filename, 'utf8');
      });
    });
    const tooMany = () => {
      problem ??= new HttpError(400, '上传内容的字段过多');
    };
    bb.on('partsLimit', tooMany);
    bb.on('filesLimit', tooMany);
    bb.on('fieldsLimit', tooMany);
    bb.on('close', () => {
      parsed = true;
      conclude();
    });
    bb.on('error', () => {
      problem ??= malformed();
      parsed = true;
      req.unpipe(bb);
      req.resume();
      conclude();
    });
    req.pipe(bb);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendBytes(res: ServerResponse, status: number, body: Buffer, contentType: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': body.length, ...headers });
  res.end(body);
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};
