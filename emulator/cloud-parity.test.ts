/**
 * The emulator agrees with the cloud where Tencent's own tests of its server SDK (@cloudbase/node-sdk, which
 * wx-server-sdk 4.0.2 bundles) say what the cloud answers. Each case here is a difference those tests found
 * when run against the emulator (issue 10, section 8), checked through the unmodified wx-server-sdk as
 * function code sees it. Geo queries and `$jsonSchema` are left out on purpose (not emulated).
 */
import { connectSdk } from './sdk-client';
import { startTestEmulator, type TestEmulator } from './testing/harness';

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
