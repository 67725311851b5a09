/** Birthday settings and cake vouchers: documents, collections, indexes, ids. */
import type { VoucherStatus } from '../../src/core/domain/birthdays';
import type { DateKey } from '../../src/core/time';
import type { BirthdaySettings } from '../../src/core/contracts/giftsVouchers';
import type { CollectionSpec } from '../db/collections';
import type { ActorRef } from '../db/types';
import type { Db } from '../db';
import { table } from '../db/table';

/** A union's birthday settings, and how far its daily runs have got. */
export interface BirthdaySettingsDoc extends BirthdaySettings {
  /** The union's id: one per union. */
  _id: string;
  unionId: string;
  /** The Shanghai day the service was (last) switched on: a union's first run starts with the birthdays from then. */
  startedOn: DateKey;
  /**
   * The last birthday (Shanghai day) the daily runs have settled for this union — every member whose birthday is on
   * or before it was issued a voucher or refused by the policy. The next run continues after it (catch-up).
   */
  doneThrough: DateKey | null;
  /** The budget reservation of a run under way (a large window, birthdays.ts), until the run settles it. */
  openReservation?: string | null;
  updatedAt: Date;
  updatedBy: ActorRef;
}

/** What one run of the daily job did for one union (the officers' settings page shows the last few). */
export interface BirthdayRunDoc {
  /** `${unionId}:${day}`: a second run the same day replaces it. */
  _id: string;
  unionId: string;
  day: DateKey;
  first: DateKey;
  last: DateKey;
  issued: number;
  /**
   * Members given nothing, with the reason: refused by the policy (not in service, dues unpaid, over the cap…), or held
   * back until the union sets up the year's policy or budget; at most 50 listed.
   */
  refused: { memberId: string; name: string; reason: string }[];
  /** Refused by the policy for good. */
  refusedCount: number;
  /** Members the run did not settle (no policy or budget yet, a conflict, out of time): the next run tries them again. */
  failed: number;
  at: Date;
}

/** A member's birthday cake voucher: one per member per birthday year. */
export interface VoucherDoc {
  /** voucherId(memberId, year) — also the ledger entry's id: once per member per year, whatever happens. */
  _id: string;
  unionId: string;
  memberId: string;
  /** For officers' lists and the audit; never shown to a clerk. */
  memberName: string;
  /** The birthday it is for, and that day's year (the policy year of its ledger entry). */
  birthday: DateKey;
  year: number;
  issuedOn: DateKey;
  lastDay: DateKey;
  amountFen: number;
  shopName: string;
  greeting: string;
  /** The short code (unique, unguessable: 10 of 31 characters); the QR code holds it too. */
  code: string;
  /** The ledger entry issuing it (same id); its reversal once it expired unused. */
  entryId: string;
  status: VoucherStatus;
  redeemedAt: Date | null;
  /** The clerk who redeemed it (their WeChat and name). */
  redeemedBy: ActorRef | null;
  /** 'YYYY-MM' (Shanghai) of the redemption: the shop's statement reads by it. */
  redeemedMonth: string | null;
  expiredAt: Date | null;
  /** Set once the expired voucher's entry is reversed in the ledger (the job reverses those still null). */
  reversalId: string | null;
  createdAt: Date;
}

declare module '../db/collections' {
  /** This half's collection names, so that `table()` and transactions refuse a misspelt one. */
  interface CollectionNames {
    gift_birthday_settings: true;
    gift_birthday_runs: true;
    gift_vouchers: true;
  }
}

export const VOUCHER_COLLECTIONS: Record<'gift_birthday_settings' | 'gift_birthday_runs' | 'gift_vouchers', CollectionSpec> = {
  gift_birthday_settings: {
    purpose: '生日慰问设置：_id = 工会ID；发放时间（当天、提前几天、每月1日）、指定蛋糕店、金额、有效天数、祝福语，每日任务已处理到哪一天的生日',
    indexes: [{ name: 'enabled', keys: { enabled: 1 } }],
  },
  gift_birthday_runs: {
    purpose: '生日蛋糕券每日发放记录：_id = 工会ID:日期；发放张数、不符合政策未发放的会员及原因',
    indexes: [{ name: 'union_day', keys: { unionId: 1, day: -1 } }],
  },
  gift_vouchers: {
    purpose: '生日蛋糕券：_id = birthday:会员ID:年度（与台账记录同号）；金额、蛋糕店、有效期、券码、状态（可使用/已使用/已过期并冲正）',
    indexes: [
      // The clerk types or scans the code.
      { name: 'code', keys: { code: 1 }, unique: true },
      // 我的福利: a member's vouchers, newest first.
      { name: 'member_year', keys: { memberId: 1, year: -1 } },
      // The daily job: unused vouchers past their last day, and expired ones whose ledger entry is not reversed yet.
      { name: 'status_lastDay', keys: { status: 1, lastDay: 1 } },
      { name: 'status_reversal', keys: { status: 1, reversalId: 1 } },
      // The shop's monthly statement, and a clerk's own shop's redemptions.
      { name: 'union_month_shop', keys: { unionId: 1, redeemedMonth: 1, shopName: 1 } },
      // Officers' list of a birthday month.
      { name: 'union_birthday', keys: { unionId: 1, birthday: 1 } },
    ],
  },
};

/** A member's voucher of a birthday year, and its ledger entry: the same id, so issuing twice issues once. */
export const voucherId = (memberId: string, year: number) => `birthday:${memberId}:${year}`;
export const birthdayRunId = (unionId: string, day: DateKey) => `${unionId}:${day}`;

export function voucherTables(db: Db) {
  return {
    settings: table<BirthdaySettingsDoc>(db, 'gift_birthday_settings'),
    runs: table<BirthdayRunDoc>(db, 'gift_birthday_runs'),
    vouchers: table<VoucherDoc>(db, 'gift_vouchers'),
  };
}
