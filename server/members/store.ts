/**
 * The members area's own documents, collections and ids. The roster, the unions and the WeChat accounts are read
 * by every function (the runtime loads the caller from them), so they are shared, in server/db/types.ts.
 */
import { monthDayOf } from '../../src/core/domain/birthdays';
import type { CollectionSpec } from '../db/collections';
import type { Db } from '../db';
import { table } from '../db/table';

export interface InviteDoc {
  /** sha256 of the code: the code itself is shown once to the officer and never stored. */
  _id: string;
  unionId: string;
  kind: 'clerk';
  name: string;
  shopName: string | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedBy: string | null;
  usedAt: Date | null;
}

/** A deployment setup code once used: `_id` is its sha256, so each code creates one union, once. */
export interface SetupCodeDoc {
  _id: string;
  usedBy: string;
  usedAt: Date;
}

declare module '../db/collections' {
  /** This area's collection names, so that `table()` and transactions refuse a misspelt one. */
  interface CollectionNames {
    setup_codes: true; invites: true;
  }
}

export const MEMBERS_COLLECTIONS: Record<'setup_codes' | 'invites', CollectionSpec> = {
  setup_codes: {
    purpose: '已使用的部署初始化码（只存哈希）',
    indexes: [],
  },
  invites: {
    purpose: '工委干部、蛋糕店店员的一次性邀请码（只存哈希）',
    indexes: [{ name: 'union_createdAt', keys: { unionId: 1, createdAt: -1 } }],
  },
};

export function membersTables(db: Db) {
  return {
    setupCodes: table<SetupCodeDoc>(db, 'setup_codes'),
    invites: table<InviteDoc>(db, 'invites'),
  };
}

/**
 * Member fields as written: with `birthDate`, its indexed month-day (`birthMonthDay`, read by the birthday job) —
 * every write of a member's birth date goes through this, so the two never disagree.
 */
export function withBirthMonthDay<T extends { birthDate?: string }>(fields: T): T & { birthMonthDay?: string } {
  return typeof fields.birthDate === 'string' ? { ...fields, birthMonthDay: monthDayOf(fields.birthDate) } : fields;
}

/** A member's id: a re-import of the same 工号 into the same union updates, never duplicates. */
export function memberIdOf(unionId: string, employeeNo: string): string {
  return `${unionId}:${employeeNo}`;
}
