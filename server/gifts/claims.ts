/**
 * Members choosing a holiday gift (我的福利): one claim per member per batch (`<batch>:<member>`), and every claim is
 * a payout through the policy and the ledger, drawn on the batch's budget reservation.
 *
 * A first choice is ONE transaction (ledger/api recordPayouts with `within`): the option's unit and the place's
 * count taken from their sharded stocks, the claim inserted, the member's year (per-holiday and annual caps decided
 * by the policy engine), the reservation's slot, the ledger entry and its audit record. A gone option is an answer
 * (soldOut: the member is offered the others), never an error; the stock is never oversold (stock.ts).
 *
 * A change of option: the standing entry is reversed first (its slot goes back to the reservation), then the new
 * entry `…:v<n+1>` is recorded in one transaction with the claim (its old option unit and place count given back,
 * the new ones taken, the claim moved to version n+1). If the new option is gone or refused, the old option is
 * recorded again as `…:v<n+1>` (its unit was never given back). So there is never more than one live entry per
 * claim; a claim's units are only ever moved in the transaction that moves the claim; a retry finds either the
 * reversal done (and goes on) or the claim already at n+1 (and answers it). A change of place or address only is
 * one transaction on the claim and the places' counts, with no money moved.
 */
import { randomInt } from 'node:crypto';
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { GiftsContract } from '../../src/core/contracts/gifts';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError } from '../../src/core/errors';
import { PICKUP_ALPHABET, PICKUP_CODE_LENGTH, mayChoose, type Way } from '../../src/core/domain/holidays';
import { FORM_LABELS } from '../../src/core/policy/items';
import { formatYuan } from '../../src/core/money';
import { shanghaiAt } from '../../src/core/time';
import type { Db } from '../db';
import { actorRef } from '../db/audit';
import { inTransaction, type Tx } from '../db/transaction';
import { returnUnit, takeUnit, STOCK_CONTENDED, type StockRef } from '../db/stock';
import { table } from '../db/table';
import type { ActorRef, AuditDoc, MemberDoc } from '../db/types';
import { isReversed, PayoutRefused, recordPayouts, reversePayout, type PayoutRequest } from '../ledger/api';
import { batchFigures, batchOf, memberBatchView } from './batches.views';
import { batchTables, claimEntryId, DELIVERY, giftClaimId, type BatchDoc, type BatchOption, type ClaimDoc, type DeliveryAddress } from './batches.store';

type H<K extends ActionName<GiftsContract>> = Handler<GiftsContract, K, ActorContext>;

/** The option is gone (in this transaction's snapshot). */
class SoldOut extends Error {}
/** The claim is no longer the one this call read (another call moved it): answer it as it stands. */
class Moved extends Error {}

export function newPickupCode(): string {
  return Array.from({ length: PICKUP_CODE_LENGTH }, () => PICKUP_ALPHABET[randomInt(PICKUP_ALPHABET.length)]).join('');
}

export interface Choice {
  option: BatchOption;
  way: Way;
  placeId: string | null;
  address: DeliveryAddress | null;
}

/** The count a way and place is kept in: the place's, or delivery's. */
function placeRef(b: BatchDoc, c: Pick<Choice, 'way' | 'placeId'>): StockRef {
  const ref = c.way === 'delivery' ? b.deliveryRef : b.places.find((p) => p.id === c.placeId)?.ref;
  if (!ref) throw new Error(`batch ${b._id} has no count for ${c.way === 'delivery' ? DELIVERY : String(c.placeId)}`);
  return ref;
}

function request(b: BatchDoc, member: MemberDoc, entryId: string, option: BatchOption, by: ActorRef, now: Date, byDefault: boolean): PayoutRequest {
  return {
    unionId: b.unionId,
    entryId,
    reservationId: b.reservationId as string,
    // The holiday's day, at noon in Shanghai: the gift belongs to the holiday's year (its policy and annual cap).
    proposal: { item: 'holiday_gift', holiday: b.holiday, amountFen: option.unitFen, form: option.form, at: shanghaiAt(b.holidayDate, '12:00') },
    member,
    note: `${b.title}：${option.name}${byDefault ? '（未选择，按批次规则默认发放）' : ''}`,
    approvedBy: by,
    now,
    audit: (entry) => ({
      actor: by,
      action: byDefault ? 'gift.default' : 'gift.claim',
      target: { kind: 'gift_claim', id: entry._id, label: `${b.title} · ${member.name}` },
      from: null,
      to: { amountFen: entry.amountFen, summary: `${option.name} ${formatYuan(entry.amountFen)} 元（${FORM_LABELS[option.form]}），依据：${entry.rule.source}` },
    }),
  };
}

export type ChoiceOutcome = { result: 'chosen' | 'changed' | 'unchanged'; claim: ClaimDoc } | { result: 'soldOut'; claim: ClaimDoc | null };

/** The first choice of a member in a batch (or the fallback the daily job gives). */
export async function firstChoice(db: Db, b: BatchDoc, member: MemberDoc, choice: Choice, by: ActorRef, now: Date, byDefault = false): Promise<ChoiceOutcome> {
  const claimId = giftClaimId(b._id, member._id);
  const entryId = claimEntryId(claimId, 1);
  const option = choice.option;
  let written: ClaimDoc | null = null;
  try {
    const [paid] = await recordPayouts(db, b.unionId, [request(b, member, entryId, option, by, now, byDefault)], async (tx) => {
      written = null;
      if (await tx.get<ClaimDoc>('gift_claims', claimId)) throw new Moved();
      const optionShard = await takeUnit(tx, option.ref as StockRef, now);
      if (optionShard === null) throw new SoldOut();
      const placeShard = await takeUnit(tx, placeRef(b, choice), now);
      if (placeShard === null) throw new Error(`batch ${b._id}: a place count ran out`);
      const doc: ClaimDoc = {
        _id: claimId,
        unionId: b.unionId,
        batchId: b._id,
        memberId: member._id,
        memberName: member.name,
        department: member.department,
        optionId: option.id,
        way: choice.way,
        placeId: choice.way === 'pickup' ? choice.placeId : null,
        address: choice.way === 'delivery' ? choice.address : null,
        optionShard,
        placeShard,
        entryId,
        amountFen: option.unitFen,
        version: 1,
        code: newPickupCode(),
        status: 'chosen',
        byDefault,
        pickedAt: null,
        pickedBy: null,
        pendingSince: null,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert('gift_claims', doc);
      written = doc;
    });
    if (!paid.repeated && written) return { result: 'chosen', claim: written };
  } catch (error) {
    if (error instanceof SoldOut) return { result: 'soldOut', claim: null };
    if (!(error instanceof Moved)) throw error;
  }
  // Chosen already (a second tap, a retry): the claim as it stands.
  const current = await batchTables(db).claims.byId(claimId);
  if (!current) throw new AppError('CONFLICT', '同时办理的人较多，请稍后重试');
  return { result: 'unchanged', claim: current };
}

/** The claim at `seen.version` in the transaction, or Moved. */
async function claimAt(tx: Tx, seen: ClaimDoc): Promise<ClaimDoc> {
  const c = await tx.get<ClaimDoc>('gift_claims', seen._id);
  if (!c || c.version !== seen.version || c.status !== 'chosen') throw new Moved();
  return c;
}

function sameChoice(c: ClaimDoc, choice: Choice): boolean {
  return c.optionId === choice.option.id && c.way === choice.way && c.placeId === (choice.way === 'pickup' ? choice.placeId : null) && JSON.stringify(c.address) === JSON.stringify(choice.way === 'delivery' ? choice.address : null);
}

/** Move a claim's place count: give back the old one, take the new one (inside tx). */
async function movePlace(tx: Tx, b: BatchDoc, c: ClaimDoc, choice: Choice, now: Date): Promise<number> {
  await returnUnit(tx, placeRef(b, c), c.placeShard, now);
  const shard = await takeUnit(tx, placeRef(b, choice), now);
  if (shard === null) throw new Error(`batch ${b._id}: a place count ran out`);
  return shard;
}

const placeFields = (choice: Choice) => ({ way: choice.way, placeId: choice.way === 'pickup' ? choice.placeId : null, address: choice.way === 'delivery' ? choice.address : null });

/** Reverse a claim's standing entry; one reversed already (a change cut short, a retry) is left as it is. */
async function reverseStanding(db: Db, b: BatchDoc, member: Pick<MemberDoc, 'name'>, c: ClaimDoc, why: string, by: ActorRef, now: Date): Promise<void> {
  if (await isReversed(db, b.unionId, c.entryId)) return;
  try {
    await reversePayout(db, {
      unionId: b.unionId,
      entryId: c.entryId,
      reason: `会员更换礼品：${why}`,
      approvedBy: by,
      now,
      audit: (r) => ({ actor: by, action: 'gift.change', target: { kind: 'gift_claim', id: c._id, label: `${b.title} · ${member.name}` }, from: { entryId: c.entryId, amountFen: -r.amountFen }, to: { summary: `${why}，原礼品冲正 ${formatYuan(-r.amountFen)} 元` } }),
    });
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'CONFLICT' && /冲正过/.test(error.message))) throw error;
  }
}

/**
 * Record the claim's gift as entry v<n+1>, in one transaction with the claim moved to version n+1: to `choice`'s
 * option and place (its old unit and place count given back, the new ones taken), or, with no choice, the same
 * option again (its unit never left). Null when the entry was recorded by another call (answer the claim as it is).
 */
async function recordClaim(db: Db, b: BatchDoc, member: MemberDoc, seen: ClaimDoc, option: BatchOption, choice: Choice | null, by: ActorRef, now: Date): Promise<ClaimDoc | null> {
  const version = seen.version + 1;
  const entryId = claimEntryId(seen._id, version);
  let after: ClaimDoc | null = null;
  const [paid] = await recordPayouts(db, b.unionId, [request(b, member, entryId, option, by, now, choice ? false : seen.byDefault)], async (tx) => {
    after = null;
    const c = await claimAt(tx, seen);
    const set: Partial<ClaimDoc> = { entryId, amountFen: option.unitFen, version, updatedAt: now, pendingSince: null };
    if (choice) {
      const old = b.options.find((o) => o.id === c.optionId);
      if (!old?.ref) throw new Error(`batch ${b._id} has no option ${c.optionId}`);
      await returnUnit(tx, old.ref, c.optionShard, now);
      const shard = await takeUnit(tx, option.ref as StockRef, now);
      if (shard === null) throw new SoldOut();
      Object.assign(set, { optionId: option.id, optionShard: shard, placeShard: await movePlace(tx, b, c, choice, now), byDefault: false, ...placeFields(choice) });
    }
    await tx.update('gift_claims', c._id, set);
    after = { ...c, ...set };
  });
  return paid.repeated ? null : after;
}

/** A change older than this and still marked was cut short (a crash, a timeout): it is mended, not waited for. */
export const PENDING_STALE_MS = 60_000;

/**
 * Mend a claim whose change was cut short between its steps: its entry is reversed (if it was not) and its gift,
 * which never left it, recorded again — so it has exactly one live entry. A claim not marked is returned as it is.
 */
export async function repairClaim(db: Db, b: BatchDoc, c: ClaimDoc, by: ActorRef, now: Date): Promise<ClaimDoc> {
  if (!c.pendingSince || c.status !== 'chosen') return c;
  const member = await table<MemberDoc>(db, 'members').byId(c.memberId);
  if (!member) return c;
  const option = b.options.find((o) => o.id === c.optionId) as BatchOption;
  await reverseStanding(db, b, member, c, '更换未完成，恢复原礼品', by, now);
  try {
    await recordClaim(db, b, member, c, option, null, by, now);
  } catch (error) {
    if (!(error instanceof Moved)) throw error;
  }
  return (await batchTables(db).claims.byId(c._id)) ?? c;
}

/** Change a member's choice until the deadline (see the file's comment). */
export async function changeChoice(db: Db, b: BatchDoc, member: MemberDoc, seen: ClaimDoc, choice: Choice, by: ActorRef, now: Date): Promise<ChoiceOutcome> {
  if (sameChoice(seen, choice)) return { result: 'unchanged', claim: seen };
  const current = async (): Promise<ChoiceOutcome> => {
    const c = await batchTables(db).claims.byId(seen._id);
    if (!c) throw new AppError('CONFLICT', '同时办理的人较多，请稍后重试');
    return { result: sameChoice(c, choice) ? 'changed' : 'unchanged', claim: c };
  };
  const version = seen.version + 1;
  const summary = (c: ClaimDoc, opt: string) => ({ optionId: c.optionId, way: c.way, placeId: c.placeId, summary: opt });

  // The same gift, another place or address: no money moves.
  if (seen.optionId === choice.option.id) {
    try {
      const after = await inTransaction(
        db,
        async (tx) => {
          const c = await claimAt(tx, seen);
          // A change of gift under way finishes first (its record would otherwise find the claim moved).
          if (c.pendingSince) throw new Moved();
          const placeShard = await movePlace(tx, b, c, choice, now);
          const set = { ...placeFields(choice), placeShard, version, updatedAt: now };
          await tx.update('gift_claims', c._id, set);
          await tx.insert<AuditDoc & { _id: string }>('audit_log', { _id: `${c._id}:v${version}:audit`, unionId: b.unionId, at: now, actor: by, action: 'gift.change', target: { kind: 'gift_claim', id: c._id, label: `${b.title} · ${member.name}` }, from: summary(c, '更换领取方式'), to: { way: choice.way, placeId: set.placeId, summary: '更换领取地点或方式' } });
          return { ...c, ...set };
        },
        STOCK_CONTENDED,
      );
      return { result: 'changed', claim: after };
    } catch (error) {
      if (error instanceof Moved) return current();
      throw error;
    }
  }

  // Another gift. The claim is marked first (so a change cut short is found and mended: repairClaim), then the
  // standing entry is reversed (a retry finds it reversed already, and goes on), then the new one is recorded.
  const marked = await batchTables(db).claims.updateWhere({ _id: seen._id, version: seen.version, status: 'chosen' }, { pendingSince: now });
  if (marked !== 1) return current();
  await reverseStanding(db, b, member, seen, `更换为「${choice.option.name}」`, by, now);
  try {
    const after = await recordClaim(db, b, member, seen, choice.option, choice, by, now);
    return after ? { result: 'changed', claim: after } : current();
  } catch (error) {
    if (error instanceof Moved) return current();
    if (!(error instanceof SoldOut || error instanceof PayoutRefused)) throw error;
    // The new gift is gone or refused: the old one is recorded again (its unit never left the claim).
    const old = b.options.find((o) => o.id === seen.optionId) as BatchOption;
    try {
      await recordClaim(db, b, member, seen, old, null, by, now);
    } catch (again) {
      if (!(again instanceof Moved)) throw again;
    }
    if (error instanceof SoldOut) return { result: 'soldOut', claim: (await batchTables(db).claims.byId(seen._id)) ?? seen };
    throw new AppError('POLICY_REFUSED', `未能更换：${error.message}。您原来选择的礼品保持不变。`);
  }
}

/** What the member sent, checked against the batch: an option and a place of THIS batch. */
function choiceOf(b: BatchDoc, input: { optionId: string; way: Way; placeId: string | null; address: DeliveryAddress | null }): Choice {
  const option = b.options.find((o) => o.id === input.optionId);
  if (!option) throw new AppError('VALIDATION_FAILED', '这不是本批次的礼品，请重新选择', [{ path: ['optionId'], message: '请从本批次的礼品中选择' }]);
  if (input.way === 'delivery' && !b.delivery) throw new AppError('VALIDATION_FAILED', '本批次不提供送货上门，请选择领取地点', [{ path: ['way'], message: '不提供送货上门' }]);
  if (input.way === 'pickup' && !b.places.some((p) => p.id === input.placeId)) {
    throw new AppError('VALIDATION_FAILED', '这不是本批次的领取地点，请重新选择', [{ path: ['placeId'], message: '请从本批次的领取地点中选择' }]);
  }
  return { option, way: input.way, placeId: input.way === 'pickup' ? input.placeId : null, address: input.way === 'delivery' ? input.address : null };
}

function memberOf(actor: ActorContext['actor']): MemberDoc {
  if (!actor.member) throw new AppError('FORBIDDEN', '只有本工会会员可以领取节日慰问品');
  return actor.member;
}

/** Batches a member sees: open ones, and closed ones while gifts are picked up. */
async function visibleBatch(db: Db, batchId: string, unionId: string): Promise<BatchDoc> {
  const b = await batchOf(db, batchId, unionId);
  if (b.status === 'draft') throw new AppError('NOT_FOUND', '没有找到这个慰问品批次');
  return b;
}

export const claimHome: H<'claimHome'> = async (_input, { db, actor, now }) => {
  const member = memberOf(actor);
  const batches = (await batchTables(db).batches.find({ unionId: actor.unionId, status: db.command.in(['open', 'closed']) }, { orderBy: [['closesAt', 'desc']], limit: 10 })).filter((b) => b.status === 'open' || now.getTime() - b.closesAt.getTime() < 60 * 24 * 3600_000);
  const claims = batches.length ? await batchTables(db).claims.find({ _id: db.command.in(batches.map((b) => giftClaimId(b._id, member._id))) }, { limit: batches.length }) : [];
  const mine = new Map(claims.map((c) => [c.batchId, c]));
  return { items: await Promise.all(batches.map(async (b) => ({ batch: await memberBatchView(db, b, mine.get(b._id) ?? null, now) }))) };
};

export const claimBatch: H<'claimBatch'> = async (input, { db, actor, now }) => {
  const member = memberOf(actor);
  const b = await visibleBatch(db, input.batchId, actor.unionId);
  return memberBatchView(db, b, await batchTables(db).claims.byId(giftClaimId(b._id, member._id)), now);
};

export const claimChoose: H<'claimChoose'> = async (input, { db, actor, now }) => {
  const member = memberOf(actor);
  const b = await visibleBatch(db, input.batchId, actor.unionId);
  const choice = choiceOf(b, input);
  if (!mayChoose(b.status, b.closesAt, now)) throw new AppError('NOT_ALLOWED', `${b.title}已于 ${b.closesOn} 截止选择`);
  const found = await batchTables(db).claims.byId(giftClaimId(b._id, member._id));
  // A change of this claim cut short a while ago is mended first (one in flight now is left to finish).
  const seen = found?.pendingSince && now.getTime() - found.pendingSince.getTime() >= PENDING_STALE_MS ? await repairClaim(db, b, found, actorRef(actor), now) : found;
  if (seen && seen.status !== 'chosen') throw new AppError('NOT_ALLOWED', '您的礼品已领取，不能再更换');
  const by = actorRef(actor);
  // A gone option is said at once, from one read of its shards, without a transaction that would read them all.
  const figures = await batchFigures(db, b);
  const goneNow = choice.option.stock !== null && seen?.optionId !== choice.option.id && (figures.get(choice.option.ref?.id ?? '')?.left ?? 1) === 0;
  let outcome: ChoiceOutcome;
  try {
    outcome = goneNow ? { result: 'soldOut', claim: seen } : seen ? await changeChoice(db, b, member, seen, choice, by, now) : await firstChoice(db, b, member, choice, by, now);
  } catch (error) {
    if (error instanceof PayoutRefused) throw new AppError('POLICY_REFUSED', `未能领取：${error.message}`);
    throw error;
  }
  const view = await memberBatchView(db, b, outcome.claim, now);
  const left = view.options.filter((o) => !o.soldOut && o.id !== choice.option.id).map((o) => `「${o.name}」`);
  const message =
    outcome.result === 'soldOut'
      ? `「${choice.option.name}」已经领完了${left.length ? `，还可以选择${left.join('、')}` : ''}${seen ? '；您原来的选择保持不变' : ''}`
      : outcome.result === 'unchanged'
        ? '您已选择这份礼品'
        : `已选择「${choice.option.name}」，${b.closesOn} 截止前可以更换`;
  return { result: outcome.result, message, batch: view };
};

