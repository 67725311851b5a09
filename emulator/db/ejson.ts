/**
 * Values on the wire and in memory.
 *
 * The SDK sends filters, documents and update payloads as canonical Extended JSON strings and parses replies
 * with `EJSON.parse`; we use the `bson` package's EJSON (the same library the SDK uses) in both directions
 * rather than a hand-written codec.
 *
 * In memory a document is a tree of plain JS values in "relaxed" form: numbers (Int32/Int64/Double all become
 * JS numbers, as they do for the SDK's caller), `Date`, `RegExp` (converted from `BSONRegExp` so that mingo
 * treats it as a regular expression), `ObjectId`, arrays and plain objects. Stored documents are never mutated
 * after they are stored (see collection.ts): every update works on a clone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { BSONRegExp, EJSON, ObjectId } from 'bson';
import { DbError } from './errors';

export type Doc = Record<string, unknown>;

/** 512 KB: @cloudbase/database's configured document size limit. Whether the cloud enforces exactly this is
 * unverified; we enforce it on the canonical EJSON text (the stricter reading). */
export const MAX_DOC_BYTES = 512 * 1024;

const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u']);

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** `BSONRegExp` → `RegExp`. MongoDB's `x` (extended) and `l` (locale) options have no JS equivalent: refuse them
 * instead of silently matching something else. */
function toRegExp(r: BSONRegExp): RegExp {
  let flags = '';
  for (const f of r.options) {
    if (!JS_REGEX_FLAGS.has(f)) throw new DbError('DATABASE_REQUEST_FAILED', `unsupported regular expression option '${f}'`);
    if (!flags.includes(f)) flags += f;
  }
  try {
    return new RegExp(r.pattern, flags);
  } catch (e) {
    throw new DbError('DATABASE_REQUEST_FAILED', `invalid regular expression /${r.pattern}/: ${(e as Error).message}`);
  }
}

/**
 * Post-processes a value decoded by EJSON: BSONRegExp → RegExp, and `{"$tcb_server_date":{"offset":N}}`
 * (what `db.serverDate({offset})` serializes to) → the emulator clock's time plus N milliseconds, as the cloud
 * substitutes its own time. Rebuilds containers (returns new objects) so the input is left untouched.
 */
function finish(v: unknown, now: () => Date): unknown {
  if (Array.isArray(v)) return v.map((x) => finish(x, now));
  if (v instanceof BSONRegExp) return toRegExp(v);
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === '$tcb_server_date') {
      const spec = v.$tcb_server_date;
      const offset = isPlainObject(spec) ? spec.offset : undefined;
      if (offset !== undefined && (typeof offset !== 'number' || !Number.isFinite(offset))) {
        throw new DbError('DATABASE_REQUEST_FAILED', '$tcb_server_date offset must be a number');
      }
      return new Date(now().getTime() + (offset ?? 0));
    }
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      // EJSON keeps "__proto__" as an own key; assigning it here would swap the object's prototype instead.
      // MongoDB would accept the name, but nothing legitimate needs it: refused.
      if (k === '__proto__') throw new DbError('DATABASE_REQUEST_FAILED', "field name '__proto__' is not allowed");
      out[k] = finish(v[k], now);
    }
    return out;
  }
  return v;
}

/** Decodes one wire value: an EJSON string (what the SDK sends) or an already-parsed EJSON object tree
 * (accepted for robustness). Malformed input is a DATABASE_REQUEST_FAILED reply, not an exception. */
export function decodeWire(v: unknown, now: () => Date, what: string): unknown {
  let decoded: unknown;
  try {
    if (typeof v === 'string') decoded = EJSON.parse(v, { relaxed: true });
    else decoded = EJSON.deserialize(v as Parameters<typeof EJSON.deserialize>[0], { relaxed: true });
  } catch (e) {
    throw new DbError('DATABASE_REQUEST_FAILED', `invalid ${what}: ${(e as Error).message}`);
  }
  return finish(decoded, now);
}

/** Decodes a value that must be an object (filter, document, update, order, projection). */
export function decodeObject(v: unknown, now: () => Date, what: string): Doc {
  const decoded = decodeWire(v, now, what);
  if (!isPlainObject(decoded)) throw new DbError('DATABASE_REQUEST_FAILED', `${what} must be an object`);
  return decoded;
}

/** Decodes a document read back from our own files: no server-date substitution (the stored value is final). */
export function decodeStored(v: unknown): Doc {
  const d = decodeWire(v, () => new Date(0), 'stored document');
  if (!isPlainObject(d)) throw new Error('stored document is not an object');
  return d;
}

/** Canonical EJSON text: what replies carry in `list`, and what the journal stores. */
export function toEJSON(v: unknown): string {
  return EJSON.stringify(v as Parameters<typeof EJSON.stringify>[0], { relaxed: false });
}

/**
 * A value as a reply shows it: ObjectIds become their hex string, as the cloud hands them back (Tencent's SDK
 * tests read `db.ObjectId` values and ObjectId `_id`s as strings; the SDK itself would turn an `{"$oid"}` into
 * `{}`). Stored documents keep the ObjectId, so queries by ObjectId still match.
 */
function withHexIds(v: unknown): unknown {
  if (v instanceof ObjectId) return v.toHexString();
  if (Array.isArray(v)) return v.map(withHexIds);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = withHexIds(v[k]);
    return out;
  }
  return v;
}

/** Canonical EJSON text of a document in a reply (`list`, `doc`). */
export function toReplyEJSON(doc: unknown): string {
  return toEJSON(withHexIds(doc));
}

/** The reply text of a stored document: its cached EJSON, unless it holds an ObjectId (rare: re-encoded then). */
export function replyJson(stored: { doc: Doc; json: string }): string {
  return stored.json.includes('"$oid"') ? toReplyEJSON(stored.doc) : stored.json;
}

/** Deep copy of an in-memory value. Dates and RegExps are copied; ObjectIds are immutable and shared. */
export function cloneValue<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x: unknown) => cloneValue(x)) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (v instanceof RegExp) return new RegExp(v.source, v.flags) as T;
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = cloneValue(v[k]);
    return out as T;
  }
  return v;
}

/**
 * Field names MongoDB would refuse in stored documents: `$`-prefixed names (they would read as operators) and
 * dotted names (they would read as paths). Whether the cloud refuses all of these is unknown: stricter choice.
 */
export function checkFieldNames(v: unknown, path = ''): void {
  if (Array.isArray(v)) {
    v.forEach((x, i) => checkFieldNames(x, `${path}.${i}`));
    return;
  }
  if (!isPlainObject(v)) return;
  for (const k of Object.keys(v)) {
    const where = path ? `${path}.${k}` : k;
    if (k.startsWith('$')) throw new DbError('DATABASE_REQUEST_FAILED', `field name '${where}' must not start with '$'`);
    if (k.includes('.')) throw new DbError('DATABASE_REQUEST_FAILED', `field name '${where}' must not contain '.'`);
    if (k === '') throw new DbError('DATABASE_REQUEST_FAILED', `empty field name under '${path || '(root)'}'`);
    checkFieldNames(v[k], where);
  }
}

/** `_id` types we accept. The SDK only produces strings (numbers via `doc(5)`); ObjectId via `{$oid}`.
 * MongoDB also allows objects and dates, which no SDK path produces: refused (stricter choice). */
export type DocId = string | number | ObjectId;

export function isDocId(v: unknown): v is DocId {
  return (typeof v === 'string' && v.length > 0) || (typeof v === 'number' && Number.isFinite(v)) || v instanceof ObjectId;
}

/**
 * The key of a document in its collection's Map. Strings map to themselves (the common case stays
 * allocation-free); other types get a prefix that no SDK-generated string id starts with, so `5` and `"5"`
 * stay distinct as they are in MongoDB.
 */
export function idKey(id: DocId): string {
  if (typeof id === 'string') return id;
  if (typeof id === 'number') return `\u0000n:${id}`;
  return `\u0000o:${id.toHexString()}`;
}

/** How an id appears in `insertedIds` / `upsert_id`: the SDK hands it to user code as-is. */
export function idForReply(id: DocId): string | number {
  return id instanceof ObjectId ? id.toHexString() : id;
}

/** Mongo's rendering of a duplicate key in E11000 messages: `{ _id: "doc1" }`. */
export function idForMessage(id: DocId): string {
  if (typeof id === 'string') return JSON.stringify(id);
  if (typeof id === 'number') return String(id);
  return `ObjectId('${id.toHexString()}')`;
}

const processTag = createHash('md5').update(randomBytes(16)).digest('hex').slice(0, 12);
let idCounter = randomBytes(4).readUInt32BE(0) * 4096;

/**
 * A new `_id` shaped like the cloud's: 32 lowercase hex characters. Time first (8 hex: seconds), then a random
 * per-process tag (12 hex) and a counter (12 hex, random start), so ids are unique within and across runs
 * without coordination, and roughly time-ordered like the cloud's.
 */
export function newDocId(now: Date): string {
  idCounter = (idCounter + 1) % 2 ** 48;
  const secs = Math.floor(now.getTime() / 1000) >>> 0;
  return secs.toString(16).padStart(8, '0') + processTag + idCounter.toString(16).padStart(12, '0');
}

/** Size check on the canonical EJSON text (the form the cloud's limit is documented against). */
export function checkDocSize(json: string, id: DocId): void {
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_DOC_BYTES) {
    throw new DbError(
      'DATABASE_REQUEST_FAILED',
      `document ${idForMessage(id)} is ${bytes} bytes, over the ${MAX_DOC_BYTES}-byte (512 KB) document size limit`,
    );
  }
}
