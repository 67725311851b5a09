/**
 * Replays every `database.*` request the real wx-server-sdk 4.0.2 sent (captured in
 * emulator/testing/fixtures/wx-server-sdk-4.0.2-requests.jsonl), in order, against a fresh engine, and checks each
 * reply. The captured transaction ids (from the capture server) are mapped to the ids this engine hands out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DbEngine } from './engine';
import { Client, dataOf, listOf, openEngine, removeDir } from './testing';

const CAPTURE = join(__dirname, '../testing/fixtures/wx-server-sdk-4.0.2-requests.jsonl');

type Body = Record<string, unknown>;

function capturedBodies(): Body[] {
  return readFileSync(CAPTURE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { body: Body }).body)
    .filter((b) => typeof b.action === 'string' && b.action.startsWith('database.'));
}

let engine: DbEngine;
let dir: string;

beforeAll(async () => {
  ({ engine, dir } = await openEngine());
});

afterAll(async () => {
  await engine.close();
  removeDir(dir);
});

test('every captured database request gets a sensible reply', async () => {
  const bodies = capturedBodies();
  expect(bodies.length).toBeGreaterThanOrEqual(30);
  const envs = new Set(bodies.map((b) => b.envName as string));
  for (const env of envs) for (const c of ['x', 'y', 'c']) dataOf(await new Client(engine, env).addCollection(c));

  // Captured transaction id → ours. The capture server named them itself (txn-3, txn-5); each is first used
  // right after its startTransaction, so map in order of appearance.
  const txnMap = new Map<string, string>();
  const startedIds: string[] = [];
  const replies: Array<{ body: Body; reply: Record<string, unknown> }> = [];
  for (const original of bodies) {
    const body = { ...original };
    if (typeof body.transactionId === 'string') {
      if (!txnMap.has(body.transactionId)) {
        const ours = startedIds.shift();
        if (!ours) throw new Error(`transaction ${body.transactionId} used before any startTransaction`);
        txnMap.set(body.transactionId, ours);
      }
      body.transactionId = txnMap.get(body.transactionId);
    }
    const reply = await engine.handle(body);
    if (body.action === 'database.startTransaction') {
      expect(typeof reply.transactionId).toBe('string');
      startedIds.push(reply.transactionId as string);
    }
    replies.push({ body: original, reply });
  }
  expect([...txnMap.keys()]).toEqual(['txn-3', 'txn-5']);

  const r = replies.map((x) => x.reply);
  const env1 = new Client(engine, 'test-env-1a2b3c');

  // 0-2: inserts; 0 keeps its _id, the others get generated ones.
  expect(dataOf(r[0])).toEqual({ insertedIds: ['doc1'] });
  const id2 = (dataOf(r[1]).insertedIds as string[])[0];
  const id3 = (dataOf(r[2]).insertedIds as string[])[0];
  expect(id2).toMatch(/^[0-9a-f]{32}$/);
  expect(id3).toMatch(/^[0-9a-f]{32}$/);
  // 3: second insert of doc1.
  expect(r[3]).toEqual({
    code: 'DATABASE_REQUEST_FAILED',
    message: 'E11000 duplicate key error collection: x index: _id_ dup key: { _id: "doc1" }',
  });
  // 4: a > 1 and b in [1, 2], ordered by a desc.
  expect(listOf(r[4]).map((d) => d.a)).toEqual([3, 2]);
  // 5: tags exists and 1 <= a < 10, offset 1, projection {a: 1, _id: 0}.
  expect(listOf(r[5])).toEqual([{ a: 3 }]);
  // 6: a == 1 or a matches /^3/i (a is a number, so the regex matches nothing).
  expect(listOf(r[6]).map((d) => d._id)).toEqual(['doc1']);
  // 7: $inc/$push/$set/$unset on doc1; 8: where b == 2 set flag (two documents).
  expect(dataOf(r[7])).toEqual({ updated: 1 });
  expect(dataOf(r[8])).toEqual({ updated: 2 });
  // 9: count a > 0.
  expect(dataOf(r[9])).toEqual({ total: 3 });
  // 10: doc1 as the update left it; its $tcb_server_date became a Date from the emulator clock.
  const [doc1] = listOf(r[10]);
  expect(doc1).toMatchObject({ _id: 'doc1', a: 11, b: 1, tags: ['new'], nested: { k: 'v' }, when: new Date(1704164645000) });
  expect(doc1.at).toBeInstanceOf(Date);
  expect(Math.abs((doc1.at as Date).getTime() - Date.now())).toBeLessThan(60_000);
  expect(doc1).not.toHaveProperty('gone');
  // 11: DOC get of a missing id: empty list (the SDK turns that into "does not exist").
  expect(listOf(r[11])).toEqual([]);
  // 12: set() on a new id upserts; 13: removing it.
  expect(dataOf(r[12])).toEqual({ updated: 0, upsert_id: 'doc2' });
  expect(dataOf(r[13])).toEqual({ deleted: 1 });
  // 14: match b == 2, group by b, count.
  expect(listOf(r[14])).toEqual([{ _id: 2, n: 2 }]);
  // 15-19: transaction txn-3 reads doc1, increments a, inserts into y, commits: both writes applied.
  expect(listOf(r[16])[0]).toMatchObject({ _id: 'doc1', a: 11 });
  expect(dataOf(r[17])).toEqual({ updated: 1 });
  const fromTxnId = (dataOf(r[18]).insertedIds as string[])[0];
  expect(dataOf(r[19])).toEqual({});
  expect(listOf(await env1.doc('x', 'doc1'))[0].a).toBe(12);
  expect(listOf(await env1.doc('y', fromTxnId))).toEqual([{ _id: fromTxnId, fromTxn: true }]);
  // 20-22: transaction txn-5 sets a = 0 on doc1, then aborts: doc1 unchanged.
  expect(dataOf(r[21])).toEqual({ updated: 1 });
  expect(dataOf(r[22])).toEqual({});
  expect(listOf(await env1.doc('x', 'doc1'))[0].a).toBe(12);
  // 23-30: one insert + get per env (including envName ""): each env sees only its own document.
  for (let i = 23; i < 31; i += 2) {
    const inserted = (dataOf(r[i]).insertedIds as string[])[0];
    expect(listOf(r[i + 1])).toEqual([{ _id: inserted, v: 1 }]);
  }
  expect(r).toHaveLength(31);
  expect(engine.collectionNames('')).toEqual(['x', 'y', 'c']);
});
