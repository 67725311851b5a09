/**
 * Durability: acknowledged writes survive a crash (an engine dropped without close(), and a real process killed
 * with SIGKILL), torn journal tails are ignored, compaction is crash-safe, concurrent writes share fsyncs.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DbEngine } from './engine';
import { Client, dataOf, listOf, openEngine, removeDir, tempDir } from './testing';
import { Clock } from '../clock';

const dirs: string[] = [];
const engines: DbEngine[] = [];

async function open(dir: string, extra: { compactBytes?: number } = {}): Promise<Client> {
  const { engine } = await openEngine({ dataDir: dir, ...extra });
  engines.push(engine);
  return new Client(engine);
}

function newDir(): string {
  const d = tempDir('db-durable-');
  dirs.push(d);
  return d;
}

afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
  for (const d of dirs.splice(0)) removeDir(d);
});

const journals = (dir: string): string[] => readdirSync(dir).filter((n) => /^journal-\d+\.jsonl$/.test(n)).sort();

async function allDocs(db: Client, coll: string): Promise<Array<Record<string, unknown>>> {
  return listOf(await db.where(coll, {}, { limit: 1000 }));
}

test('acknowledged writes are found by a new engine opened without close() (a crash)', async () => {
  const dir = newDir();
  const a = await open(dir);
  dataOf(await a.addCollection('x'));
  dataOf(await a.addCollection('gone'));
  dataOf(await a.insert('x', [{ _id: '1', v: 1 }, { _id: '2', v: 2 }, { _id: '3', at: new Date(5) }]));
  dataOf(await a.updateDoc('x', '1', { $inc: { v: 10 } }));
  dataOf(await a.removeDoc('x', '2'));
  dataOf(await a.call('deleteCollection', { collectionName: 'gone' }));
  const t = await a.start();
  dataOf(await a.insert('x', [{ _id: 'txn' }], t));
  dataOf(await a.commit(t));
  const uncommitted = await a.start();
  dataOf(await a.insert('x', [{ _id: 'never' }], uncommitted));

  const b = await open(dir);
  expect(b.engine.collectionNames('test-env')).toEqual(['x']);
  expect(await allDocs(b, 'x')).toEqual([{ _id: '1', v: 11 }, { _id: '3', at: new Date(5) }, { _id: 'txn' }]);
  expect((await b.addCollection('x')).code).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
});

test('a torn trailing journal line is ignored, and cut off so later writes stay readable', async () => {
  const dir = newDir();
  const a = await open(dir);
  dataOf(await a.addCollection('x'));
  dataOf(await a.insert('x', [{ _id: 'kept' }]));
  await a.engine.close();
  const [journal] = journals(dir);
  appendFileSync(join(dir, journal), '[{"o":"p","e":"test-env","c":"x","d":{"_id":"torn","v":{"$numberInt":"1"');

  const b = await open(dir);
  expect(await allDocs(b, 'x')).toEqual([{ _id: 'kept' }]);
  dataOf(await b.insert('x', [{ _id: 'after' }]));
  await b.engine.close();

  const c = await open(dir);
  expect(await allDocs(c, 'x')).toEqual([{ _id: 'kept' }, { _id: 'after' }]);
});

test('an unreadable record followed by valid ones is corruption: open refuses', async () => {
  const dir = newDir();
  const a = await open(dir);
  dataOf(await a.addCollection('x'));
  await a.engine.close();
  const [journal] = journals(dir);
  appendFileSync(join(dir, journal), 'garbage\n[{"o":"c","e":"test-env","c":"y"}]\n');
  await expect(DbEngine.open({ dataDir: dir, clock: new Clock() })).rejects.toThrow(/corrupt/);
});

test('compaction: snapshot plus a fresh journal; reopening gives the same data', async () => {
  const dir = newDir();
  const a = await open(dir);
  dataOf(await a.addCollection('x'));
  dataOf(await a.insert('x', Array.from({ length: 300 }, (_, i) => ({ _id: `d${i}`, i }))));
  dataOf(await a.updateWhere('x', { i: { $lt: 10 } }, { $set: { low: true } }));
  dataOf(await a.removeWhere('x', { i: { $gte: 290 } }));
  const before = journals(dir);
  await a.engine.compact();
  expect(existsSync(join(dir, 'snapshot.jsonl'))).toBe(true);
  const after = journals(dir);
  expect(after).toHaveLength(1);
  expect(before).not.toContain(after[0]);
  // Writes after the compaction go to the new journal.
  dataOf(await a.insert('x', [{ _id: 'post' }]));
  dataOf(await a.updateDoc('x', 'd0', { $set: { i: -1 } }));
  const expected = await allDocs(a, 'x');
  expect(expected).toHaveLength(291);
  expect(a.engine.storageStats().compactions).toBe(1);

  const b = await open(dir);
  expect(await allDocs(b, 'x')).toEqual(expected);
  // Natural order survives the snapshot.
  expect(listOf(await b.where('x', {}, { limit: 3 })).map((d) => d._id)).toEqual(['d0', 'd1', 'd2']);
});

test('leftovers of an interrupted compaction are harmless', async () => {
  const dir = newDir();
  const a = await open(dir);
  dataOf(await a.addCollection('x'));
  dataOf(await a.insert('x', [{ _id: '1', v: 1 }]));
  const [oldJournal] = journals(dir);
  copyFileSync(join(dir, oldJournal), join(dir, 'old.bak'));
  await a.engine.compact();
  dataOf(await a.updateDoc('x', '1', { $set: { v: 2 } }));
  await a.engine.close();
  // A crash after the snapshot's rename but before the old journal's removal, and a half-written temp snapshot.
  copyFileSync(join(dir, 'old.bak'), join(dir, oldJournal));
  writeFileSync(join(dir, 'snapshot.tmp'), '{"snapshot":1,"fromGen":9}\n{"o":"c"');

  const b = await open(dir);
  expect(await allDocs(b, 'x')).toEqual([{ _id: '1', v: 2 }]);
  expect(existsSync(join(dir, oldJournal))).toBe(false);
  expect(existsSync(join(dir, 'snapshot.tmp'))).toBe(false);
});

test('compaction starts by itself when the journal grows, while writes go on', async () => {
  const dir = newDir();
  const a = await open(dir, { compactBytes: 16 * 1024 });
  dataOf(await a.addCollection('x'));
  const replies = await Promise.all(Array.from({ length: 600 }, (_, i) => a.insert('x', [{ _id: `k${i}`, pad: 'z'.repeat(100) }])));
  for (const r of replies) dataOf(r);
  for (let i = 0; i < 50; i++) dataOf(await a.updateDoc('x', `k${i}`, { $set: { pad: 'updated' } }));
  expect(a.engine.storageStats().compactions).toBeGreaterThanOrEqual(1);

  const b = await open(dir);
  const docs = listOf(await b.where('x', {}, { limit: 1000 }));
  expect(docs).toHaveLength(600);
  expect(docs.filter((d) => d.pad === 'updated')).toHaveLength(50);
});

test('group commit: concurrent writes share fsyncs', async () => {
  const dir = newDir();
  const a = await open(dir);
  dataOf(await a.addCollection('x'));
  const before = a.engine.storageStats();
  const replies = await Promise.all(Array.from({ length: 200 }, (_, i) => a.insert('x', [{ _id: `g${i}` }])));
  for (const r of replies) dataOf(r);
  const after = a.engine.storageStats();
  expect(after.records - before.records).toBe(200);
  expect(after.batches - before.batches).toBeLessThan(20);
});

test('kill -9 of a writing process loses no acknowledged write', async () => {
  const dir = newDir();
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'crash-writer.fixture.ts'), dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked: string[] = [];
  const deleted = new Set<string>();
  const incs = new Map<string, number>();
  let stderr = '';
  let buffer = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child too slow; acks=${acked.length} stderr=${stderr}`)), 40_000);
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, x, y] = line.split(' ');
        if (kind === 'ack') acked.push(x);
        if (kind === 'inc') incs.set(x, Number(y));
        if (kind === 'del') deleted.add(x);
      }
      if (acked.length >= 1500) {
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', (code) => {
      if (acked.length < 1500) {
        clearTimeout(timer);
        reject(new Error(`child exited early (${String(code)}): ${stderr}`));
      }
    });
  });
  await exited;

  const { engine } = await openEngine({ dataDir: dir });
  engines.push(engine);
  const db = new Client(engine, 'crash-env');
  const ids = new Set(acked);
  // Query the acknowledged ids in pages of up to 1000.
  const found = new Set<string>();
  const all = [...ids];
  for (let i = 0; i < all.length; i += 1000) {
    const page = listOf(await db.where('c', { _id: { $in: all.slice(i, i + 1000) } }, { limit: 1000 }));
    for (const d of page) found.add(d._id as string);
  }
  // Every acknowledged insert is there unless its removal was acknowledged too; acknowledged removals stuck.
  for (const id of ids) if (!deleted.has(id)) expect(found.has(id)).toBe(true);
  for (const id of deleted) expect(found.has(id)).toBe(false);
  expect(deleted.size).toBeGreaterThan(50);
  // Each counter has at least every acknowledged increment, and at most one more (written, not yet acked).
  for (const [w, n] of incs) {
    const [ctr] = listOf(await db.doc('c', `ctr-${w}`));
    expect(ctr.n as number).toBeGreaterThanOrEqual(n);
    expect(ctr.n as number).toBeLessThanOrEqual(n + 1);
  }
}, 60_000);
