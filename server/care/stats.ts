/**
 * The care figures (统计): per month and per category, what came in and how it was handled. Officers and the chair
 * (care.stats) read them; every case counts, private and anonymous ones too, by category only — no title, no name.
 *
 * Definitions (a case belongs to the month it was received in, Shanghai time, whatever happened to it since):
 * - received: every case received; accepted: accepted (受理; a 即时关爱 report confirmed) at some time; closed:
 *   办结 now; withdrawn, returned: 已撤回, 已退回 now.
 * - median time to accept, in WORKING DAYS (domain/workdays with the union's 放假安排, as the deadlines count):
 *   0 = accepted the day it arrived (or, arriving on a day off, on the first working day after); 1 = the next
 *   working day… Working days rather than hours because the deadlines members are promised are working days, and
 *   a case left over 国庆 has not waited seven days.
 * - accept on time: accepted before its accept deadline ended (dueInstant of acceptDueDate), of the cases accepted
 *   or still waiting past that deadline (a case waiting within its deadline, withdrawn, or returned before
 *   acceptance is not counted).
 * - close on time: closed before its close deadline ended, of the cases closed or still open past it. A case
 *   reopened by 不满意 is judged by its new deadline.
 * - on time (both): of the cases closed or already late, those accepted and closed on time.
 * - satisfaction: each case's latest rating (满意 / 基本满意 / 不满意); the page's 满意率 is 满意 + 基本满意 of those rated.
 * - open and overdue: still open now, and of those past a deadline now.
 *
 * Cost: the period's cases are read by the index union_created (unionId + createdAt), 1,000 to a page in the
 * order received, and folded page by page into the tallies (only each accepted case's working-day count is kept,
 * for the medians), so memory holds one page however long the period. A union receives at most a few thousand
 * cases a year: a year's figures are a few reads of 1,000 documents; a month's usually one.
 */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { CareContract } from '../../src/core/contracts/care';
import type { ActionName } from '../../src/core/contracts/contract';
import { CARE_CATEGORIES, CATEGORY_LABELS, isPrivateCategory, type CareCategory, type Rating } from '../../src/core/domain/care';
import { calendarSource, dueInstant, sameOrNextWorkingDay, workingDaysBetween, type Arrangements } from '../../src/core/domain/workdays';
import { shanghaiDateKey, startOfShanghaiDay } from '../../src/core/time';
import type { Db } from '../db';
import { PAGE_MAX } from '../db/table';
import { arrangementsOf, settingsOf } from './settings';
import { careTables, type CaseDoc } from './store';

type H<K extends ActionName<CareContract>> = Handler<CareContract, K, ActorContext>;

/** A year, or one month of it. */
export interface Period {
  year: number;
  month?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The instants the period starts and ends (Shanghai midnights), and its months. */
export function periodBounds({ year, month }: Period): { from: Date; to: Date; months: number[] } {
  const from = startOfShanghaiDay(`${year}-${pad(month ?? 1)}-01`);
  const to = month === undefined || month === 12 ? startOfShanghaiDay(`${year + 1}-01-01`) : startOfShanghaiDay(`${year}-${pad(month + 1)}-01`);
  return { from, to, months: month === undefined ? Array.from({ length: 12 }, (_, i) => i + 1) : [month] };
}

/** "2026年10月" or "2026年". */
export const periodLabel = ({ year, month }: Period): string => (month === undefined ? `${year}年` : `${year}年${month}月`);

/**
 * Every case of the union received in the period, a page at a time in the order received (index union_created),
 * handed to `each`. Returns how many there were.
 */
export async function eachCaseOf(db: Db, unionId: string, period: Period, each: (c: CaseDoc) => void): Promise<number> {
  const _ = db.command;
  const { from, to } = periodBounds(period);
  const t = careTables(db).cases;
  const where = { unionId, createdAt: _.gte(from).and(_.lt(to)) };
  let count = 0;
  for (let skip = 0; ; skip += PAGE_MAX) {
    const page = await t.find(where, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']], skip, limit: PAGE_MAX });
    page.forEach(each);
    count += page.length;
    if (page.length < PAGE_MAX) return count;
  }
}

/** What one case contributes to the figures, as of `now`. */
export interface CaseFacts {
  /** The month it was received in (Shanghai), 1–12. */
  month: number;
  /** Working days from received to accepted (see the file's comment); null: never accepted. */
  acceptDays: number | null;
  /** true / false once decided; null: not counted (see the file's comment). */
  acceptOnTime: boolean | null;
  closeOnTime: boolean | null;
  onTime: boolean | null;
  rating: Rating | null;
  open: boolean;
  overdue: boolean;
}

const before = (at: Date, dueKey: string) => at.getTime() < dueInstant(dueKey).getTime();

export function factsOf(c: CaseDoc, now: Date, arrangements: Arrangements): CaseFacts {
  const received = shanghaiDateKey(c.createdAt);
  let acceptDays: number | null = null;
  if (c.acceptedAt) {
    const start = sameOrNextWorkingDay(received, arrangements);
    const accepted = shanghaiDateKey(c.acceptedAt);
    acceptDays = accepted <= start ? 0 : workingDaysBetween(start, accepted, arrangements);
  }
  const acceptOnTime = c.acceptedAt ? before(c.acceptedAt, c.acceptDueDate) : c.status === 'submitted' && !before(now, c.acceptDueDate) ? false : null;
  const closed = c.status === 'closed';
  let closeOnTime: boolean | null = null;
  if (c.closeDueDate) {
    if (closed && c.closedAt) closeOnTime = before(c.closedAt, c.closeDueDate);
    else if (c.open && !before(now, c.closeDueDate)) closeOnTime = false;
  }
  const onTime = closed ? acceptOnTime === true && closeOnTime === true : acceptOnTime === false || closeOnTime === false ? false : null;
  const ratings = c.ratings ?? [];
  return {
    month: Number(received.slice(5, 7)),
    acceptDays,
    acceptOnTime,
    closeOnTime,
    onTime,
    rating: ratings.length > 0 ? ratings[ratings.length - 1].rating : null,
    open: c.open,
    overdue: c.open && c.dueAt !== null && now.getTime() >= c.dueAt.getTime(),
  };
}

/** The figures of a set of cases, added to one case at a time. */
class Tally {
  received = 0;
  accepted = 0;
  closed = 0;
  withdrawn = 0;
  returned = 0;
  private readonly acceptDays: number[] = [];
  readonly acceptOnTime = { hit: 0, of: 0 };
  readonly closeOnTime = { hit: 0, of: 0 };
  readonly onTime = { hit: 0, of: 0 };
  readonly ratings = { satisfied: 0, fair: 0, unsatisfied: 0 };
  open = 0;
  overdue = 0;

  add(c: CaseDoc, f: CaseFacts): void {
    this.received += 1;
    if (c.acceptedAt) this.accepted += 1;
    if (c.status === 'closed') this.closed += 1;
    if (c.status === 'withdrawn') this.withdrawn += 1;
    if (c.status === 'returned') this.returned += 1;
    if (f.acceptDays !== null) this.acceptDays.push(f.acceptDays);
    const count = (share: { hit: number; of: number }, v: boolean | null) => {
      if (v === null) return;
      share.of += 1;
      if (v) share.hit += 1;
    };
    count(this.acceptOnTime, f.acceptOnTime);
    count(this.closeOnTime, f.closeOnTime);
    count(this.onTime, f.onTime);
    if (f.rating) this.ratings[f.rating] += 1;
    if (f.open) this.open += 1;
    if (f.overdue) this.overdue += 1;
  }

  figures() {
    return {
      received: this.received,
      accepted: this.accepted,
      closed: this.closed,
      withdrawn: this.withdrawn,
      returned: this.returned,
      medianAcceptDays: median(this.acceptDays),
      acceptOnTime: { ...this.acceptOnTime },
      closeOnTime: { ...this.closeOnTime },
      onTime: { ...this.onTime },
      ratings: { ...this.ratings },
      open: this.open,
      overdue: this.overdue,
    };
  }
}
export type Figures = ReturnType<Tally['figures']>;

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface PeriodFigures {
  total: Figures;
  months: { month: number; figures: Figures }[];
  categories: { category: CareCategory; categoryLabel: string; private: boolean; figures: Figures }[];
}

/** The period's figures: in total, by month and by category. `each` also sees every case (the export lists them). */
export async function figuresOf(db: Db, unionId: string, period: Period, now: Date, arrangements: Arrangements, each?: (c: CaseDoc, f: CaseFacts) => void): Promise<PeriodFigures> {
  const { months } = periodBounds(period);
  const total = new Tally();
  const byMonth = new Map(months.map((m) => [m, new Tally()]));
  const byCategory = new Map(CARE_CATEGORIES.map((c) => [c, new Tally()]));
  await eachCaseOf(db, unionId, period, (c) => {
    const f = factsOf(c, now, arrangements);
    total.add(c, f);
    byMonth.get(f.month)?.add(c, f);
    byCategory.get(c.category)?.add(c, f);
    each?.(c, f);
  });
  return {
    total: total.figures(),
    months: months.map((month) => ({ month, figures: (byMonth.get(month) as Tally).figures() })),
    categories: CARE_CATEGORIES.map((category) => ({
      category,
      categoryLabel: CATEGORY_LABELS[category],
      private: isPrivateCategory(category),
      figures: (byCategory.get(category) as Tally).figures(),
    })),
  };
}

export const stats: H<'stats'> = async (input, { db, actor, now }) => {
  const period: Period = { year: input.year, month: input.month };
  const arrangements = arrangementsOf(await settingsOf(db, actor.unionId));
  const figures = await figuresOf(db, actor.unionId, period, now, arrangements);
  return { year: input.year, month: input.month ?? null, asOf: now, calendar: calendarSource(input.year, arrangements), ...figures };
};
