/**
 * Cloud storage, as the SDK's upload flow expects it: `storage.getUploadMetadata` hands out a URL that the
 * SDK then PUTs the bytes to (in the cloud a COS URL; here our own), `batchGetDownloadUrl` gives temporary
 * signed URLs that serve the bytes, `batchDeleteFile` removes files. Files live in the data folder, written
 * to a temporary name, fsynced and renamed, so an acknowledged upload survives a crash whole or not at all.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { Clock } from './clock';
import { isEnvName } from './names';

/** Temporary download URLs live this long (seconds); the cloud's default is a day. */
const DOWNLOAD_MAX_AGE_S = 86_400;
/** getTempFileURL and deleteFile take at most 50 files per call; the cloud answers more with this reply. */
const MAX_FILES_PER_CALL = 50;
const TOO_MANY_FILES = { code: 'INVALID_PARAM', message: 'Invalid request param' };

/**
 * A temporary URL's path, as the cloud gives it: the file's path as it is (spaces, `|`, Chinese characters
 * unencoded), because @cloudbase/node-sdk passes the URL through `encodeURI` before downloading it (downloadFile,
 * getFileInfo). Only `%`, `?` and `#`, which would change how the URL reads, are escaped; `encodeURI` escapes
 * those escapes once more, which `readSigned` undoes.
 */
function rawUrlPath(path: string): string {
  return path.replace(/[%?#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
const UPLOAD_TOKEN_TTL_MS = 10 * 60_000;

export interface StorageOptions {
  dataDir: string;
  /** The externally reachable origin, e.g. http://127.0.0.1:8787. */
  baseUrl: () => string;
  clock: Clock;
  secret: Buffer;
}

function safePath(cloudPath: string): string | null {
  const normalized = cloudPath.replace(/^\/+/, '');
  if (normalized === '' || normalized.length > 1024) return null;
  if (normalized.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) return null;
  if (/[\0\\]/.test(normalized)) return null;
  return normalized;
}

export class Storage {
  private readonly root: string;

  constructor(private readonly options: StorageOptions) {
    this.root = resolve(options.dataDir, 'storage');
    mkdirSync(this.root, { recursive: true });
  }

  bucketOf(env: string): string {
    return `${env}-emulator`;
  }

  fileIdOf(env: string, path: string): string {
    return `cloud://${env}.${this.bucketOf(env)}/${path}`;
  }

  /** `cloud://env.bucket/a/b.txt` → { env, path } */
  parseFileId(fileId: string): { env: string; path: string } | null {
    const m = /^cloud:\/\/([^./]+)\.([^/]+)\/(.+)$/.exec(fileId);
    if (!m || !isEnvName(m[1])) return null;
    const path = safePath(m[3]);
    return path ? { env: m[1], path } : null;
  }

  /** Every file lives in `<data>/storage/<env>/`: the env is a plain name and the path stays below it. */
  private fileOnDisk(env: string, path: string): string {
    if (!isEnvName(env)) throw new Error('invalid env name');
    const envRoot = resolve(this.root, env);
    const p = resolve(envRoot, path);
    if (!envRoot.startsWith(this.root + sep) || !p.startsWith(envRoot + sep)) throw new Error('path escapes storage root');
    return p;
  }

  private sign(text: string): string {
    return createHmac('sha256', this.options.secret).update(text).digest('hex');
  }

  private verify(text: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(text));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  getUploadMetadata(env: string, cloudPath: unknown): Record<string, unknown> {
    if (!isEnvName(env)) return { code: 'INVALID_PARAM', message: 'invalid envName' };
    const path = typeof cloudPath === 'string' ? safePath(cloudPath) : null;
    if (!path) return { code: 'STORAGE_REQUEST_FAIL', message: 'invalid cloudPath' };
    const expires = Date.now() + UPLOAD_TOKEN_TTL_MS;
    const token = `${expires}.${randomBytes(8).toString('hex')}`;
    const signature = this.sign(`put:${env}:${path}:${token}`);
    const url = `${this.options.baseUrl()}/__storage/upload/${encodeURIComponent(env)}/${path.split('/').map(encodeURIComponent).join('/')}?token=${encodeURIComponent(token)}&sign=${signature}`;
    const fileId = this.fileIdOf(env, path);
    return { data: { url, token, authorization: signature, fileId, cosFileId: `emulator-${randomBytes(6).toString('hex')}` } };
  }

  /** The PUT that follows getUploadMetadata. Returns an HTTP status. */
  acceptUpload(env: string, path: string, token: string, signature: string, body: Buffer): number {
    const clean = safePath(path);
    if (!clean || !isEnvName(env) || !this.verify(`put:${env}:${clean}:${token}`, signature)) return 403;
    const expires = Number(token.split('.')[0]);
    if (!Number.isFinite(expires) || expires < Date.now()) return 403;
    this.put(env, clean, body);
    return 200;
  }

  /** Write a file durably (fsync, then rename into place) and return its fileID. */
  put(env: string, path: string, body: Buffer): string {
    const clean = safePath(path);
    if (!clean) throw new Error(`invalid storage path: ${path}`);
    const target = this.fileOnDisk(env, clean);
    mkdirSync(dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, body);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    return this.fileIdOf(env, clean);
  }

  batchGetDownloadUrl(fileList: unknown): Record<string, unknown> {
    if (!Array.isArray(fileList)) return { code: 'STORAGE_REQUEST_FAIL', message: 'file_list must be an array' };
    if (fileList.length > MAX_FILES_PER_CALL) return { ...TOO_MANY_FILES };
    const expires = Math.floor(this.options.clock.now().getTime() / 1000) + DOWNLOAD_MAX_AGE_S;
    const download_list = fileList.map((item: unknown) => {
      const raw = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).fileid : undefined;
      const fileID = typeof raw === 'string' ? raw : '';
      const parsed = this.parseFileId(fileID);
      if (!parsed || !existsSync(this.fileOnDisk(parsed.env, parsed.path))) {
        return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', maxAge: 0 };
      }
      const sign = this.sign(`get:${parsed.env}:${parsed.path}:${expires}`);
      const tempFileURL = `${this.options.baseUrl()}/__storage/files/${encodeURIComponent(parsed.env)}/${rawUrlPath(parsed.path)}?t=${expires}&sign=${sign}`;
      return { fileID, tempFileURL, code: 'SUCCESS', maxAge: DOWNLOAD_MAX_AGE_S };
    });
    return { data: { download_list } };
  }

  /**
   * Serve a temporary URL. Returns null when the signature is wrong, expired, or the file is gone. `path` is the
   * URL's path decoded once; a path with `%`, `?` or `#` that went through the SDK's `encodeURI` needs a second
   * decoding (see rawUrlPath). Only a path the signature covers is ever served.
   */
  readSigned(env: string, decodedPath: string, t: string, signature: string): Buffer | null {
    const clean = [decodedPath, decodeOnce(decodedPath)]
      .map((p) => (p === null ? null : safePath(p)))
      .find((p) => p !== null && this.verify(`get:${env}:${p}:${t}`, signature));
    if (!clean || !isEnvName(env)) return null;
    if (Number(t) < Math.floor(this.options.clock.now().getTime() / 1000)) return null;
    const file = this.fileOnDisk(env, clean);
    return existsSync(file) ? readFileSync(file) : null;
  }

  batchDeleteFile(fileIdList: unknown): Record<string, unknown> {
    if (!Array.isArray(fileIdList)) return { code: 'STORAGE_REQUEST_FAIL', message: 'fileid_list must be an array' };
    if (fileIdList.length > MAX_FILES_PER_CALL) return { ...TOO_MANY_FILES };
    const delete_list = fileIdList.map((fileID: unknown) => {
      const parsed = typeof fileID === 'string' ? this.parseFileId(fileID) : null;
      if (!parsed) return { fileID, code: 'STORAGE_FILE_NONEXIST' };
      const file = this.fileOnDisk(parsed.env, parsed.path);
      if (!existsSync(file)) return { fileID, code: 'STORAGE_FILE_NONEXIST' };
      rmSync(file);
      return { fileID, code: 'SUCCESS' };
    });
    return { data: { delete_list } };
  }
}

function decodeOnce(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export function storagePathFromUrl(pathname: string, prefix: string): { env: string; path: string } | null {
  const rest = pathname.slice(prefix.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  try {
    const env = decodeURIComponent(rest.slice(0, slash));
    const path = rest.slice(slash + 1).split('/').map(decodeURIComponent).join('/');
    return { env, path };
  } catch {
    return null;
  }
}

