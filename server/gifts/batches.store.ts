/**
 * Holiday gift batches, options' stock and members' claims: documents, collections, indexes, ids.
 *
 * A batch's counters are sharded stocks (server/db/stock.ts), never a field of the batch: each option has one (its
 * units; an unlimited option gets one unit per eligible member), each pickup place and delivery has one (how many
 * chose it), so the tallies officers see are read from the shards, and a member's choice writes one shard of each
 * in the same transaction as the claim and its payout. Pickups are counted on the batch's `picked` document, which
 * only officers at a table write.
 */
import { createHash } from 'node:crypto';
import type { BatchStatus, ClaimStatus, Way } from '../../src/core/domain/holidays';
import type { Form, Holiday } from '../../src/core/policy/items';
import type { DateKey } from '../../src/core/time';
import type { ActorRef } from '../db/types';
import type { CollectionSpec } from '../db/collections';
import type { Db } from '../db';
import type { StockRef } from '../db/stock';
import { table } from '../db/table';

export interface BatchOption {
  /** `o1` … in the order created; kept when the draft is edited. */
  id: string;
  name: string;
  description: string;
  /** The photo copied into the batch's folder, or null. */
  photo: string | null;
  unitFen: number;
  form: Form;
  /** Units in stock; null = unlimited. */
  stock: number | null;
  /** Its stock's ref, from opening on. */
  ref: StockRef | null;
}

export interface BatchPlace {
  /** `p1` …; delivery is the pseudo-place DELIVERY. */
  id: string;
  name: string;
  times: string;
  ref: StockRef | null;
}

export interface BatchDoc {
  /** giftBatchId(union, requestKey). */
  _id: string;
  unionId: string;
  holiday: Holiday;
  year: number;
  holidayDate: DateKey;
  title: string;
  note: string;
  closesOn: DateKey;
  closesAt: Date;
  pickupEndsOn: DateKey;
  options: BatchOption[];
  places: BatchPlace[];
  delivery: boolean;
  /** Its count of members who chose delivery, from opening on. */
  deliveryRef: StockRef | null;
  /** The option members who do not choose get, or null (nothing). */
  fallbackOptionId: string | null;
  status: BatchStatus;
  /** The ledger reservation's id (`gift-batch:<batch id>`) and its figures, from opening on. */
  reservationId: string | null;
  eligible: number | null;
  reservedFen: number | null;
  /** After the deadline: how many were given the fallback option (set once, by the daily job). */
  fallbackApplied: number | null;
  unpickedReversed: number | null;
  /** Bumped by every change of the batch document: its audit record is `<id>:v<version>`. */
  version: number;
  createdBy: ActorRef;
  createdAt: Date;
  openedAt: Date | null;
  updatedAt: Date;
}

export interface DeliveryAddress {
  name: string;
  phone: string;
  address: string;
}

export interface ClaimDoc {
  /** giftClaimId(batch, member): one claim per member per batch. */
  _id: string;
  unionId: string;
  batchId: string;
  memberId: string;
  /** For the distribution list (a roster name may change later; the list is of the day). */
  memberName: string;
  department: string;
  optionId: string;
  way: Way;
  placeId: string | null;
  /** Delivery only: read by officers with gifts.manage and the member. */
  address: DeliveryAddress | null;
  /** The shards the claim's option unit and place count were taken from (to give them back on a change). */
  optionShard: number;
  placeShard: number;
  /** The ledger entry of the gift as it stands, `<claim id>:v<version>`. */
  entryId: string;
  amountFen: number;
  version: number;
  code: string;
  status: ClaimStatus;
  byDefault: boolean;
  pickedAt: Date | null;
  pickedBy: ActorRef | null;
  /** Set while a change of gift is under way (claims.ts): a claim still marked a minute later is mended. */
  pendingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Pickups counted per option and place (written by the pickup's transaction). */
export interface PickedDoc {
  /** `<batch id>:picked`. */
  _id: string;
  unionId: string;
  total: number;
  options: Record<string, number>;
  places: Record<string, number>;
}

declare module '../db/collections' {
  interface CollectionNames {
    gift_batches: true;
    gift_claims: true;
    gift_picked: true;
  }
}

export const BATCH_COLLECTIONS: Record<'gift_batches' | 'gift_claims' | 'gift_picked', CollectionSpec> = {
  gift_batches: {
    purpose: '节日慰问品批次：节日与日期、礼品选项（图片、单价、形式、库存）、领取地点与送货、未选择者的默认礼品、状态、预算预留；_id = 工会ID:b:（提交键摘要）',
    indexes: [
      { name: 'union_created', keys: { unionId: 1, createdAt: -1 } },
      { name: 'union_status', keys: { unionId: 1, status: 1 } },
      // The daily job: open batches whose deadline passed, across unions.
      { name: 'status_closesAt', keys: { status: 1, closesAt: 1 } },
    ],
  },
  gift_claims: {
    purpose: '会员的节日慰问品选择：_id = 批次ID:会员ID（每人每批次一条）；礼品、领取地点或送货地址（仅工会干部可见）、领取码、台账记录、领取状态',
    indexes: [
      { name: 'batch_code', keys: { batchId: 1, code: 1 } },
      { name: 'batch_status', keys: { batchId: 1, status: 1 } },
      { name: 'member_batch', keys: { memberId: 1, batchId: 1 } },
      // The daily job: changes cut short, to mend before the batch closes.
      { name: 'batch_pending', keys: { batchId: 1, pendingSince: 1 } },
    ],
  },
  gift_picked: {
    purpose: '节日慰问品已领取数（按礼品、按地点）：_id = 批次ID:picked',
    indexes: [],
  },
};

/** A batch's id: the union and a digest of the form's request key (the same form sent twice is one batch). */
export const giftBatchId = (unionId: string, requestKey: string) => `${unionId}:b:${createHash('sha256').update(requestKey).digest('hex').slice(0, 16)}`;
export const giftClaimId = (batchId: string, memberId: string) => `${batchId}:${memberId}`;
export const claimEntryId = (claimId: string, version: number) => `gift:${claimId}:v${version}`;
export const pickedId = (batchId: string) => `${batchId}:picked`;
export const batchReservationId = (batchId: string) => `gift-batch:${batchId}`;
export const optionStockId = (batchId: string, optionId: string) => `gift:${batchId}:o:${optionId}`;
export const placeStockId = (batchId: string, placeId: string) => `gift:${batchId}:p:${placeId}`;
/** Delivery's count, as a pseudo-place. */
export const DELIVERY = 'delivery';

export function batchTables(db: Db) {
  return {
    batches: table<BatchDoc>(db, 'gift_batches'),
    claims: table<ClaimDoc>(db, 'gift_claims'),
    picked: table<PickedDoc>(db, 'gift_picked'),
  };
}
