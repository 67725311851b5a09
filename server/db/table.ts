/**
 * Typed, promise-only access to one collection. The SDK's typings describe every call as
 * `Promise | void | string` (callback overloads) and untyped documents; handlers use this instead, so the
 * casts live here once. Semantics are the SDK's own (a `where` page stops at 100 without a limit, so `find`
 * always sets one).
 */
import type { Db } from './index';
import type { CollectionName } from './collections';

type Where = Record<string, unknown> | object;
export type Page = { orderBy?: [string, 'asc' | 'desc'][]; skip?: number; limit?: number };

/** The cloud caps a page at 1000 documents. */
export const PAGE_MAX = 1000;

interface RawQuery {
  where(w: unknown): RawQuery;
  orderBy(field: string, dir: string): RawQuery;
  skip(n: number): RawQuery;
  limit(n: number): RawQuery;
  field(p: Record<string, boolean>): RawQuery;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
  update(o: { data: unknown }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}
/**
 * wx-server-sdk 4 runs on @cloudbase/node-sdk and keeps its database object as `_db`, configured by the same
 * `cloud.init()`; wx-server-sdk's own query lacks node-sdk's `updateAndReturn` (action modifyAndReturnDoc). The
 * one place the node-sdk object is reached: where it is missing (another SDK version), `updateAndReturn` throws
 * FindAndModifyUnavailable and callers take their transactional way instead.
 */
interface NodeSdkDatabase {
  collection(name: string): { where(w: unknown): { updateAndReturn(data: unknown): Promise<{ updated?: number; doc?: unknown; code?: string; message?: string }> } };
}

export class FindAndModifyUnavailable extends Error {}

/** What the server answers when it does not know an action (a deployment whose database lacks find-and-modify). */
function isUnknownAction(error: unknown): boolean {
  const text = error instanceof Error ? error.message : typeof error === 'object' && error !== null ? String((error as { errMsg?: unknown; message?: unknown }).errMsg ?? (error as { message?: unknown }).message) : String(error);
  return /not support|unsupported|invalid action|unknown action|INVALID_ACTION|ACTION_NOT_FOUND/i.test(text);
}

interface RawCollection extends RawQuery {
  add(o: { data: unknown }): Promise<{ _id?: string; id?: string; ids?: string[] }>;
  doc(id: string): {
    update(o: { data: unknown }): Promise<{ stats: { updated: number } }>;
    set(o: { data: unknown }): Promise<unknown>;
  };
}

export interface Table<T extends { _id: string }> {
  byId(id: string): Promise<T | null>;
  find(where: Where, page?: Page): Promise<T[]>;
  /** One page of a list screen (1-based) and the total, read at the same time. */
  findPage(where: Where, orderBy: [string, 'asc' | 'desc'], page: number, pageSize: number): Promise<{ items: T[]; total: number }>;
  /** Every matching document, page by page (for exports and imports; never for a screen). */
  findAll(where: Where, orderBy?: [string, 'asc' | 'desc']): Promise<T[]>;
  count(where: Where): Promise<number>;
  /** Insert one document or many (all-or-nothing); a taken `_id` rejects with a duplicate-key error. */
  insert(docs: T | T[]): Promise<void>;
  /** Update the fields given (commands like `_.inc` allowed) of documents matching `where`: the count updated. */
  updateWhere(where: Where, data: Record<string, unknown>): Promise<number>;
  update(id: string, data: Record<string, unknown>): Promise<number>;
  /**
   * Update the first document matching `where` and return it as it is after the update, in one atomic step (the
   * database's find-and-modify; wx-server-sdk's `where().updateAndReturn`): null when nothing matches. The way to
   * take something from a hot document without a transaction — the condition is checked where it applies.
   */
  updateAndReturn(where: Where, data: Record<string, unknown>): Promise<T | null>;
  /** Create or replace one document. */
  set(id: string, data: Omit<T, '_id'>): Promise<void>;
  removeWhere(where: Where): Promise<number>;
}

export function table<T extends { _id: string }>(db: Db, name: CollectionName): Table<T> {
  const coll = db.collection(name) as unknown as RawCollection;
  const nodeSdk = (db as unknown as { _db?: NodeSdkDatabase })._db;
  const query = (where: Where, page: Page = {}) => {
    let q = coll.where(where);
    for (const [field, dir] of page.orderBy ?? []) q = q.orderBy(field, dir);
    if (page.skip) q = q.skip(page.skip);
    return q.limit(Math.min(page.limit ?? 100, PAGE_MAX));
  };
  return {
    async byId(id) {
      // where({ _id }) answers an empty page for a missing id; doc(id).get() would reject instead.
      const r = await coll.where({ _id: id }).limit(1).get();
      return (r.data[0] as T | undefined) ?? null;
    },
    async find(where, page) {
      return (await query(where, page).get()).data as T[];
    },
    async findPage(where, orderBy, page, pageSize) {
      const [total, items] = await Promise.all([
        coll.where(where).count().then((r) => r.total),
        query(where, { orderBy: [orderBy], skip: (page - 1) * pageSize, limit: pageSize }).get().then((r) => r.data as T[]),
      ]);
      return { items, total };
    },
    async findAll(where, orderBy = ['_id', 'asc']) {
      const out: T[] = [];
      for (let skip = 0; ; skip += PAGE_MAX) {
        const page = (await query(where, { orderBy: [orderBy], skip, limit: PAGE_MAX }).get()).data as T[];
        out.push(...page);
        if (page.length < PAGE_MAX) return out;
      }
    },
    async count(where) {
      return (await coll.where(where).count()).total;
    },
    async insert(docs) {
      await coll.add({ data: docs });
    },
    async updateWhere(where, data) {
      return (await coll.where(where).update({ data })).stats.updated;
    },
    async update(id, data) {
      return (await coll.doc(id).update({ data })).stats.updated;
    },
    async updateAndReturn(where, data) {
      if (!nodeSdk) throw new FindAndModifyUnavailable('this SDK has no updateAndReturn');
      let r: Awaited<ReturnType<ReturnType<ReturnType<NodeSdkDatabase['collection']>['where']>['updateAndReturn']>>;
      try {
        r = await nodeSdk.collection(name).where(where).updateAndReturn(data);
      } catch (error) {
        if (isUnknownAction(error)) throw new FindAndModifyUnavailable(String(error));
        throw error;
      }
      // node-sdk answers a refused request with a `code` instead of throwing (unless told to throw).
      if (r.code) {
        if (isUnknownAction(`${r.code} ${r.message ?? ''}`)) throw new FindAndModifyUnavailable(`${r.code} ${r.message ?? ''}`);
        throw Object.assign(new Error(r.message ?? r.code), { errCode: -1, errMsg: `${r.code} ${r.message ?? ''}` });
      }
      return (r.updated ?? 0) > 0 ? ((r.doc as T | null) ?? null) : null;
    },
    async set(id, data) {
      await coll.doc(id).set({ data });
    },
    async removeWhere(where) {
      return (await coll.where(where).remove()).stats.removed;
    },
  };
}
