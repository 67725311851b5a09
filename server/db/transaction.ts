/**
 * Transactions over the SDK, typed. The cloud runs single-document operations inside a transaction (get, set,
 * update, add by id) with snapshot isolation; a write conflict aborts it, and `runTransaction` runs the callback
 * again on a fresh snapshot. We allow more retries than the SDK's default 3, since a budget line is one hot
 * document during a batch; if every retry conflicts the caller gets CONFLICT ("请稍后重试"), never a half write.
 */
import type { Db } from './index';
import type { CollectionName } from './collections';
import { AppError } from '../../src/core/errors';

interface RawTxDoc {
  get(): Promise<{ data: unknown }>;
  update(o: { data: unknown }): Promise<unknown>;
  set(o: { data: unknown }): Promise<unknown>;
}
interface RawTx {
  collection(name: string): { doc(id: string): RawTxDoc; add(o: { data: unknown }): Promise<unknown> };
}

export interface Tx {
  get<T>(collection: CollectionName, id: string): Promise<T | null>;
  update(collection: CollectionName, id: string, data: Record<string, unknown>): Promise<void>;
  /** Insert with the given `_id`; a taken id aborts the whole transaction with a duplicate-key error. */
  insert<T extends { _id: string }>(collection: CollectionName, doc: T): Promise<void>;
}

export const TRANSACTION_RETRIES = 10;

/**
 * Thrown by a transaction's work to have it run again after a pause, as after a conflict: what it needs is on its
 * way (e.g. a record a claim is about to write). Counts against the same retries and time.
 */
export class TryAgain extends Error {}

/**
 * A write conflict. The SDK's own retry only recognises the raw `code` a failed commit carries; a conflict met by
 * an update inside the callback reaches us as wx-server-sdk's error with errCode -501001 and the cloud's text.
 */
function isConflict(error: unknown): boolean {
  if (error instanceof TryAgain) return true;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown };
  if (e.code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  const text = `${typeof e.errMsg === 'string' ? e.errMsg : ''} ${typeof e.message === 'string' ? e.message : ''}`;
  return e.errCode === -501001 && /conflict/i.test(text);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The operations of one transaction go to the server one after another, whatever the caller awaits together: the
 * cloud's transaction is a database session, which runs one operation at a time (a `Promise.all` over `tx` calls
 * is correct, and costs what the same calls in a row cost).
 */
function txApi(t: RawTx): Tx {
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = <R>(op: () => Promise<R>): Promise<R> => {
    const run = last.then(op, op);
    last = run.catch(() => undefined);
    return run;
  };
  const api = rawTxApi(t);
  return {
    get: <T>(collection: CollectionName, id: string) => inTurn(() => api.get<T>(collection, id)),
    update: (collection, id, data) => inTurn(() => api.update(collection, id, data)),
    insert: (collection, doc) => inTurn(() => api.insert(collection, doc)),
  };
}

function rawTxApi(t: RawTx): Tx {
  return {
    async get<T>(collection: string, id: string) {
      try {
        const r = await t.collection(collection).doc(id).get();
        return (r.data as T | null) ?? null;
      } catch (error) {
        // The SDK reports a missing document inside a transaction as "document with _id … does not exist" (thrown
        // as a string or wrapped). Only that: a transaction that no longer exists on the server must stay an error.
        const text = typeof error === 'string' ? error : String((error as { errMsg?: string }).errMsg ?? (error as Error).message);
        if (/document with _id .* does not exist/i.test(text)) return null;
        throw error;
      }
    },
    async update(collection, id, data) {
      await t.collection(collection).doc(id).update({ data });
    },
    async insert(collection, doc) {
      await t.collection(collection).add({ data: doc });
    },
  };
}

/**
 * Run `work` in a transaction, again on a fresh snapshot after each conflict. `retries` is raised for documents
 * that many members write at the same moment (an event's seats during a sign-up rush); `withinMs` keeps retrying
 * past `retries` while that much time has not passed, so that a crowd larger than the retries allow still gets
 * its answers (the function's own timeout being the limit, not a count).
 */
export async function inTransaction<R>(db: Db, work: (tx: Tx) => Promise<R>, options: { retries?: number; withinMs?: number } = {}): Promise<R> {
  const retries = options.retries ?? TRANSACTION_RETRIES;
  const started = Date.now();
  const sdk = db as unknown as { runTransaction(cb: (t: RawTx) => Promise<R>, times: number): Promise<R> };
  for (let attempt = 1; ; attempt += 1) {
    try {
      // One SDK-level retry (commit conflicts); the loop here handles the rest.
      return await sdk.runTransaction((t) => work(txApi(t)), 1);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (!isConflict(error)) throw error;
      if (attempt >= retries && Date.now() - started >= (options.withinMs ?? 0)) throw new AppError('CONFLICT', '同时办理的人较多，请稍后重试');
      // Jittered backoff, so the transactions that collided do not collide again in lockstep.
      await pause(Math.random() * 20 * Math.min(attempt, 10));
    }
  }
}
