import { defineTimerFunction } from '../runtime/defineTimerFunction';
import { ensureCollections } from '../db';

/**
 * Daily jobs. `daily` also (re)creates the collections: setup is idempotent, so a fresh deployment is ready
 * after the first run (or a "云端测试" of this function with the timer event shown in the README).
 */
export const main = defineTimerFunction('jobs', {
  daily: async ({ db }) => ensureCollections(db),
});
