/**
 * Automatic equality indexes give exactly the results of a full scan (same documents, same order), before and
 * after the indexed fields change.
 */
import type { DbEngine } from './engine';
import { Client, dataOf, openEngine, removeDir, type GetOptions } from './testing';

let indexed: Client;
let scanned: Client;
const engines: DbEngine[] = [];
const dirs: string[] = [];

/** Deterministic pseudo-random numbers (LCG), so a failure is reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function makeDocs(n: number): Array<Record<string, unknown>> {
  const r = rng(42);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  return Array.from({ length: n }, (_, i) => {
    const doc: Record<string, unknown> = {
      _id: `d${i}`,
      memberId: `m${Math.floor(r() * 50)}`,
      status: pick(['a', 'b', 'c']),
      n: pick([1, 2, 3, 4, 5, '5', 2.5]),
      flag: pick([true, false]),
      at: new Date(Date.UTC(2024, 0, 1 + Math.floor(r() * 10))),
      tags: pick([['t1'], ['t1', 't2'], [], ['t3'], 't1']),
    };
    if (r() < 0.1) delete doc.memberId;
    if (r() < 0.05) doc.memberId = null;
    if (r() < 0.05) doc.status = { nested: 'a' };
    return doc;
  });
}

const QUERIES: Array<[Record<string, unknown>, GetOptions?]> = [
  [{ memberId: 'm3' }],
  [{ memberId: 'm3', status: 'a' }],
  [{ status: { $in: ['a', 'b'] }, memberId: { $in: ['m1', 'm2', 'nobody'] } }],
  [{ status: { $eq: 'c' }, flag: true }],
  [{ tags: 't1', memberId: 'm7' }],
  [{ tags: 't2' }],
  [{ n: 5 }],
  [{ n: '5' }],
  [{ n: 2.5, flag: false }],
  [{ at: new Date(Date.UTC(2024, 0, 3)) }],
  [{ $and: [{ memberId: 'm1' }, { n: { $gt: 2 } }] }],
  [{ memberId: 'm4', $or: [{ status: 'a' }, { flag: true }] }],
  [{ memberId: null }],
  [{ memberId: { $in: ['m5', null] } }],
  [{ status: 'a', 'tags.0': 't1' }],
  [{ _id: { $in: ['d5', 'd17', 'd3', 'missing'] } }],
  [{ memberId: 'm9' }, { order: { n: -1 }, offset: 2, limit: 5 }],
  [{ status: 'b' }, { offset: 30, limit: 20 }],
  [{ status: 'b' }, { projection: { memberId: 1 }, limit: 7 }],
];

beforeAll(async () => {
  for (const threshold of [1000, Number.MAX_SAFE_INTEGER]) {
    const { engine, dir } = await openEngine({ indexThreshold: threshold });
    engines.push(engine);
    dirs.push(dir);
    const c = new Client(engine);
    dataOf(await c.addCollection('x'));
    const docs = makeDocs(3000);
    for (let i = 0; i < docs.length; i += 500) dataOf(await c.insert('x', docs.slice(i, i + 500)));
    if (threshold === 1000) indexed = c;
    else scanned = c;
  }
});

afterAll(async () => {
  for (const e of engines) await e.close();
  for (const d of dirs) removeDir(d);
});

async function compareAll(): Promise<void> {
  for (const [filter, opts] of QUERIES) {
    const a = await indexed.where('x', filter, { limit: 1000, ...opts });
    const b = await scanned.where('x', filter, { limit: 1000, ...opts });
    expect(a.code).toBeUndefined();
    expect({ filter, list: a }).toEqual({ filter, list: b });
    expect(await indexed.count('x', filter)).toEqual(await scanned.count('x', filter));
  }
}

test('indexed queries return what a full scan returns', async () => {
  await compareAll();
  const fields = engines[0].inspect('test-env', 'x')?.indexes ?? [];
  expect(fields).toEqual(expect.arrayContaining(['memberId', 'status', 'tags', 'n', 'flag', 'at']));
  // The scan engine never builds any.
  expect(engines[1].inspect('test-env', 'x')?.indexes).toEqual([]);
  // Small collections are not indexed.
  dataOf(await indexed.addCollection('small'));
  dataOf(await indexed.insert('small', [{ k: 1 }]));
  dataOf(await indexed.where('small', { k: 1 }));
  expect(engines[0].inspect('test-env', 'small')?.indexes).toEqual([]);
});

test('indexes follow updates, removals and re-inserts', async () => {
  for (const c of [indexed, scanned]) {
    dataOf(await c.updateWhere('x', { memberId: 'm3' }, { $set: { memberId: 'm4', status: 'z' } }));
    dataOf(await c.updateWhere('x', { status: 'a', flag: true }, { $set: { tags: ['t2', 't9'] } }));
    dataOf(await c.updateWhere('x', { n: 5 }, { $unset: { status: '' } }));
    dataOf(await c.removeWhere('x', { memberId: 'm7' }));
    dataOf(await c.setDoc('x', 'd10', { memberId: 'm3', status: 'a', tags: ['t1'] }));
    dataOf(await c.removeDoc('x', 'd11'));
    dataOf(await c.insert('x', [{ _id: 'd11', memberId: 'm3', status: 'a', n: 5 }]));
    const t = await c.start();
    dataOf(await c.updateDoc('x', 'd12', { $set: { memberId: 'm3' } }, t));
    dataOf(await c.commit(t));
  }
  await compareAll();
});
