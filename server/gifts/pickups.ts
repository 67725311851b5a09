/**
 * Handing out holiday gifts: an officer at the pickup place scans the member's QR code (weapp) or types the code
 * (browser), and the gift is marked picked up — a family member may come with the code. The claim and the batch's
 * pickup counts change in one transaction with the audit record; a code picked up already says when.
 *
 * Codes are 8 characters (31^8), and guessing is limited per officer and per batch (db/attempts.ts, as events
 * check-in codes are): a wrong code costs an attempt, a right one gives it back.
 */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { GiftsContract } from '../../src/core/contracts/gifts';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError } from '../../src/core/errors';
import { normalizePickupCode, PICKUP_ALPHABET, PICKUP_CODE_LENGTH, WAY_LABELS } from '../../src/core/domain/holidays';
import { formatDateTimeZh } from '../../src/core/time';
import { actorRef } from '../db/audit';
import { failedAttempt, releaseAttempt, takeAttempt, type AttemptLimit } from '../db/attempts';
import { inTransaction } from '../db/transaction';
import type { AuditDoc } from '../db/types';
import { batchOf, placeOf } from './batches.views';
import { batchTables, DELIVERY, pickedId, type ClaimDoc, type PickedDoc } from './batches.store';

type H<K extends ActionName<GiftsContract>> = Handler<GiftsContract, K, ActorContext>;

/** One officer's wrong codes at one batch, and everyone's at the batch. */
export const PICKUP_LIMIT: AttemptLimit = { max: 10, lockMs: 10 * 60_000, forgetMs: 3600_000 };
export const BATCH_PICKUP_LIMIT: AttemptLimit = { max: 100, lockMs: 10 * 60_000, forgetMs: 3600_000 };

const CODE_SHAPE = new RegExp(`^[${PICKUP_ALPHABET}]{${PICKUP_CODE_LENGTH}}$`);

/** Picked up already (a second scan, or two officers at once): said with when. */
class Already extends Error {
  constructor(readonly claim: ClaimDoc) {
    super('already picked');
  }
}

export const batchPickup: H<'batchPickup'> = async (input, { db, actor, now }) => {
  const b = await batchOf(db, input.batchId, actor.unionId);
  if (b.status === 'draft') throw new AppError('NOT_ALLOWED', '批次尚未开放');
  if (b.status === 'ended') throw new AppError('NOT_ALLOWED', '本批次已结束发放');
  const code = normalizePickupCode(input.code);
  const mine = `gift-pickup:${b._id}:${actor.openid}`;
  const everyone = `gift-pickup-batch:${b._id}`;
  const taken = await takeAttempt(db, mine, PICKUP_LIMIT, now);
  if (!taken.ok) throw new AppError('RATE_LIMITED', `领取码输错次数过多，请于 ${formatDateTimeZh(taken.until)} 后再试`);
  const shared = await takeAttempt(db, everyone, BATCH_PICKUP_LIMIT, now);
  if (!shared.ok) {
    await releaseAttempt(db, mine);
    throw new AppError('RATE_LIMITED', `本批次领取码输错次数过多，暂停核验至 ${formatDateTimeZh(shared.until)}`);
  }
  const [found] = CODE_SHAPE.test(code) ? await batchTables(db).claims.find({ batchId: b._id, code }, { limit: 1 }) : [];
  if (!found) {
    await Promise.all([failedAttempt(db, mine, taken, PICKUP_LIMIT, now), failedAttempt(db, everyone, shared, BATCH_PICKUP_LIMIT, now)]);
    throw new AppError('NOT_FOUND', '领取码不正确，请核对后重试', [{ path: ['code'], message: '没有这个领取码' }]);
  }
  await Promise.all([releaseAttempt(db, mine), releaseAttempt(db, everyone)]);
  const answer = (c: ClaimDoc, already: boolean) => ({
    name: c.memberName,
    optionName: b.options.find((o) => o.id === c.optionId)?.name ?? '',
    wayLabel: WAY_LABELS[c.way],
    placeName: placeOf(b, c.placeId)?.name ?? '',
    already,
    pickedAt: c.pickedAt ?? now,
  });
  if (found.status === 'reversed') throw new AppError('NOT_ALLOWED', '这份礼品逾期未领取，已经收回');
  if (found.status === 'picked') return answer(found, true);
  try {
    const after = await inTransaction(db, async (tx) => {
      const c = await tx.get<ClaimDoc>('gift_claims', found._id);
      if (!c) throw new AppError('NOT_FOUND', '领取码不正确，请核对后重试');
      if (c.status === 'picked') throw new Already(c);
      if (c.status !== 'chosen') throw new AppError('NOT_ALLOWED', '这份礼品逾期未领取，已经收回');
      if (c.pendingSince) throw new AppError('CONFLICT', '这份礼品正在办理更换或收回，请稍候再登记');
      const picked = await tx.get<PickedDoc>('gift_picked', pickedId(b._id));
      if (!picked) throw new Error(`batch ${b._id} has no pickup counter`);
      const place = c.way === 'delivery' ? DELIVERY : (c.placeId as string);
      const version = c.version + 1;
      const set = { status: 'picked' as const, pickedAt: now, pickedBy: actorRef(actor), version, updatedAt: now };
      await tx.update('gift_claims', c._id, set);
      await tx.update('gift_picked', picked._id, {
        total: picked.total + 1,
        options: { ...picked.options, [c.optionId]: (picked.options[c.optionId] ?? 0) + 1 },
        places: { ...picked.places, [place]: (picked.places[place] ?? 0) + 1 },
      });
      await tx.insert<AuditDoc & { _id: string }>('audit_log', { _id: `${c._id}:picked`, unionId: b.unionId, at: now, actor: actorRef(actor), action: 'gift.pickup', target: { kind: 'gift_claim', id: c._id, label: `${b.title} · ${c.memberName}` }, from: { status: 'chosen' }, to: { summary: `${WAY_LABELS[c.way]}：${b.options.find((o) => o.id === c.optionId)?.name ?? ''}` } });
      return { ...c, ...set };
    });
    return answer(after, false);
  } catch (error) {
    if (error instanceof Already) return answer(error.claim, true);
    throw error;
  }
};
