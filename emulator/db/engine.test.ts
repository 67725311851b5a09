/**
 * The engine through `handle()` with protocol bodies shaped like the SDK's: actions, reply shapes, EJSON,
 * limits, errors, update operators, aggregation.
 */
import { EJSON } from 'bson';
import type { DbEngine } from './engine';
import { Client, dataOf, ej, listOf, openEngine, removeDir } from './testing';

let engine: DbEngine;
let dir: string;
let db: Client;
let clockSet: (iso: string | null) => void;

beforeEach(async () => {
  const opened = await openEngine();
  engine = opened.engine;
  dir = opened.dir;
  clockSet = (iso) => opened.clock.set(iso);
  db = new Client(engine);
  dataOf(await db.addCollection('x'));
});

afterEach(async () => {
  await engine.close();
  removeDir(dir);
});

describe('insertDocument', () => {
  test('generates a 32-hex _id when absent and keeps a given one', async () => {
    const r = dataOf(await db.insert('x', [{ a: 1 }, { _id: 'mine', a: 2 }]));
    const ids = r.insertedIds as unknown[];
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[1]).toBe('mine');
    const docs = listOf(await db.where('x'));
    expect(docs.map((d) => d._id)).toEqual(ids);
  });

  test('generated ids are unique', async () => {
    const r = dataOf(await db.insert('x', Array.from({ length: 500 }, (_, i) => ({ i }))));
    expect(new Set(r.insertedIds as string[]).size).toBe(500);
  });

  test('duplicate _id: E11000 message, and nothing of a multi-document insert is written', async () => {
    dataOf(await db.insert('x', [{ _id: 'doc1', a: 1 }]));
    const r = await db.insert('x', [{ _id: 'fresh', a: 2 }, { _id: 'doc1', a: 9 }]);
    expect(r).toEqual({
      code: 'DATABASE_REQUEST_FAILED',
      message: 'E11000 duplicate key error collection: x index: _id_ dup key: { _id: "doc1" }',
    });
    expect(listOf(await db.where('x')).map((d) => d._id)).toEqual(['doc1']);
    // Duplicates within one request count too.
    expect((await db.insert('x', [{ _id: 'p' }, { _id: 'p' }])).code).toBe('DATABASE_REQUEST_FAILED');
    expect(dataOf(await db.count('x')).total).toBe(1);
  });

  test('numeric ids are distinct from string ids, as in MongoDB', async () => {
    dataOf(await db.insert('x', [{ _id: 5, n: 'number' }, { _id: '5', n: 'string' }]));
    expect(listOf(await db.doc('x', 5))[0].n).toBe('number');
    expect(listOf(await db.doc('x', '5'))[0].n).toBe('string');
  });

  test('refuses $-prefixed and dotted field names, and bad _id types', async () => {
    expect((await db.call('insertDocument', { collectionName: 'x', data: ['{"$bad":1}'] })).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.call('insertDocument', { collectionName: 'x', data: ['{"a.b":1}'] })).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.call('insertDocument', { collectionName: 'x', data: ['{"a":{"__proto__":{"x":1}}}'] })).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.insert('x', [{ _id: { o: 1 } }])).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.call('insertDocument', { collectionName: 'x', data: [] })).code).toBe('INVALID_PARAM');
    expect((await db.call('insertDocument', { collectionName: 'x', data: ['not json'] })).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.call('insertDocument', { collectionName: 'x', data: ['[1,2]'] })).code).toBe('DATABASE_REQUEST_FAILED');
  });

  test('document size limit: 512 KB of EJSON', async () => {
    const big = 'x'.repeat(512 * 1024);
    const r = await db.insert('x', [{ _id: 'big', big }]);
    expect(r.code).toBe('DATABASE_REQUEST_FAILED');
    expect(String(r.message)).toMatch(/size limit/);
    dataOf(await db.insert('x', [{ _id: 'ok', s: 'x'.repeat(500 * 1024) }]));
    // An update that would push a document over the limit is refused and leaves it unchanged.
    const u = await db.updateDoc('x', 'ok', { $set: { more: 'y'.repeat(20 * 1024) } });
    expect(u.code).toBe('DATABASE_REQUEST_FAILED');
    expect(listOf(await db.doc('x', 'ok'))[0].more).toBeUndefined();
  });
});

describe('EJSON', () => {
  test('canonical types round-trip and replies are canonical EJSON strings', async () => {
    const when = new Date('2024-01-02T03:04:05.000Z');
    dataOf(
      await db.call('insertDocument', {
        collectionName: 'x',
        data: [
          '{"_id":"t","i":{"$numberInt":"7"},"l":{"$numberLong":"1099511627776"},"d":{"$numberDouble":"1.5"},' +
            '"w":{"$date":{"$numberLong":"1704164645000"}},"r":{"$regularExpression":{"pattern":"^a","options":"i"}},' +
            '"o":{"$oid":"5f1b1c1d1e1f202122232425"},"n":null,"arr":[{"$numberInt":"1"},"s"],"obj":{"k":true}}',
        ],
      }),
    );
    const reply = await db.doc('x', 't');
    const [text] = (dataOf(reply).list as string[]);
    expect(typeof text).toBe('string');
    expect(text).toContain('"i":{"$numberInt":"7"}');
    expect(text).toContain('"l":{"$numberLong":"1099511627776"}');
    expect(text).toContain('"d":{"$numberDouble":"1.5"}');
    expect(text).toContain('"w":{"$date":{"$numberLong":"1704164645000"}}');
    expect(text).toContain('"r":{"$regularExpression":{"pattern":"^a","options":"i"}}');
    // ObjectIds are stored as such (a query by ObjectId matches) but replies carry the hex string, as the cloud's do.
    expect(text).toContain('"o":"5f1b1c1d1e1f202122232425"');
    expect(dataOf(await db.count('x', { o: { $oid: '5f1b1c1d1e1f202122232425' } }))).toEqual({ total: 1 });
    const doc = EJSON.parse(text) as Record<string, unknown>;
    expect(doc.w).toEqual(when);
    expect(doc.i).toBe(7);
    expect(doc.arr).toEqual([1, 's']);
    expect(doc.obj).toEqual({ k: true });
  });

  test('dates compare and sort as dates; regexes match', async () => {
    dataOf(
      await db.insert('x', [
        { _id: 'a', at: new Date('2024-01-03'), name: 'Alice' },
        { _id: 'b', at: new Date('2024-01-01'), name: 'bob' },
        { _id: 'c', at: new Date('2024-01-02'), name: 'Carol' },
      ]),
    );
    const after = listOf(await db.where('x', { at: { $gt: new Date('2024-01-01T12:00:00Z') } }, { order: { at: 1 } }));
    expect(after.map((d) => d._id)).toEqual(['c', 'a']);
    expect(listOf(await db.where('x', { at: new Date('2024-01-01') })).map((d) => d._id)).toEqual(['b']);
    expect(listOf(await db.where('x', { at: { $in: [new Date('2024-01-02')] } })).map((d) => d._id)).toEqual(['c']);
    expect(listOf(await db.where('x', {}, { order: { at: -1 } })).map((d) => d._id)).toEqual(['a', 'c', 'b']);
    expect(listOf(await db.where('x', { name: /^[ab]/i })).map((d) => d._id)).toEqual(['a', 'b']);
    // Legacy {$regex, $options} works too.
    expect(listOf(await db.where('x', { name: { $regex: 'ol$', $options: '' } })).map((d) => d._id)).toEqual(['c']);
  });

  test('$tcb_server_date is the emulator clock plus offset, in inserts, updates and filters', async () => {
    clockSet('2030-05-06T07:08:09.000Z');
    const base = Date.parse('2030-05-06T07:08:09.000Z');
    dataOf(
      await db.call('insertDocument', {
        collectionName: 'x',
        data: ['{"_id":"s","at":{"$tcb_server_date":{"offset":{"$numberInt":"0"}}},"deep":[{"later":{"$tcb_server_date":{"offset":{"$numberInt":"60000"}}}}]}'],
      }),
    );
    const doc = listOf(await db.doc('x', 's'))[0] as { at: Date; deep: Array<{ later: Date }> };
    expect(doc.at).toBeInstanceOf(Date);
    // The clock runs on from the set instant: allow the test's own run time.
    expect(doc.at.getTime() - base).toBeGreaterThanOrEqual(0);
    expect(doc.at.getTime() - base).toBeLessThan(5000);
    expect(doc.deep[0].later.getTime() - doc.at.getTime()).toBeGreaterThanOrEqual(60000);
    expect(doc.deep[0].later.getTime() - doc.at.getTime()).toBeLessThan(65000);

    dataOf(await db.call('modifyDocument', {
      collectionName: 'x', queryType: 'DOC', query: ej({ _id: 's' }), multi: false, merge: true, upsert: false,
      data: '{"$set":{"touched":{"$tcb_server_date":{"offset":{"$numberInt":"-1000"}}}}}',
    }));
    const touched = (listOf(await db.doc('x', 's'))[0] as { touched: Date }).touched;
    expect(touched.getTime() - base).toBeGreaterThanOrEqual(-1000);
    expect(touched.getTime() - base).toBeLessThan(4000);

    const found = await db.call('getDocument', {
      collectionName: 'x', queryType: 'WHERE', limit: 10,
      query: '{"at":{"$lte":{"$tcb_server_date":{"offset":{"$numberInt":"0"}}}}}',
    });
    expect(listOf(found).map((d) => d._id)).toEqual(['s']);
  });
});

describe('getDocument', () => {
  beforeEach(async () => {
    dataOf(await db.insert('x', Array.from({ length: 1500 }, (_, i) => ({ _id: `d${String(i).padStart(4, '0')}`, i, even: i % 2 === 0 }))));
  });

  test('limit: default 100 when absent or 0, capped at 1000', async () => {
    const absent = await db.call('getDocument', { collectionName: 'x', queryType: 'WHERE' });
    expect(listOf(absent)).toHaveLength(100);
    const zero = await db.call('getDocument', { collectionName: 'x', queryType: 'WHERE', limit: 0 });
    expect(listOf(zero)).toHaveLength(100);
    expect(listOf(await db.where('x', {}, { limit: 5000 }))).toHaveLength(1000);
    expect(listOf(await db.where('x', {}, { limit: 1000 }))).toHaveLength(1000);
    expect(listOf(await db.where('x', {}, { limit: 7 }))).toHaveLength(7);
    expect((await db.call('getDocument', { collectionName: 'x', queryType: 'WHERE', limit: -1 })).code).toBe('INVALID_PARAM');
    expect((await db.call('getDocument', { collectionName: 'x', queryType: 'WHERE', limit: '5' })).code).toBe('INVALID_PARAM');
  });

  test('natural order, offset, order, projection', async () => {
    const page = listOf(await db.where('x', { even: true }, { offset: 2, limit: 3 }));
    expect(page.map((d) => d.i)).toEqual([4, 6, 8]);
    const desc = listOf(await db.where('x', { i: { $lt: 10 } }, { order: { i: -1 }, offset: 1, limit: 2 }));
    expect(desc.map((d) => d.i)).toEqual([8, 7]);
    // Ties keep natural order.
    const ties = listOf(await db.where('x', { i: { $lt: 6 } }, { order: { even: -1 } }));
    expect(ties.map((d) => d.i)).toEqual([0, 2, 4, 1, 3, 5]);
    const projected = listOf(await db.where('x', { i: 3 }, { projection: { i: 1, _id: 0 } }));
    expect(projected).toEqual([{ i: 3 }]);
    const excluded = listOf(await db.where('x', { i: 3 }, { projection: { even: 0 } }));
    expect(excluded).toEqual([{ _id: 'd0003', i: 3 }]);
    expect((await db.where('x', {}, { order: { i: 2 as 1 } })).code).toBe('DATABASE_REQUEST_FAILED');
  });

  test('DOC query: found, not found (empty list), projection', async () => {
    expect(listOf(await db.doc('x', 'd0001'))).toEqual([{ _id: 'd0001', i: 1, even: false }]);
    expect(listOf(await db.doc('x', 'nope'))).toEqual([]);
    const r = await db.call('getDocument', { collectionName: 'x', query: ej({ _id: 'd0002' }), queryType: 'DOC', projection: ej({ i: 1 }) });
    expect(listOf(r)).toEqual([{ _id: 'd0002', i: 2 }]);
  });

  test('calculateDocument counts', async () => {
    expect(dataOf(await db.count('x'))).toEqual({ total: 1500 });
    expect(dataOf(await db.count('x', { even: true, i: { $gte: 1000 } }))).toEqual({ total: 250 });
  });

  test('bad filters are error replies, not exceptions', async () => {
    expect((await db.where('x', { i: { $nosuchop: 1 } })).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.where('x', { $where: 'true' })).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.call('getDocument', { collectionName: 'x', queryType: 'WHERE', query: '{bad' })).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.call('getDocument', { collectionName: 'x', queryType: 'NOPE' })).code).toBe('INVALID_PARAM');
    expect((await db.call('getDocument', { queryType: 'WHERE' })).code).toBe('INVALID_PARAM');
    expect((await db.call('getDocument', { collectionName: 'x', queryType: 'DOC', query: '{}' })).code).toBe('INVALID_PARAM');
    expect((await engine.handle({ action: 'database.getDocument', collectionName: 'x' })).code).toBe('INVALID_PARAM');
    expect((await db.call('nosuchAction')).code).toBe('INVALID_PARAM');
  });
});

describe('modifyDocument', () => {
  test('update operators', async () => {
    dataOf(await db.insert('x', [{ _id: 'u', n: 5, arr: [1, 2, 3], gone: 1, old: 'v', tags: ['a'], nums: [3, 1], objs: [{ x: 3 }, { x: 1 }] }]));
    const r = await db.updateDoc('x', 'u', {
      $inc: { n: 2 },
      $mul: { m: 3 },
      $unset: { gone: '' },
      $rename: { old: 'renamed' },
      $set: { 'nested.k': 'v' },
      $min: { low: 1 },
      $max: { high: new Date('2030-01-01') },
      $addToSet: { tags: { $each: ['a', 'b'] } },
    });
    expect(dataOf(r)).toEqual({ updated: 1 });
    dataOf(await db.updateDoc('x', 'u', { $push: { arr: { $each: [9, 8], $position: 0, $slice: 4 } } }));
    dataOf(await db.updateDoc('x', 'u', { $push: { nums: { $each: [2], $sort: -1 } }, $pop: { tags: -1 } }));
    dataOf(await db.updateDoc('x', 'u', { $push: { objs: { $each: [{ x: 2 }], $sort: { x: 1 }, $slice: -2 } } }));
    dataOf(await db.updateDoc('x', 'u', { $pull: { arr: 8 }, $pullAll: { nums: [1, 2] } }));
    const doc = listOf(await db.doc('x', 'u'))[0];
    expect(doc).toEqual({
      _id: 'u',
      n: 7,
      m: 0,
      arr: [9, 1, 2],
      tags: ['b'],
      nums: [3],
      objs: [{ x: 2 }, { x: 3 }],
      renamed: 'v',
      nested: { k: 'v' },
      low: 1,
      high: new Date('2030-01-01'),
    });
    dataOf(await db.updateDoc('x', 'u', { $pop: { arr: 1 } }));
    expect(listOf(await db.doc('x', 'u'))[0].arr).toEqual([9, 1]);
  });

  test('a matched document counts as updated even when nothing changes (the cloud’s answer); a WHERE update that changes nothing and a missing document report 0', async () => {
    dataOf(await db.insert('x', [{ _id: 'u', n: 1 }]));
    expect(dataOf(await db.updateDoc('x', 'u', { $set: { n: 1 } }))).toEqual({ updated: 1 });
    expect(dataOf(await db.setDoc('x', 'u', { n: 1 }))).toEqual({ updated: 1 });
    expect(dataOf(await db.updateWhere('x', { _id: 'u' }, { $set: { n: 1 } }))).toEqual({ updated: 0 });
    expect(dataOf(await db.updateDoc('x', 'missing', { $set: { n: 1 } }))).toEqual({ updated: 0 });
    expect(dataOf(await db.count('x'))).toEqual({ total: 1 });
  });

  test('set() replaces (merge: false) and upserts', async () => {
    dataOf(await db.insert('x', [{ _id: 'u', a: 1, b: 2 }]));
    expect(dataOf(await db.setDoc('x', 'u', { c: 3 }))).toEqual({ updated: 1 });
    expect(listOf(await db.doc('x', 'u'))).toEqual([{ _id: 'u', c: 3 }]);
    expect(dataOf(await db.setDoc('x', 'new', { z: 1 }))).toEqual({ updated: 0, upsert_id: 'new' });
    expect(listOf(await db.doc('x', 'new'))).toEqual([{ _id: 'new', z: 1 }]);
    // A replacement must not carry operators.
    expect((await db.setDoc('x', 'u', { $set: { a: 1 } })).code).toBe('DATABASE_REQUEST_FAILED');
  });

  test('WHERE multi updates every match in one go; multi false only the first', async () => {
    dataOf(await db.insert('x', [{ _id: '1', g: 'a' }, { _id: '2', g: 'a' }, { _id: '3', g: 'b' }]));
    expect(dataOf(await db.updateWhere('x', { g: 'a' }, { $set: { hit: true } }))).toEqual({ updated: 2 });
    expect(dataOf(await db.updateWhere('x', { g: 'a' }, { $set: { once: true } }, { multi: false }))).toEqual({ updated: 1 });
    const docs = listOf(await db.where('x'));
    expect(docs.map((d) => [d._id, d.hit, d.once])).toEqual([
      ['1', true, true],
      ['2', true, undefined],
      ['3', undefined, undefined],
    ]);
  });

  test('WHERE upsert seeds the new document from the filter', async () => {
    const r = dataOf(await db.updateWhere('x', { k: 'key', n: { $eq: 2 }, m: { $gt: 1 } }, { $set: { v: 1 } }, { upsert: true }));
    expect(r.updated).toBe(0);
    expect(r.upsert_id).toMatch(/^[0-9a-f]{32}$/);
    const [doc] = listOf(await db.where('x', { k: 'key' }));
    expect(doc).toEqual({ _id: r.upsert_id, k: 'key', n: 2, v: 1 });
  });

  test('bad updates are refused and change nothing', async () => {
    dataOf(await db.insert('x', [{ _id: '1', n: 1 }, { _id: '2', n: 'str' }]));
    expect((await db.updateDoc('x', '1', { $bogus: { n: 1 } })).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.updateDoc('x', '1', { $set: { _id: 'other' } })).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.updateDoc('x', '1', { $inc: { n: 'x' } })).code).toBe('DATABASE_REQUEST_FAILED');
    // MongoDB refuses operators on the wrong type (mingo alone would skip the field silently).
    expect((await db.updateDoc('x', '2', { $inc: { n: 1 } })).message).toMatch(/non-numeric/);
    expect((await db.updateDoc('x', '2', { $push: { n: 1 } })).message).toMatch(/non-array/);
    expect((await db.updateWhere('x', {}, { $inc: { n: 1 } })).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.updateDoc('x', '1', {})).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.call('modifyDocument', { collectionName: 'x', queryType: 'DOC', query: ej({ _id: '1' }), data: '{"$set":{"a":1},"b":2}' })).code).toBe(
      'DATABASE_REQUEST_FAILED',
    );
    expect(listOf(await db.where('x')).map((d) => d.n)).toEqual([1, 'str']);
    // Paths through __proto__ never reach Object.prototype (an upsert seeds from the filter's paths).
    const polluting = await db.call('modifyDocument', {
      collectionName: 'x', queryType: 'DOC', query: '{"_id":"p","__proto__.polluted":1}', data: ej({ $set: { a: 1 } }), merge: true, upsert: true,
    });
    expect(polluting.code).toBe('DATABASE_REQUEST_FAILED');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('updateAndReturn (modifyAndReturnDoc) returns the updated document', async () => {
    dataOf(await db.insert('x', [{ _id: '1', n: 1 }]));
    const r = dataOf(await db.call('modifyAndReturnDoc', { collectionName: 'x', queryType: 'WHERE', query: ej({ n: 1 }), data: ej({ $inc: { n: 1 } }) }));
    expect(r.updated).toBe(1);
    expect(EJSON.parse(r.doc as string)).toEqual({ _id: '1', n: 2 });
  });
});

describe('removeDocument', () => {
  test('DOC, WHERE multi, WHERE single', async () => {
    dataOf(await db.insert('x', [{ _id: '1', g: 'a' }, { _id: '2', g: 'a' }, { _id: '3', g: 'a' }, { _id: '4', g: 'b' }]));
    expect(dataOf(await db.removeDoc('x', '4'))).toEqual({ deleted: 1 });
    expect(dataOf(await db.removeDoc('x', '4'))).toEqual({ deleted: 0 });
    expect(dataOf(await db.removeWhere('x', { g: 'a' }, false))).toEqual({ deleted: 1 });
    expect(dataOf(await db.removeWhere('x', { g: 'a' }))).toEqual({ deleted: 2 });
    expect(dataOf(await db.count('x'))).toEqual({ total: 0 });
  });

  test('a removed id can be inserted again and goes to the end of natural order', async () => {
    dataOf(await db.insert('x', [{ _id: '1' }, { _id: '2' }]));
    dataOf(await db.removeDoc('x', '1'));
    dataOf(await db.insert('x', [{ _id: '1', again: true }]));
    expect(listOf(await db.where('x')).map((d) => d._id)).toEqual(['2', '1']);
  });
});

describe('aggregateDocuments', () => {
  beforeEach(async () => {
    dataOf(await db.addCollection('members'));
    dataOf(await db.insert('x', [
      { _id: '1', b: 2, v: 10, m: 'm1' },
      { _id: '2', b: 2, v: 5, m: 'm2' },
      { _id: '3', b: 1, v: 1, m: 'm1' },
    ]));
    dataOf(await db.insert('members', [{ _id: 'm1', name: 'One' }, { _id: 'm2', name: 'Two' }]));
  });

  test('match, group, sort, project, count, limit', async () => {
    const grouped = listOf(await db.aggregate('x', [{ $group: { _id: '$b', n: { $sum: 1 }, total: { $sum: '$v' } } }, { $sort: { _id: 1 } }]));
    expect(grouped).toEqual([{ _id: 1, n: 1, total: 1 }, { _id: 2, n: 2, total: 15 }]);
    const counted = listOf(await db.aggregate('x', [{ $match: { b: 2 } }, { $count: 'n' }]));
    expect(counted).toEqual([{ n: 2 }]);
    const limited = listOf(await db.aggregate('x', [{ $sort: { v: -1 } }, { $limit: 1 }, { $project: { v: 1, _id: 0 } }]));
    expect(limited).toEqual([{ v: 10 }]);
  });

  test('$lookup joins another collection of the same env', async () => {
    const joined = listOf(await db.aggregate('x', [
      { $match: { _id: '2' } },
      { $lookup: { from: 'members', localField: 'm', foreignField: '_id', as: 'member' } },
    ]));
    expect(joined).toEqual([{ _id: '2', b: 2, v: 5, m: 'm2', member: [{ _id: 'm2', name: 'Two' }] }]);
  });

  test('does not alter stored documents; refuses write stages and scripts', async () => {
    listOf(await db.aggregate('x', [{ $addFields: { v: 0 } }, { $unset: 'm' }]));
    expect(listOf(await db.doc('x', '1'))).toEqual([{ _id: '1', b: 2, v: 10, m: 'm1' }]);
    expect((await db.aggregate('x', [{ $out: 'y' }])).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.aggregate('x', [{ $nosuchstage: {} }])).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.aggregate('x', [{ $match: { $where: 'true' } }])).code).toBe('DATABASE_REQUEST_FAILED');
  });
});

describe('collections and envs', () => {
  test('missing collection: every action says DATABASE_COLLECTION_NOT_EXIST, upsert included', async () => {
    const expectMissing = (r: Record<string, unknown>): void => expect(r.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expectMissing(await db.where('nope'));
    expectMissing(await db.doc('nope', 'a'));
    expectMissing(await db.count('nope'));
    expectMissing(await db.insert('nope', [{ a: 1 }]));
    expectMissing(await db.updateDoc('nope', 'a', { $set: { a: 1 } }));
    expectMissing(await db.setDoc('nope', 'a', { a: 1 }));
    expectMissing(await db.updateWhere('nope', { a: 1 }, { $set: { a: 1 } }, { upsert: true }));
    expectMissing(await db.removeDoc('nope', 'a'));
    expectMissing(await db.removeWhere('nope', {}));
    expectMissing(await db.aggregate('nope', [{ $match: {} }]));
    expectMissing(await db.call('deleteCollection', { collectionName: 'nope' }));
    expect(engine.collectionNames('test-env')).toEqual(['x']);
  });

  test('addCollection fails if the collection exists; deleteCollection drops it', async () => {
    expect(await db.addCollection('x')).toEqual({
      code: 'DATABASE_COLLECTION_ALREADY_EXIST',
      message: expect.stringContaining("'x'") as unknown,
    });
    dataOf(await db.insert('x', [{ _id: 'a' }]));
    expect(dataOf(await db.call('deleteCollection', { collectionName: 'x' }))).toEqual({});
    expect((await db.where('x')).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    dataOf(await db.addCollection('x'));
    expect(listOf(await db.where('x'))).toEqual([]);
    expect((await db.addCollection('bad$name')).code).toBe('INVALID_PARAM');
  });

  test('each env is its own database', async () => {
    const other = new Client(engine, 'other-env');
    expect((await other.where('x')).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    dataOf(await other.addCollection('x'));
    dataOf(await other.insert('x', [{ _id: 'same' }]));
    dataOf(await db.insert('x', [{ _id: 'same', here: true }]));
    expect(listOf(await other.doc('x', 'same'))).toEqual([{ _id: 'same' }]);
    expect(engine.collectionNames('other-env')).toEqual(['x']);
    expect(engine.collectionNames('unknown-env')).toEqual([]);
  });

  test('never throws, whatever the body', async () => {
    const bodies: Array<Record<string, unknown>> = [
      {},
      { action: 42 },
      { action: 'database.insertDocument', envName: 'test-env', collectionName: 'x', data: 'nope' },
      { action: 'database.insertDocument', envName: 'test-env', collectionName: 'x', data: [null] },
      { action: 'database.modifyDocument', envName: 'test-env', collectionName: 'x', queryType: 'DOC', query: '{"_id":{"$gt":1}}', data: '{}' },
      { action: 'database.aggregateDocuments', envName: 'test-env', collectionName: 'x', stages: [{}] },
      { action: 'database.getDocument', envName: 'test-env', collectionName: 'x', order: '{"a":"x"}' },
      { action: 'database.getDocument', envName: 'test-env', collectionName: 'x', query: '{"a":{"$regularExpression":{"pattern":"(","options":""}}}' },
      { action: 'database.commitTransaction', envName: 'test-env' },
    ];
    for (const b of bodies) {
      const r = await engine.handle(b);
      expect(typeof r.code).toBe('string');
      expect(typeof r.message).toBe('string');
    }
  });
});
