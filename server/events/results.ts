/** Results and prizes of an event: the published results text, and each prize paid through the ledger. */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { EventsContract } from '../../src/core/contracts/events';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError } from '../../src/core/errors';
import { prizeEntryId, prizeParticipants } from '../../src/core/domain/events';
import { formatMoney } from '../../src/core/money';
import { FORM_LABELS } from '../../src/core/policy/items';
import type { Db } from '../db';
import { tables } from '../db/tables';
import { audit, actorRef } from '../db/audit';
import type { AuditDoc } from '../db/types';
import { notify } from '../notices/api';
import { eventPrizeEntries, PayoutRefused, recordPayouts, type LedgerDoc, type PayoutResult } from '../ledger/api';
import { entriesOf, eventOf } from './seats';
import { prizeNotice } from './messages';
import { prizeView } from './views';
import { eventsTables, type EventDoc } from './store';

type H<K extends ActionName<EventsContract>> = Handler<EventsContract, K, ActorContext>;

/** The event's prizes in the ledger: those not reversed, and how many prizes each member was ever recorded. */
export async function prizesOf(db: Db, e: EventDoc): Promise<{ live: LedgerDoc[]; given: Map<string, number> }> {
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
