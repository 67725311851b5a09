/**
 * A union's care settings: deadlines per category in working days (defaults 1 and 5), and the 放假安排 officers
 * enter for years the calendar library does not know yet (until then that year counts weekends only, and the
 * settings screen says so).
 */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { CareContract } from '../../src/core/contracts/care';
import type { ActionName } from '../../src/core/contracts/contract';
import { DEFAULT_DEADLINE, HELP_CATEGORIES, type CategoryDeadline, type HelpCategory } from '../../src/core/domain/care';
import { calendarSource, knowsYear, validateArrangement, type Arrangements } from '../../src/core/domain/workdays';
import { AppError, type ErrorIssue } from '../../src/core/errors';
import { shanghaiYear } from '../../src/core/time';
import type { Db } from '../db';
import { actorRef } from '../db/audit';
import { inTransaction } from '../db/transaction';
import type { AuditDoc } from '../db/types';
import { careTables, type CareSettingsDoc } from './store';

type H<K extends ActionName<CareContract>> = Handler<CareContract, K, ActorContext>;

/** The settings of a union that never saved any. */
function defaults(unionId: string): CareSettingsDoc {
  return { _id: unionId, unionId, deadlines: {}, arrangements: {}, updatedAt: new Date(0), updatedBy: null };
}

export async function settingsOf(db: Db, unionId: string): Promise<CareSettingsDoc> {
  return (await careTables(db).settings.byId(unionId)) ?? defaults(unionId);
}

/** The officer-entered arrangements, as domain/workdays counts with them. */
export function arrangementsOf(s: CareSettingsDoc): Arrangements {
  return Object.fromEntries(Object.entries(s.arrangements).map(([year, a]) => [Number(year), a]));
}

function deadlinesOut(s: CareSettingsDoc): Record<HelpCategory, CategoryDeadline> {
  return Object.fromEntries(HELP_CATEGORIES.map((c) => [c, s.deadlines[c] ?? DEFAULT_DEADLINE])) as Record<HelpCategory, CategoryDeadline>;
}

/** Years the settings screen speaks of: last year to next year, and every year officers entered. */
function yearsShown(s: CareSettingsDoc, currentYear: number): number[] {
  const years = new Set([currentYear - 1, currentYear, currentYear + 1, ...Object.keys(s.arrangements).map(Number)]);
  return [...years].sort((a, b) => a - b);
}

export const settingsGet: H<'settingsGet'> = async (_input, { db, actor, now }) => {
  const s = await settingsOf(db, actor.unionId);
  const currentYear = shanghaiYear(now);
  const arrangements = arrangementsOf(s);
  const years = yearsShown(s, currentYear);
  return {
    deadlines: deadlinesOut(s),
    arrangements: s.arrangements,
    currentYear,
    knownYears: years.filter(knowsYear),
    calendar: years.map((year) => ({ year, source: calendarSource(year, arrangements) })),
  };
};

/** Years an arrangement may be entered for: not long past (deadlines already counted) and not far ahead. */
const YEARS_BACK = 1;
const YEARS_AHEAD = 2;

export const settingsSave: H<'settingsSave'> = async (input, { db, actor, now, requestId }) => {
  const currentYear = shanghaiYear(now);
  const issues: ErrorIssue[] = [];
  const arrangements: CareSettingsDoc['arrangements'] = {};
  for (const [key, a] of Object.entries(input.arrangements)) {
    const year = Number(key);
    if (year < currentYear - YEARS_BACK || year > currentYear + YEARS_AHEAD) {
      issues.push({ path: ['arrangements', key], message: `只能录入 ${currentYear - YEARS_BACK}–${currentYear + YEARS_AHEAD} 年的放假安排` });
      continue;
    }
    issues.push(...validateArrangement(year, a).map((i) => ({ path: ['arrangements', key, ...i.path], message: i.message })));
    // An empty year is "not entered": it is dropped, and the library (or weekends) counts that year again.
    if (a.off.length + a.on.length > 0) arrangements[key] = { off: [...a.off].sort(), on: [...a.on].sort() };
  }
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues[0].message, issues);
  const deadlines = input.deadlines;
  const _ = db.command;
  await inTransaction(db, async (tx) => {
    const before = await tx.get<CareSettingsDoc>('care_settings', actor.unionId);
    const fields = { deadlines, arrangements, updatedAt: now, updatedBy: actorRef(actor) };
    // Replaced as a whole (`_.set`): a plain object would be merged field by field, and a year taken away would stay.
    if (before) await tx.update('care_settings', actor.unionId, { ...fields, deadlines: _.set(deadlines), arrangements: _.set(arrangements) });
    else await tx.insert<CareSettingsDoc>('care_settings', { _id: actor.unionId, unionId: actor.unionId, ...fields });
    const years = Object.keys(arrangements).join('、');
    await tx.insert<AuditDoc & { _id: string }>('audit_log', {
      _id: `${actor.unionId}:care-settings:${requestId}`,
      unionId: actor.unionId,
      at: now,
      actor: actorRef(actor),
      action: 'care.settings',
      target: { kind: 'care_settings', id: actor.unionId, label: '会员关爱设置' },
      from: before ? { deadlines: before.deadlines, arrangements: before.arrangements } : null,
      to: { deadlines, arrangements, summary: `办理期限与放假安排${years ? `（已录入 ${years} 年）` : ''}` },
    });
  });
  return { deadlines, arrangements };
};
