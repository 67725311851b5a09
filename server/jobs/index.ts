import { defineTimerFunction } from '../runtime/defineTimerFunction';
import { ensureCollections } from '../db';
import { remindTomorrow } from '../events/api';
import { COLLECTIONS } from '../collections';

/**
 * Daily jobs. `daily` also (re)creates the collections: setup is idempotent, so a fresh deployment is ready
 * after the first run (or a "云端测试" of this function with the timer event shown in the README). Then it
 * reminds members of the events they are confirmed for that start the next day.
 */
export const main = defineTimerFunction('jobs', {
  daily: async ({ db, now }) => {
    const collections = await ensureCollections(db, Object.keys(COLLECTIONS));
    const reminders = await remindTomorrow(db, now);
    return { ...collections, reminders };
  },
});
