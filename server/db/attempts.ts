/**
 * Limits on guessing: the last four digits at binding, a setup or invitation code, an event's check-in code.
 *
 * An attempt is *taken* before the guess is looked at, by an atomic conditional increment (`count < max`), so a
 * crowd of parallel requests gets no more answers than the limit allows — reading a count and writing it back
 * would let them all through. A failed guess then keeps its place in the count; when the count reaches `max`
 * the key is locked for `lockMs` (doubling with each further lock when `escalate` is set), and the count starts
 * again after the lock. A right guess gives its attempt back (`release`) or clears the key (`forget`).
 * Counts older than `forgetMs` without a failure are forgotten.
 */
import type { Db } from './index';
import { isDuplicateKeyError } from './index';
import { tables } from './tables';
import type { AttemptDoc } from './types';

export interface AttemptLimit {
  /** Attempts allowed before the lock. */
  max: number;
  lockMs: number;
  /** After this many failures, each further attempt must wait `slowMs` after the last one. */
  slowAfter?: number;
  slowMs?: number;
  /** Each lock after the first lasts twice as long as the one before (up to a day). */
  escalate?: boolean;
  forgetMs: number;
}

export type Taken = { ok: true; count: number } | { ok: false; why: 'locked' | 'slow'; until: Date };

const DAY_MS = 24 * 3600_000;

/** Take one attempt under `key`, or learn until when none is allowed. */
export async function takeAttempt(db: Db, key: string, limit: AttemptLimit, now: Date): Promise<Taken> {
  const t = tables(db).attempts;
  const _ = db.command;
  for (let round = 0; round < 5; round += 1) {
    const doc = await t.byId(key);
    const stale = doc !== null && now.getTime() - doc.lastAt.getTime() >= limit.forgetMs && !(doc.lockedUntil && doc.lockedUntil > now);
    if (!doc || stale) {
      const fresh: Omit<AttemptDoc, '_id'> = { count: 1, locks: 0, lastAt: now, lockedUntil: null, version: 0 };
      if (!doc) {
        try {
          await t.insert({ _id: key, ...fresh });
          return { ok: true, count: 1 };
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          continue;
        }
      }
      if ((await t.updateWhere({ _id: key, version: doc.version }, { ...fresh, version: doc.version + 1 })) === 1) return { ok: true, count: 1 };
      continue;
    }
    if (doc.lockedUntil && doc.lockedUntil > now) return { ok: false, why: 'locked', until: doc.lockedUntil };
    if (doc.count >= limit.max) return { ok: false, why: 'locked', until: doc.lockedUntil ?? new Date(now.getTime() + limit.lockMs) };
    if (limit.slowAfter !== undefined && limit.slowMs !== undefined && doc.count >= limit.slowAfter && now.getTime() - doc.lastAt.getTime() < limit.slowMs) {
      return { ok: false, why: 'slow', until: new Date(doc.lastAt.getTime() + limit.slowMs) };
    }
    // The increment happens only while the count is under the limit: no more than `max` attempts, however many race.
    if ((await t.updateWhere({ _id: key, count: _.lt(limit.max), lockedUntil: doc.lockedUntil }, { count: _.inc(1), lastAt: now })) === 1) {
      return { ok: true, count: doc.count + 1 };
    }
  }
  // Lost every round to other attempts on the same key: a crowd is guessing; this one waits.
  return { ok: false, why: 'slow', until: new Date(now.getTime() + (limit.slowMs ?? 60_000)) };
}

/**
 * The attempt taken was a wrong guess: it keeps its place in the count. Returns the lock's end when this
 * failure used up the allowance (the key is then locked), else null.
 */
export async function failedAttempt(db: Db, key: string, taken: { count: number }, limit: AttemptLimit, now: Date): Promise<Date | null> {
  if (taken.count < limit.max) return null;
  const t = tables(db).attempts;
  const doc = await t.byId(key);
  if (!doc) return null;
  if (doc.lockedUntil && doc.lockedUntil > now) return doc.lockedUntil;
  const ms = Math.min(limit.escalate ? limit.lockMs * 2 ** Math.min(doc.locks, 6) : limit.lockMs, DAY_MS);
  const until = new Date(now.getTime() + ms);
  await t.updateWhere({ _id: key, version: doc.version }, { count: 0, locks: doc.locks + 1, lockedUntil: until, lastAt: now, version: doc.version + 1 });
  return until;
}

/** A right guess on a shared key (an event's code): the attempt it took is given back. */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
  await tables(db).attempts.updateWhere({ _id: key, count: db.command.gt(0) }, { count: db.command.inc(-1) });
}

/** A right guess on a key of one person: their count starts again. */
export async function forgetAttempts(db: Db, key: string): Promise<void> {
  await tables(db).attempts.removeWhere({ _id: key });
}

/** When `key` is locked, until when (for officers to see). */
export async function lockedUntil(db: Db, keys: string[], now: Date): Promise<Map<string, Date>> {
  if (keys.length === 0) return new Map();
  const docs = await tables(db).attempts.find({ _id: db.command.in(keys) }, { limit: keys.length });
  return new Map(docs.filter((d) => d.lockedUntil && d.lockedUntil > now).map((d) => [d._id, d.lockedUntil as Date]));
}
