/**
 * The emulator agrees with the cloud where Tencent's own tests of its server SDK (@cloudbase/node-sdk, which
 * wx-server-sdk 4.0.2 bundles) say what the cloud answers. Each case here is a difference those tests found
 * when run against the emulator (issue 10, section 8), checked through the unmodified wx-server-sdk as
 * function code sees it. Geo queries and `$jsonSchema` are left out on purpose (not emulated).
 */
import { connectSdk } from './sdk-client';
import { startTestEmulator, type TestEmulator, sdkError } from './testing/harness';

/** wx-server-sdk's typings describe every call as `Promise | void | string`; tests use it untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = any;

let emu: TestEmulator;
let cloud: Untyped;
let db: Untyped;

beforeAll(async () => {
  emu = await startTestEmulator({ envId: 'parity-env-9z8y' });
  cloud = connectSdk(emu.url, emu.envId);
  db = cloud.database();
});
afterAll(async () => {
  await emu.dispose();
});

const ids = (docs: Array<{ _id: unknown }>) => docs.map((d) => d._id).sort();

/**
 * wx-server-sdk 4.0.2 does not expose `db.ObjectId` or `where().updateAndReturn()`, but it runs on
 * @cloudbase/node-sdk 3.17.2, whose database object it keeps as `_db`: the client Tencent's own tests use,
 * configured by the same `cloud.init()`. Reads still go through wx-server-sdk where it has the call.
 */
const nodeSdkDb = (): Untyped => db._db;

describe('queries', () => {
  beforeAll(async () => {
    await db.createCollection('tagged');
    await db.collection('tagged').add({
      data: [
        { _id: 'numbers', tags: [1, 2, 9] },
        { _id: 'strings', tags: ['a', 'b'] },
        { _id: 'positive', tags: [{ value: 3 }, { value: -1 }] },
        { _id: 'negative', tags: [{ value: -1 }] },
        { _id: 'unnamed', tags: [{ name: 'x' }] },
      ],
    });
  });

  test('elemMatch with a field condition matches only arrays holding such sub-documents', async () => {
    const _ = db.command;
    const gt = await db.collection('tagged').where({ tags: _.elemMatch({ value: _.gt(0) }) }).get();
    expect(ids(gt.data)).toEqual(['positive']);
    const exists = await db.collection('tagged').where({ tags: _.elemMatch({ value: _.exists(true) }) }).get();
    expect(ids(exists.data)).toEqual(['negative', 'positive']);
  });
});

describe('ObjectId values', () => {
  test('an ObjectId value, and an _id that is one, read back as their hex string', async () => {
    const hex = '5f1b2c3d4e5f60718293a4b5';
    const idHex = '65a000000000000000000001';
    await db.createCollection('oids');
    const ObjectId = (id: string) => nodeSdkDb().ObjectId({ id });
    await db.collection('oids').add({ data: { _id: 'plain', ref: ObjectId(hex), list: [ObjectId(hex)] } });
    await db.collection('oids').add({ data: { _id: ObjectId(idHex), n: 1 } });

    const plain = (await db.collection('oids').doc('plain').get()).data;
    expect(plain.ref).toBe(hex);
    expect(plain.list).toEqual([hex]);
    const byWhere = (await db.collection('oids').where({ n: 1 }).get()).data;
    expect(byWhere).toEqual([{ _id: idHex, n: 1 }]);
    // A query by the ObjectId still finds the document.
    expect((await db.collection('oids').where({ ref: ObjectId(hex) }).count()).total).toBe(1);
    // Aggregation replies too.
    const agg = await db.collection('oids').aggregate().match({ _id: 'plain' }).project({ _id: 0, ref: 1 }).end();
    expect(agg.list).toEqual([{ ref: hex }]);
  });
});

describe('write counts', () => {
  beforeAll(async () => {
    await db.createCollection('counts');
    await db.collection('counts').add({ data: { _id: 'same', a: 1, b: 'x' } });
  });

  test('doc(id).set() with the content already there answers updated: 1', async () => {
    const r = await db.collection('counts').doc('same').set({ data: { a: 1, b: 'x' } });
    expect(r.stats.updated).toBe(1);
  });

  test('an update-and-return that sets a value already there answers updated: 1', async () => {
    const r = await nodeSdkDb().collection('counts').where({ _id: 'same' }).updateAndReturn({ a: 1 });
    expect(r.updated).toBe(1);
    expect(r.doc).toMatchObject({ _id: 'same', a: 1, b: 'x' });
  });
});

describe('aggregation', () => {
  beforeAll(async () => {
    await db.createCollection('texts');
    await db.collection('texts').add({ data: { _id: 't', s: 'hello world', cn: '工会会员服务', day: new Date('2019-05-14T00:00:00Z') } });
  });

  test('$substr and $substrBytes with a negative length return the rest of the string', async () => {
    const $ = db.command.aggregate;
    const r = await db
      .collection('texts')
      .aggregate()
      .project({ _id: 0, a: $.substr(['$s', 6, -1]), b: $.substrBytes(['$s', 0, -1]), c: $.substrBytes(['$cn', 3, -1]) })
      .end();
    expect(r.list).toEqual([{ a: 'world', b: 'hello world', c: '会会员服务' }]);
  });

  test('$week counts Sunday-started weeks as MongoDB does (2019-05-14 is week 19)', async () => {
    const $ = db.command.aggregate;
    const r = await db.collection('texts').aggregate().project({ _id: 0, w: $.week('$day') }).end();
    expect(r.list).toEqual([{ w: 19 }]);
  });

  test('$indexOfCP finds code points', async () => {
    const $ = db.command.aggregate;
    const r = await db
      .collection('texts')
      .aggregate()
      .project({ _id: 0, i: $.indexOfCP(['$cn', '会员']), j: $.indexOfCP(['$s', 'o', 5]), k: $.indexOfCP(['$cn', 'x']) })
      .end();
    expect(r.list).toEqual([{ i: 2, j: 7, k: -1 }]);
  });
});

describe('storage', () => {
  test('a path with "|", Chinese characters and spaces downloads through the SDK and through its temporary URL', async () => {
    // The last two also carry the characters that must stay escaped in a URL (%, ?, #).
    for (const cloudPath of ['exports/u1/名册 2024|final.xlsx', 'exports/u1/a b|c.txt', 'exports/u1/100% 完成 #1?.txt']) {
      const bytes = Buffer.from(`会员 | ${cloudPath}`);
      const up = await cloud.uploadFile({ cloudPath, fileContent: bytes });
      const dl = await cloud.downloadFile({ fileID: up.fileID });
      expect([cloudPath, Buffer.compare(dl.fileContent, bytes)]).toEqual([cloudPath, 0]);
      const { fileList } = await cloud.getTempFileURL({ fileList: [up.fileID] });
      const url: string = fileList[0].tempFileURL;
      // What @cloudbase/node-sdk itself does with a temporary URL (getFileInfo, downloadFile): encodeURI.
      expect([cloudPath, Buffer.compare(Buffer.from(await (await fetch(encodeURI(url))).arrayBuffer()), bytes)]).toEqual([cloudPath, 0]);
      // And a page or a script that uses the URL as it is.
      expect([cloudPath, Buffer.compare(Buffer.from(await (await fetch(url)).arrayBuffer()), bytes)]).toEqual([cloudPath, 0]);
    }
  });

  test('deleteFile and getTempFileURL take at most 50 files (INVALID_PARAM beyond)', async () => {
    const fileIDs = Array.from({ length: 51 }, (_, i) => `cloud://${emu.envId}.${emu.envId}-emulator/many/${i}.txt`);
    // node-sdk throws the cloud's reply; wx-server-sdk hands it on with its `code` (errCode -1).
    const tooMany = { code: 'INVALID_PARAM', errMsg: expect.stringContaining('Invalid request param') as unknown };
    expect(await sdkError(cloud.getTempFileURL({ fileList: fileIDs }))).toMatchObject(tooMany);
    expect(await sdkError(cloud.deleteFile({ fileList: fileIDs }))).toMatchObject(tooMany);
    // Fifty are fine (missing files are reported per file, not as a failed call).
    expect((await cloud.getTempFileURL({ fileList: fileIDs.slice(0, 50) })).fileList).toHaveLength(50);
    expect((await cloud.deleteFile({ fileList: fileIDs.slice(0, 50) })).fileList).toHaveLength(50);
  });
});

describe('transaction errors carry the cloud’s messages', () => {
  const NOT_EXIST = '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds.';
  const CONFLICT = '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.';

  beforeAll(async () => {
    await db.createCollection('txn');
    await db.collection('txn').add({ data: { _id: '1', category: 'Web' } });
  });

  test('a committed transaction cannot be used again: TransactionNotExist', async () => {
    const t = await db.startTransaction();
    await t.commit();
    const err = await sdkError(t.collection('txn').doc('1').set({ data: { category: 'Node.js' } }));
    expect(err.errCode).toBe(-501001);
    expect(err.errMsg).toContain(NOT_EXIST);
  });

  test('a rolled-back transaction cannot commit: TransactionNotExist', async () => {
    const t = await db.startTransaction();
    await t.rollback();
    let raw: Untyped;
    try {
      await t.commit();
    } catch (e) {
      raw = e;
    }
    // A commit's failure reaches the caller as the SDK's raw reply (code + message).
    expect(raw).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    expect(String(raw.message)).toContain(NOT_EXIST);
  });

  test('a write over a change made after the transaction began: TransactionConflict', async () => {
    const t = await db.startTransaction();
    await t.collection('txn').doc('1').get();
    await db.collection('txn').doc('1').set({ data: { category: 'changed outside' } });
    const err = await sdkError(t.collection('txn').doc('1').update({ data: { category: 'inside' } }));
    expect(err.errCode).toBe(-501001);
    expect(err.errMsg).toContain(CONFLICT);
    // The cloud ends a transaction that conflicted: using it again says it no longer exists.
    expect((await sdkError(t.collection('txn').doc('1').get())).errMsg).toContain(NOT_EXIST);
  });

  test('a conflict at commit is still retried by runTransaction', async () => {
    let runs = 0;
    const result = await db.runTransaction(async (t: Untyped) => {
      runs += 1;
      const doc = (await t.collection('txn').doc('1').get()).data;
      await t.collection('txn').doc('1').update({ data: { category: `${doc.category}+` } });
      // A write outside the transaction lands before the first attempt commits.
      if (runs === 1) await db.collection('txn').doc('1').update({ data: { category: 'raced' } });
      return doc.category;
    });
    expect(runs).toBe(2);
    expect(result).toBe('raced');
    expect((await db.collection('txn').doc('1').get()).data.category).toBe('raced+');
  });
});
