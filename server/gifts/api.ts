/**
 * What other areas may ask of gifts — the only door in (lint refuses any other import of server/gifts from another
 * area): the daily job's part.
 */
import type { Db } from '../db';
import { birthdaysDaily } from './birthdays';
import { batchesDaily } from './batches';

/**
 * The gifts of the day: birthday vouchers due (issued once per member per year, through the ledger) and unused ones
 * expired and reversed; holiday batches past their deadline closed, the rule for members who did not choose
 * applied once, and finished batches' reservations settled. Each part is once-only, so a run that fails halfway is
 * simply run again.
 */
export async function giftsDaily(db: Db, now: Date): Promise<{ birthdays: Record<string, number>; batches: Record<string, number> }> {
  const birthdays = await birthdaysDaily(db, now);
  const batches = await batchesDaily(db, now);
  return { birthdays, batches };
}
