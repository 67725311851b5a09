/**
 * Emulator conformance: the unmodified wx-server-sdk 4.0.2, in this process, against the emulator.
 * 1. The SDK calls of the reference probe are made again and what arrives at /admin is compared, request by
 *    request, with testing/fixtures/wx-server-sdk-4.0.2-requests.jsonl (action and field names). If a new
 *    SDK version changes its wire format, this fails first.
 * 2. The cloud behaviours the functions rely on, observed through the SDK as function code sees them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connectSdk } from './sdk-client';
import { startTestEmulator, FIXTURE_FUNCTIONS, type TestEmulator, sdkError } from './testing/harness';
import { spawnEmulator } from './testing/process';

const CAPTURE = join(__dirname, 'testing/fixtures/wx-server-sdk-4.0.2-requests.jsonl');

interface Captured {
  url: string;
  body: Record<string, unknown>;
}

/**
 * wx-server-sdk's typings describe every call as `Promise | void | string` (callback overloads); the promise
 * form is what runs. Tests use the SDK untyped rather than cast at every call.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = any;

let emu: TestEmulator;
let cloud: Untyped;
const recorded: Record<string, unknown>[] = [];

beforeAll(async () => {
  emu = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS, envId: 'test-env-1a2b3c', onAdminRequest: (b) => recorded.push(b) });
  cloud = connectSdk(emu.url, emu.envId);
});
afterAll(async () => {
  await emu.dispose();
});

describe('the SDK sends what the reference capture shows', () => {
  test('the probe sequence, request by request', async () => {
    const db = cloud.database();
    const _ = db.command;
    const $ = db.command.aggregate;
    for (const name of ['x', 'y']) await db.createCollection(name);
    recorded.length = 0;

    await db.collection('x').add({ data: { _id: 'doc1', a: 1, b: 1, when: new Date(1704164645000), at: db.serverDate() } });
    await db.collection('x').add({ data: { a: 2, b: 2, tags: ['t'] } });
    await db.collection('x').add({ data: { a: 3, b: 2, tags: [] } });
    const dup = await sdkError(db.collection('x').add({ data: { _id: 'doc1', a: 9 } }));
    expect(dup.errCode).toBe(-502001);
    expect(dup.errMsg).toMatch(/E11000 duplicate key/);

    const sorted = await db.collection('x').where({ a: _.gt(1), b: _.in([1, 2]) }).orderBy('a', 'desc').limit(5).get();
    expect(sorted.data.map((d: Untyped) => d.a)).toEqual([3, 2]);
    const projected = await db.collection('x').where({ tags: _.exists(true), a: _.gte(1).and(_.lt(10)) }).skip(1).field({ a: true, _id: false }).get();
    expect(projected.data).toEqual([{ a: 3 }]);
    const either = await db.collection('x').where(_.or([{ a: 1 }, { a: db.RegExp({ regexp: '^3', options: 'i' }) }])).get();
    expect(either.data.map((d: Untyped) => d.a)).toEqual([1]);

    await db.collection('x').doc('doc1').update({ data: { a: _.inc(10), tags: _.push(['new']), nested: { k: 'v' }, gone: _.remove() } });
    await db.collection('x').where({ b: 2 }).update({ data: { flag: true } });
    expect((await db.collection('x').where({ a: _.gt(0) }).count()).total).toBe(3);
    const doc1 = (await db.collection('x').doc('doc1').get()).data;
    expect(doc1).toMatchObject({ a: 11, tags: ['new'], nested: { k: 'v' } });
    expect(doc1.when).toBeInstanceOf(Date);
    expect(doc1.at).toBeInstanceOf(Date);
    const missing = await sdkError(db.collection('x').doc('nope').get());
    expect(missing.errMsg).toMatch(/does not exist/);
    await db.collection('x').doc('doc2').set({ data: { z: 1 } });
    await db.collection('x').doc('doc2').remove();
    const grouped = await db.collection('x').aggregate().match({ b: 2 }).group({ _id: '$b', n: $.sum(1) }).end();
    expect(grouped.list).toEqual([{ _id: 2, n: 2 }]);

    await db.runTransaction(async (t: Untyped) => {
      const d = await t.collection('x').doc('doc1').get();
      expect(d.data).toMatchObject({ a: 11 });
      await t.collection('x').doc('doc1').update({ data: { a: _.inc(1) } });
      await t.collection('y').add({ data: { fromTxn: true } });
    });
    const t2 = await db.startTransaction();
    await t2.collection('x').doc('doc1').update({ data: { a: 0 } });
    await t2.rollback();

    await cloud.callFunction({ name: 'echo', data: { k: 1 } });
    const up = await cloud.uploadFile({ cloudPath: 'dir/a.txt', fileContent: Buffer.from('hello') });
    const urls = await cloud.getTempFileURL({ fileList: [up.fileID] });
    expect(await (await fetch(urls.fileList[0].tempFileURL)).text()).toBe('hello');
    await cloud.deleteFile({ fileList: [up.fileID] });
    await cloud.openapi.subscribeMessage.send({ touser: 'OPENID', page: 'index', data: { thing1: { value: 'x' } }, templateId: 'TPL' });

    const captured = readFileSync(CAPTURE, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Captured)
      .slice(0, 29)
      .filter((c) => c.url === '/admin');
    // Token fields the SDK fills from the function's environment are empty here and absent in the capture
    // (it was taken without them); they carry no request content, so empty ones are not compared.
    const shape = (b: Record<string, unknown>) => ({ action: b.action, keys: Object.keys(b).filter((k) => k !== 'requestData' && b[k] !== '').sort() });
    expect(recorded.map(shape)).toEqual(captured.map((c) => shape(c.body)));

    // Checked after the comparison, so this read is not part of the recorded sequence: the committed
    // transaction's increment stands and the rolled-back one left nothing.
    expect((await db.collection('x').doc('doc1').get()).data.a).toBe(12);
    expect((await db.collection('y').where({ fromTxn: true }).count()).total).toBe(1);
  });
});

describe('limits', () => {
  beforeAll(async () => {
    const db = cloud.database();
    await db.createCollection('many');
    const batch = Array.from({ length: 1500 }, (_, i) => ({ _id: `m${String(i).padStart(4, '0')}`, i }));
    // Insert in parallel chunks: the emulator group-commits concurrent writes.
    for (let k = 0; k < batch.length; k += 250) {
        await Promise.all(batch.slice(k, k + 250).map((d) => db.collection('many').add({ data: d })));
    }
  });

  test('get() without a limit returns 100 documents, silently', async () => {
    expect((await cloud.database().collection('many').get()).data).toHaveLength(100);
  });

  test('a limit over 1000 gives 1000', async () => {
    expect((await cloud.database().collection('many').limit(5000).get()).data).toHaveLength(1000);
  });

  test('paging with skip/limit reaches every document exactly once', async () => {
    const seen = new Set<string>();
    for (let skip = 0; ; skip += 100) {
      const page = (await cloud.database().collection('many').orderBy('i', 'asc').skip(skip).limit(100).get()).data;
      page.forEach((d: Untyped) => seen.add(String(d._id)));
      if (page.length < 100) break;
    }
    expect(seen.size).toBe(1500);
  });

  test('a collection that was never created is refused (-502005), reads included', async () => {
    const db = cloud.database();
    expect((await sdkError(db.collection('never').get())).errCode).toBe(-502005);
    expect((await sdkError(db.collection('never').add({ data: { a: 1 } }))).errCode).toBe(-502005);
  });
});

describe('transactions', () => {
  beforeAll(async () => {
    const db = cloud.database();
    await db.createCollection('counters');
    await db.collection('counters').add({ data: { _id: 'seats', taken: 0 } });
  });

  test('concurrent read-modify-write transactions never lose an update', async () => {
    const db = cloud.database();
    const attempts = 8;
    const results = await Promise.allSettled(
      Array.from({ length: attempts }, () =>
        db.runTransaction(async (t: Untyped) => {
          const doc = await t.collection('counters').doc('seats').get();
          const taken = (doc.data as { taken: number }).taken;
          await t.collection('counters').doc('seats').update({ data: { taken: taken + 1 } });
          return taken + 1;
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const final = (await db.collection('counters').doc('seats').get()).data as { taken: number };
    // Every committed transaction counted exactly once; the ones that ran out of retries changed nothing.
    expect(final.taken).toBe(ok);
    expect(ok).toBeGreaterThan(0);
    for (const r of results) if (r.status === 'rejected') expect(JSON.stringify(r.reason)).toMatch(/-501001|CONFLICT/i);
  });

  test('two open transactions on one document: the second writer conflicts', async () => {
    const db = cloud.database();
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1.collection('counters').doc('seats').update({ data: { note: 't1' } });
    const err = await sdkError(t2.collection('counters').doc('seats').update({ data: { note: 't2' } }));
    expect(err.errCode).toBe(-501001);
    await t1.commit();
    expect(((await db.collection('counters').doc('seats').get()).data as { note: string }).note).toBe('t1');
  });

  test('a transaction reads its snapshot, not later commits', async () => {
    const db = cloud.database();
    await db.collection('counters').add({ data: { _id: 'snap', v: 1 } });
    const t = await db.startTransaction();
    expect((await t.collection('counters').doc('snap').get()).data).toMatchObject({ v: 1 });
    await db.collection('counters').doc('snap').update({ data: { v: 2 } });
    expect((await t.collection('counters').doc('snap').get()).data).toMatchObject({ v: 1 });
    await t.rollback();
  });

  test('a callback that throws rolls everything back', async () => {
    const db = cloud.database();
    await expect(
      db.runTransaction(async (t: Untyped) => {
        await t.collection('counters').add({ data: { _id: 'ghost', v: 1 } });
        await t.collection('counters').doc('seats').update({ data: { taken: -100 } });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await sdkError(db.collection('counters').doc('ghost').get())).errMsg).toMatch(/does not exist/);
    expect(((await db.collection('counters').doc('seats').get()).data as { taken: number }).taken).toBeGreaterThanOrEqual(0);
  });
});

describe('transaction expiry', () => {
  test('a transaction left open past its limit cannot commit, and its writes never appear', async () => {
    const short = await startTestEmulator({ transactionTimeoutMs: 300 });
    const c: Untyped = connectSdk(short.url, short.envId);
    try {
      const db = c.database();
      await db.createCollection('t');
      const t = await db.startTransaction();
      await t.collection('t').add({ data: { _id: 'late', v: 1 } });
      await new Promise((r) => setTimeout(r, 600));
      await expect(t.commit()).rejects.toBeDefined();
      expect((await db.collection('t').count()).total).toBe(0);
    } finally {
      connectSdk(emu.url, emu.envId);
      await short.dispose();
    }
  });
});

describe('storage', () => {
  test('upload, temporary URL, download, delete', async () => {
    const bytes = Buffer.from([0, 1, 2, 253, 254, 255]);
    const up = await cloud.uploadFile({ cloudPath: 'hardship/2024/proof.bin', fileContent: bytes });
    expect(up.fileID).toMatch(/^cloud:\/\/test-env-1a2b3c\./);
    const dl = await cloud.downloadFile({ fileID: up.fileID });
    expect(Buffer.compare(dl.fileContent, bytes)).toBe(0);
    const { fileList } = await cloud.getTempFileURL({ fileList: [up.fileID] });
    const url = fileList[0].tempFileURL;
    expect(Buffer.compare(Buffer.from(await (await fetch(url)).arrayBuffer()), bytes)).toBe(0);
    const tampered = url.replace(/sign=[0-9a-f]{4}/, 'sign=0000');
    expect((await fetch(tampered)).status).toBe(404);
    await cloud.deleteFile({ fileList: [up.fileID] });
    expect((await fetch(url)).status).toBe(404);
  });

  test('a temporary URL serves a picture with its image type, whatever the case of its name', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    for (const [name, type] of [
      ['cover.png', 'image/png'],
      ['cover.JPG', 'image/jpeg'],
      ['cover.jpeg', 'image/jpeg'],
      ['cover.webp', 'image/webp'],
    ]) {
      const up = await cloud.uploadFile({ cloudPath: `events/u1/e1/${name}`, fileContent: bytes });
      const { fileList } = await cloud.getTempFileURL({ fileList: [up.fileID] });
      const r = await fetch(fileList[0].tempFileURL);
      expect([name, r.status, r.headers.get('content-type')]).toEqual([name, 200, type]);
      expect(Buffer.compare(Buffer.from(await r.arrayBuffer()), bytes)).toBe(0);
    }
  });

  test('the H5 upload (POST /storage/upload) takes a picture under the caller’s folder, and serves it as one', async () => {
    const token = await emu.login('wx-cover-uploader');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1])], { type: 'image/jpeg' }), '活动封面.JPG');
    const r = await fetch(`${emu.url}/storage/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(r.status).toBe(200);
    const { fileID } = (await r.json()) as { fileID: string };
    expect(fileID).toMatch(/^cloud:\/\/[^/]+\/uploads\/wx-cover-uploader\/[0-9a-f-]+\.jpg$/);
    const { fileList } = await cloud.getTempFileURL({ fileList: [fileID] });
    expect((await fetch(fileList[0].tempFileURL)).headers.get('content-type')).toBe('image/jpeg');
  });
});

describe('durability', () => {
  test('every acknowledged write survives kill -9', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'union-durable-'));
    try {
      const first = await spawnEmulator(dataDir);
      let c: Untyped = connectSdk(first.url, 'union-local');
      await c.database().createCollection('d');
      let acked = 0;
      await Promise.all(
        Array.from({ length: 300 }, async (_, i) => {
          await c.database().collection('d').add({ data: { _id: `w${i}`, i } });
          acked += 1;
        }),
      );
      await c.database().collection('d').doc('w7').update({ data: { touched: true } });
      await c.database().collection('d').doc('w8').remove();
      first.child.kill('SIGKILL');
      await new Promise((r) => first.child.once('exit', r));
      // The process that acknowledged the writes must really be gone, not just a wrapper around it.
      await expect(fetch(`${first.url}/__emulator/health`)).rejects.toThrow();

      const second = await spawnEmulator(dataDir);
      c = connectSdk(second.url, 'union-local');
      expect(acked).toBe(300);
      expect((await c.database().collection('d').count()).total).toBe(299);
      expect((await c.database().collection('d').doc('w7').get()).data).toMatchObject({ touched: true });
      second.child.kill('SIGKILL');
      await new Promise((r) => second.child.once('exit', r));
    } finally {
      connectSdk(emu.url, emu.envId);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
