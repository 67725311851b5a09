/**
 * The gateway the H5 app and the tests reach functions through, standing in for what wx.cloud does in the mini
 * program: `POST /functions/<name>` calls a function as the signed-in user (a dev-login token, tokens.ts), and
 * `POST /storage/upload` takes the place of `Taro.cloud.uploadFile`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FunctionHost } from '../functions/host';
import type { Storage } from '../storage';
import type { Tokens } from '../tokens';
import { readJsonObject, readMultipart, sendJson } from '../http';
import type { Route } from './route';

/** What an H5 user may upload in one file (a roster, a scanned certificate). */
const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

export interface GatewayDeps {
  /** The env uploads are stored in. */
  envId: string;
  storage: Storage;
  functions: FunctionHost;
  tokens: Tokens;
}

export function gatewayRoutes({ envId, storage, functions, tokens }: GatewayDeps): Route[] {
  function callerOf(req: IncomingMessage): { openid: string } | 'invalid' {
    const auth = req.headers.authorization;
    if (!auth) return { openid: '' };
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const openid = m ? tokens.verify(m[1]) : null;
    return openid === null ? 'invalid' : { openid };
  }

  async function call(req: IncomingMessage, res: ServerResponse, _url: URL, [name]: string[]): Promise<void> {
    const caller = callerOf(req);
    if (caller === 'invalid') {
      sendJson(res, 401, { errCode: -401, errMsg: '登录已失效，请重新登录' });
      return;
    }
    // wx.cloud.callFunction's `data` is an object; null, arrays and numbers are refused here rather than in the function.
    const event = await readJsonObject(req);
    const outcome = await functions.invoke(name, event, {
      openid: caller.openid,
      clientIp: req.socket.remoteAddress ?? '',
      source: 'wx_client',
    });
    if (outcome.ok) sendJson(res, 200, outcome.result);
    else sendJson(res, outcome.errCode === -501000 ? 404 : 502, { errCode: outcome.errCode, errMsg: outcome.errMsg });
  }

  /**
   * A signed-in user posts one file (multipart field `file`) and gets its fileID. The path is chosen here, under
   * the caller's OPENID, as a function can then check that a fileID it is given was uploaded by the caller.
   */
  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const caller = callerOf(req);
    if (caller === 'invalid' || !caller.openid) {
      sendJson(res, 401, { errCode: -401, errMsg: '请先登录' });
      return;
    }
    const parts = await readMultipart(req, UPLOAD_LIMIT_BYTES);
    const file = parts.file;
    if (!file || file.length === 0) {
      sendJson(res, 400, { errCode: -400, errMsg: '没有收到文件' });
      return;
    }
    const name = parts['file.filename']?.toString('utf8') ?? '';
    const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0].toLowerCase() ?? '';
    const fileID = storage.put(envId, `uploads/${caller.openid}/${randomUUID()}${ext}`, file);
    sendJson(res, 200, { fileID });
  }

  return [
    // Multipart, not JSON: the guard's upload checks.
    { method: 'POST', path: '/storage/upload', kind: 'upload', handle: upload },
    { method: 'POST', path: /^\/functions\/([A-Za-z0-9_-]+)$/, handle: call },
  ];
}
