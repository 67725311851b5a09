/**
 * What the batch handlers share: a batch of the caller's union, the policy's rule for its holiday, the eligible
 * members, the live figures of its stocks (one query for all of them), and the views members and officers read.
 */
import { AppError } from '../../src/core/errors';
import { formatYuan } from '../../src/core/money';
import { BATCH_STATUS_LABELS, CLAIM_STATUS_LABELS, batchStatusLabel, mayChoose, pickupCodeText, pickupQrPayload, WAY_LABELS } from '../../src/core/domain/holidays';
import { FORM_LABELS, HOLIDAY_LABELS, type Holiday } from '../../src/core/policy/items';
import type { ItemRule, PolicyProfile } from '../../src/core/policy/profile';
import type { AdminBatchData, ClaimData, MemberBatchData } from '../../src/core/contracts/giftsBatches';
import { shanghaiDateKey } from '../../src/core/time';
import type { Db } from '../db';
import { policyProfile } from '../ledger/api';
import { tempUrls } from '../db/files';
import type { StockShardDoc } from '../db/stock';
import { table } from '../db/table';
import type { MemberDoc } from '../db/types';
import { batchTables, DELIVERY, type BatchDoc, type BatchPlace, type ClaimDoc, type PickedDoc } from './batches.store';

/** A batch of the caller's union; another union's batch reads as one that does not exist. */
export async function batchOf(db: Db, batchId: string, unionId: string): Promise<BatchDoc> {
  const b = await batchTables(db).batches.byId(batchId);
  if (!b || b.unionId !== unionId) throw new AppError('NOT_FOUND', '没有找到这个慰问品批次');
  return b;
}

/**
 * The union's policy profile of a year. The ledger owns the policies and has no reader in its api yet: this reads
 * its collection by the ledger's id (`<union>:<year>`, ledger/store policyId) — to move behind ledger/api.ts.
 */
export async function policyOf(db: Db, unionId: string, year: number): Promise<PolicyProfile | null> {
  return policyProfile(db, unionId, year);
}

/** The holiday's rule in the policy, or why there is none (a sentence officers read). */
export function holidayRule(policy: PolicyProfile | null, holiday: Holiday, year: number): { rule: ItemRule } | { refusal: string } {
  if (!policy) return { refusal: `尚未设置 ${year} 年度政策，请先在「年度政策」中设置` };
  const rule = policy.holidays[holiday];
  if (!rule) return { refusal: `本工会 ${year} 年度政策未安排${HOLIDAY_LABELS[holiday]}慰问品` };
  return { rule };
}

/** Members the policy lets receive holiday gifts: not transferred, retirees if the policy says so, dues paid if required. */
export function eligibleMember(policy: PolicyProfile, m: Pick<MemberDoc, 'status' | 'duesPaid'>, rule: ItemRule): boolean {
  if (m.status === 'transferred') return false;
  if (m.status === 'retired' && (!policy.eligibility.retireesEligible || rule.inServiceOnly)) return false;
  if (policy.eligibility.requireDuesPaid && !m.duesPaid) return false;
  return true;
}

export async function eligibleMembers(db: Db, b: BatchDoc, policy: PolicyProfile, rule: ItemRule): Promise<MemberDoc[]> {
  const all = await table<MemberDoc>(db, 'members').findAll({ unionId: b.unionId });
  return all.filter((m) => eligibleMember(policy, m, rule));
}

export interface Figures {
  total: number;
  taken: number;
  left: number;
}

/** Every stock of a batch (options, places, delivery) in ONE query of their shards. */
export async function batchFigures(db: Db, b: BatchDoc): Promise<Map<string, Figures>> {
  const ids = [...b.options.map((o) => o.ref?.id), ...b.places.map((p) => p.ref?.id), b.deliveryRef?.id].filter((x): x is string => Boolean(x));
  const out = new Map<string, Figures>();
  if (ids.length === 0) return out;
  const shards = await table<StockShardDoc>(db, 'stock_shards').find({ stock: db.command.in(ids) }, { limit: 1000 });
  for (const s of shards) {
    const f = out.get(s.stock) ?? { total: 0, taken: 0, left: 0 };
    out.set(s.stock, { total: f.total + s.total, taken: f.taken + s.taken, left: f.left + (s.open ? s.total - s.taken : 0) });
  }
  return out;
}

export function fallbackText(b: BatchDoc): string {
  const o = b.options.find((x) => x.id === b.fallbackOptionId);
  return o ? `截止时未选择的会员，默认发放「${o.name}」` : '截止时未选择的会员，视为放弃本次慰问品';
}

/** Where a claim is picked up: a place of the batch, or delivery. */
export function placeOf(b: BatchDoc, placeId: string | null): BatchPlace | null {
  return placeId ? (b.places.find((p) => p.id === placeId) ?? null) : null;
}

export function claimView(b: BatchDoc, c: ClaimDoc): ClaimData {
  const o = b.options.find((x) => x.id === c.optionId);
  const p = placeOf(b, c.placeId);
  return {
    id: c._id,
    batchId: b._id,
    batchTitle: b.title,
    optionId: c.optionId,
    optionName: o?.name ?? '',
    unitFen: c.amountFen,
    way: c.way,
    wayLabel: WAY_LABELS[c.way],
    placeId: c.placeId,
    placeName: p?.name ?? null,
    placeTimes: p?.times ?? null,
    address: c.address,
    code: c.code,
    codeText: pickupCodeText(c.code),
    qr: pickupQrPayload(c.code),
    status: c.status,
    statusLabel: CLAIM_STATUS_LABELS[c.status],
    byDefault: c.byDefault,
    pickupEndsOn: b.pickupEndsOn,
    pickedAt: c.pickedAt,
    updatedAt: c.updatedAt,
  };
}

async function photoUrls(b: BatchDoc): Promise<Map<string, string>> {
  const ids = b.options.map((o) => o.photo).filter((x): x is string => Boolean(x));
  return ids.length ? tempUrls(ids).catch(() => new Map<string, string>()) : new Map<string, string>();
}

function core(b: BatchDoc, now: Date) {
  return {
    id: b._id,
    title: b.title,
    holiday: b.holiday,
    holidayLabel: HOLIDAY_LABELS[b.holiday],
    year: b.year,
    holidayDate: b.holidayDate,
    note: b.note,
    status: b.status,
    statusLabel: batchStatusLabel(b.status, b.closesAt, now),
    closesOn: b.closesOn,
    closesAt: b.closesAt,
    pickupEndsOn: b.pickupEndsOn,
    mayChoose: mayChoose(b.status, b.closesAt, now),
    delivery: b.delivery,
    fallbackText: fallbackText(b),
    fallbackOptionId: b.fallbackOptionId,
  };
}

function optionsOf(b: BatchDoc, figures: Map<string, Figures>, urls: Map<string, string>) {
  return b.options.map((o) => {
    const f = o.ref ? figures.get(o.ref.id) : undefined;
    const left = o.stock === null || !f ? null : f.left;
    return {
      id: o.id,
      name: o.name,
      description: o.description,
      photo: o.photo,
      photoUrl: o.photo ? (urls.get(o.photo) ?? null) : null,
      unitFen: o.unitFen,
      form: o.form,
      formLabel: FORM_LABELS[o.form],
      stock: o.stock,
      left,
      soldOut: left === 0,
      chosen: f?.taken ?? 0,
    };
  });
}

export async function memberBatchView(db: Db, b: BatchDoc, mine: ClaimDoc | null, now: Date, known?: Map<string, Figures>): Promise<MemberBatchData> {
  const [figures, urls] = await Promise.all([known ?? batchFigures(db, b), photoUrls(b)]);
  return {
    ...core(b, now),
    options: optionsOf(b, figures, urls),
    places: b.places.map((p) => ({ id: p.id, name: p.name, times: p.times })),
    mine: mine ? claimView(b, mine) : null,
  };
}

export async function adminBatchView(db: Db, b: BatchDoc, now: Date, capFen: number | null): Promise<AdminBatchData> {
  const [figures, urls, picked] = await Promise.all([batchFigures(db, b), photoUrls(b), batchTables(db).picked.byId(`${b._id}:picked`)]);
  const p: PickedDoc = picked ?? { _id: '', unionId: b.unionId, total: 0, options: {}, places: {} };
  const options = optionsOf(b, figures, urls).map((o) => ({ ...o, picked: p.options[o.id] ?? 0 }));
  const chosen = options.reduce((s, o) => s + o.chosen, 0);
  const deliveryFigures = b.deliveryRef ? figures.get(b.deliveryRef.id) : undefined;
  const pickupEnded = shanghaiDateKey(now) > b.pickupEndsOn;
  const can: AdminBatchData['can'] = [];
  if (b.status === 'draft') can.push('edit', 'open');
  if (b.status === 'open' || b.status === 'closed') can.push('pickup', 'export', 'unpicked');
  if (b.status === 'ended') can.push('export', 'unpicked');
  if (b.status === 'closed' && pickupEnded) can.push('reverseUnpicked');
  const drawn = options.reduce((s, o) => s + o.chosen * o.unitFen, 0);
  return {
    ...core(b, now),
    options,
    places: b.places.map((pl) => ({ id: pl.id, name: pl.name, times: pl.times, chosen: (pl.ref ? figures.get(pl.ref.id)?.taken : 0) ?? 0, picked: p.places[pl.id] ?? 0 })),
    deliveryTally: b.delivery ? { id: DELIVERY, name: WAY_LABELS.delivery, chosen: deliveryFigures?.taken ?? 0, picked: p.places[DELIVERY] ?? 0 } : null,
    eligible: b.eligible,
    chosen,
    picked: p.total,
    reservedFen: b.reservedFen,
    // While open, what the claims standing now hold (option units × their value); the ledger is the record.
    drawnFen: b.status === 'draft' ? null : drawn,
    fallbackApplied: b.fallbackApplied,
    unpickedReversed: b.unpickedReversed,
    policyCapFen: capFen,
    can,
  };
}

export const batchRow = (b: BatchDoc, now: Date) => ({
  id: b._id,
  title: b.title,
  holidayLabel: HOLIDAY_LABELS[b.holiday],
  holidayDate: b.holidayDate,
  status: b.status,
  statusLabel: b.status === 'open' ? batchStatusLabel(b.status, b.closesAt, now) : BATCH_STATUS_LABELS[b.status],
  closesOn: b.closesOn,
  optionCount: b.options.length,
});

/** "中秋节慰问品 · 月饼礼盒 300.00 元". */
export const giftLine = (b: BatchDoc, optionName: string, fen: number) => `${b.title} · ${optionName} ${formatYuan(fen)} 元`;
