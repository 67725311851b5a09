/**
 * Transactions: snapshot isolation, buffered writes applied atomically at commit, first-writer-wins conflicts
 * (with server-side rollback), expiry, and the errors for unusable transaction ids.
 */
import type { DbEngine } from './engine';
import { Client, dataOf, ej, listOf, openEngine, removeDir } from './testing';
import { TRANSACTION_CONFLICT, TRANSACTION_NOT_EXIST } from './transactions';

let engine: DbEngine;
let dir: string;
let db: Client;

async function setup(transactionTimeoutMs?: number): Promise<void> {
  ({ engine, dir } = await openEngine({ transactionTimeoutMs }));
  db = new Client(engine);
  dataOf(await db.addCollection('x'));
  dataOf(await db.addCollection('y'));
  dataOf(await db.insert('x', [{ _id: 'doc1', a: 1 }, { _id: 'doc2', a: 2 }]));
}

afterEach(async () => {
  await engine.close();
  removeDir(dir);
});

const a = async (id: string, txn?: string): Promise<unknown> => listOf(await db.doc('x', id, txn))[0]?.a;

describe('snapshot isolation', () => {
  beforeEach(() => setup());

  test('a transaction does not see writes committed after it started, but sees its own', async () => {
    const t = await db.start();
    expect(await a('doc1', t)).toBe(1);
    dataOf(await db.updateDoc('x', 'doc2', { $set: { a: 20 } }));
    dataOf(await db.insert('x', [{ _id: 'late', a: 3 }]));
    dataOf(await db.removeDoc('x', 'doc1'));
    // Outside: the new state. Inside: the snapshot.
    expect(await a('doc2')).toBe(20);
    expect(await a('doc2', t)).toBe(2);
    expect(await a('late', t)).toBeUndefined();
    expect(await a('doc1', t)).toBe(1);
    // Its own write to a document nobody else touched is visible to it, not to others, until commit.
    dataOf(await db.call('insertDocument', { collectionName: 'y', data: [ej({ _id: 'mine', v: 1 })], transactionId: t }));
    expect(listOf(await db.doc('y', 'mine', t))).toEqual([{ _id: 'mine', v: 1 }]);
    expect(listOf(await db.doc('y', 'mine'))).toEqual([]);
    dataOf(await db.commit(t));
    expect(listOf(await db.doc('y', 'mine'))).toEqual([{ _id: 'mine', v: 1 }]);
  });

  test('all writes of a transaction become visible at commit, none before', async () => {
    const t = await db.start();
    expect(dataOf(await db.updateDoc('x', 'doc1', { $inc: { a: 10 } }, t))).toEqual({ updated: 1 });
    expect(dataOf(await db.removeDoc('x', 'doc2', t))).toEqual({ deleted: 1 });
    expect(dataOf(await db.setDoc('x', 'doc3', { a: 3 }, t))).toEqual({ updated: 0, upsert_id: 'doc3' });
    expect(dataOf(await db.insert('y', [{ _id: 'n', v: 1 }], t))).toEqual({ insertedIds: ['n'] });
    // Read-your-writes inside, nothing outside.
    expect(await a('doc1', t)).toBe(11);
    expect(await a('doc2', t)).toBeUndefined();
    expect(await a('doc1')).toBe(1);
    expect(await a('doc2')).toBe(2);
    expect(await a('doc3')).toBeUndefined();
    dataOf(await db.commit(t));
    expect(listOf(await db.where('x')).map((d) => [d._id, d.a])).toEqual([
      ['doc1', 11],
      ['doc3', 3],
    ]);
    expect(listOf(await db.doc('y', 'n'))).toEqual([{ _id: 'n', v: 1 }]);
  });

  test('a rolled-back transaction leaves nothing', async () => {
    const t = await db.start();
    dataOf(await db.updateDoc('x', 'doc1', { $set: { a: 0 } }, t));
    dataOf(await db.insert('y', [{ _id: 'n' }], t));
    dataOf(await db.removeDoc('x', 'doc2', t));
    dataOf(await db.abort(t));
    expect(listOf(await db.where('x')).map((d) => [d._id, d.a])).toEqual([
      ['doc1', 1],
      ['doc2', 2],
    ]);
    expect(dataOf(await db.count('y'))).toEqual({ total: 0 });
    // Its locks are gone: another transaction can write the same document.
    const t2 = await db.start();
    dataOf(await db.updateDoc('x', 'doc1', { $set: { a: 5 } }, t2));
    dataOf(await db.commit(t2));
    expect(await a('doc1')).toBe(5);
  });

  test('duplicate insert inside a transaction; WHERE operations are refused', async () => {
    const t = await db.start();
    expect((await db.insert('x', [{ _id: 'doc1' }], t)).message).toMatch(/E11000/);
    expect((await db.where('x', {}, { transactionId: t })).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.updateWhere('x', {}, { $set: { z: 1 } }, { transactionId: t })).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.doc('nope', 'doc1', t)).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    // None of that ended the transaction.
    dataOf(await db.updateDoc('x', 'doc1', { $set: { a: 9 } }, t));
    dataOf(await db.commit(t));
    expect(await a('doc1')).toBe(9);
  });

  test('history kept for snapshots is dropped once no transaction needs it', async () => {
    const t = await db.start();
    for (let i = 0; i < 5; i++) dataOf(await db.updateDoc('x', 'doc1', { $inc: { a: 1 } }));
    expect(engine.inspect('test-env', 'x')?.history).toBe(1);
    expect(await a('doc1', t)).toBe(1);
    dataOf(await db.commit(t));
    expect(engine.inspect('test-env', 'x')?.history).toBe(0);
    // Without open transactions nothing is kept at all.
    dataOf(await db.updateDoc('x', 'doc1', { $inc: { a: 1 } }));
    expect(engine.inspect('test-env', 'x')?.history).toBe(0);
  });
});

describe('conflicts', () => {
  beforeEach(() => setup());

  test('two transactions writing one document: the second gets DATABASE_TRANSACTION_CONFLICT and is rolled back', async () => {
    const t1 = await db.start();
    const t2 = await db.start();
    dataOf(await db.updateDoc('x', 'doc1', { $inc: { a: 1 } }, t1));
    dataOf(await db.updateDoc('x', 'doc2', { $inc: { a: 1 } }, t2));
    const clash = await db.updateDoc('x', 'doc1', { $inc: { a: 100 } }, t2);
    expect(clash).toEqual({ code: 'DATABASE_TRANSACTION_CONFLICT', message: TRANSACTION_CONFLICT });
    // t2 is gone server-side (runTransaction retries without aborting it), with its write to doc2.
    expect((await db.commit(t2)).code).toBe('DATABASE_TRANSACTION_FAIL');
    dataOf(await db.commit(t1));
    expect(await a('doc1')).toBe(2);
    expect(await a('doc2')).toBe(2);
  });

  test('writing a document committed (by anyone) after the snapshot conflicts', async () => {
    const t = await db.start();
    dataOf(await db.updateDoc('x', 'doc1', { $set: { a: 50 } }));
    expect((await db.updateDoc('x', 'doc1', { $set: { a: 60 } }, t)).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await a('doc1')).toBe(50);

    // A document deleted after the snapshot, and one inserted after it, conflict too.
    const t2 = await db.start();
    dataOf(await db.removeDoc('x', 'doc2'));
    dataOf(await db.insert('x', [{ _id: 'fresh' }]));
    expect((await db.removeDoc('x', 'doc2', t2)).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    const t3 = await db.start();
    const t4 = await db.start();
    dataOf(await db.insert('x', [{ _id: 'racy' }], t3));
    dataOf(await db.commit(t3));
    expect((await db.setDoc('x', 'racy', { v: 1 }, t4)).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  });

  test('commit re-checks: a non-transactional write after the transaction wrote makes the commit conflict', async () => {
    const t = await db.start();
    dataOf(await db.updateDoc('x', 'doc1', { $set: { a: 7 } }, t));
    // Non-transactional writes take no locks (first committer wins).
    dataOf(await db.updateDoc('x', 'doc1', { $set: { a: 8 } }));
    expect((await db.commit(t)).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await a('doc1')).toBe(8);
    expect((await db.abort(t)).code).toBe('DATABASE_TRANSACTION_FAIL');
  });

  test('runTransaction-style retry succeeds after a conflict', async () => {
    const holder = await db.start();
    dataOf(await db.updateDoc('x', 'doc1', { $inc: { a: 1 } }, holder));
    const first = await db.start();
    expect((await db.updateDoc('x', 'doc1', { $inc: { a: 1 } }, first)).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    dataOf(await db.commit(holder));
    // The retry is a new transaction, started after the holder committed.
    const retry = await db.start();
    dataOf(await db.updateDoc('x', 'doc1', { $inc: { a: 1 } }, retry));
    dataOf(await db.commit(retry));
    expect(await a('doc1')).toBe(3);
  });

  test('many concurrent increments through transactions: no lost update', async () => {
    const worker = async (): Promise<void> => {
      for (;;) {
        const t = await db.start();
        const doc = listOf(await db.doc('x', 'doc1', t))[0] as { a: number };
        const r = await db.updateDoc('x', 'doc1', { $set: { a: doc.a + 1 } }, t);
        if (r.code === 'DATABASE_TRANSACTION_CONFLICT') continue;
        dataOf(r);
        const c = await db.commit(t);
        if (c.code === 'DATABASE_TRANSACTION_CONFLICT') continue;
        dataOf(c);
        return;
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    expect(await a('doc1')).toBe(21);
  });
});

describe('lifetime', () => {
  test('a transaction not committed in time is rolled back; its id then gives DATABASE_TRANSACTION_FAIL', async () => {
    await setup(150);
    const t = await db.start();
    dataOf(await db.updateDoc('x', 'doc1', { $set: { a: 99 } }, t));
    await new Promise((r) => setTimeout(r, 300));
    const late = await db.commit(t);
    expect(late).toEqual({ code: 'DATABASE_TRANSACTION_FAIL', message: TRANSACTION_NOT_EXIST });
    expect((await db.doc('x', 'doc1', t)).code).toBe('DATABASE_TRANSACTION_FAIL');
    expect(await a('doc1')).toBe(1);
    // Its lock was released with it.
    const t2 = await db.start();
    dataOf(await db.updateDoc('x', 'doc1', { $set: { a: 2 } }, t2));
    dataOf(await db.commit(t2));
    expect(await a('doc1')).toBe(2);
  });

  test('unknown, finished and foreign transaction ids are errors', async () => {
    await setup();
    expect((await db.commit('no-such-txn')).code).toBe('DATABASE_TRANSACTION_FAIL');
    expect((await db.doc('x', 'doc1', 'no-such-txn')).code).toBe('DATABASE_TRANSACTION_FAIL');
    const t = await db.start();
    dataOf(await db.commit(t));
    expect(await db.commit(t)).toEqual({ code: 'DATABASE_TRANSACTION_FAIL', message: TRANSACTION_NOT_EXIST });
    expect((await db.abort(t)).code).toBe('DATABASE_TRANSACTION_FAIL');
    const u = await db.start();
    expect((await new Client(engine, 'other-env').commit(u)).code).toBe('DATABASE_TRANSACTION_FAIL');
    dataOf(await db.abort(u));
    expect((await db.call('commitTransaction', {})).code).toBe('INVALID_PARAM');
  });

  test('startTransaction reply carries transactionId at the top level', async () => {
    await setup();
    const r = await db.call('startTransaction');
    expect(r).toEqual({ transactionId: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown, data: { transactionId: r.transactionId } });
  });
});
