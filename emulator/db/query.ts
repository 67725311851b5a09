/**
 * Query, update and aggregation semantics, all delegated to mingo (MongoDB's language for in-memory objects):
 * we choose candidates (collection.ts) and mingo decides what matches, how to sort, project, update, aggregate.
 * mingo runs with our operator set (operators.ts: its own, with MongoDB's behaviour where the two differ).
 */
import { Aggregator } from 'mingo/aggregator';
import { Query } from 'mingo/query';
import { update } from 'mingo/updater';
import type { Collection, Stored } from './collection';
import { cloneValue, isPlainObject, replyJson, toReplyEJSON, type Doc } from './ejson';
import { DbError } from './errors';
import { OPERATORS } from './operators';

type MingoOptions = NonNullable<ConstructorParameters<typeof Query>[1]>;

/**
 * `scriptEnabled: false`: `$where`, `$function` and `$accumulator` would run request-supplied JavaScript inside
 * the emulator; the cloud does not run user JS in the database either.
 */
export function mingoOptions(resolve?: (name: string) => Doc[]): MingoOptions {
  const base = { scriptEnabled: false, context: OPERATORS };
  return resolve ? { ...base, collectionResolver: resolve } : base;
}

const BASE_OPTIONS = mingoOptions();

export function compileFilter(filter: Doc): Query {
  return new Query(filter, BASE_OPTIONS);
}

/** The SDK's `orderBy` sends `{field: 1|-1}`; anything else is refused as MongoDB would. */
export function checkOrder(order: Doc): void {
  for (const [k, v] of Object.entries(order)) {
    if (v !== 1 && v !== -1) throw new DbError('DATABASE_REQUEST_FAILED', `bad sort direction for '${k}': ${String(v)}`);
  }
}

/** Matches in natural order; `max` stops early (used for `multi: false` and unsorted pages). */
export function matchStored(coll: Collection, filter: Doc, max = Infinity, skip = 0): Stored[] {
  const q = compileFilter(filter);
  const source = coll.candidates(filter) ?? coll.docs.values();
  const out: Stored[] = [];
  let toSkip = skip;
  if (max <= 0) return out;
  for (const s of source) {
    if (!q.test(s.doc)) continue;
    if (toSkip > 0) {
      toSkip -= 1;
      continue;
    }
    out.push(s);
    if (out.length >= max) break;
  }
  return out;
}

export function countMatches(coll: Collection, filter: Doc): number {
  if (!Object.keys(filter).length) return coll.size;
  const q = compileFilter(filter);
  const source = coll.candidates(filter) ?? coll.docs.values();
  let n = 0;
  for (const s of source) if (q.test(s.doc)) n += 1;
  return n;
}

export function project(docs: Doc[], projection: Doc): Doc[] {
  return new Query({}, BASE_OPTIONS).find(docs, projection).all() as Doc[];
}

export interface FindSpec {
  filter: Doc;
  order?: Doc;
  offset: number;
  limit: number;
  projection?: Doc;
}

/** getDocument WHERE: filter, then sort / skip / limit / project; returns the reply's canonical EJSON strings. */
export function find(coll: Collection, spec: FindSpec): string[] {
  let page: Doc[];
  let stored: Stored[] | null = null;
  if (spec.order && Object.keys(spec.order).length) {
    const matched = matchStored(coll, spec.filter).map((s) => s.doc);
    // mingo's sort: MongoDB's cross-type ordering (null < numbers < strings < objects < ... < dates), and stable
    // within equal keys, so ties keep natural order.
    page = new Query({}, BASE_OPTIONS).find(matched).sort(spec.order).skip(spec.offset).limit(spec.limit).all() as Doc[];
  } else {
    stored = matchStored(coll, spec.filter, spec.limit, spec.offset);
    page = stored.map((s) => s.doc);
  }
  if (spec.projection && Object.keys(spec.projection).length) return project(page, spec.projection).map(toReplyEJSON);
  // Unprojected, unsorted results reuse the EJSON text cached at write time.
  if (stored) return stored.map(replyJson);
  return page.map(toReplyEJSON);
}

/** Update kinds: `$`-operators (merge) or a whole replacement document (`set()`, i.e. merge: false). */
export type UpdateSpec = { kind: 'operators'; modifier: Doc } | { kind: 'replace'; doc: Doc };

export function parseUpdate(data: Doc, merge: boolean): UpdateSpec {
  const keys = Object.keys(data);
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length && ops.length !== keys.length) {
    throw new DbError('DATABASE_REQUEST_FAILED', 'update document mixes $-operators and plain fields');
  }
  if (!merge) {
    if (ops.length) throw new DbError('DATABASE_REQUEST_FAILED', 'a replacement document (merge: false) cannot contain update operators');
    return { kind: 'replace', doc: data };
  }
  if (!keys.length) throw new DbError('DATABASE_REQUEST_FAILED', 'update document is empty');
  for (const op of ops) {
    if (!isPlainObject(data[op])) throw new DbError('DATABASE_REQUEST_FAILED', `${op} needs an object of fields`);
  }
  // merge: true without operators (the SDK's `raw` mode) means "merge these fields in", i.e. $set.
  return ops.length ? { kind: 'operators', modifier: data } : { kind: 'operators', modifier: { $set: data } };
}

/**
 * Applies an update to a stored document and returns the new document (the stored one is left untouched).
 * `cloneMode: 'deep'`: values from the update are copied into each document, so a multi-document update never
 * makes two stored documents share (and later mutate) one object.
 */
export function applyUpdate(old: Doc, spec: UpdateSpec): Doc {
  if (spec.kind === 'replace') {
    if ('_id' in spec.doc && JSON.stringify(spec.doc._id) !== JSON.stringify(old._id)) {
      throw new DbError('DATABASE_REQUEST_FAILED', "the replacement document changes the immutable field '_id'");
    }
    return { _id: old._id, ...cloneValue(spec.doc) };
  }
  checkUpdateTargets(old, spec.modifier);
  const next = cloneValue(old);
  update(next, spec.modifier, undefined, undefined, { cloneMode: 'deep', queryOptions: BASE_OPTIONS });
  return next;
}

const UNSAFE_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** The value at a plain dotted path (numeric segments index arrays); undefined when absent or not plain. */
function valueAt(doc: Doc, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (UNSAFE_SEGMENTS.has(part)) return undefined;
    if (Array.isArray(cur) && /^\d+$/.test(part)) cur = cur[Number(part)];
    else if (isPlainObject(cur)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

const NUMERIC_OPS = ['$inc', '$mul'];
const ARRAY_OPS = ['$push', '$addToSet', '$pop', '$pull', '$pullAll'];

/**
 * MongoDB refuses `$inc`/`$mul` on a non-number and the array operators on a non-array ("Cannot apply $inc to a
 * value of non-numeric type"); mingo silently skips those fields instead. Checked up front so function code
 * fails here as it would in the cloud. Positional paths (`$`, `$[]`) are left to mingo.
 */
function checkUpdateTargets(doc: Doc, modifier: Doc): void {
  const check = (ops: string[], ok: (v: unknown) => boolean, kind: string): void => {
    for (const op of ops) {
      const fields = modifier[op];
      if (!isPlainObject(fields)) continue;
      for (const path of Object.keys(fields)) {
        if (path.includes('$')) continue;
        const v = valueAt(doc, path);
        if (v !== undefined && !ok(v)) {
          throw new DbError('DATABASE_REQUEST_FAILED', `Cannot apply ${op} to a value of non-${kind} type (field '${path}')`);
        }
      }
    }
  };
  check(NUMERIC_OPS, (v) => typeof v === 'number', 'numeric');
  check(ARRAY_OPS, Array.isArray, 'array');
}

/** Sets a dotted path, creating objects on the way (for the equality part of an upsert's filter). */
function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  // Walking "__proto__" would write into Object.prototype (mingo guards its own paths the same way).
  if (parts.some((p) => UNSAFE_SEGMENTS.has(p))) throw new DbError('DATABASE_REQUEST_FAILED', `field path '${path}' is not allowed`);
  let cur: Doc = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur[parts[i]];
    if (isPlainObject(next)) cur = next;
    else {
      const created: Doc = {};
      cur[parts[i]] = created;
      cur = created;
    }
  }
  cur[parts[parts.length - 1]] = cloneValue(value);
}

/** MongoDB's upsert seed: the filter's equality conditions (`{f: v}` and `{f: {$eq: v}}`, also inside `$and`)
 * become fields of the new document before the update applies. */
export function upsertSeed(filter: Doc): Doc {
  const seed: Doc = {};
  const walk = (f: Doc): void => {
    for (const [k, v] of Object.entries(f)) {
      if (k === '$and' && Array.isArray(v)) {
        for (const sub of v) if (isPlainObject(sub)) walk(sub);
        continue;
      }
      if (k.startsWith('$')) continue;
      if (isPlainObject(v)) {
        const keys = Object.keys(v);
        if (keys.length && keys.every((x) => x.startsWith('$'))) {
          if (keys.length === 1 && '$eq' in v) setPath(seed, k, v.$eq);
          continue;
        }
      }
      setPath(seed, k, v);
    }
  };
  walk(filter);
  return seed;
}

/** Write stages and server-side JS are refused: the cloud's aggregate is read-only. */
const FORBIDDEN_STAGES = new Set(['$out', '$merge']);

export function aggregate(pipeline: Doc[], input: Doc[], resolve: (name: string) => Doc[]): Doc[] {
  for (const stage of pipeline) {
    for (const k of Object.keys(stage)) {
      if (FORBIDDEN_STAGES.has(k)) throw new DbError('DATABASE_REQUEST_FAILED', `aggregation stage ${k} is not supported`);
    }
  }
  return new Aggregator(pipeline, mingoOptions(resolve)).run<Doc>(input);
}
