/**
 * What other functions may ask of events — the only door in (lint refuses any other import of server/events from
 * another area): the daily job's reminders, and its check of the events' seat counters.
 */
export { reconcileSignups, remindTomorrow } from './reminders';
