/**
 * What other areas may ask of hardship — the only door in (lint refuses any other import of server/hardship from
 * another area): the daily job's part.
 */
import type { Db } from '../db';
import { filesDaily } from './files';
import { payAfterPublicity } from './publicity';

/**
 * The hardship aid of the day: cases whose 公示 ended without an open objection, paid through the ledger; reviewers
 * reminded once of the household files due for their yearly review; closed files past their keeping deleted.
 */
export async function hardshipDaily(db: Db, now: Date): Promise<{ paid: number; refused: number; reminded: number; deleted: number }> {
  const payouts = await payAfterPublicity(db, now);
  const files = await filesDaily(db, now);
  return { ...payouts, ...files };
}
