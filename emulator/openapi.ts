/**
 * `wx.openApi` calls from functions (today: subscribeMessage.send). The SDK sends multipart form data whose
 * `requestData` is a protobuf CommApiData; it expects a raw protobuf CommOpenApiResp back whose respData holds
 * WeChat's JSON reply. Sent messages go to an outbox (kept in memory and appended to a file in the data
 * folder) that tests and the demo console read. An OPENID can be marked "not subscribed" to get WeChat's
 * 43101 reply, which is what a member who declined (or used up) their one-time consent produces.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from './clock';

interface Pair {
  key: string;
  value: Uint8Array;
}
interface ProtoType<T> {
  decode(bytes: Uint8Array): T;
  encode(message: Record<string, unknown>): { finish(): Uint8Array };
}
interface ProtoRoot {
  CommApiData: ProtoType<{ apiType: number; openapiData?: { pairs?: Pair[] } }>;
  CommOpenApiResp: ProtoType<unknown>;
}

let cachedRoot: ProtoRoot | null = null;
/** The schemas ship inside wx-server-sdk; loading it registers them on protobufjs' default root. */
function protoRoot(): ProtoRoot {
  if (!cachedRoot) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded for its side effect, on first use only
    require('wx-server-sdk');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the registry the SDK filled in
    cachedRoot = (require('protobufjs/minimal') as { roots: { default: ProtoRoot } }).roots.default;
  }
  return cachedRoot;
}

export interface OutboxMessage {
  env: string;
  api: string;
  to: string;
  templateId: string;
  page: string | null;
  data: unknown;
  miniprogramState: string | null;
  at: string;
}

export class OpenApi {
  readonly outbox: OutboxMessage[] = [];
  private readonly unsubscribed = new Set<string>();
  private readonly file: string;

  constructor(dataDir: string, private readonly clock: Clock) {
    this.file = join(dataDir, 'outbox.jsonl');
    if (existsSync(this.file)) {
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          this.outbox.push(JSON.parse(line) as OutboxMessage);
        } catch {
          // A torn last line from a crash: the message was never acknowledged.
        }
      }
    }
  }

  setSubscribed(openid: string, subscribed: boolean): void {
    if (subscribed) this.unsubscribed.delete(openid);
    else this.unsubscribed.add(openid);
  }

  /** Handle one call; returns the protobuf reply bytes. */
  call(env: string, apiName: string, requestData: Buffer): Buffer {
    const root = protoRoot();
    const reply = (json: Record<string, unknown>): Buffer =>
      Buffer.from(
        root.CommOpenApiResp.encode({ respData: Buffer.from(JSON.stringify(json)), contentType: 'application/json', errorCode: 0 }).finish(),
      );
    let params: Record<string, unknown>;
    try {
      const decoded = root.CommApiData.decode(requestData);
      params = {};
      for (const pair of decoded.openapiData?.pairs ?? []) params[pair.key] = JSON.parse(Buffer.from(pair.value).toString('utf8')) as unknown;
    } catch {
      return reply({ errcode: 47001, errmsg: 'data format error' });
    }
    if (apiName !== 'subscribeMessage.send') return reply({ errcode: 48001, errmsg: `api unauthorized: ${apiName} is not emulated` });
    const to = typeof params.touser === 'string' ? params.touser : '';
    const templateId = typeof params.template_id === 'string' ? params.template_id : '';
    if (!to) return reply({ errcode: 40003, errmsg: 'invalid openid' });
    if (!templateId) return reply({ errcode: 40037, errmsg: 'invalid template_id' });
    if (typeof params.data !== 'object' || params.data === null) return reply({ errcode: 47003, errmsg: 'argument invalid! data is empty' });
    if (this.unsubscribed.has(to)) return reply({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
    const message: OutboxMessage = {
      env,
      api: apiName,
      to,
      templateId,
      page: typeof params.page === 'string' ? params.page : null,
      data: params.data,
      miniprogramState: typeof params.miniprogram_state === 'string' ? params.miniprogram_state : null,
      at: this.clock.now().toISOString(),
    };
    appendFileSync(this.file, `${JSON.stringify(message)}\n`);
    this.outbox.push(message);
    return reply({ errcode: 0, errmsg: 'ok', msgid: this.outbox.length });
  }
}
