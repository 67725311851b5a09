/**
 * Transactions: identity, lifetime, buffered writes and write locks. The read/commit logic lives in engine.ts;
 * this file only knows which transactions are open and who holds which document.
 *
 * Mirrored cloud rules (WeChat guide "database/transaction"): single-document operations only, snapshot
 * isolation, `DATABASE_TRANSACTION_CONFLICT` on write conflicts, and a transaction must finish within 30 s.
 */
import { randomBytes } from 'node:crypto';
import type { Collection } from './collection';
import type { Doc, DocId } from './ejson';
import { DbError } from './errors';

/** A buffered write: the document's new state (`null` = deleted) as of this transaction. */
export interface TxnWrite {
  readonly coll: Collection;
  readonly key: string;
  readonly id: DocId;
  readonly next: { readonly doc: Doc; readonly json: string } | null;
}

export class Transaction {
  /** Writes by `collection \0 key`, in first-write order; the value is the latest state. */
  readonly writes = new Map<string, TxnWrite>();
  timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly id: string,
    readonly env: string,
    /** Commit number this transaction reads at. */
    readonly snapshot: number,
    /** Real time (Date.now()) at start: the timeout runs on real time, not on the emulator clock, because
     * moving the clock in a test must not kill transactions that are in progress. */
    readonly startedAt: number,
  ) {}
}

/**
 * The cloud's replies for a transaction that cannot be used (unknown, expired, committed, rolled back, or
 * rolled back after a conflict) and for a write conflict, word for word as Tencent's node-sdk tests expect them
 * (`DATABASE_TRANSACTION_FAIL` and `DATABASE_TRANSACTION_CONFLICT`). wx-server-sdk shows them to function code
 * as errCode -501001 with this text; `runTransaction` retries on the conflict's code.
 */
export const TRANSACTION_NOT_EXIST =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';
export const TRANSACTION_CONFLICT =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';

function transactionNotExist(): DbError {
  return new DbError('DATABASE_TRANSACTION_FAIL', TRANSACTION_NOT_EXIST);
}

export class TransactionManager {
  readonly active = new Map<string, Transaction>();
  /** `env \0 collection \0 key` → the open transaction that has written that document. */
  private readonly locks = new Map<string, Transaction>();

  constructor(
    readonly timeoutMs: number,
    /** Called after any transaction ends (history trimming). */
    private readonly onEnd: () => void,
  ) {}

  start(env: string, snapshot: number): Transaction {
    const txn = new Transaction(randomBytes(16).toString('hex'), env, snapshot, Date.now());
    this.active.set(txn.id, txn);
    txn.timer = setTimeout(() => this.end(txn), this.timeoutMs);
    // The timer must not keep a process (or a test run) alive by itself.
    txn.timer.unref?.();
    return txn;
  }

  /**
   * The open transaction `id` of `env`. Whatever the reason it cannot be used (unknown, ended, expired, or
   * another env's), the reply is the cloud's one TransactionNotExist.
   */
  get(id: string, env: string): Transaction {
    const txn = this.active.get(id);
    if (!txn) throw transactionNotExist();
    // The timer may lag behind a busy event loop: check the deadline on every use as well.
    if (Date.now() - txn.startedAt >= this.timeoutMs) {
      this.end(txn);
      throw transactionNotExist();
    }
    if (txn.env !== env) throw transactionNotExist();
    return txn;
  }

  static lockKey(env: string, coll: string, key: string): string {
    return `${env}\u0000${coll}\u0000${key}`;
  }

  lockOwner(env: string, coll: string, key: string): Transaction | undefined {
    return this.locks.get(TransactionManager.lockKey(env, coll, key));
  }

  /** Buffers a write and takes the document's lock (the caller has checked for conflicts). */
  write(txn: Transaction, w: TxnWrite): void {
    txn.writes.set(`${w.coll.name}\u0000${w.key}`, w);
    this.locks.set(TransactionManager.lockKey(txn.env, w.coll.name, w.key), txn);
  }

  /** Ends a transaction for good (committed, rolled back, conflicted or expired): releases its locks, forgets its buffer. */
  end(txn: Transaction): void {
    if (!this.active.delete(txn.id)) return;
    clearTimeout(txn.timer);
    for (const w of txn.writes.values()) {
      const lk = TransactionManager.lockKey(txn.env, w.coll.name, w.key);
      if (this.locks.get(lk) === txn) this.locks.delete(lk);
    }
    txn.writes.clear();
    this.onEnd();
  }

  /** Oldest snapshot still readable by an open transaction, or null when none is open. */
  minSnapshot(): number | null {
    let min: number | null = null;
    for (const t of this.active.values()) if (min === null || t.snapshot < min) min = t.snapshot;
    return min;
  }

  /** Rolls back everything (engine shutdown). */
  endAll(): void {
    for (const t of [...this.active.values()]) this.end(t);
  }
}
