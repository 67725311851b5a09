/**
 * What other areas may ask of care — the only door in (lint refuses any other import of server/care from another
 * area): the daily job's reminders and 督办 (reminders.ts).
 */
export { careDaily, type CareDailyResult } from './reminders';
