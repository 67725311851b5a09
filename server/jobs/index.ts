import { defineTimerFunction } from '../runtime/defineTimerFunction';
import { ensureCollections } from '../db';
import { reconcileSignups, remindTomorrow } from '../events/api';
import { careDaily } from '../care/api';
import { giftsDaily } from '../gifts/api';
import { hardshipDaily } from '../hardship/api';
import { COLLECTIONS } from '../collections';

/**
 * Daily jobs. `daily` also (re)creates the collections: setup is idempotent, so a fresh deployment is ready
 * after the first run (or a "云端测试" of this function with the timer event shown in the README). Then it sets
 * the seat counters of events a sign-up that died halfway left above their records (see events/seats.ts),
 * reminds members of the events they are confirmed for that start the next day, and brings care cases whose
 * deadline comes with the next working day to their handlers and overdue ones before the chair (督办), and does the
 * gifts of the day (birthday vouchers issued and expired, holiday batches closed and settled), and pays the hardship
 * aid whose 公示 ended without an open objection. Each part is
 * once-only by itself, so a run that fails halfway is simply run again.
 */
export const main = defineTimerFunction('jobs', {
  daily: async ({ db, now }) => {
    const collections = await ensureCollections(db, Object.keys(COLLECTIONS));
    const seats = await reconcileSignups(db, now);
    const reminders = await remindTomorrow(db, now);
    const care = await careDaily(db, now);
    const gifts = await giftsDaily(db, now);
    const hardship = await hardshipDaily(db, now);
    return { ...collections, seats, reminders, care, gifts, hardship };
  },
});
