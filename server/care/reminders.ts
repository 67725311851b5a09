/**
 * The daily job's care work (run by server/jobs through api.ts, 02:00 Shanghai): on a working day of the union,
 *   - 到期提醒: every open case whose deadline (accepting, then closing) ends by the close of the next working day is
 *     brought to whoever must act — its handler; a new case nobody took yet, the officers (a private one, the chair
 *     only). Over a holiday that is the last working day before it: a case due 2026-10-08 is reminded on 09-30.
 *   - 逾期督办: every open case whose deadline has passed goes before the chair: the case is marked supervised, with
 *     an internal line and its audit record in the same transaction, and each chair is told.
 * Each reminder and each 督办 happens once per case and deadline, however often the job runs and if two runs
 * overlap: a reminder's notice has a fixed id (case, deadline, recipient), and a 督办 is decided inside a transaction
 * on the case (`overdueFor` names the deadline it was done for), its notices again with fixed ids.
 *
 * Reads are bounded by time, not by how many cases there are: one range query on the {open, dueAt} index, from the
 * deadlines that passed since a few working days ago to those ending with the next working day, paged. Working days
 * are each union's: its 放假安排 (care_settings) where officers entered one, else the calendar library's.
 */
import { isOpen } from '../../src/core/domain/care';
import { addWorkingDays, dueInstant, isWorkingDay, type Arrangements } from '../../src/core/domain/workdays';
import { addDays, shanghaiDateKey, startOfShanghaiDay, type DateKey } from '../../src/core/time';
import type { Db } from '../db';
import { inTransaction } from '../db/transaction';
import { tables } from '../db/tables';
import type { ActorRef, AuditDoc } from '../db/types';
import { notify, type NewNotice } from '../notices/api';
import { auditTarget } from './lifecycle';
import { dueSoonNotice, overdueNotice } from './notices';
import { arrangementsOf } from './settings';
import { careMessageId, careTables, type CareMessageDoc, type CareSettingsDoc, type CaseDoc } from './store';

/**
 * How many working days back the job looks for deadlines that passed: 1 would be exactly "since the previous
 * working day's run"; 3 lets the job catch up after two missed runs, while a case already before the chair for its
 * deadline is skipped without a write (it is read again on those days only).
 */
export const OVERDUE_CATCH_UP_WORKING_DAYS = 3;
/** Cases read per page (the cloud caps a page at 1000). */
export const PAGE = 500;

/** 督办 transactions run at the same time (on different cases). */
export const SUPERVISE_CONCURRENCY = 8;

/** Who the job is in the audit log. */
export const JOB_ACTOR: ActorRef = { openid: 'system:jobs', memberId: null, name: '系统（每日任务）' };

export interface CareDailyResult {
  /** The Shanghai day the job ran for. */
  day: DateKey;
  /** Unions whose calendar has a working day today count; false: a day off for every calendar, nothing read. */
  workingDay: boolean;
  /** Documents read: cases (the window), care settings with a 放假安排, members to address notices to. */
  read: { cases: number; settings: number; members: number };
  /** Reminder notices sent now (a repeated run sends 0). */
  reminders: number;
  /** Cases put before the chair now, and the 督办 notices sent. */
  supervised: number;
  supervisedNotices: number;
  /** Cases the job could not settle this run (a conflict that outlasted the retries): the next run tries again. */
  failed: number;
}

/** What a deadline is called in ids and flags: `accept:2026-10-08` / `close:2026-10-15`. */
export function deadlineKey(c: Pick<CaseDoc, 'status' | 'acceptDueDate' | 'closeDueDate'>): string | null {
  if (!isOpen(c.status)) return null;
  const due = c.status === 'submitted' ? c.acceptDueDate : c.closeDueDate;
  return due ? `${c.status === 'submitted' ? 'accept' : 'close'}:${due}` : null;
}

/** Run `task` for each item, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[(next += 1) - 1]);
    }),
  );
}

/** The n-th working day before `key`. */
function workingDaysBefore(key: DateKey, n: number, arrangements: Arrangements): DateKey {
  let day = key;
  for (let left = n, guard = 0; left > 0 && guard < 400; guard += 1) {
    day = addDays(day, -1);
    if (isWorkingDay(day, arrangements)) left -= 1;
  }
  return day;
}

/** A calendar's windows today, or null on its day off (nothing is sent on a day off: it waits for the next working day). */
interface Windows {
  /** Deadlines ending after `now` and by this instant are reminded (the close of the next working day). */
  soonUntil: Date;
  /** Deadlines that passed after this instant (and by `now`) are put before the chair. */
  overdueAfter: Date;
}

function windowsOf(today: DateKey, arrangements: Arrangements): Windows | null {
  if (!isWorkingDay(today, arrangements)) return null;
  return {
    soonUntil: dueInstant(addWorkingDays(today, 1, arrangements)),
    // A deadline on day D passes at dueInstant(D) = the start of D + 1: "after the start of L" is D ≥ L.
    overdueAfter: startOfShanghaiDay(workingDaysBefore(today, OVERDUE_CATCH_UP_WORKING_DAYS, arrangements)),
  };
}

/**
 * The unions whose officers entered a 放假安排 for a year around today (the entry wins over the library for that
 * year): few documents, read once. Every other union counts with the library's calendar.
 */
async function enteredCalendars(db: Db, today: DateKey, read: CareDailyResult['read']): Promise<Map<string, Arrangements>> {
  const _ = db.command;
  const years = [...new Set([addDays(today, -40), today, addDays(today, 40)].map((k) => k.slice(0, 4)))];
  const where = _.or(years.map((y) => ({ [`arrangements.${y}`]: _.exists(true) })));
  const out = new Map<string, Arrangements>();
  const settings = careTables(db).settings;
  for (let skip = 0; ; skip += PAGE) {
    const page: CareSettingsDoc[] = await settings.find(where, { orderBy: [['_id', 'asc']], skip, limit: PAGE });
    read.settings += page.length;
    for (const s of page) out.set(s.unionId, arrangementsOf(s));
    if (page.length < PAGE) return out;
  }
}

/** The members of a union holding `role` (still with the union), read once per union and role. */
function staffLookup(db: Db, read: CareDailyResult['read']) {
  const cache = new Map<string, Promise<string[]>>();
  return (unionId: string, role: 'officer' | 'chair'): Promise<string[]> => {
    const key = `${unionId}\n${role}`;
    let found = cache.get(key);
    if (!found) {
      const _ = db.command;
      found = tables(db)
        .members.find({ unionId, roles: role, status: _.neq('transferred') }, { orderBy: [['_id', 'asc']], limit: 100 })
        .then((ms) => {
          read.members += ms.length;
          return ms.map((m) => m._id);
        });
      cache.set(key, found);
    }
    return found;
  };
}

/**
 * Put an overdue case before the chair for `key`, in a transaction on the case: nothing if the case moved on (closed,
 * or its deadline changed) or was already put before the chair for this deadline. Answers whether the chairs are to
 * be told: by this run, or — with the same notice ids, so once — by a run that did it earlier today and may have
 * stopped before telling them.
 */
async function supervise(db: Db, seen: CaseDoc, key: string, now: Date, startOfToday: Date): Promise<{ changed: boolean; tell: CaseDoc | null }> {
  return inTransaction(db, async (tx) => {
    const c = await tx.get<CaseDoc>('care_cases', seen._id);
    if (!c || !c.open || !c.dueAt || c.dueAt.getTime() > now.getTime() || deadlineKey(c) !== key) return { changed: false, tell: null };
    if (c.overdueFor === key) return { changed: false, tell: c.supervisedAt && c.supervisedAt.getTime() >= startOfToday.getTime() ? c : null };
    const version = (c.version ?? 0) + 1;
    const [stage, due] = key.split(':');
    const what = stage === 'accept' ? '受理' : '办结';
    const message: CareMessageDoc = {
      _id: careMessageId(c._id, c.messageCount),
      caseId: c._id,
      unionId: c.unionId,
      at: now,
      from: 'system',
      author: null,
      internal: true,
      text: `${what}期限 ${due} 已过，已提交工会主席督办`,
      attachments: [],
    };
    await tx.insert<CareMessageDoc>('care_messages', message);
    const set = { supervised: true, supervisedAt: now, overdueFor: key, version, messageCount: c.messageCount + 1, updatedAt: now };
    await tx.update('care_cases', c._id, set);
    await tx.insert<AuditDoc & { _id: string }>('audit_log', {
      _id: `${c._id}:v${version}`,
      unionId: c.unionId,
      at: now,
      actor: JOB_ACTOR,
      action: 'care.overdue',
      target: auditTarget(c),
      from: { supervised: c.supervised },
      to: { summary: `${what}期限 ${due} 已过，提交工会主席督办${c.handlerName ? `（处理人：${c.handlerName}）` : '（尚无人受理）'}` },
    });
    return { changed: true, tell: { ...c, ...set } };
  });
}

export async function careDaily(db: Db, now: Date): Promise<CareDailyResult> {
  const today = shanghaiDateKey(now);
  const startOfToday = startOfShanghaiDay(today);
  const result: CareDailyResult = { day: today, workingDay: false, read: { cases: 0, settings: 0, members: 0 }, reminders: 0, supervised: 0, supervisedNotices: 0, failed: 0 };

  // Each calendar's windows today; the query reads their hull, and each case is then judged by its own union's.
  const entered = await enteredCalendars(db, today, result.read);
  const libraryWindows = windowsOf(today, {});
  const windowsByUnion = new Map([...entered].map(([unionId, a]) => [unionId, windowsOf(today, a)]));
  const all = [libraryWindows, ...windowsByUnion.values()].filter((x): x is Windows => x !== null);
  if (all.length === 0) return result;
  result.workingDay = true;
  const from = new Date(Math.min(...all.map((x) => x.overdueAfter.getTime())));
  const until = new Date(Math.max(...all.map((x) => x.soonUntil.getTime())));
  const windowsOfCase = (c: CaseDoc) => (windowsByUnion.has(c.unionId) ? windowsByUnion.get(c.unionId) : libraryWindows) ?? null;

  const days = { today, tomorrow: addDays(today, 1) };
  const staff = staffLookup(db, result.read);
  const supervisedToday = (c: CaseDoc) => c.supervisedAt !== null && c.supervisedAt.getTime() >= startOfToday.getTime();
  const _ = db.command;
  const cases = careTables(db).cases;
  const where = { open: true, dueAt: _.gt(from).and(_.lte(until)) };
  for (let skip = 0; ; skip += PAGE) {
    // Ordered by the index's own key, then _id: many cases share a deadline (every dueAt is a midnight).
    const page = await cases.find(where, { orderBy: [['dueAt', 'asc'], ['_id', 'asc']], skip, limit: PAGE });
    result.read.cases += page.length;
    const reminders: NewNotice[] = [];
    const notices: NewNotice[] = [];
    const overdue: { c: CaseDoc; key: string }[] = [];
    for (const c of page) {
      const w = windowsOfCase(c);
      const key = deadlineKey(c);
      if (!w || !key || !c.dueAt) continue;
      const due = c.dueAt.getTime();
      if (due > now.getTime() && due <= w.soonUntil.getTime()) {
        // 到期提醒: the handler; nobody took it yet: the officers, or for a private case the chair only.
        const to = c.handlerId ? [c.handlerId] : await staff(c.unionId, c.private ? 'chair' : 'officer');
        reminders.push(...to.map((m) => dueSoonNotice(c, m, key, days)));
      } else if (due <= now.getTime() && due > w.overdueAfter.getTime()) {
        if (c.overdueFor !== key) overdue.push({ c, key });
        // Already before the chair for this deadline: no write. Told again (the same ids: once) only when that was
        // today — by a run at the same time, or one that stopped before telling.
        else if (supervisedToday(c)) notices.push(...(await staff(c.unionId, 'chair')).map((chair) => overdueNotice(c, chair, key)));
      }
    }
    // 逾期督办: a transaction per case, a few cases at a time (each on its own document, so they never conflict).
    await eachLimited(overdue, SUPERVISE_CONCURRENCY, async ({ c, key }) => {
      try {
        const { changed, tell } = await supervise(db, c, key, now, startOfToday);
        if (changed) result.supervised += 1;
        if (tell) notices.push(...(await staff(c.unionId, 'chair')).map((chair) => overdueNotice(tell, chair, key)));
      } catch (error) {
        result.failed += 1;
        console.error(`[care.daily] 督办 of ${c._id} failed: ${String(error)}`);
      }
    });
    result.reminders += await notify(db, reminders, now);
    result.supervisedNotices += await notify(db, notices, now);
    if (page.length < PAGE) return result;
  }
}
