/**
 * The operator set the engine hands mingo: all of mingo's operators, with the few where mingo and MongoDB (which
 * the cloud runs) disagree replaced, and those mingo lacks added. Each one here was found by Tencent's own SDK
 * tests run against the emulator (emulator/cloud-parity.test.ts):
 * - `$elemMatch` with field conditions (`{value: {$gt: 0}}`) tested plain numbers and strings as if they were
 *   documents (mingo resolves any field of a scalar to the scalar itself), so `[1, 2, 9]` matched;
 * - `$substr` / `$substrBytes` refused a negative length (MongoDB returns the rest of the string) and an end past
 *   the string (MongoDB stops at its end);
 * - `$week` counted ISO-like weeks (2019-05-14 gave 20; MongoDB, Sunday-started weeks with week 0 before the
 *   first Sunday, gives 19);
 * - `$indexOfCP` was missing.
 *
 * mingo's `Context` keeps the first operator registered under a name, and its default entry point registers its
 * own operators first; so the engine uses mingo's base classes (`mingo/query`, `mingo/aggregator`,
 * `mingo/updater`) with this context, never the default entry point's.
 */
import { Context, evalExpr } from 'mingo/core';
import { Query } from 'mingo/query';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { resolve } from 'mingo/util';
// 'mingo/types' is the export; its file is types/types.d.ts (see mingo-modules.d.ts). Types only: erased at run time.
import type { Options } from 'mingo/types/types';
import { isPlainObject } from './ejson';

type Obj = Record<string, unknown>;
/** mingo's operator signatures, written out: its own exported types are unions of every operator's type. */
type QueryOperator = (selector: string, value: unknown, options: Options) => (obj: Obj) => boolean;
type ExpressionOperator = (obj: Obj, expr: unknown, options: Options) => unknown;

// ---- query ----

const LOGICAL = new Set(['$and', '$or', '$nor']);

/**
 * `$elemMatch`. Criteria made only of operators (`{$gt: 0}`) apply to each element itself: mingo's own operator
 * does that right. Criteria with fields (or `$and`/`$or`/`$nor` of them) describe a sub-document: as in MongoDB,
 * only elements that are documents (or arrays) can match them.
 */
const $elemMatch: QueryOperator = (selector, criteria, options) => {
  const keys = isPlainObject(criteria) ? Object.keys(criteria) : [];
  if (keys.length === 0 || keys.every((k) => k.startsWith('$') && !LOGICAL.has(k))) {
    return queryOperators.$elemMatch(selector, criteria as Obj, options);
  }
  const query = new Query(criteria as Obj, options);
  return (obj) => {
    const value: unknown = resolve(obj, selector, { unwrapArray: true });
    return Array.isArray(value) && value.some((el) => (isPlainObject(el) || Array.isArray(el)) && query.test(el as Obj));
  };
};

// ---- expressions ----

function args(obj: unknown, expr: unknown, options: Options, op: string, min: number, max: number): unknown[] {
  if (!Array.isArray(expr) || expr.length < min || expr.length > max) {
    throw new Error(`${op} takes ${min === max ? min : `${min} to ${max}`} arguments`);
  }
  return evalExpr(obj, expr, options) as unknown[];
}

/** MongoDB's string coercion for `$substr`: null and missing give '', numbers and dates their text. */
function coerceToString(op: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString();
  throw new Error(`${op}: can't convert from BSON type ${Array.isArray(v) ? 'array' : typeof v} to String`);
}

function integerArg(op: string, what: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${op}: ${what} must be a numeric type`);
  return Math.trunc(v);
}

const isContinuation = (byte: number) => (byte & 0xc0) === 0x80;

/**
 * `$substrBytes` (and its old name `$substr`) as MongoDB computes it: byte offsets into the UTF-8 text; a
 * negative or past-the-end start gives ''; a negative length, or one past the end, takes the rest; a start or
 * an end inside a character is an error.
 */
function substrBytes(op: string): ExpressionOperator {
  return (obj, expr, options) => {
    const [raw, rawIndex, rawCount] = args(obj, expr, options, op, 3, 3);
    const text = Buffer.from(coerceToString(op, raw), 'utf8');
    const index = integerArg(op, 'starting index', rawIndex);
    const count = integerArg(op, 'length', rawCount);
    if (index < 0 || index >= text.length) return '';
    if (isContinuation(text[index])) throw new Error(`${op}: Invalid range, starting index is a UTF-8 continuation byte.`);
    const end = count < 0 ? text.length : Math.min(index + count, text.length);
    if (end < text.length && isContinuation(text[end])) {
      throw new Error(`${op}: Invalid range, ending index is in the middle of a UTF-8 character.`);
    }
    return text.subarray(index, end).toString('utf8');
  };
}

/**
 * `$week`: weeks start on Sunday; the days before the year's first Sunday are week 0 (0–53, strftime's %U).
 * Day of year and day of week come from mingo's own operators, so `{date, timezone}` works as it does there.
 */
const $week: ExpressionOperator = (obj, expr, options) => {
  const dayOfYear = expressionOperators.$dayOfYear(obj, expr, options);
  const dayOfWeek = expressionOperators.$dayOfWeek(obj, expr, options);
  return Math.floor((dayOfYear + 7 - dayOfWeek) / 7);
};

function nonNegativeIntegerArg(op: string, what: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`${op} requires an integral ${what}, found a value of type ${typeof v}`);
  if (v < 0) throw new Error(`${op} requires a nonnegative ${what}, found: ${v}`);
  return v;
}

/**
 * `$indexOfCP: [string, substring, start?, end?]`: the code point index of the first occurrence within
 * [start, end), or -1; null when the string is null or missing.
 */
const $indexOfCP: ExpressionOperator = (obj, expr, options) => {
  const op = '$indexOfCP';
  const [str, token, rawStart, rawEnd] = args(obj, expr, options, op, 2, 4);
  if (str === null || str === undefined) return null;
  if (typeof str !== 'string') throw new Error(`${op} requires a string as the first argument, found: ${typeof str}`);
  if (typeof token !== 'string') throw new Error(`${op} requires a string as the second argument, found: ${typeof token}`);
  const chars = Array.from(str);
  const needle = Array.from(token);
  const start = rawStart === undefined ? 0 : nonNegativeIntegerArg(op, 'starting index', rawStart);
  const end = Math.min(rawEnd === undefined ? chars.length : nonNegativeIntegerArg(op, 'ending index', rawEnd), chars.length);
  if (start > chars.length || start > end) return -1;
  for (let i = start; i + needle.length <= end; i++) {
    let found = true;
    for (let j = 0; j < needle.length && found; j++) found = chars[i + j] === needle[j];
    if (found) return i;
  }
  return -1;
};

type Ops = NonNullable<Parameters<typeof Context.init>[0]>;

const EXPRESSION_OPERATORS: Record<string, ExpressionOperator> = {
  $substr: substrBytes('$substr'),
  $substrBytes: substrBytes('$substrBytes'),
  $week,
  $indexOfCP,
};
const QUERY_OPERATORS: Record<string, QueryOperator> = { $elemMatch };

/** Every mingo operator, with the MongoDB-faithful replacements above. Built once; mingo copies it per use. */
export const OPERATORS = Context.init({
  accumulator: accumulatorOperators,
  expression: { ...expressionOperators, ...(EXPRESSION_OPERATORS as unknown as Ops['expression']) },
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: { ...queryOperators, ...(QUERY_OPERATORS as unknown as Ops['query']) },
  window: windowOperators,
});
