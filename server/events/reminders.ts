/**
 * The reminder the day before: run by the daily job (02:00 Shanghai), for every event starting on the next
 * Shanghai day. Each reminder has a fixed id per sign-up, so a job that runs twice reminds once.
 */
import { addDays, shanghaiDateKey, startOfShanghaiDay } from '../../src/core/time';
import type { Db } from '../db';
import { notify } from '../notices/api';
import { promotedNotice, reminderNotice } from './messages';
import { reconcileEvents } from './seats';
import { eventsTables } from './store';

export async function remindTomorrow(db: Db, now: Date): Promise<{ events: number; reminded: number }> {
  const _ = db.command;
  const tomorrow = addDays(shanghaiDateKey(now), 1);
  const from = startOfShanghaiDay(tomorrow);
  const to = startOfShanghaiDay(addDays(tomorrow, 1));
  const events = await eventsTables(db).events.findAll({ status: _.in(['open', 'closed']), startsAt: _.gte(from).and(_.lt(to)) }, ['startsAt', 'asc']);
  let reminded = 0;
  for (const e of events) {
    const confirmed = await eventsTables(db).signups.findAll({ eventId: e._id, status: 'confirmed' });
    reminded += await notify(db, confirmed.map((s) => reminderNotice(e, s)), now);
    await eventsTables(db).events.update(e._id, { remindedAt: now });
  }
  return { events: events.length, reminded };
}

/**
 * Events whose counters a sign-up that died halfway left above their records: set from the records, and anyone
 * that moves up the waitlist told (see seats.ts).
 */
export async function reconcileSignups(db: Db, now: Date): Promise<{ events: number; promoted: number }> {
  const fixed = await reconcileEvents(db, now);
  let promoted = 0;
  for (const { event, promoted: moved } of fixed) promoted += await notify(db, moved.map((s) => promotedNotice(event, s)), now);
  return { events: fixed.length, promoted };
}
