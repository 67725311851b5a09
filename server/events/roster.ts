/** The officer's roster of an event: live lists and tallies, check-in at the door, Excel, results and prizes. */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { EventsContract } from '../../src/core/contracts/events';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError } from '../../src/core/errors';
import { EVENT_KIND_LABELS, parseCheckinText, prizeEntryId, prizeParticipants, type ExtraField } from '../../src/core/domain/events';
import { formatMoney } from '../../src/core/money';
import { FORM_LABELS } from '../../src/core/policy/items';
import { formatDateTimeZh } from '../../src/core/time';
import type { Db } from '../db';
import { tables } from '../db/tables';
import { audit, actorRef } from '../db/audit';
import { compactDate, publishExport } from '../db/files';
import type { AuditDoc } from '../db/types';
import { buildWorkbook, sheet } from '../files/xlsx';
import { notify } from '../notices/api';
import { eventPrizeEntries, PayoutRefused, recordPayouts, type LedgerDoc, type PayoutResult } from '../ledger/api';
import { checkIn, eventOf } from './seats';
import { prizeNotice } from './messages';
import { answersText, eventAdminView, prizeView, rosterEntryView } from './views';
import { eventsTables, type EventDoc, type SignupDoc } from './store';

type H<K extends ActionName<EventsContract>> = Handler<EventsContract, K, ActorContext>;

const STATUS_LABELS: Record<SignupDoc['status'], string> = { confirmed: '已确认', waitlisted: '候补', cancelled: '已取消' };
const STATUS_ORDER: Record<SignupDoc['status'], number> = { confirmed: 0, waitlisted: 1, cancelled: 2 };

/** Every sign-up of the event, in the order they were accepted, with waitlist places. */
async function entriesOf(db: Db, e: EventDoc) {
  const all = await eventsTables(db).signups.findAll({ eventId: e._id }, ['seq', 'asc']);
  let place = 0;
  const positions = new Map<string, number>();
  for (const s of all) if (s.status === 'waitlisted') positions.set(s._id, (place += 1));
  all.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.seq - b.seq);
  return { all, positions };
}

function tallies(fields: readonly ExtraField[], confirmed: SignupDoc[]) {
  return fields.map((f) => {
    const options = f.type === 'choice' ? f.options : f.type === 'yesno' ? ['是', '否'] : ['家属人数'];
    const counts = options.map((option) => ({
      option,
      count: confirmed.reduce((n, s) => {
        const v = s.answers[f.key];
        if (f.type === 'family') return n + (typeof v === 'number' ? v : 0);
        if (f.type === 'yesno') return n + (v === (option === '是') ? 1 : 0);
        return n + (v === option ? 1 : 0);
      }, 0),
    }));
    return { key: f.key, label: f.label, counts };
  });
}

function countsOf(e: EventDoc, all: SignupDoc[]) {
  const confirmed = all.filter((s) => s.status === 'confirmed');
  return {
    confirmed: confirmed.length,
    seats: confirmed.reduce((n, s) => n + s.seats, 0),
    waitlisted: all.filter((s) => s.status === 'waitlisted').length,
    cancelled: all.filter((s) => s.status === 'cancelled').length,
    checkedIn: confirmed.filter((s) => s.checkedInAt !== null).length,
    family: confirmed.reduce((n, s) => n + s.seats - 1, 0),
    tallies: tallies(e.extraFields, confirmed),
  };
}

export const roster: H<'roster'> = async (input, { db, actor, now }) => {
  const e = await eventOf(db, input.eventId, actor.unionId);
  const [{ all, positions }, { live }] = await Promise.all([entriesOf(db, e), prizesOf(db, e)]);
  const { tallies: t, ...counts } = countsOf(e, all);
  return {
    event: eventAdminView(e), entries: all.map((s) => rosterEntryView(e, s, positions.get(s._id) ?? null)),
    counts,
    tallies: t,
    prizes: live.map(prizeView),
    started: now >= e.startsAt,
    ended: now >= e.endsAt,
  };
};

/** The code as typed, or as scanned from a member's QR code (see parseCheckinText). */
function parseCode(raw: string, eventId: string): string {
  const read = parseCheckinText(raw);
  if (read.kind === 'event') throw new AppError('NOT_ALLOWED', '这是活动的现场签到码，请扫描会员在「我的活动」中出示的二维码', [{ path: ['code'], message: '不是会员的签到码' }]);
  if (read.kind === 'member' && read.eventId !== eventId) throw new AppError('NOT_ALLOWED', '这是另一个活动的签到码', [{ path: ['code'], message: '不是本活动的签到码' }]);
  return read.code;
}

export const checkin: H<'checkin'> = async (input, { db, actor, now }) => {
  const e = await eventOf(db, input.eventId, actor.unionId);
  const code = parseCode(input.code, e._id);
  const [found] = await eventsTables(db).signups.find({ eventId: e._id, checkinCode: code }, { limit: 1 });
  if (!found) throw new AppError('NOT_FOUND', '签到码不正确，请核对后重试', [{ path: ['code'], message: '没有这个签到码' }]);
  const { event, signup } = await checkIn(db, { eventId: e._id, unionId: actor.unionId, signupId: found._id, by: actor.openid, now });
  return { entry: rosterEntryView(event, signup, null) };
};

export const exportRoster: H<'export'> = async (input, { db, actor, now }) => {
  const e = await eventOf(db, input.eventId, actor.unionId);
  const { all, positions } = await entriesOf(db, e);
  const { tallies: t, ...counts } = countsOf(e, all);
  const content = await buildWorkbook([
    sheet<SignupDoc>({
      name: '报名名单',
      columns: [
        { header: '状态', value: (s) => STATUS_LABELS[s.status] },
        { header: '候补顺序', value: (s) => positions.get(s._id) ?? '' },
        { header: '姓名', value: (s) => s.name },
        { header: '工号', value: (s) => s.employeeNo },
        { header: '部门', width: 16, value: (s) => s.department },
        { header: '人数（含家属）', width: 14, value: (s) => s.seats },
        ...e.extraFields.map((f) => ({ header: f.label, width: 14, value: (s: SignupDoc) => answersText([f], s.answers).replace(`${f.label}：`, '') })),
        { header: '报名时间', width: 18, value: (s) => formatDateTimeZh(s.signedUpAt) },
        { header: '签到时间', width: 18, value: (s) => (s.checkedInAt ? formatDateTimeZh(s.checkedInAt) : '') },
        { header: '签名', width: 14, value: () => '' },
      ],
      rows: all,
      note: `${e.title.includes(EVENT_KIND_LABELS[e.kind]) ? e.title : `${e.title}（${EVENT_KIND_LABELS[e.kind]}）`} ${formatDateTimeZh(e.startsAt)} ${e.place}`,
    }),
    sheet({
      name: '统计',
      columns: [
        { header: '项目', width: 20, value: (r: { label: string; value: number }) => r.label },
        { header: '数量', value: (r: { label: string; value: number }) => r.value },
      ],
      rows: [
        { label: '已确认（人）', value: counts.confirmed },
        { label: '占用名额（含家属）', value: counts.seats },
        { label: '携带家属（人）', value: counts.family },
        { label: '候补（人）', value: counts.waitlisted },
        { label: '已签到（人）', value: counts.checkedIn },
        { label: '已取消（人）', value: counts.cancelled },
        ...t.flatMap((x) => x.counts.map((c) => ({ label: `${x.label}：${c.option}`, value: c.count }))),
      ],
      note: e.workMeal ? '本活动含工作餐' : '',
    }),
  ]);
  const fileName = `活动报名-${e.title}-${compactDate(now)}.xlsx`.replace(/[\\/:*?"<>|]/g, '');
  const { fileID, url } = await publishExport(actor.unionId, fileName, content, now);
  await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'event.export', target: { kind: 'event', id: e._id, label: e.title }, from: null, to: { count: all.length } });
  return { url, fileName, fileID, count: all.length };
};

/** The event's prizes in the ledger: those not reversed, and how many prizes each member was ever recorded. */
async function prizesOf(db: Db, e: EventDoc): Promise<{ live: LedgerDoc[]; given: Map<string, number> }> {
  const entries = await eventPrizeEntries(db, e.unionId, e._id);
  const reversed = new Set(entries.map((x) => x.reverses));
  const originals = entries.filter((x) => x.reverses === null);
  const given = new Map<string, number>();
  for (const x of originals) given.set(x.memberId ?? '', (given.get(x.memberId ?? '') ?? 0) + 1);
  return { live: originals.filter((x) => !reversed.has(x._id)), given };
}

/** The event's prizes changed while this call was working them out: work them out again. */
class StalePrizes extends Error {}

/**
 * Results and prizes. Each prize is a payout of `event_prize` through the policy engine and the ledger (the
 * share of winners among participants and the prize cap are the policy's). Winners must have taken part (see
 * prizeParticipants); the share counts every prize of the event, those recorded before included.
 *
 * All new prizes, the results text and the event's `prizeVersion` are written in ONE transaction
 * (recordPayouts): either everything is saved or nothing is. Prizes are worked out from the ledger read after
 * the version; the transaction goes ahead only if the version is still the one read, so two officers saving at
 * the same moment cannot both pass the share of winners, and the second one's prizes are worked out again from
 * the first one's (a reversal in the ledger only lowers the count, so it needs no version).
 *
 * A prize already recorded is kept: sent again, it records nothing; a different amount or form is refused (it
 * is corrected by a reversal in the ledger, after which the member may be given a prize again). `results`
 * absent leaves the published results as they are.
 */
export const results: H<'results'> = async (input, ctx) => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await saveResults(input, ctx);
    } catch (error) {
      if (!(error instanceof StalePrizes)) throw error;
      if (attempt >= 3) throw new AppError('CONFLICT', '其他干部正在登记本活动的奖品，请刷新后重试');
    }
  }
};

const saveResults: H<'results'> = async (input, { db, actor, now }) => {
  const e = await eventOf(db, input.eventId, actor.unionId);
  if (e.status === 'cancelled') throw new AppError('NOT_ALLOWED', '活动已取消');
  if (now < e.startsAt) throw new AppError('NOT_ALLOWED', '活动开始后才能登记结果和奖品');
  const ids = input.prizes.map((p) => p.memberId);
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', '同一位会员只能登记一项奖品', [{ path: ['prizes'], message: '有重复的会员' }]);
  const version = e.prizeVersion ?? 0;
  const [{ all }, recorded] = await Promise.all([entriesOf(db, e), prizesOf(db, e)]);
  const participants = prizeParticipants(all);
  const taking = new Set(participants.map((s) => s.memberId));
  const live = new Map(recorded.live.map((x) => [x.memberId ?? '', x]));
  input.prizes.forEach((p, i) => {
    const had = live.get(p.memberId);
    if (had && (had.amountFen !== p.amountFen || had.form !== p.form)) {
      throw new AppError('CONFLICT', `${had.memberName ?? ''}的奖品已登记为 ${formatMoney(had.amountFen)}（${FORM_LABELS[had.form]}）；要更改，请先在「经费台账」中冲正这笔记录，再重新登记`, [
        { path: ['prizes', i, 'amountFen'], message: '已登记的奖品不能直接修改' },
      ]);
    }
    if (!had && !taking.has(p.memberId)) throw new AppError('VALIDATION_FAILED', '获奖会员须是本活动的参加者', [{ path: ['prizes', i, 'memberId'], message: '不是本活动的参加者' }]);
  });
  const fresh = input.prizes.filter((p) => !live.has(p.memberId));
  const members = fresh.length ? await tables(db).members.find({ unionId: actor.unionId, _id: db.command.in(fresh.map((p) => p.memberId)) }, { limit: fresh.length }) : [];
  const memberById = new Map(members.map((m) => [m._id, m]));
  const prize = { winners: new Set([...live.keys(), ...ids]).size, participants: participants.length };
  const payouts = fresh.map((p) => {
    const member = memberById.get(p.memberId);
    if (!member) throw new AppError('NOT_FOUND', '名册中没有这位会员');
    return {
      unionId: actor.unionId,
      entryId: prizeEntryId(e._id, p.memberId, recorded.given.get(p.memberId) ?? 0),
      proposal: { item: 'event_prize' as const, amountFen: p.amountFen, form: p.form, at: now, prize },
      member,
      eventId: e._id,
      note: p.note || `${e.title}奖品`,
      approvedBy: actorRef(actor),
      now,
    };
  });
  const text = input.results ?? e.results;
  let made: PayoutResult[] = [];
  if (payouts.length === 0) {
    if (text !== e.results) await eventsTables(db).events.update(e._id, { results: text, updatedAt: now });
  } else {
    try {
      made = await recordPayouts(db, actor.unionId, payouts, async (tx) => {
        const current = await tx.get<EventDoc>('events', e._id);
        if ((current?.prizeVersion ?? 0) !== version) throw new StalePrizes();
        await tx.update('events', e._id, { prizeVersion: version + 1, results: text, updatedAt: now });
        // The audit of these prizes, in their transaction (one per prize version of the event).
        await tx.insert<AuditDoc & { _id: string }>('audit_log', {
          _id: `${e._id}:results:${version + 1}`,
          unionId: actor.unionId,
          at: now,
          actor: actorRef(actor),
          action: 'event.results',
          target: { kind: 'event', id: e._id, label: e.title },
          from: null,
          to: { summary: `${text !== e.results ? '更新比赛结果，' : ''}登记奖品 ${payouts.length} 项` },
        });
      });
    } catch (error) {
      if (!(error instanceof PayoutRefused)) throw error;
      const { member } = payouts[error.index];
      throw new AppError('POLICY_REFUSED', `${member.name}的奖品不能登记：${error.message}（结果和奖品都没有保存）`, [
        { path: ['prizes', ids.indexOf(member._id), 'amountFen'], message: error.message },
      ]);
    }
  }
  const byMember = new Map(made.map((r) => [r.entry.memberId ?? '', r]));
  const prizes = input.prizes.map((p) => {
    const r = byMember.get(p.memberId);
    const entry = r?.entry ?? live.get(p.memberId);
    if (!entry) throw new Error(`prize of ${p.memberId} neither recorded nor found`);
    return { ...prizeView(entry), repeated: r ? r.repeated : true };
  });
  const added = prizes.filter((p) => !p.repeated).length;
  const signupOf = new Map(all.map((s) => [s.memberId, s]));
  await notify(
    db,
    made.filter((r) => !r.repeated).flatMap((r) => {
      const s = signupOf.get(r.entry.memberId ?? '');
      const what = r.entry.note && r.entry.note !== `${e.title}奖品` ? r.entry.note : FORM_LABELS[r.entry.form];
      return s ? [prizeNotice(e, s, { entryId: r.entry._id, what: `${what}（${formatMoney(r.entry.amountFen)}）` })] : [];
    }),
    now,
  );
  // Prizes were audited in their transaction; a change of the results text alone is audited here.
  if (payouts.length === 0 && text !== e.results) {
    await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'event.results', target: { kind: 'event', id: e._id, label: e.title }, from: null, to: { summary: `${text !== e.results ? '更新比赛结果，' : ''}登记奖品 ${added} 项` } });
  }
  return { results: text, prizes };
};
