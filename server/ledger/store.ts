/** The ledger's documents, collections and ids: policies, budgets, the append-only ledger and members' years. */
import type { BudgetLine, Form, Holiday, Item } from '../../src/core/policy/items';
import type { PolicyProfile } from '../../src/core/policy/profile';
import type { ActorRef } from '../db/types';
import type { StockRef } from '../db/stock';
import type { CollectionSpec } from '../db/collections';
import type { Db } from '../db';
import { table } from '../db/table';

export interface PolicyDoc {
  _id: string;
  unionId: string;
  year: number;
  profile: PolicyProfile;
  updatedAt: Date;
  updatedBy: string;
}

export interface BudgetDoc {
  _id: string;
  unionId: string;
  year: number;
  line: BudgetLine;
  amountFen: number;
  /** Net spending recorded in the ledger (reversals subtract), kept in the same transaction as each entry. */
  spentFen: number;
  /** Payouts not reversed. */
  count: number;
  /**
   * Held for open batches (./reservations.ts): the whole of each open reservation, what has been drawn from it
   * included, until the batch is settled. Absent on lines written before reservations existed (= 0).
   * Available = amountFen − spentFen − reservedFen.
   */
  reservedFen?: number;
  /** The open reservations on this line (key and stock), so that a reader finds their shards by id (report). */
  openReservations?: { id: string; stock: StockRef }[];
  updatedAt: Date;
}

export interface LedgerDoc {
  _id: string;
  unionId: string;
  year: number;
  line: BudgetLine;
  item: Item;
  holiday: Holiday | null;
  memberId: string | null;
  memberName: string | null;
  eventId: string | null;
  amountFen: number;
  form: Form;
  rule: { id: string; source: string };
  approvedBy: ActorRef;
  note: string;
  illnessKey: string | null;
  /** The entry this one reverses (a correction); its amount is the negated original. */
  reverses: string | null;
  /**
   * The batch reservation this payout drew on and the shard it took its slot from (./reservations.ts); absent or
   * null for a payout on the budget line itself. A reversal carries its original's.
   */
  reservation?: { id: string; shard: number } | null;
  at: Date;
  recordedAt: Date;
}

/** A member's entries of one year, compact: what the policy engine needs, read and written in one transaction. */
export interface MemberYearDoc {
  _id: string;
  unionId: string;
  memberId: string;
  year: number;
  facts: { id: string; item: Item; holiday: Holiday | null; amountFen: number; at: Date; illnessKey: string | null; reverses: string | null }[];
}

/**
 * A batch's budget, reserved once on the line (./reservations.ts): `slots` payouts of at most `unitMaxFen` each.
 * Its slots and what was drawn live in its shards; this head is written when reserving and when settling only.
 */
export interface ReservationDoc {
  /** reservationKey(unionId, reservationId) */
  _id: string;
  unionId: string;
  /** The caller's deterministic id, e.g. `gift-batch:<batch id>`. */
  reservationId: string;
  year: number;
  line: BudgetLine;
  label: string;
  slots: number;
  unitMaxFen: number;
  /** slots × unitMaxFen: what the line holds for this batch while it is open. */
  reservedFen: number;
  /** Its slots, as a sharded stock (server/db/stock.ts): each payout takes one unit and adds its amount. */
  stock: StockRef;
  status: 'open' | 'settled';
  createdAt: Date;
  createdBy: ActorRef;
  /** Set when settled: what was given (moved into the line's spending) and what went back to the line. */
  settled: { at: Date; by: ActorRef; drawnFen: number; count: number; releasedFen: number } | null;
}

declare module '../db/collections' {
  /** This area's collection names, so that `table()` and transactions refuse a misspelt one. */
  interface CollectionNames {
    policies: true; budgets: true; ledger: true; member_years: true; budget_reservations: true;
  }
}

type LedgerCollection = 'policies' | 'budgets' | 'ledger' | 'member_years' | 'budget_reservations';

export const LEDGER_COLLECTIONS: Record<LedgerCollection, CollectionSpec> = {
  policies: {
    purpose: '各工会年度政策：_id = 工会ID:年度',
    indexes: [],
  },
  budgets: {
    purpose: '年度预算与已支出：_id = 工会ID:年度:预算科目；已支出与笔数随台账在同一事务内更新',
    indexes: [{ name: 'union_year', keys: { unionId: 1, year: 1 } }],
  },
  ledger: {
    purpose: '经费台账（只追加）：每笔支出或实物，冲正为一笔反向记录',
    indexes: [
      { name: 'union_year_at', keys: { unionId: 1, year: 1, at: -1 } },
      { name: 'union_member_year', keys: { unionId: 1, memberId: 1, year: 1 } },
      { name: 'union_year_line', keys: { unionId: 1, year: 1, line: 1 } },
      { name: 'union_event', keys: { unionId: 1, eventId: 1 } },
    ],
  },
  member_years: {
    purpose: '会员年度享受记录摘要：_id = 工会ID:会员ID:年度；政策上限在同一事务内检查',
    indexes: [],
  },
  budget_reservations: {
    purpose: '发放批次的预算预留：_id = 工会ID:批次预留编号；预留时一次占用预算科目，批次结束时把已发放的计入支出、其余退回',
    indexes: [{ name: 'union_year_line', keys: { unionId: 1, year: 1, line: 1 } }],
  },
};

export function ledgerTables(db: Db) {
  return {
    policies: table<PolicyDoc>(db, 'policies'),
    budgets: table<BudgetDoc>(db, 'budgets'),
    ledger: table<LedgerDoc>(db, 'ledger'),
    memberYears: table<MemberYearDoc>(db, 'member_years'),
    reservations: table<ReservationDoc>(db, 'budget_reservations'),
  };
}

export const budgetId = (unionId: string, year: number, line: string) => `${unionId}:${year}:${line}`;
export const policyId = (unionId: string, year: number) => `${unionId}:${year}`;
/** A reservation's document id: the caller's id within its union. */
export const reservationKey = (unionId: string, reservationId: string) => `${unionId}:${reservationId}`;
/** The stock holding a reservation's slots (server/db/stock.ts). */
export const reservationStockId = (key: string) => `reservation:${key}`;
export const memberYearId = (unionId: string, memberId: string, year: number) => `${unionId}:${memberId}:${year}`;
