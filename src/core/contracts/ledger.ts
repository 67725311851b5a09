import { z } from '../zod';
import { defineContract, isoDate } from './contract';
import { BUDGET_LINES, FORMS, HOLIDAYS, ITEMS } from '../policy/items';
import { policyProfileSchema } from '../policy/profile';
import { isValidDateKey } from '../time';

const year = z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确');
const fen = z.number().int('金额必须是整数分').min(0, '金额不能为负数').max(100_000_000_00, '金额过大');
const page = z.coerce.number().int().min(1).max(10_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(100).default(20);

export const budgetLineView = z.object({
  line: z.enum(BUDGET_LINES),
  label: z.string(),
  amountFen: z.number().int(),
  spentFen: z.number().int(),
  count: z.number().int(),
  /** Held for open batches (gift claims, vouchers, prizes) beyond what they have paid so far. */
  reservedFen: z.number().int(),
  /** Spent and held share in whole percent (0 when no budget). */
  percent: z.number().int(),
  warning: z.string().nullable(),
});

export const ledgerEntryView = z.object({
  id: z.string(),
  year: z.number().int(),
  line: z.enum(BUDGET_LINES),
  lineLabel: z.string(),
  item: z.enum(ITEMS),
  itemLabel: z.string(),
  holiday: z.enum(HOLIDAYS).nullable(),
  memberId: z.string().nullable(),
  memberName: z.string().nullable(),
  amountFen: z.number().int(),
  form: z.enum(FORMS),
  formLabel: z.string(),
  rule: z.object({ id: z.string(), source: z.string() }),
  approvedBy: z.string(),
  note: z.string(),
  reverses: z.string().nullable(),
  at: isoDate,
});
export type LedgerEntryView = z.infer<typeof ledgerEntryView>;

/** The yearly report: totals and counts per budget line, never who received what. */
export const spendingReport = z.object({
  union: z.object({ id: z.string(), name: z.string() }),
  year: z.number().int(),
  lines: z.array(z.object({ line: z.enum(BUDGET_LINES), label: z.string(), budgetFen: z.number().int(), spentFen: z.number().int(), count: z.number().int() })),
  totalBudgetFen: z.number().int(),
  totalSpentFen: z.number().int(),
  totalCount: z.number().int(),
  generatedAt: isoDate,
});

const policyTemplateInfo = z.object({ id: z.string(), name: z.string(), year: z.number().int(), summary: z.string() });

/** The `ledger` cloud function: the union's policy, budgets, the append-only ledger and the yearly report. */
export const ledgerContract = defineContract('ledger', {
  policyTemplates: {
    summary: 'The shipped policy profiles an officer can start from.',
    input: z.object({}).strict().default({}),
    output: z.object({ items: z.array(policyTemplateInfo) }),
  },
  policyGet: {
    summary: "The union's policy for a year (null until one is saved).",
    input: z.object({ year }).strict(),
    output: z.object({ policy: policyProfileSchema.nullable(), updatedAt: isoDate.nullable(), updatedBy: z.string().nullable() }),
  },
  policySave: {
    summary: "Save the year's policy, from a template or edited; a profile that contradicts itself is refused with the reasons.",
    input: z.union([z.object({ year, templateId: z.string().min(1).max(64) }).strict(), z.object({ year, profile: z.unknown() }).strict()]),
    output: z.object({ policy: policyProfileSchema }),
  },
  budgetList: {
    summary: "The year's budget per line with what has been spent and what open batches hold; lines at 80% carry a warning.",
    input: z.object({ year }).strict(),
    output: z.object({ year: z.number().int(), lines: z.array(budgetLineView) }),
  },
  budgetSet: {
    summary: "Set a line's budget for the year (never below what is already spent).",
    input: z.object({ year, line: z.enum(BUDGET_LINES), amountFen: fen }).strict(),
    output: budgetLineView,
  },
  ledgerRecord: {
    summary: 'Record a payout or a benefit in kind; the policy engine and the budget decide, in one transaction with the entry.',
    input: z
      .object({
        item: z.enum(ITEMS),
        holiday: z.enum(HOLIDAYS).optional(),
        memberId: z.string().min(1).max(100).optional(),
        amountFen: fen.min(1, '金额必须大于 0'),
        form: z.enum(FORMS),
        /** The Shanghai day it was given; today when left out. */
        date: z
          .string()
          .refine((d) => isValidDateKey(d), '日期请写成 2025-05-20 这样的格式')
          .optional(),
        note: z.string().trim().max(200).default(''),
        illnessKey: z.string().trim().min(1).max(64).optional(),
        prize: z.object({ winners: z.number().int().min(1), participants: z.number().int().min(1) }).strict().optional(),
        /** The same key twice records once (a retried tap, a lost reply). */
        requestKey: z.string().min(8).max(64),
      })
      .strict(),
    output: z.object({ entry: ledgerEntryView, warnings: z.array(z.object({ code: z.string(), message: z.string() })) }),
  },
  ledgerReverse: {
    summary: 'Correct an entry with a reversing entry (nothing is ever edited or deleted).',
    input: z.object({ entryId: z.string().min(1).max(100), reason: z.string().trim().min(2, '请写明冲正原因').max(200) }).strict(),
    output: z.object({ entry: ledgerEntryView }),
  },
  ledgerList: {
    summary: "The union's ledger for a year, newest first, optionally one budget line or one member.",
    input: z.object({ year, line: z.enum(BUDGET_LINES).optional(), memberId: z.string().max(100).optional(), page, pageSize }).strict(),
    output: z.object({ items: z.array(ledgerEntryView), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  },
  ledgerExport: {
    summary: "The year's full ledger as an Excel file (officers and auditors).",
    input: z.object({ year }).strict(),
    output: z.object({ url: z.string(), fileName: z.string(), fileID: z.string(), count: z.number().int() }),
  },
  report: {
    summary: "The union's spending for a year by budget line (经费支出公布), for every member.",
    input: z.object({ year, unionId: z.string().max(100).optional() }).strict(),
    output: spendingReport,
  },
  myBenefits: {
    summary: 'What the caller received this year (their own entries only).',
    input: z.object({ year }).strict(),
    output: z.object({
      year: z.number().int(),
      items: z.array(z.object({ id: z.string(), itemLabel: z.string(), amountFen: z.number().int(), formLabel: z.string(), at: isoDate, note: z.string() })),
      totalFen: z.number().int(),
    }),
  },
});

export type LedgerContract = typeof ledgerContract;
