import { z } from '../zod';
import type { ActionSpec } from './contract';
import { isoDate, noInput } from './contract';
import { BIRTHDAY_TIMINGS, DAYS_BEFORE_MAX, VALID_DAYS_MAX, VOUCHER_STATUSES } from '../domain/birthdays';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份请写成 2026-12 这样的格式');
const codeText = z.string({ error: '请输入券码' }).trim().min(1, '请输入券码').max(60, '券码不正确');

/** A union's birthday settings as officers edit them. */
export const birthdaySettings = z
  .object({
    /** Off: the daily job issues nothing for this union. */
    enabled: z.boolean(),
    timing: z.enum(BIRTHDAY_TIMINGS, { error: '请选择发放时间' }),
    /** With `daysBefore`: how many days before the birthday. */
    daysBefore: z.number({ error: '请填写提前天数' }).int('提前天数须为整数').min(1, '提前天数至少 1 天').max(DAYS_BEFORE_MAX, `提前天数最多 ${DAYS_BEFORE_MAX} 天`),
    /** The designated cake shop (its clerks' accounts carry the same shop name). */
    shopName: z.string({ error: '请填写指定蛋糕店' }).trim().min(2, '请填写指定蛋糕店的名称').max(50, '蛋糕店名称最多 50 个字'),
    /** Each voucher's value; the policy's birthday cap and forms decide at each issue (the ledger's engine). */
    amountFen: z.number({ error: '请填写蛋糕券金额' }).int('金额最多精确到分').min(100, '蛋糕券金额至少 1 元').max(100_000, '蛋糕券金额过大'),
    /** Days a voucher may be used, counted from the later of the issue day and the birthday (the birthday is day 1). */
    validDays: z.number({ error: '请填写有效天数' }).int('有效天数须为整数').min(1, '有效天数至少 1 天').max(VALID_DAYS_MAX, `有效天数最多 ${VALID_DAYS_MAX} 天`),
    /** The greeting members read with their voucher. */
    greeting: z.string({ error: '请填写祝福语' }).trim().min(2, '请填写祝福语').max(100, '祝福语最多 100 字'),
  })
  .strict();
/** A union's birthday settings as stored and as the settings page shows them. */
export type BirthdaySettings = z.output<typeof birthdaySettings>;

/** One run of the daily job for the union: what it issued and why members got nothing. */
const runView = z.object({
  day: z.string(),
  /** The birthdays it covered (Shanghai days, inclusive). */
  first: z.string(),
  last: z.string(),
  issued: z.number().int(),
  /** Who got nothing and why: the policy's refusal, or what the union must set up first (at most 50 listed). */
  refused: z.array(z.object({ name: z.string(), reason: z.string() })),
  /** Refused by the policy. */
  refusedCount: z.number().int(),
  /** Not settled yet (no policy or budget for the year, an outage, out of time): the next run tries them again. */
  failed: z.number().int(),
  at: isoDate,
});

/** A member's voucher as they see it in 我的福利. */
export const myVoucherView = z.object({
  /** The birthday it is for (Shanghai day) and its year. */
  birthday: z.string(),
  year: z.number().int(),
  amountFen: z.number().int(),
  shopName: z.string(),
  issuedOn: z.string(),
  lastDay: z.string(),
  status: z.enum(VOUCHER_STATUSES),
  statusLabel: z.string(),
  greeting: z.string(),
  /** The short code, grouped for reading ('ABCDE FGHJK'); and the QR code (an image data URL) while it may be used. */
  code: z.string(),
  qr: z.string().nullable(),
  redeemedAt: isoDate.nullable(),
});
export type MyVoucherView = z.output<typeof myVoucherView>;

/** What a clerk learns of a voucher: validity, amount, last day — nothing of the member. */
export const clerkVoucherView = z.object({
  code: z.string(),
  status: z.enum(VOUCHER_STATUSES),
  statusLabel: z.string(),
  /** Whether it can be redeemed now, and if not, why (已使用 / 已过期). */
  usable: z.boolean(),
  reason: z.string().nullable(),
  amountFen: z.number().int(),
  lastDay: z.string(),
  shopName: z.string(),
  redeemedAt: isoDate.nullable(),
});
export type ClerkVoucherView = z.output<typeof clerkVoucherView>;

const statementRow = z.object({
  code: z.string(),
  amountFen: z.number().int(),
  redeemedAt: isoDate,
  clerkName: z.string(),
});

/** A voucher in the officers' list of a birthday month: who, how much, where, and what became of it. */
const officerVoucherRow = z.object({
  memberName: z.string(),
  birthday: z.string(),
  amountFen: z.number().int(),
  shopName: z.string(),
  issuedOn: z.string(),
  lastDay: z.string(),
  status: z.enum(VOUCHER_STATUSES),
  statusLabel: z.string(),
  redeemedAt: isoDate.nullable(),
});

const statementInput = z
  .object({
    month,
    /** One shop; absent: every shop that redeemed in the month. */
    shopName: z.string().trim().min(1).max(50).optional(),
  })
  .strict();

/** Birthdays: the union's birthday settings, members' cake vouchers, the clerk's redemption, the shop's statement. */
export const voucherActions = {
  birthdaySettingsGet: {
    summary: "The union's birthday settings (timing, shop, amount, validity, greeting), the shops its clerks work for, and the daily job's last runs with who was refused and why.",
    input: noInput,
    output: z.object({
      settings: birthdaySettings.nullable(),
      /** The shops of the union's clerks, with how many clerks each. */
      shops: z.array(z.object({ shopName: z.string(), clerks: z.number().int() })),
      /** The last birthday the job has settled (Shanghai day), or null. */
      doneThrough: z.string().nullable(),
      runs: z.array(runView),
    }),
  },
  birthdaySettingsSave: {
    summary: 'Save the birthday settings; switching the service on starts with the birthdays from today. Audited.',
    input: birthdaySettings,
    output: z.object({ settings: birthdaySettings, doneThrough: z.string().nullable() }),
  },
  birthdayVouchers: {
    summary: "Officers: the vouchers of members whose birthday is in a month (Shanghai), by birthday, with what became of each (可使用 / 已使用 / 已过期), and the month's counts.",
    input: z
      .object({
        month,
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(50).default(50),
      })
      .strict(),
    output: z.object({
      items: z.array(officerVoucherRow),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      counts: z.object({ issued: z.number().int(), redeemed: z.number().int(), expired: z.number().int() }),
    }),
  },
  myVouchers: {
    summary: "The caller's birthday cake vouchers, newest first: amount, shop, last day, status, the short code and the QR code.",
    input: noInput,
    output: z.object({ items: z.array(myVoucherView) }),
  },
  voucherCheck: {
    summary: "A clerk looks a code up (typed or scanned): its validity, amount and last day, nothing of the member. Wrong codes are rate-limited per clerk and per shop; another union's code reads as a wrong one.",
    input: z.object({ code: codeText }).strict(),
    output: clerkVoucherView,
  },
  voucherRedeem: {
    summary: 'A clerk redeems a code once (two clerks at once: one wins, the other is told it was used); the member is told.',
    input: z.object({ code: codeText }).strict(),
    output: clerkVoucherView,
  },
  shopRedemptions: {
    summary: "A clerk: the vouchers redeemed at their own shop in a month (this month by default) — code, amount, time, clerk — for the day's and the month's reckoning; nothing of the members.",
    input: z.object({ month: month.optional() }).strict().default({}),
    output: z.object({ month: z.string(), count: z.number().int(), totalFen: z.number().int(), items: z.array(statementRow) }),
  },
  voucherStatement: {
    summary: "Per shop, the vouchers redeemed in a month (Shanghai), their count and total, and the ledger's amount of the same vouchers (what the shop is paid on).",
    input: statementInput,
    output: z.object({
      month: z.string(),
      shops: z.array(
        z.object({
          shopName: z.string(),
          count: z.number().int(),
          totalFen: z.number().int(),
          /** The same vouchers' entries in the ledger: equal to totalFen unless something is wrong. */
          ledgerFen: z.number().int(),
          items: z.array(statementRow),
        }),
      ),
      count: z.number().int(),
      totalFen: z.number().int(),
    }),
  },
  voucherStatementExport: {
    summary: "The month's statement as an Excel file (a sheet per shop with a total and a signature line). Audited.",
    input: statementInput,
    output: z.object({ url: z.string(), fileName: z.string(), fileID: z.string(), count: z.number().int() }),
  },
} satisfies Record<string, ActionSpec>;
