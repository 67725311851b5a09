/**
 * Birthdays: the union's settings (officers), and the daily job that issues each member's cake voucher.
 *
 * The job (birthdaysDaily, run by server/jobs through api.ts, 02:00 Shanghai), for each union that switched the
 * service on:
 *   - backfills the indexed month-day (`birthMonthDay`) of members written before it existed (none after once);
 *   - reads ONLY the members whose birthday falls in today's window — one indexed query on {unionId, birthMonthDay},
 *     the window being the birthdays after the last one settled (`doneThrough`) up to the latest one due today by
 *     the union's timing (on the day, N days before, the 1st of the month) — so a job that missed days catches up,
 *     and at 100,000 members a day reads today's few hundred;
 *   - issues each voucher through the ledger (item birthday, form cake_voucher: the policy engine decides
 *     eligibility, the cap and the form; a refusal is recorded with its reason in the run's summary) with the
 *     voucher written in the same transaction (`within`), under the id `birthday:<member>:<year>` for both: once per
 *     member per birthday year, whatever happens (two runs, a run retried, the timing changed);
 *   - tells the member (inbox and subscribe message, once);
 *   - then, across unions, expires vouchers unused after their last day and reverses their ledger entries, so the
 *     yearly report shows what was really given.
 */
import { randomBytes } from 'node:crypto';
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { GiftsContract } from '../../src/core/contracts/gifts';
import type { ActionName } from '../../src/core/contracts/contract';
import { birthdaysInWindow, birthdayWindow, monthDayOf, VOUCHER_CODE_ALPHABET, VOUCHER_CODE_LENGTH, voucherLastDay } from '../../src/core/domain/birthdays';
import { AppError } from '../../src/core/errors';
import { formatYuan } from '../../src/core/money';
import { shanghaiAt, shanghaiDateKey, shanghaiYear, type DateKey } from '../../src/core/time';
import { evaluatePayout } from '../../src/core/policy/engine';
import type { Db } from '../db';
import { actorRef } from '../db/audit';
import { tables } from '../db/tables';
import { inTransaction } from '../db/transaction';
import type { ActorRef, AuditDoc, MemberDoc } from '../db/types';
import { PayoutRefused, recordPayouts, reserveBudget, reversePayout, settleReservation, type PayoutRequest } from '../ledger/api';
import { notify } from '../notices/api';
import { policyOf } from './batches.views';
import { birthdayNotice } from './voucherNotices';
import { birthdayRunId, voucherId, voucherTables, type BirthdayRunDoc, type BirthdaySettingsDoc, type VoucherDoc } from './vouchers.store';

type H<K extends ActionName<GiftsContract>> = Handler<GiftsContract, K, ActorContext>;

/** Who the job is in the ledger and the audit log. */
export const BIRTHDAY_JOB: ActorRef = { openid: 'system:jobs', memberId: null, name: '系统（每日任务）' };

/** Members issued at the same time (different members: different transactions, each writing the budget line). */
const ISSUE_CONCURRENCY = 4;
/**
 * A window of this many members or more (a month-start union's 1st) reserves its budget once for the run
 * (ledger/reservations): its payouts then take slots of the reservation instead of each writing the budget line, and
 * run side by side, RESERVED_CONCURRENCY at a time. The run settles the reservation before it ends (what was not
 * used goes back to the line); one a run left open, cut off, is settled by the next.
 */
export const RESERVE_FROM = 50;
const RESERVED_CONCURRENCY = 16;
/** Refusals listed by name in a run's summary (all are counted). */
const MAX_REFUSALS_LISTED = 50;
/** Members backfilled per union per run (the rest the next run). */
const BACKFILL_PER_RUN = 20_000;
/**
 * Wall-clock time a run spends issuing, then expiring, within the jobs function's 60 s (shared with the other daily
 * work): a window larger than that (a month-start union of many thousands on the 1st) is left unsettled, and the next
 * run carries on with the members not issued yet (those issued are skipped unread); nothing is cut off halfway by the
 * function's timeout.
 */
export const ISSUE_BUDGET_MS = 30_000;
export const EXPIRY_BUDGET_MS = 40_000;

/** Run `task` for each item, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[(next += 1) - 1]);
    }),
  );
}

export function newVoucherCode(): string {
  return Array.from(randomBytes(VOUCHER_CODE_LENGTH), (b) => VOUCHER_CODE_ALPHABET[b % VOUCHER_CODE_ALPHABET.length]).join('');
}

// ——— settings ————————————————————————————————————————————————————————————————————————————————————————————————

type SettingsFields = Pick<BirthdaySettingsDoc, 'enabled' | 'timing' | 'daysBefore' | 'shopName' | 'amountFen' | 'validDays' | 'greeting'>;

function fieldsOf(s: BirthdaySettingsDoc): SettingsFields {
  return { enabled: s.enabled, timing: s.timing, daysBefore: s.daysBefore, shopName: s.shopName, amountFen: s.amountFen, validDays: s.validDays, greeting: s.greeting };
}

/** The shops of the union's clerks (accounts of kind clerk carry their shop), with how many clerks each. */
async function shopsOf(db: Db, unionId: string): Promise<{ shopName: string; clerks: number }[]> {
  const clerks = await tables(db).accounts.find({ unionId, kind: 'clerk' }, { limit: 200 });
  const count = new Map<string, number>();
  for (const c of clerks) if (c.shopName) count.set(c.shopName, (count.get(c.shopName) ?? 0) + 1);
  return [...count].map(([shopName, n]) => ({ shopName, clerks: n })).sort((a, b) => a.shopName.localeCompare(b.shopName, 'zh'));
}

function runOut(r: BirthdayRunDoc) {
  return { day: r.day, first: r.first, last: r.last, issued: r.issued, refused: r.refused.map((x) => ({ name: x.name, reason: x.reason })), refusedCount: r.refusedCount, failed: r.failed, at: r.at };
}

export const birthdaySettingsGet: H<'birthdaySettingsGet'> = async (_input, { db, actor }) => {
  const [s, shops, runs] = await Promise.all([
    voucherTables(db).settings.byId(actor.unionId),
    shopsOf(db, actor.unionId),
    voucherTables(db).runs.find({ unionId: actor.unionId }, { orderBy: [['day', 'desc']], limit: 5 }),
  ]);
  return { settings: s ? fieldsOf(s) : null, shops, doneThrough: s?.doneThrough ?? null, runs: runs.map(runOut) };
};

const TIMING_SUMMARY = (s: SettingsFields) =>
  `${s.enabled ? '开启' : '关闭'}；${s.timing === 'onDay' ? '生日当天发放' : s.timing === 'daysBefore' ? `生日前 ${s.daysBefore} 天发放` : '每月1日发放当月'}；${s.shopName}；${formatYuan(s.amountFen)} 元；有效 ${s.validDays} 天`;

/**
 * The amount and the form as the year's policy engine judges them for an eligible member (the cap, cake vouchers
 * allowed, forms the union forbids): refused at once instead of by every voucher of the year. Without a policy for
 * the year the settings are saved, and the job waits for it (its runs say so).
 */
async function checkAgainstPolicy(db: Db, unionId: string, amountFen: number, now: Date): Promise<void> {
  const policy = await policyOf(db, unionId, shanghaiYear(now));
  if (!policy) return;
  const d = evaluatePayout({
    policy,
    proposal: { item: 'birthday', amountFen, form: 'cake_voucher', at: now },
    member: { id: 'settings', status: 'active', duesPaid: true },
    history: [],
    budget: { amountFen: Number.MAX_SAFE_INTEGER, spentFen: 0 },
  });
  if (d.allowed) return;
  if (d.code === 'OVER_CAP') throw new AppError('POLICY_REFUSED', d.reason, [{ path: ['amountFen'], message: d.reason }]);
  if (d.code === 'FORM_FORBIDDEN' || d.code === 'NOT_IN_POLICY') throw new AppError('POLICY_REFUSED', `${d.reason}。请先修改年度政策，再开启生日蛋糕券。`);
}

export const birthdaySettingsSave: H<'birthdaySettingsSave'> = async (input, { db, actor, now, requestId }) => {
  const today = shanghaiDateKey(now);
  if (input.enabled) await checkAgainstPolicy(db, actor.unionId, input.amountFen, now);
  const fields: SettingsFields = { ...input };
  const saved = await inTransaction(db, async (tx) => {
    const before = await tx.get<BirthdaySettingsDoc>('gift_birthday_settings', actor.unionId);
    // Switched on (first time, or again after a pause): the service starts with today's birthdays; a window already
    // covered ahead (a month-start union's month) stays covered.
    const switchedOn = input.enabled && !before?.enabled;
    const startedOn = switchedOn || !before ? today : before.startedOn;
    const doneThrough = switchedOn ? (before?.doneThrough && before.doneThrough >= today ? before.doneThrough : null) : (before?.doneThrough ?? null);
    const doc: BirthdaySettingsDoc = { _id: actor.unionId, unionId: actor.unionId, ...fields, startedOn, doneThrough, updatedAt: now, updatedBy: actorRef(actor) };
    if (before) {
      const { _id, ...rest } = doc;
      void _id;
      await tx.update('gift_birthday_settings', actor.unionId, rest);
    } else await tx.insert<BirthdaySettingsDoc>('gift_birthday_settings', doc);
    await tx.insert<AuditDoc & { _id: string }>('audit_log', {
      _id: `${actor.unionId}:birthday-settings:${requestId}`,
      unionId: actor.unionId,
      at: now,
      actor: actorRef(actor),
      action: 'gifts.birthdaySettings',
      target: { kind: 'gift_birthday_settings', id: actor.unionId, label: '生日慰问设置' },
      from: before ? { ...fieldsOf(before), summary: TIMING_SUMMARY(fieldsOf(before)) } : null,
      to: { ...fields, summary: TIMING_SUMMARY(fields) },
    });
    return doc;
  });
  return { settings: fieldsOf(saved), doneThrough: saved.doneThrough };
};

// ——— the daily job ————————————————————————————————————————————————————————————————————————————————————————————

type Outcome = { kind: 'issued' } | { kind: 'repeated' } | { kind: 'refused'; reason: string } | { kind: 'blocked'; reason: string } | { kind: 'failed' };

/** Issue one member's voucher for one birthday, through the ledger, with the voucher in the same transaction. */
async function issueOne(db: Db, s: BirthdaySettingsDoc, member: MemberDoc, birthday: DateKey, day: DateKey, now: Date, reservationId: string | null): Promise<Outcome> {
  const year = Number(birthday.slice(0, 4));
  const id = voucherId(member._id, year);
  const voucher: VoucherDoc = {
    _id: id,
    unionId: s.unionId,
    memberId: member._id,
    memberName: member.name,
    birthday,
    year,
    issuedOn: day,
    lastDay: voucherLastDay(day, birthday, s.validDays),
    amountFen: s.amountFen,
    shopName: s.shopName,
    greeting: s.greeting,
    code: newVoucherCode(),
    entryId: id,
    status: 'issued',
    redeemedAt: null,
    redeemedBy: null,
    redeemedMonth: null,
    expiredAt: null,
    reversalId: null,
    createdAt: now,
  };
  const req: PayoutRequest = {
    unionId: s.unionId,
    entryId: id,
    // Dated on the birthday (Shanghai noon): the birthday's year is the policy year and the year counted once, also
    // when the voucher is issued in December for a birthday in January.
    proposal: { item: 'birthday', amountFen: s.amountFen, form: 'cake_voucher', at: shanghaiAt(birthday, '12:00') },
    member,
    note: `${birthday.slice(0, 4)}年生日蛋糕券（${s.shopName}）`,
    approvedBy: BIRTHDAY_JOB,
    now,
    ...(reservationId ? { reservationId } : {}),
    audit: (entry) => ({
      actor: BIRTHDAY_JOB,
      action: 'ledger.record',
      target: { kind: 'ledger', id: entry._id, label: `生日蛋糕 · ${member.name}` },
      from: null,
      to: { amountFen: entry.amountFen, summary: `${formatYuan(entry.amountFen)} 元（蛋糕券，${s.shopName}），生日慰问，依据：${entry.rule.source}` },
    }),
  };
  try {
    const [paid] = await recordPayouts(db, s.unionId, [req], async (tx) => {
      await tx.insert<VoucherDoc>('gift_vouchers', voucher);
    });
    if (paid.repeated) return { kind: 'repeated' };
    await notify(db, [birthdayNotice(voucher)], now);
    return { kind: 'issued' };
  } catch (error) {
    // The union's to mend (no policy or budget for the year, the budget used up): the run does not settle those
    // birthdays, so the next run after the officers set it up issues them.
    if (error instanceof PayoutRefused) return error.blocksTheUnion ? { kind: 'blocked', reason: error.message } : { kind: 'refused', reason: error.message };
    console.error(`[birthdays] voucher ${id} failed: ${String(error)}`);
    return { kind: 'failed' };
  }
}

/** Members of the union written before `birthMonthDay` existed get it (a one-off: afterwards the query finds none). */
async function backfill(db: Db, unionId: string): Promise<number> {
  const _ = db.command;
  const members = tables(db).members;
  let done = 0;
  while (done < BACKFILL_PER_RUN) {
    const page = await members.find({ unionId, birthMonthDay: _.exists(false) }, { limit: 500 });
    if (page.length === 0) break;
    await eachLimited(page, 8, async (m) => {
      await members.updateWhere({ _id: m._id, birthDate: m.birthDate }, { birthMonthDay: monthDayOf(m.birthDate) });
    });
    done += page.length;
    if (page.length < 500) break;
  }
  return done;
}

/** Settle a run's reservation (idempotent; one that was never made is nothing to settle) and forget it. */
async function settleRun(db: Db, s: BirthdaySettingsDoc, reservationId: string, now: Date): Promise<void> {
  try {
    await settleReservation(db, { unionId: s.unionId, reservationId, by: BIRTHDAY_JOB, now });
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
  }
  await voucherTables(db).settings.updateWhere({ _id: s._id, openReservation: reservationId }, { openReservation: null });
}

/**
 * The budget of a large window, reserved once (all of one year: a window across the new year pays plainly). Named
 * on the settings first, so that a run cut off after reserving leaves it for the next run to settle. Null when the
 * line cannot hold it (no budget, not enough left): the payouts then go one by one and the policy says who is refused.
 */
async function reserveRun(db: Db, s: BirthdaySettingsDoc, todo: { birthday: DateKey }[], day: DateKey, now: Date): Promise<string | null> {
  const years = new Set(todo.map((t) => t.birthday.slice(0, 4)));
  if (todo.length < RESERVE_FROM || years.size !== 1) return null;
  const reservationId = `birthday-run:${day}:${randomBytes(4).toString('hex')}`;
  await voucherTables(db).settings.update(s._id, { openReservation: reservationId });
  try {
    await reserveBudget(db, { unionId: s.unionId, year: Number([...years][0]), line: 'birthday', reservationId, slots: todo.length, unitMaxFen: s.amountFen, label: `${day} 生日蛋糕券`, by: BIRTHDAY_JOB, now });
    return reservationId;
  } catch (error) {
    await voucherTables(db).settings.updateWhere({ _id: s._id, openReservation: reservationId }, { openReservation: null });
    if (error instanceof AppError) return null;
    throw error;
  }
}

interface UnionRun {
  read: number;
  /** Left for the next run: the time budget ran out. */
  deferred: number;
  issued: number;
  repeated: number;
  refused: number;
  blocked: number;
  failed: number;
  backfilled: number;
}

async function runUnion(db: Db, s: BirthdaySettingsDoc, day: DateKey, now: Date, until: number): Promise<UnionRun> {
  const out: UnionRun = { read: 0, deferred: 0, issued: 0, repeated: 0, refused: 0, blocked: 0, failed: 0, backfilled: await backfill(db, s.unionId) };
  if (s.openReservation) await settleRun(db, s, s.openReservation, now);
  const window = birthdayWindow(s, day, s.doneThrough, s.startedOn);
  if (!window) return out;
  const byMonthDay = birthdaysInWindow(window.first, window.last);
  const members = await tables(db).members.findAll({ unionId: s.unionId, birthMonthDay: db.command.in([...byMonthDay.keys()]) });
  out.read = members.length;
  // Vouchers already issued for these birthdays (an earlier run that did not settle the window): skipped unread.
  const ids = members.map((m) => voucherId(m._id, Number((byMonthDay.get(m.birthMonthDay ?? '') ?? day).slice(0, 4))));
  const issued = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    for (const v of await voucherTables(db).vouchers.find({ _id: db.command.in(slice) }, { limit: slice.length })) issued.add(v._id);
  }
  const refused: BirthdayRunDoc['refused'] = [];
  const todo: { m: MemberDoc; birthday: DateKey }[] = [];
  for (const m of members) {
    const birthday = byMonthDay.get(m.birthMonthDay ?? '');
    if (!birthday) continue;
    if (issued.has(voucherId(m._id, Number(birthday.slice(0, 4))))) out.repeated += 1;
    else todo.push({ m, birthday });
  }
  const reservationId = await reserveRun(db, s, todo, day, now);
  await eachLimited(todo, reservationId ? RESERVED_CONCURRENCY : ISSUE_CONCURRENCY, async ({ m, birthday }) => {
    if (Date.now() > until) {
      out.deferred += 1;
      return;
    }
    const r = await issueOne(db, s, m, birthday, day, now, reservationId);
    if (r.kind === 'issued') out.issued += 1;
    else if (r.kind === 'repeated') out.repeated += 1;
    else if (r.kind === 'failed') out.failed += 1;
    else {
      if (r.kind === 'refused') out.refused += 1;
      else out.blocked += 1;
      if (refused.length < MAX_REFUSALS_LISTED) refused.push({ memberId: m._id, name: m.name, reason: r.reason });
    }
  });
  if (reservationId) await settleRun(db, s, reservationId, now);
  // Settled when every member was issued or refused for good; otherwise the next run covers the window again.
  const settled = out.failed === 0 && out.blocked === 0 && out.deferred === 0;
  if (settled) await voucherTables(db).settings.updateWhere({ _id: s._id, doneThrough: s.doneThrough }, { doneThrough: window.last });
  if (out.issued + out.refused + out.blocked + out.failed + out.deferred > 0 || settled) {
    const run: Omit<BirthdayRunDoc, '_id'> = {
      unionId: s.unionId,
      day,
      first: window.first,
      last: window.last,
      issued: out.issued,
      refused,
      refusedCount: out.refused,
      failed: out.failed + out.blocked + out.deferred,
      at: now,
    };
    await voucherTables(db).runs.set(birthdayRunId(s.unionId, day), run);
  }
  return out;
}

/** Expire one unused voucher past its last day (unless a clerk redeemed it first), and reverse its ledger entry. */
async function expireOne(db: Db, v: VoucherDoc, now: Date): Promise<'expired' | 'skipped'> {
  if (v.status === 'issued') {
    const taken = await voucherTables(db).vouchers.updateWhere({ _id: v._id, status: 'issued' }, { status: 'expired', expiredAt: now });
    if (taken !== 1) {
      const fresh = await voucherTables(db).vouchers.byId(v._id);
      if (!fresh || fresh.status !== 'expired' || fresh.reversalId) return 'skipped';
    }
  }
  const reversalId = `${v.entryId}:reversal`;
  try {
    await reversePayout(db, {
      unionId: v.unionId,
      entryId: v.entryId,
      reason: `生日蛋糕券逾期未使用（有效期至 ${v.lastDay}）`,
      approvedBy: BIRTHDAY_JOB,
      now,
      audit: (reversal) => ({
        actor: BIRTHDAY_JOB,
        action: 'ledger.reverse',
        target: { kind: 'ledger', id: reversal._id, label: `生日蛋糕 · ${v.memberName}` },
        from: { amountFen: v.amountFen },
        to: { amountFen: reversal.amountFen, summary: `蛋糕券有效期至 ${v.lastDay} 未使用，自动冲正 ${formatYuan(v.amountFen)} 元` },
      }),
    });
  } catch (error) {
    // Reversed already (a run that stopped before marking the voucher): the reversal stands.
    if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
  }
  await voucherTables(db).vouchers.update(v._id, { reversalId });
  return 'expired';
}

async function expireVouchers(db: Db, day: DateKey, now: Date, until: number): Promise<{ expired: number; failed: number }> {
  const _ = db.command;
  const t = voucherTables(db).vouchers;
  const due = [...(await t.findAll({ status: 'issued', lastDay: _.lt(day) })), ...(await t.findAll({ status: 'expired', reversalId: null }))];
  let expired = 0;
  let failed = 0;
  await eachLimited(due, ISSUE_CONCURRENCY, async (v) => {
    if (Date.now() > until) return;
    try {
      if ((await expireOne(db, v, now)) === 'expired') expired += 1;
    } catch (error) {
      failed += 1;
      console.error(`[birthdays] expiring ${v._id} failed: ${String(error)}`);
    }
  });
  return { expired, failed };
}

/**
 * The daily job's birthday work: vouchers issued for the birthdays now due, vouchers past their last day expired and
 * reversed. Figures for the job's log: unions, members read (the windows' members only), issued, repeated (already
 * issued), refused by the policy, blocked (no policy or budget yet: retried), failed, deferred (out of time: the next
 * run), backfilled, expired.
 */
export async function birthdaysDaily(db: Db, now: Date): Promise<Record<string, number>> {
  const started = Date.now();
  const day = shanghaiDateKey(now);
  const settings = await voucherTables(db).settings.findAll({ enabled: true });
  const total = { unions: settings.length, membersRead: 0, issued: 0, repeated: 0, refused: 0, blocked: 0, failed: 0, deferred: 0, backfilled: 0, expired: 0, expiryFailed: 0 };
  for (const s of settings) {
    try {
      const r = await runUnion(db, s, day, now, started + ISSUE_BUDGET_MS);
      total.membersRead += r.read;
      total.deferred += r.deferred;
      total.issued += r.issued;
      total.repeated += r.repeated;
      total.refused += r.refused;
      total.blocked += r.blocked;
      total.failed += r.failed;
      total.backfilled += r.backfilled;
    } catch (error) {
      total.failed += 1;
      console.error(`[birthdays] union ${s.unionId} failed: ${String(error)}`);
    }
  }
  const ex = await expireVouchers(db, day, now, started + EXPIRY_BUDGET_MS);
  total.expired = ex.expired;
  total.expiryFailed = ex.failed;
  return total;
}
