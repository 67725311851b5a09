/**
 * Database access for handlers: with ./sdk, the only code that touches wx-server-sdk.
 * Handlers receive `Db` in their context and use these helpers, so the SDK's quirks (error shapes, the
 * silent 100-document page, the symbol-typed env) are dealt with once.
 */
import type { DB } from 'wx-server-sdk';
import { cloud } from './sdk';

export type Db = DB.Database;

export function database(): Db {
  return cloud.database();
}

/** The SDK hands user code an Error carrying the cloud's numeric `errCode` and an `errMsg`. */
export interface SdkError {
  errCode: number;
  errMsg: string;
}

export function asSdkError(error: unknown): SdkError | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as Record<string, unknown>;
  if (typeof e.errCode !== 'number') return null;
  const text = typeof e.errMsg === 'string' ? e.errMsg : typeof e.message === 'string' ? e.message : '';
  return { errCode: e.errCode, errMsg: text };
}

/**
 * A second insert of the same `_id` is how once-only things (a claim, a sign-up) are enforced. The cloud
 * reports it as DATABASE_REQUEST_FAILED (-502001) with MongoDB's E11000 text; we match both so a different
 * failure with the same errCode is never mistaken for "already done".
 */
export function isDuplicateKeyError(error: unknown): boolean {
  const e = asSdkError(error);
  return e !== null && e.errCode === -502001 && /E11000|duplicate key/i.test(e.errMsg);
}

export function isCollectionMissingError(error: unknown): boolean {
  return asSdkError(error)?.errCode === -502005;
}

/** A collection that already exists is fine here: setup runs on every deploy and daily. */
export async function ensureCollections(db: Db, names: readonly string[]): Promise<{ created: string[]; existing: string[] }> {
  const created: string[] = [];
  const existing: string[] = [];
  for (const name of names) {
    try {
      await db.createCollection(name);
      created.push(name);
    } catch (error) {
      if (/exist/i.test(asSdkError(error)?.errMsg ?? String(error))) existing.push(name);
      else throw error;
    }
  }
  return { created, existing };
}
