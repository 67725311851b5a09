/**
 * What other areas may ask of hardship — the only door in (lint refuses any other import of server/hardship from
 * another area): the daily job's part.
 */
import type { Db } from '../db';
import { payAfterPublicity } from './publicity';

/** The hardship aid of the day: cases whose 公示 ended without an open objection, paid through the ledger. */
export async function hardshipDaily(db: Db, now: Date): Promise<{ paid: number; refused: number }> {
  return payAfterPublicity(db, now);
}
