/**
 * The protocol endpoint the unmodified wx-server-sdk talks to: `POST /admin`, one request per SDK call made inside
 * a function. JSON bodies carry the `database.*`, `storage.*` and `functions.invokeFunction` actions; wx.openApi
 * arrives as multipart and answers in protobuf (openapi.ts).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DbEngine } from '../db/engine';
import type { FunctionHost } from '../functions/host';
import type { OpenApi } from '../openapi';
import type { Storage } from '../storage';
import { readJson, readMultipart, sendBytes, sendJson } from '../http';
import { isEnvName, isFunctionName } from '../names';
import type { Route } from './route';

export interface ProtocolDeps {
  /** The env a request that names none is for. */
  envId: string;
  db: DbEngine;
  storage: Storage;
  openApi: OpenApi;
  functions: FunctionHost;
  /** Protocol requests by action since start, counted here; `GET /__emulator/stats` reports them. */
  adminCounts: Record<string, number>;
  onAdminRequest?: (body: Record<string, unknown>) => void;
}

export function protocolRoutes({ envId, db, storage, openApi, functions, adminCounts, onAdminRequest }: ProtocolDeps): Route[] {
  async function admin(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const requestId = randomUUID();
    const contentType = req.headers['content-type'] ?? '';
    if (contentType.startsWith('multipart/form-data')) {
      const fields = await readMultipart(req);
      const action = fields.action?.toString('utf8');
      const env = fields.envName?.toString('utf8') || url.searchParams.get('env') || envId;
      if (!isEnvName(env)) {
        sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: 'invalid envName' });
        return;
      }
      if (action !== 'wx.openApi') {
        sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: `unsupported multipart action ${String(action)}` });
        return;
      }
      onAdminRequest?.({ action, apiName: fields.apiName?.toString('utf8'), requestData: fields.requestData, envName: env, __multipart: true });
      // Counted with the others: a subscribe message is a round trip like a database request.
      adminCounts[action] = (adminCounts[action] ?? 0) + 1;
      const reply = openApi.call(env, fields.apiName?.toString('utf8') ?? '', fields.requestData ?? Buffer.alloc(0));
      // Must not be JSON: the SDK decodes a non-JSON reply as protobuf CommOpenApiResp.
      sendBytes(res, 200, reply, 'application/octet-stream');
      return;
    }
    const body = await readJson(req);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: 'body must be an object' });
      return;
    }
    const b = body as Record<string, unknown>;
    onAdminRequest?.(b);
    const action = typeof b.action === 'string' ? b.action : '';
    adminCounts[action] = (adminCounts[action] ?? 0) + 1;
    const env = (typeof b.envName === 'string' && b.envName) || url.searchParams.get('env') || envId;
    let reply: Record<string, unknown>;
    // The env names a folder of the storage root (and a database): a name that could climb out is refused.
    if (!isEnvName(env)) {
      reply = { code: 'INVALID_PARAM', message: 'invalid envName' };
    } else if (action.startsWith('database.')) {
      reply = await db.handle({ ...b, envName: env });
    } else if (action === 'functions.invokeFunction') {
      reply = await invokeFromFunction(b);
    } else if (action === 'storage.getUploadMetadata') {
      reply = storage.getUploadMetadata(env, b.path);
    } else if (action === 'storage.batchGetDownloadUrl') {
      reply = storage.batchGetDownloadUrl(b.file_list);
    } else if (action === 'storage.batchDeleteFile') {
      reply = storage.batchDeleteFile(b.fileid_list);
    } else {
      reply = { code: 'INVALID_PARAM', message: `action ${action || '(none)'} is not emulated` };
    }
    sendJson(res, 200, { requestId, ...reply });
  }

  async function invokeFromFunction(b: Record<string, unknown>): Promise<Record<string, unknown>> {
    let event: unknown;
    try {
      event = typeof b.request_data === 'string' && b.request_data ? JSON.parse(b.request_data) : {};
    } catch {
      return { code: 'INVALID_PARAM', message: 'request_data is not JSON' };
    }
    if (!isFunctionName(b.function_name)) return { code: 'INVALID_PARAM', message: 'invalid function_name' };
    // A function called from another function runs without a user identity (the stricter choice: the
    // cloud's propagation of OPENID across calls is not documented).
    const outcome = await functions.invoke(b.function_name, event, { source: 'wx_function' });
    return outcome.ok
      ? { data: { response_data: JSON.stringify(outcome.result ?? null) } }
      : { code: outcome.errCode === -504003 ? 'FUNCTIONS_TIME_LIMIT_EXCEEDED' : 'FUNCTIONS_EXECUTE_FAIL', message: outcome.errMsg };
  }

  return [{ method: 'POST', path: '/admin', kind: 'protocol', handle: admin }];
}
