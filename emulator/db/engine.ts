/**
 * The document database behind the emulator's `database.*` protocol actions (see
 * docs/CLOUDBASE-PROTOCOL.md). One engine holds every env; each `envName` is its own database.
 *
 * Request handling is synchronous up to the point of durability: a request reads and changes memory in one go
 * (so requests are atomic with respect to each other without locks), then waits for its journal record to be
 * fsynced before the reply is released. Reads also wait until everything they could have seen is durable, so no
 * reply ever shows data that a crash could take back.
 *
 * Reply shapes are what @cloudbase/database 1.4.3 parses: `data.list` (EJSON strings), `data.total`,
 * `data.insertedIds`, `data.updated` + `data.upsert_id`, `data.deleted`, and `transactionId` at the top level of
 * startTransaction's reply.
 *
 * Cloud behaviour we could not observe, and the (mostly stricter) choice made here:
 * - addCollection on an existing name: DATABASE_COLLECTION_ALREADY_EXIST. Collection names are letters, digits, `-`
 *   and `_` (1–120), env names as in ../names.ts; anything else is INVALID_PARAM on every action.
 * - Duplicate `_id`: DATABASE_REQUEST_FAILED with MongoDB's E11000 text; a multi-document insert is all-or-nothing.
 * - getDocument limit: default 100, capped at 1000 server-side as well (the SDK does both client-side).
 * - Documents over 512 KB of EJSON, `$`/dotted/`__proto__` field names, and `_id`s other than string/number/
 *   ObjectId are refused.
 * - `updated`: a DOC update or set() and an updateAndReturn count the matched document, changed or not (the
 *   cloud answers 1 to a set() of the same content, Tencent's SDK tests). A WHERE update counts the documents it
 *   changed (MongoDB's nModified): what the cloud answers when nothing changes is not known, so project code
 *   must be right with either count.
 * - ObjectId values (and `_id`s) are stored as ObjectIds but read back as their hex string, as from the cloud.
 * - Multi-document updates/removes are all-or-nothing (MongoDB may stop half-way on an error).
 * - `$inc`/`$mul` on a non-number and array operators on a non-array fail, as in MongoDB (mingo alone skips them).
 * - Inside a transaction only single-document operations are accepted (WHERE get/update/remove, count and
 *   aggregate with a transactionId are refused). A transaction belongs to the env that started it.
 * - A transaction used after it expired, was rolled back after a conflict, or finished (abort included), or by
 *   another env: DATABASE_TRANSACTION_FAIL with the cloud's `[ResourceUnavailable.TransactionNotExist] …` text;
 *   a write conflict: DATABASE_TRANSACTION_CONFLICT with its `[ResourceUnavailable.TransactionConflict] …` text
 *   (both as Tencent's SDK tests expect them). Non-transactional writes take no locks; a transaction that loses
 *   to one fails at its next write of that document or at commit (first committer wins).
 * - Aggregation: no default limit; `$out`/`$merge` and server-side JS (`$where`, `$function`, `$accumulator`)
 *   are refused; `$lookup` of a missing collection joins nothing, as in MongoDB.
 * - Numbers: Int32/Int64/Double are all JS numbers in memory, so an Int64 beyond 2^53 loses precision and a
 *   double with an integral value comes back as `$numberInt`. The SDK hands user code JS numbers either way.
 */
import type { Clock } from '../clock';
import { Collection, type Stored } from './collection';
import {
  checkDocSize,
  checkFieldNames,
  cloneValue,
  decodeObject,
  decodeStored,
  decodeWire,
  idForMessage,
  idForReply,
  idKey,
  isDocId,
  isPlainObject,
  newDocId,
  replyJson,
  toEJSON,
  toReplyEJSON,
  type Doc,
  type DocId,
} from './ejson';
import { DbError, errorReply } from './errors';
import { isCollectionName, isEnvName } from '../names';
import { Journal, loadDataDir, type ReplayOp, type SnapshotData, type WriteOp } from './journal';
import {
  aggregate,
  applyUpdate,
  checkOrder,
  compileFilter,
  countMatches,
  find,
  matchStored,
  parseUpdate,
  project,
  upsertSeed,
  type UpdateSpec,
} from './query';
import { TRANSACTION_CONFLICT, TransactionManager, type Transaction } from './transactions';

export interface DbEngineOptions {
  dataDir: string;
  clock: Clock;
  /** A transaction not committed within this many (real) milliseconds is rolled back. Default 30 000, the cloud's. */
  transactionTimeoutMs?: number;
  /** Compact (snapshot + fresh journal) once the journal passes this size. Default 64 MB. */
  compactBytes?: number;
  /** Create an equality index for a queried field once the collection has more documents than this. Default 1000. */
  indexThreshold?: number;
}

type Reply = Record<string, unknown>;

/** A reply plus what must be durable before it may be sent. */
interface Outcome {
  reply: Reply;
  durable: () => Promise<void>;
}

/** getDocument defaults: the SDK sends limit 100 when none is given and caps at 1000; the server is assumed to do
 * the same (stricter: we apply both server-side too, so a raw request cannot read more). */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

type QueryType = 'WHERE' | 'DOC';

// ---- request field helpers (bodies are untrusted JSON) ----

/** The env is a key of the engine's map, never a path; '' is what the SDK sends when no env is configured. */
function envOf(b: Reply): string {
  if (typeof b.envName !== 'string') throw new DbError('INVALID_PARAM', 'envName is required');
  if (b.envName !== '' && !isEnvName(b.envName)) throw new DbError('INVALID_PARAM', 'invalid envName');
  return b.envName;
}

function collectionNameOf(b: Reply): string {
  const n = b.collectionName;
  if (typeof n !== 'string' || n === '') throw new DbError('INVALID_PARAM', 'collectionName is required');
  if (!isCollectionName(n)) throw new DbError('INVALID_PARAM', 'invalid collectionName: only letters, digits, - and _');
  return n;
}

function queryTypeOf(b: Reply): QueryType {
  const t = b.queryType ?? 'WHERE';
  if (t !== 'WHERE' && t !== 'DOC') throw new DbError('INVALID_PARAM', `queryType must be WHERE or DOC, got ${JSON.stringify(t)}`);
  return t;
}

function boolOf(b: Reply, name: string, def: boolean): boolean {
  const v = b[name];
  if (v === undefined || v === null) return def;
  if (typeof v !== 'boolean') throw new DbError('INVALID_PARAM', `${name} must be a boolean`);
  return v;
}

function intOf(b: Reply, name: string): number | undefined {
  const v = b[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new DbError('INVALID_PARAM', `${name} must be a non-negative integer`);
  return v;
}

function txnIdOf(b: Reply): string | undefined {
  const v = b.transactionId;
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new DbError('INVALID_PARAM', 'transactionId must be a string');
  return v;
}

function duplicateKey(coll: string, id: DocId): DbError {
  // MongoDB's E11000 text (what the cloud, which runs on MongoDB, is inferred to pass through).
  return new DbError('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${idForMessage(id)} }`);
}

function collectionMissing(env: string, name: string): DbError {
  return new DbError('DATABASE_COLLECTION_NOT_EXIST', `collection '${name}' does not exist in env '${env}'`);
}

/** DOC queries carry `{_id: <id>}` (the SDK's `doc(id)`); returns the id and whether other conditions remain. */
function docTarget(filter: Doc): { id: DocId; key: string; rest: boolean } {
  const id = filter._id;
  if (!isDocId(id)) throw new DbError('INVALID_PARAM', 'a DOC query needs a string or number _id');
  return { id, key: idKey(id), rest: Object.keys(filter).length > 1 };
}

/** A new document ready to store: its encoded form, checked against the size limit. */
function sealNew(id: DocId, doc: Doc): { id: DocId; key: string; doc: Doc; json: string } {
  const json = toEJSON(doc);
  checkDocSize(json, id);
  return { id, key: idKey(id), doc, json };
}

export class DbEngine {
  private readonly envs = new Map<string, Map<string, Collection>>();
  /** Commit counter: bumped by every write that changes something. Transactions read at a value of it. */
  private seq = 0;
  private journal!: Journal;
  private readonly txns: TransactionManager;
  private closed = false;
  private readonly clock: Clock;
  private readonly indexThreshold: number;

  private constructor(opts: DbEngineOptions) {
    this.clock = opts.clock;
    this.indexThreshold = opts.indexThreshold ?? 1000;
    this.txns = new TransactionManager(opts.transactionTimeoutMs ?? 30_000, () => this.trimHistory());
  }

  static async open(opts: DbEngineOptions): Promise<DbEngine> {
    const engine = new DbEngine(opts);
    const loaded = loadDataDir(opts.dataDir, (op) => engine.replay(op));
    engine.journal = await Journal.open({
      dir: opts.dataDir,
      gen: loaded.gen,
      bytes: loaded.bytes,
      compactBytes: opts.compactBytes ?? 64 * 1024 * 1024,
      capture: () => engine.capture(),
    });
    return engine;
  }

  /** Handles one `database.*` action. Never throws: bad input and failures become `{code, message}` replies. */
  async handle(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    let outcome: Outcome;
    try {
      if (this.closed) throw new DbError('DATABASE_REQUEST_FAILED', 'the database engine is closed');
      const failed = this.journal.failed;
      if (failed) throw new DbError('DATABASE_REQUEST_FAILED', `storage failure, refusing requests: ${failed.message}`);
      outcome = this.dispatch(body);
    } catch (e) {
      return errorReply(e);
    }
    try {
      await outcome.durable();
    } catch (e) {
      return { code: 'DATABASE_REQUEST_FAILED', message: `storage failure: ${e instanceof Error ? e.message : String(e)}` };
    }
    return outcome.reply;
  }

  /** Names of the collections of an env (test/bench helper). */
  collectionNames(envName: string): string[] {
    return [...(this.envs.get(envName)?.keys() ?? [])];
  }

  /** Compacts now (test helper; compaction otherwise starts by itself when the journal grows large). */
  compact(): Promise<void> {
    return this.journal.compact();
  }

  /** Rolls back open transactions, flushes and closes files. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.txns.endAll();
    await this.journal.close();
  }

  /** Diagnostics for tests: fields with an equality index, and documents with kept history. */
  inspect(envName: string, collectionName: string): { indexes: string[]; history: number; size: number } | undefined {
    const c = this.envs.get(envName)?.get(collectionName);
    return c && { indexes: c.indexedFields(), history: c.historySize, size: c.size };
  }

  /** Journal counters (group commit batches, records, compactions): for tests and benchmarks. */
  storageStats(): { batches: number; records: number; compactions: number } {
    return { ...this.journal.stats };
  }

  // ---- dispatch ----

  private dispatch(b: Reply): Outcome {
    const action = b.action;
    switch (action) {
      case 'database.getDocument':
        return this.getDocument(b);
      case 'database.calculateDocument':
        return this.calculateDocument(b);
      case 'database.insertDocument':
        return this.insertDocument(b);
      case 'database.modifyDocument':
        return this.modifyDocument(b);
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturnDoc(b);
      case 'database.removeDocument':
        return this.removeDocument(b);
      case 'database.aggregateDocuments':
        return this.aggregateDocuments(b);
      case 'database.addCollection':
        return this.addCollection(b);
      case 'database.deleteCollection':
        return this.deleteCollection(b);
      case 'database.startTransaction':
        return this.startTransaction(b);
      case 'database.commitTransaction':
        return this.commitTransaction(b);
      case 'database.abortTransaction':
        return this.abortTransaction(b);
      default:
        throw new DbError('INVALID_PARAM', `action ${typeof action === 'string' ? action : '(none)'} is not emulated`);
    }
  }

  private now = (): Date => this.clock.now();

  private read(reply: Reply): Outcome {
    return { reply, durable: () => this.journal.whenDurable() };
  }

  private write(reply: Reply, ops: WriteOp[]): Outcome {
    if (!ops.length) return this.read(reply);
    const done = this.journal.append(ops);
    // Attach a handler now so a failed flush is never an unhandled rejection; handle() still sees the failure.
    done.catch(() => undefined);
    return { reply, durable: () => done };
  }

  private collection(env: string, name: string): Collection {
    const c = this.envs.get(env)?.get(name);
    if (!c) throw collectionMissing(env, name);
    return c;
  }

  private filterOf(b: Reply): Doc {
    const q = b.query;
    // The SDK omits `query` (or sends '') for a collection without where().
    if (q === undefined || q === null || q === '') return {};
    return decodeObject(q, this.now, 'query');
  }

  /** Transaction of a request, or undefined. WHERE operations are refused inside transactions: the cloud allows
   * only single-document operations there (the SDK itself sends no transactionId for where().update/remove). */
  private txnOf(b: Reply, env: string, queryType: QueryType | 'INSERT'): Transaction | undefined {
    const id = txnIdOf(b);
    if (id === undefined) return undefined;
    const txn = this.txns.get(id, env);
    if (queryType === 'WHERE') {
      throw new DbError('DATABASE_REQUEST_FAILED', 'only single-document operations (doc().get/set/update/remove, add) are allowed in a transaction');
    }
    return txn;
  }

  private get keepHistory(): boolean {
    return this.txns.active.size > 0;
  }

  // ---- reads ----

  private getDocument(b: Reply): Outcome {
    const env = envOf(b);
    const name = collectionNameOf(b);
    const queryType = queryTypeOf(b);
    const txn = this.txnOf(b, env, queryType);
    const coll = this.collection(env, name);
    const filter = this.filterOf(b);
    const projection = b.projection === undefined || b.projection === null ? undefined : decodeObject(b.projection, this.now, 'projection');

    if (queryType === 'DOC') {
      const { key, rest } = docTarget(filter);
      const found = txn ? this.txnView(txn, coll, key) : coll.get(key);
      const docs = found && (!rest || compileFilter(filter).test(found.doc)) ? [found] : [];
      const list = projection ? project(docs.map((d) => d.doc), projection).map(toReplyEJSON) : docs.map(replyJson);
      return this.read({ data: { list } });
    }

    let limit = intOf(b, 'limit') ?? 0;
    if (limit === 0) limit = DEFAULT_LIMIT;
    if (limit > MAX_LIMIT) limit = MAX_LIMIT;
    const offset = intOf(b, 'offset') ?? 0;
    let order: Doc | undefined;
    if (b.order !== undefined && b.order !== null && b.order !== '') {
      order = decodeObject(b.order, this.now, 'order');
      checkOrder(order);
    }
    const list = find(coll, { filter, order, offset, limit, projection });
    return this.read({ data: { list } });
  }

  private calculateDocument(b: Reply): Outcome {
    const env = envOf(b);
    const queryType = queryTypeOf(b);
    if (txnIdOf(b) !== undefined) throw new DbError('DATABASE_REQUEST_FAILED', 'count() is not allowed in a transaction');
    const coll = this.collection(env, collectionNameOf(b));
    const filter = this.filterOf(b);
    let total: number;
    if (queryType === 'DOC') {
      const { key } = docTarget(filter);
      const s = coll.get(key);
      total = s && compileFilter(filter).test(s.doc) ? 1 : 0;
    } else {
      total = countMatches(coll, filter);
    }
    return this.read({ data: { total } });
  }

  private aggregateDocuments(b: Reply): Outcome {
    const env = envOf(b);
    if (txnIdOf(b) !== undefined) throw new DbError('DATABASE_REQUEST_FAILED', 'aggregate() is not allowed in a transaction');
    const coll = this.collection(env, collectionNameOf(b));
    if (!Array.isArray(b.stages)) throw new DbError('INVALID_PARAM', 'stages must be an array');
    const pipeline: Doc[] = b.stages.map((s: unknown, i) => {
      if (!isPlainObject(s) || typeof s.stageKey !== 'string' || !s.stageKey.startsWith('$') || s.stageValue === undefined) {
        throw new DbError('INVALID_PARAM', `stage ${i} must be {stageKey: '$...', stageValue}`);
      }
      // stageValue is EJSON text for objects and plain JSON for scalars (`count('n')` → "\"n\"", `limit(5)` → "5").
      return { [s.stageKey]: decodeWire(s.stageValue, this.now, `stage ${s.stageKey}`) };
    });
    // A leading $match runs through the indexed matcher; only its result is copied into the pipeline (mingo may
    // reshape the documents it is given, and stored documents must stay untouched).
    let input: Stored[];
    const first = pipeline[0];
    if (first && isPlainObject(first.$match) && Object.keys(first).length === 1) {
      input = matchStored(coll, first.$match);
      pipeline.shift();
    } else {
      input = [...coll.docs.values()];
    }
    const resolve = (other: string): Doc[] => {
      const c = this.envs.get(env)?.get(other);
      // MongoDB's $lookup on a missing collection joins nothing rather than failing.
      return c ? [...c.docs.values()].map((s) => cloneValue(s.doc)) : [];
    };
    const out = aggregate(pipeline, input.map((s) => cloneValue(s.doc)), resolve);
    return this.read({ data: { list: out.map(toReplyEJSON) } });
  }

  // ---- writes ----

  /** Parses, stamps and validates one document of an insert. */
  private prepareInsert(raw: unknown): { id: DocId; key: string; doc: Doc; json: string } {
    const parsed = decodeObject(raw, this.now, 'document');
    checkFieldNames(parsed);
    let id: DocId;
    if (parsed._id === undefined) id = newDocId(this.now());
    else if (isDocId(parsed._id)) id = parsed._id;
    else throw new DbError('DATABASE_REQUEST_FAILED', '_id must be a non-empty string or a number');
    // `_id` first, as MongoDB stores it.
    const doc: Doc = { _id: id };
    for (const [k, v] of Object.entries(parsed)) if (k !== '_id') doc[k] = v;
    return sealNew(id, doc);
  }

  private insertDocument(b: Reply): Outcome {
    const env = envOf(b);
    const name = collectionNameOf(b);
    const txn = this.txnOf(b, env, 'INSERT');
    const coll = this.collection(env, name);
    if (!Array.isArray(b.data) || b.data.length === 0) throw new DbError('INVALID_PARAM', 'data must be a non-empty array of documents');
    const docs = b.data.map((raw: unknown) => this.prepareInsert(raw));
    // All-or-nothing: every check runs before anything is written (stricter than MongoDB's ordered insert,
    // which keeps the documents before the failing one).
    const seen = new Set<string>();
    for (const d of docs) {
      if (seen.has(d.key)) throw duplicateKey(name, d.id);
      seen.add(d.key);
      if (txn) {
        if (this.txnView(txn, coll, d.key)) throw duplicateKey(name, d.id);
        this.checkTxnWrite(txn, coll, d.key);
      } else if (coll.get(d.key)) {
        throw duplicateKey(name, d.id);
      }
    }
    const insertedIds = docs.map((d) => idForReply(d.id));
    if (txn) {
      for (const d of docs) this.txns.write(txn, { coll, key: d.key, id: d.id, next: { doc: d.doc, json: d.json } });
      return this.read({ data: { insertedIds } });
    }
    const seq = ++this.seq;
    const keep = this.keepHistory;
    for (const d of docs) coll.put(d.key, d.id, d.doc, d.json, seq, keep);
    return this.write(
      { data: { insertedIds } },
      docs.map((d) => ({ o: 'p', e: env, c: name, json: d.json })),
    );
  }

  /** Computes a document's new state; returns null when nothing changed. */
  private updated(old: Stored | { doc: Doc; json: string }, spec: UpdateSpec, id: DocId): { doc: Doc; json: string } | null {
    const doc = applyUpdate(old.doc, spec);
    checkFieldNames(doc);
    const json = toEJSON(doc);
    if (json === old.json) return null;
    checkDocSize(json, id);
    return { doc, json };
  }

  /** The document an upsert creates when nothing matched. */
  private upserted(filter: Doc, spec: UpdateSpec, givenId: DocId | undefined): { id: DocId; key: string; doc: Doc; json: string } {
    const id = givenId ?? (isDocId(filter._id) ? filter._id : newDocId(this.now()));
    const seed = upsertSeed(filter);
    delete seed._id;
    const base: Doc = { _id: id, ...seed };
    const doc = spec.kind === 'replace' ? { _id: id, ...cloneValue(spec.doc) } : applyUpdate(base, spec);
    doc._id = id;
    checkFieldNames(doc);
    return sealNew(id, doc);
  }

  /** What a modify or remove acts on: env, collection, query type, transaction (if any) and filter. */
  private targetOf(b: Reply) {
    const env = envOf(b);
    const name = collectionNameOf(b);
    const queryType = queryTypeOf(b);
    const txn = this.txnOf(b, env, queryType);
    const coll = this.collection(env, name);
    return { env, name, queryType, txn, coll, filter: this.filterOf(b) };
  }

  private modifyDocument(b: Reply): Outcome {
    // Upsert on a missing collection is refused too (targetOf): the cloud does not create collections implicitly.
    const { env, name, queryType, txn, coll, filter } = this.targetOf(b);
    if (b.data === undefined || b.data === null) throw new DbError('INVALID_PARAM', 'data is required');
    const spec = parseUpdate(decodeObject(b.data, this.now, 'update'), boolOf(b, 'merge', true));
    const upsert = boolOf(b, 'upsert', false);

    if (queryType === 'DOC') {
      const { id, key, rest } = docTarget(filter);
      const current = txn ? this.txnView(txn, coll, key) : (coll.get(key) ?? null);
      const matches = current !== null && (!rest || compileFilter(filter).test(current.doc));
      if (txn) {
        if (matches) {
          const next = this.updated(current, spec, id);
          // A matched update is a write even when it changes nothing: it takes the document's lock, as a
          // MongoDB transaction's update does (stricter for conflicts).
          this.checkTxnWrite(txn, coll, key);
          this.txns.write(txn, { coll, key, id, next: next ?? { doc: current.doc, json: current.json } });
          return this.read({ data: { updated: 1 } });
        }
        if (!upsert || current !== null) return this.read({ data: { updated: 0 } });
        const created = this.upserted(filter, spec, id);
        this.checkTxnWrite(txn, coll, key);
        this.txns.write(txn, { coll, key, id, next: { doc: created.doc, json: created.json } });
        return this.read({ data: { updated: 0, upsert_id: idForReply(id) } });
      }
      if (matches) {
        const next = this.updated(current, spec, id);
        // The matched document counts even when nothing changes: the cloud answers 1 to a set() of the same content.
        if (!next) return this.read({ data: { updated: 1 } });
        coll.put(key, id, next.doc, next.json, ++this.seq, this.keepHistory);
        return this.write({ data: { updated: 1 } }, [{ o: 'p', e: env, c: name, json: next.json }]);
      }
      if (!upsert || current !== null) return this.read({ data: { updated: 0 } });
      const created = this.upserted(filter, spec, id);
      coll.put(key, id, created.doc, created.json, ++this.seq, this.keepHistory);
      return this.write({ data: { updated: 0, upsert_id: idForReply(id) } }, [{ o: 'p', e: env, c: name, json: created.json }]);
    }

    const multi = boolOf(b, 'multi', false);
    const matched = matchStored(coll, filter, multi ? Infinity : 1);
    if (!matched.length && upsert) {
      const created = this.upserted(filter, spec, undefined);
      if (coll.get(created.key)) throw duplicateKey(name, created.id);
      coll.put(created.key, created.id, created.doc, created.json, ++this.seq, this.keepHistory);
      return this.write({ data: { updated: 0, upsert_id: idForReply(created.id) } }, [{ o: 'p', e: env, c: name, json: created.json }]);
    }
    // Compute every new version first: a failure on one document leaves all of them unchanged (MongoDB would
    // stop half-way; all-or-nothing is the stricter, simpler choice).
    const changes: Array<{ s: Stored; next: { doc: Doc; json: string } }> = [];
    for (const s of matched) {
      const next = this.updated(s, spec, s.id);
      if (next) changes.push({ s, next });
    }
    if (!changes.length) return this.read({ data: { updated: 0 } });
    const seq = ++this.seq;
    const keep = this.keepHistory;
    for (const { s, next } of changes) coll.put(idKey(s.id), s.id, next.doc, next.json, seq, keep);
    return this.write(
      { data: { updated: changes.length } },
      changes.map(({ next }) => ({ o: 'p', e: env, c: name, json: next.json })),
    );
  }

  /** `where().updateAndReturn()`: update the first match, return it as it is after the update. */
  private modifyAndReturnDoc(b: Reply): Outcome {
    const env = envOf(b);
    const name = collectionNameOf(b);
    this.txnOf(b, env, 'WHERE');
    const coll = this.collection(env, name);
    const filter = this.filterOf(b);
    const spec = parseUpdate(decodeObject(b.data, this.now, 'update'), true);
    const [s] = matchStored(coll, filter, 1);
    if (!s) return this.read({ data: { updated: 0, doc: null } });
    const next = this.updated(s, spec, s.id);
    // As for a DOC update, the matched document counts even when the update changes nothing (the cloud's answer).
    if (!next) return this.read({ data: { updated: 1, doc: replyJson(s) } });
    coll.put(idKey(s.id), s.id, next.doc, next.json, ++this.seq, this.keepHistory);
    return this.write({ data: { updated: 1, doc: replyJson(next) } }, [{ o: 'p', e: env, c: name, json: next.json }]);
  }

  private removeDocument(b: Reply): Outcome {
    const { env, name, queryType, txn, coll, filter } = this.targetOf(b);

    if (queryType === 'DOC') {
      const { id, key, rest } = docTarget(filter);
      const current = txn ? this.txnView(txn, coll, key) : (coll.get(key) ?? null);
      if (!current || (rest && !compileFilter(filter).test(current.doc))) return this.read({ data: { deleted: 0 } });
      if (txn) {
        this.checkTxnWrite(txn, coll, key);
        this.txns.write(txn, { coll, key, id, next: null });
        return this.read({ data: { deleted: 1 } });
      }
      coll.remove(key, ++this.seq, this.keepHistory);
      return this.write({ data: { deleted: 1 } }, [{ o: 'x', e: env, c: name, id: toEJSON(id) }]);
    }

    // The SDK's where().remove() sends multi: true unless told otherwise.
    const multi = boolOf(b, 'multi', true);
    const matched = matchStored(coll, filter, multi ? Infinity : 1);
    if (!matched.length) return this.read({ data: { deleted: 0 } });
    const seq = ++this.seq;
    const keep = this.keepHistory;
    for (const s of matched) coll.remove(idKey(s.id), seq, keep);
    return this.write(
      { data: { deleted: matched.length } },
      matched.map((s) => ({ o: 'x', e: env, c: name, id: toEJSON(s.id) })),
    );
  }

  // ---- collections ----

  private addCollection(b: Reply): Outcome {
    const env = envOf(b);
    const name = collectionNameOf(b);
    let colls = this.envs.get(env);
    if (colls?.has(name)) {
      throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `collection '${name}' already exists in env '${env}'`);
    }
    if (!colls) {
      colls = new Map();
      this.envs.set(env, colls);
    }
    colls.set(name, new Collection(env, name, ++this.seq, this.indexThreshold));
    return this.write({ data: {} }, [{ o: 'c', e: env, c: name }]);
  }

  private deleteCollection(b: Reply): Outcome {
    const env = envOf(b);
    const name = collectionNameOf(b);
    this.collection(env, name);
    this.envs.get(env)?.delete(name);
    this.seq += 1;
    // Open transactions that wrote into it fail at commit (their collection is gone).
    return this.write({ data: {} }, [{ o: 'r', e: env, c: name }]);
  }

  // ---- transactions ----

  private startTransaction(b: Reply): Outcome {
    const env = envOf(b);
    const txn = this.txns.start(env, this.seq);
    return this.read({ transactionId: txn.id, data: { transactionId: txn.id } });
  }

  private requireTxn(b: Reply, env: string): Transaction {
    const id = txnIdOf(b);
    if (id === undefined) throw new DbError('INVALID_PARAM', 'transactionId is required');
    return this.txns.get(id, env);
  }

  /** What a transaction sees for one document: its own buffered write, else the committed state at its snapshot. */
  private txnView(txn: Transaction, coll: Collection, key: string): { doc: Doc; json: string } | null {
    const own = txn.writes.get(`${coll.name}\u0000${key}`);
    if (own && own.coll === coll) return own.next;
    return coll.visibleAt(key, txn.snapshot);
  }

  /**
   * First-writer-wins conflict check for a transactional write. On conflict the transaction is rolled back here,
   * because runTransaction retries with a NEW transaction without aborting the old one (its locks would otherwise
   * linger until the timeout).
   */
  private checkTxnWrite(txn: Transaction, coll: Collection, key: string): void {
    const owner = this.txns.lockOwner(txn.env, coll.name, key);
    // Another open transaction has written the document, or it was changed after this one started.
    const conflict = (owner && owner !== txn) || coll.createdSeq > txn.snapshot || coll.lastCommitSeq(key) > txn.snapshot;
    if (!conflict) return;
    // As in the cloud, the transaction is over: using it again answers TransactionNotExist.
    this.txns.end(txn);
    throw new DbError('DATABASE_TRANSACTION_CONFLICT', TRANSACTION_CONFLICT);
  }

  private commitTransaction(b: Reply): Outcome {
    const env = envOf(b);
    const txn = this.requireTxn(b, env);
    const writes = [...txn.writes.values()];
    // Re-check everything: non-transactional writes do not take locks, so they may have committed over ours.
    for (const w of writes) {
      if (this.envs.get(env)?.get(w.coll.name) !== w.coll) {
        this.txns.end(txn);
        throw new DbError('DATABASE_COLLECTION_NOT_EXIST', `collection '${w.coll.name}' was deleted; transaction ${txn.id} was rolled back`);
      }
      this.checkTxnWrite(txn, w.coll, w.key);
    }
    this.txns.end(txn);
    const ops: WriteOp[] = [];
    if (writes.length) {
      // One commit number and one journal record for the whole transaction: it becomes visible and durable at once.
      const seq = ++this.seq;
      const keep = this.keepHistory;
      for (const w of writes) {
        if (w.next) {
          const cur = w.coll.get(w.key);
          if (cur && cur.json === w.next.json) continue;
          w.coll.put(w.key, w.id, w.next.doc, w.next.json, seq, keep);
          ops.push({ o: 'p', e: env, c: w.coll.name, json: w.next.json });
        } else if (w.coll.remove(w.key, seq, keep)) {
          ops.push({ o: 'x', e: env, c: w.coll.name, id: toEJSON(w.id) });
        }
      }
    }
    return this.write({ data: {} }, ops);
  }

  private abortTransaction(b: Reply): Outcome {
    const env = envOf(b);
    const txn = this.requireTxn(b, env);
    this.txns.end(txn);
    return this.read({ data: {} });
  }

  private trimHistory(): void {
    const min = this.txns.minSnapshot();
    for (const colls of this.envs.values()) for (const c of colls.values()) c.trimHistory(min);
  }

  // ---- persistence ----

  private replay(op: ReplayOp): void {
    let colls = this.envs.get(op.e);
    switch (op.o) {
      case 'c':
        if (!colls) {
          colls = new Map();
          this.envs.set(op.e, colls);
        }
        if (!colls.has(op.c)) colls.set(op.c, new Collection(op.e, op.c, 0, this.indexThreshold));
        return;
      case 'r':
        colls?.delete(op.c);
        return;
      case 'p': {
        // A put for a collection that is not there only happens while replaying records that the snapshot
        // already contains, and a later drop in the same records removes it again.
        if (!colls) {
          colls = new Map();
          this.envs.set(op.e, colls);
        }
        let coll = colls.get(op.c);
        if (!coll) {
          coll = new Collection(op.e, op.c, 0, this.indexThreshold);
          colls.set(op.c, coll);
        }
        const doc = decodeStored(op.d);
        if (!isDocId(doc._id)) throw new Error(`stored document without a valid _id in ${op.e}/${op.c}`);
        coll.put(idKey(doc._id), doc._id, doc, JSON.stringify(op.d), 0, false);
        return;
      }
      case 'x': {
        // `i` is already-parsed EJSON (a plain string id arrives as a JS string): decode it as a field value.
        const id = decodeStored({ _id: op.i })._id;
        if (isDocId(id)) colls?.get(op.c)?.remove(idKey(id), 0, false);
        return;
      }
    }
  }

  private capture(): SnapshotData {
    const out: SnapshotData = [];
    for (const [env, colls] of this.envs) {
      for (const [name, c] of colls) out.push({ env, coll: name, docs: [...c.docs.values()].map((s) => s.json) });
    }
    return out;
  }
}
