/** The ledger's documents, collections and ids: policies, budgets, the append-only ledger and members' years. */
import type { BudgetLine, Form, Holiday, Item } from '../../src/core/policy/items';
import type { PolicyProfile } from '../../src/core/policy/profile';
import type { ActorRef } from '../db/types';
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

declare module '../db/collections' {
  /** This area's collection names, so that `table()` and transactions refuse a misspelt one. */
  interface CollectionNames {
    policies: true; budgets: true; ledger: true; member_years: true;
  }
}

export const LEDGER_COLLECTIONS: Record<'policies' | 'budgets' | 'ledger' | 'member_years', CollectionSpec> = {
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
};

export function ledgerTables(db: Db) {
  return {
    policies: table<PolicyDoc>(db, 'policies'),
    budgets: table<BudgetDoc>(db, 'budgets'),
    ledger: table<LedgerDoc>(db, 'ledger'),
    memberYears: table<MemberYearDoc>(db, 'member_years'),
  };
}

export const budgetId = (unionId: string, year: number, line: string) => `${unionId}:${year}:${line}`;
export const policyId = (unionId: string, year: number) => `${unionId}:${year}`;
export const memberYearId = (unionId: string, memberId: string, year: number) => `${unionId}:${memberId}:${year}`;
