/**
 * Test helpers for the engine's own tests: temporary data folders and a tiny client that builds the same
 * protocol bodies @cloudbase/database 1.4.3 sends (EJSON-encoded strings, queryType, multi/merge/upsert).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { Clock } from '../clock';
import { DbEngine, type DbEngineOptions } from './engine';

export type Body = Record<string, unknown>;
export type Reply = Record<string, unknown>;

export function tempDir(prefix = 'db-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Canonical EJSON, as the SDK's `stringifyByEJSON`. */
export function ej(v: unknown): string {
  return EJSON.stringify(v as Parameters<typeof EJSON.stringify>[0], { relaxed: false });
}

/** Documents of a reply's `data.list`, decoded as the SDK does (`EJSON.parse` of each string). */
export function listOf(reply: Reply): Record<string, unknown>[] {
  const data = reply.data as { list?: unknown } | undefined;
  if (!data || !Array.isArray(data.list)) throw new Error(`no data.list in ${JSON.stringify(reply)}`);
  return data.list.map((s: unknown) => {
    if (typeof s !== 'string') throw new Error('list item is not an EJSON string');
    return EJSON.parse(s) as Record<string, unknown>;
  });
}

export function dataOf(reply: Reply): Record<string, unknown> {
  if (reply.code) throw new Error(`error reply ${JSON.stringify(reply.code)}: ${JSON.stringify(reply.message)}`);
  return reply.data as Record<string, unknown>;
}

export interface GetOptions {
  order?: Record<string, 1 | -1>;
  offset?: number;
  limit?: number;
  projection?: Record<string, unknown>;
  transactionId?: string;
}

/** Builds protocol bodies for one env. Every method returns the raw reply. */
export class Client {
  constructor(
    readonly engine: DbEngine,
    readonly env = 'test-env',
  ) {}

  call(action: string, body: Body = {}): Promise<Reply> {
    return this.engine.handle({ ...body, action: `database.${action}`, envName: this.env });
  }

  addCollection(name: string): Promise<Reply> {
    return this.call('addCollection', { collectionName: name });
  }

  insert(coll: string, docs: unknown[], transactionId?: string): Promise<Reply> {
    return this.call('insertDocument', { collectionName: coll, data: docs.map(ej), transactionId });
  }

  where(coll: string, filter?: Record<string, unknown>, o: GetOptions = {}): Promise<Reply> {
    return this.call('getDocument', {
      collectionName: coll,
      queryType: 'WHERE',
      query: filter ? ej(filter) : undefined,
      order: o.order ? ej(o.order) : undefined,
      offset: o.offset,
      limit: o.limit ?? 100,
      projection: o.projection ? ej(o.projection) : undefined,
      transactionId: o.transactionId,
    });
  }

  doc(coll: string, id: string | number, transactionId?: string): Promise<Reply> {
    return this.call('getDocument', { collectionName: coll, query: ej({ _id: id }), queryType: 'DOC', multi: false, transactionId });
  }

  count(coll: string, filter?: Record<string, unknown>): Promise<Reply> {
    return this.call('calculateDocument', { collectionName: coll, queryType: 'WHERE', query: filter ? ej(filter) : undefined });
  }

  /** doc(id).update(): merge with operators. */
  updateDoc(coll: string, id: string | number, update: Record<string, unknown>, transactionId?: string): Promise<Reply> {
    return this.call('modifyDocument', {
      collectionName: coll,
      query: ej({ _id: id }),
      queryType: 'DOC',
      data: ej(update),
      multi: false,
      merge: true,
      upsert: false,
      transactionId,
    });
  }

  /** doc(id).set(): replace, upsert. */
  setDoc(coll: string, id: string | number, doc: Record<string, unknown>, transactionId?: string): Promise<Reply> {
    return this.call('modifyDocument', {
      collectionName: coll,
      query: ej({ _id: id }),
      queryType: 'DOC',
      data: ej(doc),
      multi: false,
      merge: false,
      upsert: true,
      transactionId,
    });
  }

  /** where().update(): multi merge. */
  updateWhere(coll: string, filter: Record<string, unknown>, update: Record<string, unknown>, extra: Body = {}): Promise<Reply> {
    return this.call('modifyDocument', {
      collectionName: coll,
      queryType: 'WHERE',
      query: ej(filter),
      data: ej(update),
      multi: true,
      merge: true,
      upsert: false,
      ...extra,
    });
  }

  removeDoc(coll: string, id: string | number, transactionId?: string): Promise<Reply> {
    return this.call('removeDocument', { collectionName: coll, query: ej({ _id: id }), queryType: 'DOC', multi: false, transactionId });
  }

  removeWhere(coll: string, filter: Record<string, unknown>, multi = true): Promise<Reply> {
    return this.call('removeDocument', { collectionName: coll, query: ej(filter), queryType: 'WHERE', multi });
  }

  aggregate(coll: string, stages: Array<Record<string, unknown>>): Promise<Reply> {
    return this.call('aggregateDocuments', {
      collectionName: coll,
      stages: stages.map((s) => {
        const [k] = Object.keys(s);
        const v = s[k];
        // As the SDK's Aggregation._pipe: objects as EJSON, scalars as JSON.
        return { stageKey: k, stageValue: typeof v === 'object' && v !== null ? ej(v) : JSON.stringify(v) };
      }),
    });
  }

  async start(): Promise<string> {
    const r = await this.call('startTransaction');
    if (typeof r.transactionId !== 'string') throw new Error(`no transactionId in ${JSON.stringify(r)}`);
    return r.transactionId;
  }

  commit(transactionId: string): Promise<Reply> {
    return this.call('commitTransaction', { transactionId });
  }

  abort(transactionId: string): Promise<Reply> {
    return this.call('abortTransaction', { transactionId });
  }
}

export async function openEngine(opts: Partial<DbEngineOptions> = {}): Promise<{ engine: DbEngine; dir: string; clock: Clock }> {
  const dir = opts.dataDir ?? tempDir();
  const clock = opts.clock ?? new Clock();
  const engine = await DbEngine.open({ ...opts, dataDir: dir, clock });
  return { engine, dir, clock };
}
