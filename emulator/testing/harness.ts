/**
 * Test harness: a real emulator on a free port with a throw-away data folder, and helpers that call it the
 * way the H5 app does (HTTP gateway) — no mocks anywhere between the test and the function code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator';

export interface TestEmulator extends RunningEmulator {
  dataDir: string;
  /** Dev-login as `openid` and return the bearer token. */
  login(openid: string): Promise<string>;
  /** POST /functions/<name> with the event; `token` null = no Authorization header. */
  call(name: string, event: unknown, token?: string | null): Promise<{ status: number; body: unknown }>;
  post(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
  get(path: string): Promise<{ status: number; body: unknown }>;
  dispose(): Promise<void>;
}

/**
 * The whole suite can run as in the cloud: EMULATOR_LATENCY_MS=20 delays every protocol request, and
 * EMULATOR_INSTANCES sets the pool size (e.g. `EMULATOR_LATENCY_MS=20 npm run test:emulator`). A test's own
 * options win.
 */
function cloudLike(): Partial<EmulatorOptions> {
  const latency = process.env.EMULATOR_LATENCY_MS;
  const instances = process.env.EMULATOR_INSTANCES;
  return { ...(latency ? { latencyMs: Number(latency) } : {}), ...(instances ? { maxInstances: Number(instances) } : {}) };
}

export async function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'union-emu-'));
  const emu = await startEmulator({ port: 0, demo: true, ...cloudLike(), ...options, dataDir });
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${emu.url}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  };
  return {
    ...emu,
    dataDir,
    async login(openid) {
      const r = await request('POST', '/auth/dev-login', { openid });
      if (r.status !== 200) throw new Error(`dev-login failed: ${JSON.stringify(r.body)}`);
      return (r.body as { token: string }).token;
    },
    call: (name, event, token = null) => request('POST', `/functions/${name}`, event, token ? { authorization: `Bearer ${token}` } : {}),
    post: (path, body) => request('POST', path, body),
    get: (path) => request('GET', path),
    async dispose() {
      await emu.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const FIXTURE_FUNCTIONS = join(__dirname, 'fixtures');

export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/**
 * One HTTP request with exactly the headers given (a browser's Origin, Sec-Fetch-Site, a foreign Host, any
 * content type) — what `fetch` would not let a test choose. A transport failure (e.g. a reset) rejects.
 */
export function rawRequest(
  baseUrl: string,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawReply> {
  const url = new URL(options.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: options.method, path: `${url.pathname}${url.search}`, headers: options.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The error an SDK call rejects with (`{ errCode, errMsg }`); fails the test if the call succeeds. */
export async function sdkError(p: Promise<unknown>): Promise<{ errCode: number; errMsg: string }> {
  try {
    await p;
  } catch (e) {
    return e as { errCode: number; errMsg: string };
  }
  throw new Error('expected the SDK call to fail');
}
