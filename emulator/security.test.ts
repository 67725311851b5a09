/**
 * The emulator is a server on a developer's laptop: a web page the developer visits, or a DNS-rebinding host
 * name, must not get in; and nothing a request names (env, collection, function, storage path) may reach a file
 * outside the data folder. Every test here goes through a real started emulator over HTTP, sending what an
 * attacker's page (or a hand-made request) would send.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { connectSdk } from './sdk-client';
import { FIXTURE_FUNCTIONS, rawRequest, startTestEmulator, type RawReply, type TestEmulator } from './testing/harness';

let parent: string;
let functionsDir: string;
let emu: TestEmulator;

beforeAll(async () => {
  // The data folder and the functions folder side by side, as in the repository (.data/ beside cloudfunctions/).
  parent = mkdtempSync(join(tmpdir(), 'union-security-'));
  functionsDir = join(parent, 'functions');
  mkdirSync(functionsDir);
  // A link, so the fixture resolves wx-server-sdk from the repository's node_modules (Node follows it).
  symlinkSync(join(FIXTURE_FUNCTIONS, 'echo'), join(functionsDir, 'echo'), 'dir');
  emu = await startTestEmulator({ dataDir: join(parent, 'data'), functionsDir });
});
afterAll(async () => {
  await emu.dispose();
  rmSync(parent, { recursive: true, force: true });
});

const JSON_TYPE = { 'content-type': 'application/json' };
const EVIL = 'http://evil.example';

function admin(body: Record<string, unknown>, headers: Record<string, string> = JSON_TYPE): Promise<RawReply> {
  return rawRequest(emu.url, { method: 'POST', path: '/admin', headers, body: JSON.stringify({ envName: emu.envId, ...body }) });
}

async function count(collectionName: string, query: Record<string, unknown>): Promise<number> {
  const r = await admin({ action: 'database.calculateDocument', collectionName, queryType: 'WHERE', query: JSON.stringify(query) });
  return (r.json as { data: { total: number } }).data.total;
}

function ownOrigin(): string {
  return `http://127.0.0.1:${emu.port}`;
}

describe('names are confined to the data folder', () => {
  test('an env name that climbs out of the storage folder gets no upload URL, and nothing is written outside', async () => {
    const name = `escaped-${randomUUID()}.txt`;
    const outside = join(dirname(emu.dataDir), name);
    try {
      const r = await admin({ action: 'storage.getUploadMetadata', envName: '../..', path: name, method: 'put' });
      const reply = r.json as { code?: string; message?: string; data?: { url: string } };
      if (reply.data?.url) await fetch(reply.data.url, { method: 'PUT', body: 'pwned' });
      expect(existsSync(outside)).toBe(false);
      expect(reply.code).toBe('INVALID_PARAM');
      expect(reply.data).toBeUndefined();
    } finally {
      rmSync(outside, { force: true });
    }
  });

  test('an upload cannot plant a new cloud function that the gateway then runs', async () => {
    // `<data>/storage/<env>/evil/index.js` with env '../../functions' would be `<functions>/evil/index.js`.
    const planted = join(functionsDir, 'evil', 'index.js');
    const meta = await admin({ action: 'storage.getUploadMetadata', envName: '../../functions', path: 'evil/index.js', method: 'put' });
    const url = (meta.json as { data?: { url: string } }).data?.url;
    if (url) await fetch(url, { method: 'PUT', body: 'exports.main = async () => ({ pwned: require("node:os").userInfo().username });' });
    expect(existsSync(planted)).toBe(false);
    expect((meta.json as { code?: string }).code).toBe('INVALID_PARAM');
    const run = await rawRequest(emu.url, { method: 'POST', path: '/functions/evil', headers: JSON_TYPE, body: '{}' });
    expect(run.status).toBe(404);
  });

  test('only the functions present at start are run: a folder that appears later is not', async () => {
    const late = join(functionsDir, 'latecomer');
    mkdirSync(late);
    writeFileSync(join(late, 'index.js'), 'exports.main = async () => ({ ran: true });');
    const r = await rawRequest(emu.url, { method: 'POST', path: '/functions/latecomer', headers: JSON_TYPE, body: '{}' });
    expect(r.status).toBe(404);
    expect(JSON.stringify(r.json)).not.toContain('ran');
    // From a function (functions.invokeFunction) neither.
    const fromFn = await admin({ action: 'functions.invokeFunction', function_name: 'latecomer', request_data: '{}' });
    expect((fromFn.json as { code?: string }).code).toBeDefined();
    expect((fromFn.json as { data?: unknown }).data).toBeUndefined();
  });

  test('functions.invokeFunction with a function name like ../x is refused as an invalid parameter', async () => {
    for (const name of ['../x', '../functions/echo', 'echo/../echo', '']) {
      const r = await admin({ action: 'functions.invokeFunction', function_name: name, request_data: '{}' });
      expect([name, (r.json as { code?: string }).code]).toEqual([name, 'INVALID_PARAM']);
    }
  });

  test('env names with path characters are refused on every protocol action', async () => {
    for (const envName of ['../x', 'a/b', 'a\\b', '..', '.', 'x\u0000y', 'e'.repeat(65)]) {
      const db = await admin({ action: 'database.addCollection', collectionName: 'c', envName });
      expect([envName, (db.json as { code?: string }).code]).toEqual([envName, 'INVALID_PARAM']);
      const files = await admin({ action: 'storage.batchGetDownloadUrl', file_list: [], envName });
      expect([envName, (files.json as { code?: string }).code]).toEqual([envName, 'INVALID_PARAM']);
    }
    // The `env` query parameter (used when the body's envName is empty) is held to the same rule.
    const viaQuery = await rawRequest(emu.url, {
      method: 'POST',
      path: `/admin?env=${encodeURIComponent('../..')}`,
      headers: JSON_TYPE,
      body: JSON.stringify({ action: 'storage.getUploadMetadata', envName: '', path: 'q.txt', method: 'put' }),
    });
    expect((viaQuery.json as { code?: string }).code).toBe('INVALID_PARAM');
  });

  test('collection names with path characters are refused', async () => {
    for (const collectionName of ['../x', 'a/b', 'a\\b', '..', '.hidden', 'x\u0000y']) {
      const r = await admin({ action: 'database.addCollection', collectionName });
      expect([collectionName, (r.json as { code?: string }).code]).toEqual([collectionName, 'INVALID_PARAM']);
    }
  });
});

describe('only its own host names are served', () => {
  test('a foreign Host header (DNS rebinding) is refused on every route', async () => {
    for (const host of ['evil.example', `evil.example:${emu.port}`, '127.0.0.1.nip.io', `localhost.evil.example:${emu.port}`, `127.0.0.1:${emu.port + 1}`]) {
      const health = await rawRequest(emu.url, { method: 'GET', path: '/__emulator/health', headers: { host } });
      expect([host, health.status]).toEqual([host, 403]);
      const write = await admin({ action: 'database.addCollection', collectionName: 'rebound' }, { ...JSON_TYPE, host });
      expect([host, write.status]).toEqual([host, 403]);
    }
    expect(await count('rebound', {}).catch(() => -1)).toBe(-1);
  });

  test('127.0.0.1, localhost and [::1] with the port are served', async () => {
    for (const host of [`127.0.0.1:${emu.port}`, `localhost:${emu.port}`, `LOCALHOST:${emu.port}`, `[::1]:${emu.port}`]) {
      const health = await rawRequest(emu.url, { method: 'GET', path: '/__emulator/health', headers: { host } });
      expect([host, health.status]).toEqual([host, 200]);
    }
  });
});

describe('no web page of another origin gets in', () => {
  test('no CORS grant: neither a reply nor a preflight allows another origin', async () => {
    const health = await rawRequest(emu.url, { method: 'GET', path: '/__emulator/health', headers: { origin: EVIL } });
    expect(health.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await rawRequest(emu.url, {
      method: 'OPTIONS',
      path: '/functions/echo',
      headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });

  test('a text/plain POST to /admin (a cross-site "simple" request) does not reach the database', async () => {
    await admin({ action: 'database.addCollection', collectionName: 'simple' });
    const insert = JSON.stringify({ envName: emu.envId, action: 'database.insertDocument', collectionName: 'simple', data: [JSON.stringify({ via: 'text' })] });
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded']) {
      const r = await rawRequest(emu.url, { method: 'POST', path: '/admin', headers: { 'content-type': type }, body: insert });
      expect([type, r.status]).toEqual([type, 415]);
    }
    // No content type at all (a no-cors fetch with a Blob body sends none) is no better.
    const bare = await rawRequest(emu.url, { method: 'POST', path: '/admin', body: insert });
    expect(bare.status).toBe(415);
    expect(await count('simple', { via: 'text' })).toBe(0);
  });

  test('a browser request to /admin is refused whatever it carries: an Origin, or Sec-Fetch-Site cross-site', async () => {
    const insert = { action: 'database.insertDocument', collectionName: 'simple', data: [JSON.stringify({ via: 'browser' })] };
    expect((await admin(insert, { ...JSON_TYPE, origin: EVIL })).status).toBe(403);
    expect((await admin(insert, { ...JSON_TYPE, origin: 'null' })).status).toBe(403);
    expect((await admin(insert, { ...JSON_TYPE, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await admin(insert, { ...JSON_TYPE, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect(await count('simple', { via: 'browser' })).toBe(0);
    // A cross-site HTML form can post multipart: the wx.openApi door is closed to it too.
    const form = new FormData();
    form.append('action', 'wx.openApi');
    form.append('apiName', 'subscribeMessage.send');
    form.append('requestData', new Blob([new Uint8Array([1, 2, 3])]), 'requestData');
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());
    const type = encoded.headers.get('content-type') ?? '';
    const multipart = await rawRequest(emu.url, { method: 'POST', path: '/admin', headers: { 'content-type': type, origin: EVIL }, body });
    expect(multipart.status).toBe(403);
  });

  test('control routes refuse cross-site simple requests: the clock is not moved by a text/plain or foreign POST', async () => {
    const before = emu.clock.offset();
    const body = JSON.stringify({ now: '2031-01-01T00:00:00Z' });
    expect((await rawRequest(emu.url, { method: 'POST', path: '/__emulator/clock', headers: { 'content-type': 'text/plain' }, body })).status).toBe(415);
    expect((await rawRequest(emu.url, { method: 'POST', path: '/__emulator/clock', headers: { ...JSON_TYPE, origin: EVIL }, body })).status).toBe(403);
    expect(
      (await rawRequest(emu.url, { method: 'POST', path: '/__emulator/functions/reset', headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' }, body: '' })).status,
    ).toBe(403);
    expect(emu.clock.offset()).toBe(before);
  });

  test('the gateway refuses requests from another origin and serves the same-origin H5 app and node scripts', async () => {
    const token = await emu.login('wx-origin-user');
    const auth = { ...JSON_TYPE, authorization: `Bearer ${token}` };
    const event = JSON.stringify({ k: 1 });
    const foreign = await rawRequest(emu.url, { method: 'POST', path: '/functions/echo', headers: { ...auth, origin: EVIL }, body: event });
    expect(foreign.status).toBe(403);
    expect((foreign.json as { errMsg?: string }).errMsg).toMatch(/[\u4e00-\u9fa5]/);
    const sameSite = await rawRequest(emu.url, { method: 'POST', path: '/functions/echo', headers: { ...auth, origin: `http://localhost:${emu.port + 1}` }, body: event });
    expect(sameSite.status).toBe(403);
    const login = await rawRequest(emu.url, { method: 'POST', path: '/auth/dev-login', headers: { ...JSON_TYPE, origin: EVIL }, body: JSON.stringify({ openid: 'wx-stolen' }) });
    expect(login.status).toBe(403);
    expect(login.json).not.toHaveProperty('token');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1, 2, 3])]), 'x.png');
    const encoded = new Response(form);
    const upload = await rawRequest(emu.url, {
      method: 'POST',
      path: '/storage/upload',
      headers: { authorization: `Bearer ${token}`, 'content-type': encoded.headers.get('content-type') ?? '', origin: EVIL },
      body: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(upload.status).toBe(403);

    // The H5 app (same origin, as a browser sends it) and node scripts (no Origin) keep working.
    const sameOrigin = await rawRequest(emu.url, {
      method: 'POST',
      path: '/functions/echo',
      headers: { ...auth, origin: ownOrigin(), 'sec-fetch-site': 'same-origin' },
      body: event,
    });
    expect(sameOrigin.status).toBe(200);
    expect((sameOrigin.json as { openid: string }).openid).toBe('wx-origin-user');
    const viaLocalhost = await rawRequest(emu.url, {
      method: 'POST',
      path: '/functions/echo',
      headers: { ...auth, host: `localhost:${emu.port}`, origin: `http://localhost:${emu.port}` },
      body: event,
    });
    expect(viaLocalhost.status).toBe(200);
    expect((await emu.call('echo', { k: 2 }, token)).status).toBe(200);
  });

  test('the real wx-server-sdk, configured as the README says, still reaches the database, storage and functions', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's typings describe callback overloads
    const cloud: any = connectSdk(emu.url, emu.envId);
    const db = cloud.database();
    await db.createCollection('sdk_ok');
    await db.collection('sdk_ok').add({ data: { _id: 'a', n: 1 } });
    expect((await db.collection('sdk_ok').doc('a').get()).data).toMatchObject({ n: 1 });
    const up = await cloud.uploadFile({ cloudPath: 'sdk/ok.txt', fileContent: Buffer.from('ok') });
    const { fileList } = await cloud.getTempFileURL({ fileList: [up.fileID] });
    expect(await (await fetch(fileList[0].tempFileURL)).text()).toBe('ok');
    expect((await cloud.callFunction({ name: 'echo', data: { k: 3 } })).result).toMatchObject({ event: { k: 3 } });
  });
});
