/**
 * Durability: a snapshot plus append-only journals in the data folder.
 *
 * Files:
 *   snapshot.jsonl        header `{"snapshot":1,"fromGen":G}`, one op per line, footer `{"end":true,"ops":N}`
 *   journal-<gen>.jsonl   one line per atomic write: a JSON array of ops
 *
 * Ops describe resulting state, never deltas (`put` a whole document, `del` by id, `create`/`drop` a
 * collection), so replaying an op whose effect is already in the snapshot is harmless. That is what makes
 * compaction crash-safe without stopping writers (see `compact`).
 *
 * Invariant: `append()` resolves only after the record's bytes were written AND fsynced (fdatasync), so an
 * acknowledged write survives `kill -9` (and power loss, as far as the disk honours fsync). Group commit: records
 * appended while a write+fsync is under way (or within the same tick) are written together and share one fsync.
 *
 * A crash can leave a torn last line (a prefix of a record, never acknowledged): loading ignores trailing lines
 * that do not parse and truncates them away before appending. An unparsable line FOLLOWED by valid records is
 * real corruption: loading refuses instead of guessing.
 */
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** What the engine writes. `json` / `id` are canonical EJSON text, embedded verbatim in the line. */
export type WriteOp =
  | { o: 'c'; e: string; c: string }
  | { o: 'r'; e: string; c: string }
  | { o: 'p'; e: string; c: string; json: string }
  | { o: 'x'; e: string; c: string; id: string };

/** What loading hands back: the same ops with the EJSON parsed as plain JSON (still to be EJSON-decoded). */
export type ReplayOp =
  | { o: 'c'; e: string; c: string }
  | { o: 'r'; e: string; c: string }
  | { o: 'p'; e: string; c: string; d: unknown }
  | { o: 'x'; e: string; c: string; i: unknown };

/** Everything the engine holds at one instant, captured synchronously (stored documents are immutable, so holding
 * their EJSON strings is a consistent snapshot even while new writes go on). */
export type SnapshotData = Array<{ env: string; coll: string; docs: string[] }>;

const SNAPSHOT = 'snapshot.jsonl';
const SNAPSHOT_TMP = 'snapshot.tmp';
const JOURNAL_RE = /^journal-(\d+)\.jsonl$/;
const journalName = (gen: number): string => `journal-${gen}.jsonl`;

function encodeOp(op: WriteOp): string {
  const head = `{"o":"${op.o}","e":${JSON.stringify(op.e)},"c":${JSON.stringify(op.c)}`;
  if (op.o === 'p') return `${head},"d":${op.json}}`;
  if (op.o === 'x') return `${head},"i":${op.id}}`;
  return `${head}}`;
}

function parseOp(v: unknown): ReplayOp {
  if (typeof v !== 'object' || v === null) throw new Error('op is not an object');
  const r = v as Record<string, unknown>;
  if (typeof r.e !== 'string' || typeof r.c !== 'string') throw new Error('op without env/collection');
  switch (r.o) {
    case 'c':
    case 'r':
      return { o: r.o, e: r.e, c: r.c };
    case 'p':
      if (typeof r.d !== 'object' || r.d === null) throw new Error('put without document');
      return { o: 'p', e: r.e, c: r.c, d: r.d };
    case 'x':
      if (r.i === undefined) throw new Error('delete without id');
      return { o: 'x', e: r.e, c: r.c, i: r.i };
    default:
      throw new Error(`unknown op ${String(r.o)}`);
  }
}

function parseRecord(text: string): ReplayOp[] {
  const v: unknown = JSON.parse(text);
  if (!Array.isArray(v)) throw new Error('record is not an array');
  return v.map(parseOp);
}

/** fsync a directory so a created/renamed/deleted entry is durable. Not supported everywhere (e.g. Windows). */
async function fsyncDir(dir: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    // Best effort: platforms without directory fsync.
  } finally {
    await fh?.close();
  }
}

async function writeAll(fh: FileHandle, data: string): Promise<number> {
  const buf = Buffer.from(data, 'utf8');
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off);
    off += bytesWritten;
  }
  return buf.length;
}

/**
 * Reads one journal file, handing each complete record to `apply` in order. Trailing unparsable bytes (a torn
 * write) are cut off the file. Returns the number of records applied.
 */
function replayJournal(file: string, apply: (op: ReplayOp) => void): number {
  const buf = readFileSync(file);
  let pos = 0;
  let goodEnd = 0;
  let badAt = -1;
  let records = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(0x0a, pos);
    const end = nl === -1 ? buf.length : nl;
    const text = buf.toString('utf8', pos, end);
    let ops: ReplayOp[] | null = null;
    // A line without its newline is by construction torn: the newline is the last byte of every record.
    if (nl !== -1) {
      if (text.trim() === '') ops = [];
      else {
        try {
          ops = parseRecord(text);
        } catch {
          ops = null;
        }
      }
    }
    if (ops === null) {
      if (badAt === -1) badAt = pos;
    } else {
      if (badAt !== -1) throw new Error(`${file} is corrupt at byte ${badAt}: an unreadable record is followed by valid ones`);
      for (const op of ops) apply(op);
      if (ops.length) records += 1;
      goodEnd = end + 1;
    }
    pos = end + 1;
  }
  if (goodEnd < buf.length) {
    // Torn tail from a crash mid-write: never acknowledged, so dropping it loses nothing that was promised.
    const fd = openSync(file, 'r+');
    try {
      ftruncateSync(fd, goodEnd);
    } finally {
      closeSync(fd);
    }
  }
  return records;
}

export interface LoadResult {
  /** The generation to append to. */
  gen: number;
  /** Size of that journal file (to decide when to compact). */
  bytes: number;
  records: number;
}

/** Loads the data folder: snapshot first, then every journal from the snapshot's generation on. */
export function loadDataDir(dir: string, apply: (op: ReplayOp) => void): LoadResult {
  mkdirSync(dir, { recursive: true });
  // A leftover temp snapshot is an interrupted compaction: the journals it was meant to replace are still there.
  if (existsSync(join(dir, SNAPSHOT_TMP))) unlinkSync(join(dir, SNAPSHOT_TMP));
  let fromGen = 0;
  const snapFile = join(dir, SNAPSHOT);
  if (existsSync(snapFile)) {
    const lines = readFileSync(snapFile, 'utf8').split('\n');
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    const header = JSON.parse(lines[0] ?? 'null') as { snapshot?: unknown; fromGen?: unknown } | null;
    const footer = JSON.parse(lines[lines.length - 1] ?? 'null') as { end?: unknown; ops?: unknown } | null;
    if (header?.snapshot !== 1 || typeof header.fromGen !== 'number') throw new Error(`${snapFile}: bad header`);
    // The snapshot is renamed into place only after it was fully written and fsynced, so a missing footer means
    // something other than a crash damaged it.
    if (footer?.end !== true || footer.ops !== lines.length - 2) throw new Error(`${snapFile}: incomplete snapshot`);
    fromGen = header.fromGen;
    for (let i = 1; i < lines.length - 1; i++) apply(parseOp(JSON.parse(lines[i])));
  }
  const gens = readdirSync(dir)
    .map((n) => JOURNAL_RE.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  let gen = fromGen;
  let records = 0;
  for (const g of gens) {
    const file = join(dir, journalName(g));
    if (g < fromGen) {
      // Already folded into the snapshot; a crash came between the snapshot's rename and this cleanup.
      unlinkSync(file);
      continue;
    }
    records += replayJournal(file, apply);
    gen = g;
  }
  const current = join(dir, journalName(gen));
  const bytes = existsSync(current) ? statSync(current).size : 0;
  return { gen, bytes, records };
}

interface Waiter {
  resolve: () => void;
  reject: (e: Error) => void;
}

export interface JournalOptions {
  dir: string;
  gen: number;
  bytes: number;
  /** Compact once the current journal passes this many bytes. */
  compactBytes: number;
  /** Synchronous capture of the whole database, for the snapshot. */
  capture: () => SnapshotData;
}

export class Journal {
  private fh: FileHandle;
  private gen: number;
  private bytes: number;
  private pending: string[] = [];
  private pendingWaiters: Waiter[] = [];
  /** Waiters of the batch being written right now (whenDurable() joins them). */
  private inflightWaiters: Waiter[] | null = null;
  private running: Promise<void> | null = null;
  private scheduled = false;
  private rotateTask: (() => Promise<void>) | null = null;
  private compaction: Promise<void> | null = null;
  private failure: Error | null = null;
  private closed = false;
  /** Errors of background compactions (the data stays safe in the journals; reported for diagnostics). */
  lastCompactionError: Error | null = null;
  /** Counters for tests and benchmarks: fsynced batches (group commits), records in them, compactions done. */
  readonly stats = { batches: 0, records: 0, compactions: 0 };

  private constructor(
    private readonly opts: JournalOptions,
    fh: FileHandle,
  ) {
    this.fh = fh;
    this.gen = opts.gen;
    this.bytes = opts.bytes;
  }

  static async open(opts: JournalOptions): Promise<Journal> {
    const fh = await open(join(opts.dir, journalName(opts.gen)), 'a');
    await fsyncDir(opts.dir);
    return new Journal(opts, fh);
  }

  /** A storage failure is fatal: memory already holds the write, so the engine must stop acknowledging. */
  get failed(): Error | null {
    return this.failure;
  }

  /** Appends one atomic record; resolves once it is on disk. */
  append(ops: WriteOp[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('journal is closed'));
    this.pending.push(`[${ops.map(encodeOp).join(',')}]\n`);
    return new Promise<void>((resolve, reject) => {
      this.pendingWaiters.push({ resolve, reject });
      this.kick();
    });
  }

  /** Resolves once everything appended so far is durable (reads use it so they never return data a crash could
   * still take back). Immediate when nothing is pending. */
  whenDurable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const target = this.pending.length ? this.pendingWaiters : this.inflightWaiters;
    if (!target) return Promise.resolve();
    return new Promise<void>((resolve, reject) => target.push({ resolve, reject }));
  }

  /** Starts (or joins) a compaction: new snapshot, fresh journal, old journals deleted. */
  compact(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('journal is closed'));
    if (this.compaction) return this.compaction;
    const done = new Promise<void>((resolve, reject) => {
      this.rotateTask = async () => {
        // Runs inside the write loop, between batches: nothing is in flight, so journal `gen` is complete and
        // memory == (snapshot + journals up to `gen`) + records still pending. Those pending records go to the
        // new journal and are also inside the capture; replaying them over it is harmless (ops are idempotent).
        const data = this.opts.capture();
        const oldGen = this.gen;
        const oldFh = this.fh;
        const newFh = await open(join(this.opts.dir, journalName(oldGen + 1)), 'a');
        await fsyncDir(this.opts.dir);
        this.fh = newFh;
        this.gen = oldGen + 1;
        this.bytes = 0;
        await oldFh.close();
        // The snapshot is written off the write loop, so writers keep going to the new journal meanwhile.
        // Crash before the rename: old snapshot + all journals replay. After: new snapshot + journals >= gen+1.
        this.writeSnapshot(data, oldGen + 1)
          .then(() => this.removeJournalsUpTo(oldGen))
          .then(() => {
            this.stats.compactions += 1;
            resolve();
          }, reject);
      };
      this.kick();
    });
    this.compaction = done.finally(() => {
      this.compaction = null;
    });
    return this.compaction;
  }

  /** Flushes what is pending, waits for a running compaction, and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true; // refuse new appends; drain what was already accepted
    for (;;) {
      if (this.compaction) {
        await this.compaction.catch(() => undefined);
      } else if (this.running) {
        await this.running;
      } else if (this.scheduled || this.pending.length || this.rotateTask) {
        if (!this.scheduled && !this.failure) this.kick();
        if (this.failure) break;
        await new Promise<void>((r) => setImmediate(r));
      } else {
        break;
      }
    }
    await this.fh.close();
  }

  private kick(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // setImmediate (not a microtask): lets every request that arrived in this tick enqueue first, so they share
    // one write and one fsync.
    setImmediate(() => {
      this.scheduled = false;
      this.running = this.run().finally(() => {
        this.running = null;
        if (!this.failure && (this.pending.length || this.rotateTask)) this.kick();
      });
    });
  }

  private async run(): Promise<void> {
    for (;;) {
      if (this.failure) return;
      if (this.rotateTask) {
        const task = this.rotateTask;
        this.rotateTask = null;
        try {
          await task();
        } catch (e) {
          this.fail(e);
          return;
        }
        continue;
      }
      if (!this.pending.length) return;
      const lines = this.pending;
      const data = lines.join('');
      const waiters = this.pendingWaiters;
      this.pending = [];
      this.pendingWaiters = [];
      this.inflightWaiters = waiters;
      try {
        this.bytes += await writeAll(this.fh, data);
        await this.fh.datasync();
      } catch (e) {
        this.inflightWaiters = null;
        this.fail(e, waiters);
        return;
      }
      this.inflightWaiters = null;
      this.stats.batches += 1;
      this.stats.records += lines.length;
      for (const w of waiters) w.resolve();
      if (this.bytes >= this.opts.compactBytes && !this.compaction) {
        this.compact().catch((e: unknown) => {
          this.lastCompactionError = e instanceof Error ? e : new Error(String(e));
        });
      }
    }
  }

  private fail(e: unknown, waiters: Waiter[] = []): void {
    const err = e instanceof Error ? e : new Error(String(e));
    this.failure = new Error(`journal write failed: ${err.message}`);
    for (const w of [...waiters, ...this.pendingWaiters]) w.reject(this.failure);
    this.pending = [];
    this.pendingWaiters = [];
  }

  private async writeSnapshot(data: SnapshotData, fromGen: number): Promise<void> {
    const tmp = join(this.opts.dir, SNAPSHOT_TMP);
    const fh = await open(tmp, 'w');
    let ops = 0;
    try {
      await writeAll(fh, `${JSON.stringify({ snapshot: 1, fromGen })}\n`);
      let chunk: string[] = [];
      let size = 0;
      const push = async (line: string): Promise<void> => {
        chunk.push(line);
        ops += 1;
        size += line.length;
        if (size >= 1 << 20) {
          await writeAll(fh, chunk.join(''));
          chunk = [];
          size = 0;
        }
      };
      for (const { env, coll, docs } of data) {
        await push(`${encodeOp({ o: 'c', e: env, c: coll })}\n`);
        for (const json of docs) await push(`${encodeOp({ o: 'p', e: env, c: coll, json })}\n`);
      }
      await writeAll(fh, `${chunk.join('')}${JSON.stringify({ end: true, ops })}\n`);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, join(this.opts.dir, SNAPSHOT));
    await fsyncDir(this.opts.dir);
  }

  private async removeJournalsUpTo(gen: number): Promise<void> {
    for (const name of await readdir(this.opts.dir)) {
      const m = JOURNAL_RE.exec(name);
      if (m && Number(m[1]) <= gen) await unlink(join(this.opts.dir, name));
    }
    await fsyncDir(this.opts.dir);
  }
}
