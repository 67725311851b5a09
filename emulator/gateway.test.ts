/**
 * The gateway's answers to bodies and tokens it should not take: too large (413, delivered before the socket
 * closes), not a JSON object or a broken multipart (400), never internal error text; dev-login tokens that expire
 * and are verified exactly; and a health check that says 200 only when the system is ready to use.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_FUNCTIONS, rawRequest, startTestEmulator, type RawReply, type TestEmulator } from './testing/harness';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS });
});
afterAll(async () => {
  await emu.dispose();
});

const JSON_TYPE = { 'content-type': 'application/json' };
const CHINESE = /[\u4e00-\u9fa5]/;

/** A gateway error reply: JSON `{ errCode, errMsg }`, errMsg in Chinese and free of internal text. */
function expectGatewayError(r: RawReply, status: number): void {
  expect(r.status).toBe(status);
  const body = r.json as { errCode?: unknown; errMsg?: unknown };
  expect(typeof body.errCode).toBe('number');
  expect(body.errMsg).toMatch(CHINESE);
  expect(r.text).not.toMatch(/TypeError|SyntaxError|Unexpected|Cannot read|busboy|boundary|Malformed|at \w+ \(/i);
}

async function multipart(form: FormData): Promise<{ type: string; body: Buffer }> {
  const encoded = new Response(form);
  return { type: encoded.headers.get('content-type') ?? '', body: Buffer.from(await encoded.arrayBuffer()) };
}

function uploadedFiles(openid: string): string[] {
  const dir = join(emu.dataDir, 'storage', emu.envId, 'uploads', openid);
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('bodies over the limit get a 413 that is actually delivered', () => {
  test('an 11 MB upload is refused with 413, not cut to 10 MiB and stored', async () => {
    const token = await emu.login('wx-big-uploader');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(11 * 1000 * 1000)]), 'roster.xlsx');
    const { type, body } = await multipart(form);
    const r = await rawRequest(emu.url, { method: 'POST', path: '/storage/upload', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });
    expectGatewayError(r, 413);
    expect(r.json).not.toHaveProperty('fileID');
    expect(uploadedFiles('wx-big-uploader')).toEqual([]);
  });

  test('a 6 MB function body gets a 413 JSON reply, not a connection reset', async () => {
    const body = JSON.stringify({ action: 'x', payload: 'a'.repeat(6 * 1024 * 1024) });
    const r = await rawRequest(emu.url, { method: 'POST', path: '/functions/echo', headers: JSON_TYPE, body });
    expectGatewayError(r, 413);
    // The connection was closed after a complete reply, and the server still answers.
    expect((await emu.call('echo', { after: true })).status).toBe(200);
  });

  test('a body far over the limit on /admin is refused with 413 too', async () => {
    const body = JSON.stringify({ action: 'database.getDocument', envName: emu.envId, collectionName: 'x', pad: 'a'.repeat(6 * 1024 * 1024) });
    const r = await rawRequest(emu.url, { method: 'POST', path: '/admin', headers: JSON_TYPE, body });
    expect(r.status).toBe(413);
  });
});

describe('bodies that are not what the route takes get a clear 400', () => {
  test.each([
    ['null', 'null'],
    ['an array', '[1,2]'],
    ['a number', '42'],
    ['a string', '"hello"'],
  ])('%s as the body of each gateway route: 400 with a Chinese message', async (_, body) => {
    for (const path of ['/functions/echo', '/auth/dev-login', '/__emulator/clock', '/__emulator/subscriptions']) {
      const r = await rawRequest(emu.url, { method: 'POST', path, headers: JSON_TYPE, body });
      expect([path, r.status]).toEqual([path, 400]);
      expectGatewayError(r, 400);
    }
  });

  test('a body that is not JSON: 400 with a Chinese message', async () => {
    const r = await rawRequest(emu.url, { method: 'POST', path: '/functions/echo', headers: JSON_TYPE, body: '{"action":' });
    expectGatewayError(r, 400);
  });

  test('a broken multipart upload: 400 with a Chinese message, no parser text', async () => {
    const token = await emu.login('wx-broken-uploader');
    const auth = { authorization: `Bearer ${token}` };
    const noBoundary = await rawRequest(emu.url, { method: 'POST', path: '/storage/upload', headers: { ...auth, 'content-type': 'multipart/form-data' }, body: 'x' });
    expectGatewayError(noBoundary, 400);
    const truncated = await rawRequest(emu.url, {
      method: 'POST',
      path: '/storage/upload',
      headers: { ...auth, 'content-type': 'multipart/form-data; boundary=XYZ' },
      body: '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
    });
    expectGatewayError(truncated, 400);
    const notMultipart = await rawRequest(emu.url, { method: 'POST', path: '/storage/upload', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
    expectGatewayError(notMultipart, 400);
    expect(uploadedFiles('wx-broken-uploader')).toEqual([]);
  });

  test('a malformed path on the static app is answered without internal error text', async () => {
    const h5Dir = join(emu.dataDir, 'h5');
    mkdirSync(h5Dir, { recursive: true });
    writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>app</title>');
    const withApp = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS, h5Dir });
    try {
      const r = await rawRequest(withApp.url, { method: 'GET', path: '/%E0%A4%A' });
      expect(r.status).toBeLessThan(500);
      expect(r.text).not.toMatch(/URI malformed|URIError/);
    } finally {
      await withApp.dispose();
    }
  });
});

describe('dev-login tokens', () => {
  test('a token with anything after it is refused', async () => {
    const token = await emu.login('wx-exact');
    expect((await emu.call('echo', {}, token)).status).toBe(200);
    for (const forged of [`${token}.`, `${token}.x`, `${token}.${token}`, `${token}x`, `x${token}`, token.replace('.', '..')]) {
      expect([forged, (await emu.call('echo', {}, forged)).status]).toEqual([forged, 401]);
    }
  });

  test('a token expires: after its lifetime the gateway answers 401 and the app has to sign in again', async () => {
    const shortLived = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS, devLoginTtlMs: 1500 });
    try {
      const login = await shortLived.post('/auth/dev-login', { openid: 'wx-short' });
      const { token, expiresAt } = login.body as { token: string; expiresAt: string };
      expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(1500);
      expect((await shortLived.call('echo', {}, token)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1700));
      const expired = await shortLived.call('echo', {}, token);
      expect(expired.status).toBe(401);
      expect((expired.body as { errMsg: string }).errMsg).toMatch(CHINESE);
    } finally {
      await shortLived.dispose();
    }
  });

  test('tokens live 7 days by default', async () => {
    const login = await emu.post('/auth/dev-login', { openid: 'wx-week' });
    const lifetime = Date.parse((login.body as { expiresAt: string }).expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(7 * 86_400_000);
  });
});

describe('GET /__emulator/health', () => {
  test('answers 503 until the system marks itself ready, then 200', async () => {
    const starting = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS, ready: false });
    try {
      const before = await starting.get('/__emulator/health');
      expect(before.status).toBe(503);
      expect(before.body).toEqual({ ok: false, ready: false });
      starting.setReady();
      const after = await starting.get('/__emulator/health');
      expect(after.status).toBe(200);
      expect(after.body).toMatchObject({ ok: true, ready: true, envId: starting.envId });
    } finally {
      await starting.dispose();
    }
  });

  test('the plain emulator is ready at start', async () => {
    const r = await emu.get('/__emulator/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, ready: true });
  });
});
