/**
 * One collection in memory: documents by `_id`, equality indexes, and the version history that snapshot reads of
 * open transactions need.
 *
 * Invariants:
 * - A `Stored` (and the document inside it) is never mutated once stored. Updates build a new document from a
 *   clone. This is what lets transactions keep old versions, compaction capture the state without copying, and
 *   reads hand out references.
 * - `docs` iterates in natural (insertion) order: a Map keeps a key's position when its value is replaced and
 *   moves it to the end when deleted and re-inserted, as MongoDB's natural order roughly does. `ord` records
 *   that position so index results can be put back into natural order.
 * - `seq` is the engine-wide commit number of the write that produced a version (0 for data loaded from disk:
 *   no transaction survives a restart, so older history is never needed).
 */
import { ObjectId } from 'bson';
import { idKey, isDocId, isPlainObject, type Doc, type DocId } from './ejson';

export interface Stored {
  readonly id: DocId;
  readonly doc: Doc;
  /** Canonical EJSON of `doc`: what reads return and what the journal holds. */
  readonly json: string;
  readonly seq: number;
  readonly ord: number;
}

/** One state of a document in its history; `stored: null` = did not exist. */
interface Version {
  readonly stored: Stored | null;
  readonly seq: number;
}

/**
 * The index key of a value an equality filter can use, or null when the value is not indexable (objects,
 * arrays, null, regexes: their matching rules are more than hash equality). Numbers compare by value in MongoDB,
 * and JS numbers are already values (1 and 1.0 are the same; -0 and 0 give the same string).
 */
export function indexKey(v: unknown): string | null {
  switch (typeof v) {
    case 'string':
      return `s${v}`;
    case 'number':
      return Number.isNaN(v) ? null : `n${v}`;
    case 'boolean':
      return v ? 'bt' : 'bf';
    default:
      break;
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : `d${v.getTime()}`;
  if (v instanceof ObjectId) return `o${v.toHexString()}`;
  return null;
}

/** The values an equality-only condition on a field allows, or null when the condition is anything else. */
function equalityValues(cond: unknown): unknown[] | null {
  if (indexKey(cond) !== null) return [cond];
  if (!isPlainObject(cond)) return null;
  const keys = Object.keys(cond);
  if (!keys.length || !keys.every((k) => k.startsWith('$'))) return null;
  if ('$eq' in cond && indexKey(cond.$eq) !== null) return [cond.$eq];
  const list: unknown = cond.$in;
  if (Array.isArray(list) && list.every((x: unknown) => indexKey(x) !== null)) return list as unknown[];
  return null;
}

/**
 * Top-level equality constraints of a filter, including those inside a top-level `$and` (the SDK produces
 * `$and` when conditions are combined). Each entry is a necessary condition: a matching document must have one
 * of the listed values in that field. Dotted paths are left to the full scan.
 */
export function equalityConstraints(filter: Doc): Map<string, unknown[][]> {
  const out = new Map<string, unknown[][]>();
  const walk = (f: Doc): void => {
    for (const [k, v] of Object.entries(f)) {
      if (k === '$and' && Array.isArray(v)) {
        for (const sub of v) if (isPlainObject(sub)) walk(sub);
        continue;
      }
      if (k.startsWith('$') || k.includes('.')) continue;
      const values = equalityValues(v);
      if (!values) continue;
      const list = out.get(k);
      if (list) list.push(values);
      else out.set(k, [values]);
    }
  };
  walk(filter);
  return out;
}

type Index = Map<string, Set<string>>;

export class Collection {
  readonly docs = new Map<string, Stored>();
  private nextOrd = 0;
  /** Per document key: versions oldest → newest, the last one being the current state. Present only for
   * documents written while some transaction was open, and trimmed when no open transaction needs them. */
  private readonly history = new Map<string, Version[]>();
  private readonly indexes = new Map<string, Index>();

  constructor(
    readonly env: string,
    readonly name: string,
    /** Commit number of the addCollection that made this incarnation. */
    readonly createdSeq: number,
    /** Build an index for a field once it is filtered on by equality and the collection is larger than this. */
    private readonly indexThreshold: number,
  ) {}

  get size(): number {
    return this.docs.size;
  }

  get(key: string): Stored | undefined {
    return this.docs.get(key);
  }

  /** The version a transaction whose snapshot is `snap` sees. */
  visibleAt(key: string, snap: number): Stored | null {
    const chain = this.history.get(key);
    if (!chain) return this.docs.get(key) ?? null;
    for (let i = chain.length - 1; i >= 0; i--) if (chain[i].seq <= snap) return chain[i].stored;
    // Unreachable while the trimming invariant holds (the oldest kept version is visible to every open
    // transaction); "did not exist" is the safe answer.
    return null;
  }

  /** Commit number of the last write (insert, update or delete) to this key that history still knows of. Any
   * write after an open transaction's snapshot is known, because history is kept while transactions are open. */
  lastCommitSeq(key: string): number {
    const chain = this.history.get(key);
    if (chain) return chain[chain.length - 1].seq;
    return this.docs.get(key)?.seq ?? 0;
  }

  /** Stores a document version (insert or replace). */
  put(key: string, id: DocId, doc: Doc, json: string, seq: number, keepHistory: boolean): Stored {
    const old = this.docs.get(key);
    const stored: Stored = { id, doc, json, seq, ord: old ? old.ord : this.nextOrd++ };
    if (keepHistory) this.record(key, old, stored, seq);
    if (old) this.unindex(old, key);
    this.docs.set(key, stored);
    this.indexDoc(stored, key);
    return stored;
  }

  remove(key: string, seq: number, keepHistory: boolean): boolean {
    const old = this.docs.get(key);
    if (!old) return false;
    if (keepHistory) this.record(key, old, null, seq);
    this.unindex(old, key);
    this.docs.delete(key);
    return true;
  }

  private record(key: string, old: Stored | undefined, next: Stored | null, seq: number): void {
    let chain = this.history.get(key);
    if (!chain) {
      chain = [{ stored: old ?? null, seq: old?.seq ?? 0 }];
      this.history.set(key, chain);
    }
    chain.push({ stored: next, seq });
  }

  /**
   * Drops history no open transaction can read: for each key keep the newest version visible at the oldest
   * open snapshot and everything after it; forget the key when only a version visible to everyone is left.
   * `minSnap === null` means no transaction is open.
   */
  trimHistory(minSnap: number | null): void {
    if (minSnap === null) {
      this.history.clear();
      return;
    }
    for (const [key, chain] of this.history) {
      let base = -1;
      for (let i = chain.length - 1; i >= 0; i--) {
        if (chain[i].seq <= minSnap) {
          base = i;
          break;
        }
      }
      if (base > 0) chain.splice(0, base);
      if (chain.length === 1 && chain[0].seq <= minSnap) this.history.delete(key);
    }
  }

  get historySize(): number {
    return this.history.size;
  }

  // ---- equality indexes ----

  /** Fields with an index (for tests and diagnostics). */
  indexedFields(): string[] {
    return [...this.indexes.keys()];
  }

  private indexDoc(s: Stored, key: string): void {
    for (const [field, index] of this.indexes) this.addToIndex(index, s.doc[field], key);
  }

  private addToIndex(index: Index, value: unknown, key: string): void {
    for (const k of this.keysOf(value)) {
      let set = index.get(k);
      if (!set) {
        set = new Set();
        index.set(k, set);
      }
      set.add(key);
    }
  }

  private unindex(s: Stored, key: string): void {
    for (const [field, index] of this.indexes) {
      for (const k of this.keysOf(s.doc[field])) {
        const set = index.get(k);
        if (!set) continue;
        set.delete(key);
        if (!set.size) index.delete(k);
      }
    }
  }

  /** Index keys of a field value. An array is indexed by its elements too, because `{f: v}` matches a document
   * whose `f` is an array containing v (MongoDB's array semantics, which mingo follows). */
  private keysOf(v: unknown): string[] {
    if (Array.isArray(v)) {
      const keys = new Set<string>();
      for (const x of v) {
        const k = indexKey(x);
        if (k !== null) keys.add(k);
      }
      return [...keys];
    }
    const k = indexKey(v);
    return k === null ? [] : [k];
  }

  private ensureIndex(field: string): Index {
    let index = this.indexes.get(field);
    if (index) return index;
    index = new Map();
    this.indexes.set(field, index);
    for (const [key, s] of this.docs) this.addToIndex(index, s.doc[field], key);
    return index;
  }

  /**
   * Documents that may match `filter`, in natural order, or null when only a full scan will do. Always a
   * superset of the matches: callers still apply the whole filter with mingo. Equality on `_id` is a direct
   * lookup; equality on another top-level field uses (and, on a large collection, creates) a hash index.
   */
  candidates(filter: Doc): Stored[] | null {
    const constraints = equalityConstraints(filter);
    if (!constraints.size) return null;
    const ids = constraints.get('_id');
    if (ids) {
      let best: unknown[] = ids[0];
      for (const list of ids) if (list.length < best.length) best = list;
      const out: Stored[] = [];
      const seen = new Set<string>();
      for (const v of best) {
        // Ids we never store (dates, objects...) cannot match.
        if (!isDocId(v)) continue;
        const k = idKey(v);
        if (seen.has(k)) continue;
        seen.add(k);
        const s = this.docs.get(k);
        if (s) out.push(s);
      }
      return out.sort((a, b) => a.ord - b.ord);
    }
    // Pick the most selective constraint by the sizes of its posting sets, before materializing anything:
    // `{memberId, status}` must cost the handful of ids of one member, not the third of the collection that
    // shares a status.
    let best: Array<Set<string>> | null = null;
    let bestSize = Infinity;
    for (const [field, lists] of constraints) {
      let index = this.indexes.get(field);
      if (!index) {
        if (this.docs.size <= this.indexThreshold) continue;
        index = this.ensureIndex(field);
      }
      for (const values of lists) {
        const sets: Array<Set<string>> = [];
        let size = 0;
        for (const v of values) {
          const set = index.get(indexKey(v) as string);
          if (set) {
            sets.push(set);
            size += set.size;
          }
        }
        if (size < bestSize) {
          best = sets;
          bestSize = size;
        }
      }
    }
    if (!best) return null;
    const out: Stored[] = [];
    const seen = best.length > 1 ? new Set<string>() : null;
    for (const set of best) {
      for (const k of set) {
        if (seen) {
          if (seen.has(k)) continue;
          seen.add(k);
        }
        const s = this.docs.get(k);
        if (s) out.push(s);
      }
    }
    return out.sort((a, b) => a.ord - b.ord);
  }
}
