/**
 * What other areas may read of the ledger (through ./api.ts): a union's policy of a year, whether an entry has been
 * reversed, and what a set of entries nets to. Reads only; every write goes through payout.ts.
 */
import type { PolicyProfile } from '../../src/core/policy/profile';
import type { Db } from '../db';
import { ledgerTables, policyId } from './store';

/** The union's policy profile of a year, or null when none is set. */
export async function policyProfile(db: Db, unionId: string, year: number): Promise<PolicyProfile | null> {
  const doc = await ledgerTables(db).policies.byId(policyId(unionId, year));
  return doc && doc.unionId === unionId ? doc.profile : null;
}

/** Whether the entry has been reversed (its reversal is recorded under `<entry id>:reversal`). */
export async function isReversed(db: Db, unionId: string, entryId: string): Promise<boolean> {
  const reversal = await ledgerTables(db).ledger.byId(`${entryId}:reversal`);
  return reversal !== null && reversal.unionId === unionId;
}

/** The net amount of each entry of the union: the entry plus its reversal (read in pages of 100 ids). */
export async function netOfEntries(db: Db, unionId: string, entryIds: readonly string[]): Promise<Map<string, number>> {
  const net = new Map<string, number>();
  const ids = entryIds.flatMap((id) => [id, `${id}:reversal`]);
  for (let i = 0; i < ids.length; i += 100) {
    const slice = ids.slice(i, i + 100);
    for (const e of await ledgerTables(db).ledger.find({ _id: db.command.in(slice), unionId }, { limit: slice.length })) {
      const key = e.reverses ?? e._id;
      net.set(key, (net.get(key) ?? 0) + e.amountFen);
    }
  }
  return net;
}
