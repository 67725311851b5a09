import { z } from '../zod';
import { isoDate, noInput, type ActionSpec } from './contract';
import { BATCH_STATUSES, CLAIM_STATUSES, GIFT_FORMS, WAYS } from '../domain/holidays';
import { FORMS, HOLIDAYS } from '../policy/items';

const id = z.string().min(1).max(100);
const page = z.coerce.number().int().min(1).max(10_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(50).default(20);
const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期请写成 2026-09-18 这样的格式');
const requestKey = z.string().min(8).max(64);
const year = z.coerce.number({ error: '请选择年份' }).int('年份不正确').min(2000, '年份不正确').max(2099, '年份不正确');

/**
 * One gift to choose. `form` takes every form so that cash and shopping cards reach the function and are refused
 * there with the policy's rule and its source (a form the schema dropped would say nothing about why).
 */
const optionInput = z
  .object({
    /** An option of the batch being edited (kept), or absent for a new one. */
    id: z.string().max(20).optional(),
    name: z.string().trim().min(1, '请填写礼品名称').max(20, '礼品名称最多 20 个字'),
    description: z.string().trim().max(200, '说明最多 200 字').default(''),
    /** A photo: the officer's upload (copied into the batch), the option's photo kept, or none. */
    photo: z.string().startsWith('cloud://', '图片无效，请重新上传').max(500).nullable().default(null),
    unitFen: z.number({ error: '请填写单价' }).int('单价最多精确到分').min(1, '单价必须大于 0').max(10_000_00, '单价过大'),
    form: z.enum(FORMS, { error: '请选择发放形式' }),
    /** Units in stock; null = as many as members choose. */
    stock: z.number({ error: '请填写库存数量' }).int('库存须为整数').min(1, '库存至少为 1').max(100_000, '库存过大').nullable(),
  })
  .strict();

const placeInput = z
  .object({
    id: z.string().max(20).optional(),
    name: z.string().trim().min(1, '请填写领取地点').max(40, '领取地点最多 40 个字'),
    /** When it is open for pickup, as people write it (9月21日—24日 每天 9:00—17:00). */
    times: z.string().trim().min(1, '请填写领取时间').max(60, '领取时间最多 60 个字'),
  })
  .strict();

export const batchInput = z
  .object({
    /** Absent: a new batch (one per requestKey). Present: the draft to change. */
    batchId: id.optional(),
    requestKey,
    holiday: z.enum(HOLIDAYS, { error: '请选择节日' }),
    year,
    title: z.string().trim().max(30, '名称最多 30 个字').default(''),
    note: z.string().trim().max(500, '说明最多 500 字').default(''),
    closesOn: dateKey,
    pickupEndsOn: dateKey,
    options: z.array(optionInput).min(2, '至少提供 2 种礼品供选择').max(6, '最多 6 种礼品'),
    places: z.array(placeInput).max(10, '最多 10 个领取地点').default([]),
    delivery: z.boolean().default(false),
    /** Members who do not choose by the deadline: this option (its place in `options`), or nothing (null). */
    fallbackOption: z.number().int().min(0).max(5).nullable().default(null),
  })
  .strict()
  .refine((b) => b.places.length > 0 || b.delivery, { message: '请至少设置一个领取地点，或提供送货上门', path: ['places'] })
  .refine((b) => b.fallbackOption === null || b.fallbackOption < b.options.length, { message: '默认礼品不在选项中', path: ['fallbackOption'] })
  .refine((b) => new Set(b.options.map((o) => o.name)).size === b.options.length, { message: '礼品名称不能重复', path: ['options'] });
export type BatchInput = z.input<typeof batchInput>;

const address = z
  .object({
    name: z.string().trim().min(1, '请填写收件人').max(20, '收件人最多 20 个字'),
    phone: z.string().trim().regex(/^1\d{10}$/, '请填写 11 位手机号'),
    address: z.string().trim().min(5, '请填写详细地址').max(100, '地址最多 100 个字'),
  })
  .strict();

export const chooseInput = z
  .object({
    batchId: id,
    optionId: z.string().min(1, '请选择礼品').max(20),
    way: z.enum(WAYS, { error: '请选择领取方式' }),
    placeId: z.string().max(20).nullable().default(null),
    address: address.nullable().default(null),
  })
  .strict()
  .refine((c) => c.way !== 'pickup' || c.placeId, { message: '请选择领取地点', path: ['placeId'] })
  .refine((c) => c.way !== 'delivery' || c.address, { message: '请填写送货地址', path: ['address'] });
export type ChooseInput = z.input<typeof chooseInput>;

const optionView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** The stored photo (to keep it when saving the draft again) and a temporary link to show it. */
  photo: z.string().nullable(),
  photoUrl: z.string().nullable(),
  unitFen: z.number().int(),
  form: z.enum(FORMS),
  formLabel: z.string(),
  /** null: unlimited. */
  stock: z.number().int().nullable(),
  /** Units left now (null: unlimited, or not open yet). */
  left: z.number().int().nullable(),
  soldOut: z.boolean(),
});
const placeView = z.object({ id: z.string(), name: z.string(), times: z.string() });

/** A member's claim as the member (and only they, with their address) reads it. */
export const claimView = z.object({
  id: z.string(),
  batchId: z.string(),
  batchTitle: z.string(),
  optionId: z.string(),
  optionName: z.string(),
  unitFen: z.number().int(),
  way: z.enum(WAYS),
  wayLabel: z.string(),
  placeId: z.string().nullable(),
  placeName: z.string().nullable(),
  placeTimes: z.string().nullable(),
  address: address.nullable(),
  /** The pickup code (8 characters) and as shown (ABCD 2345); a family member may pick up with it. */
  code: z.string(),
  codeText: z.string(),
  qr: z.string(),
  status: z.enum(CLAIM_STATUSES),
  statusLabel: z.string(),
  /** Given by the batch's rule, the member not having chosen. */
  byDefault: z.boolean(),
  pickupEndsOn: z.string(),
  pickedAt: isoDate.nullable(),
  updatedAt: isoDate,
});
export type ClaimView = z.output<typeof claimView>;
/** What a handler returns for one (dates as Date). */
export type ClaimData = z.input<typeof claimView>;

const batchCore = {
  id: z.string(),
  title: z.string(),
  holiday: z.enum(HOLIDAYS),
  holidayLabel: z.string(),
  year: z.number().int(),
  /** The holiday's day this year (from the lunar calendar where it moves). */
  holidayDate: z.string(),
  note: z.string(),
  status: z.enum(BATCH_STATUSES),
  statusLabel: z.string(),
  closesOn: z.string(),
  closesAt: isoDate,
  pickupEndsOn: z.string(),
  mayChoose: z.boolean(),
  delivery: z.boolean(),
  /** What members who do not choose get: 「默认发放：xx」 or 「不选择视为放弃」. */
  fallbackText: z.string(),
  fallbackOptionId: z.string().nullable(),
};

/** A batch as a member reads it (一个批次), with their claim. */
export const memberBatchView = z.object({ ...batchCore, options: z.array(optionView), places: z.array(placeView), mine: claimView.nullable() });
export type MemberBatchView = z.output<typeof memberBatchView>;
export type MemberBatchData = z.input<typeof memberBatchView>;

const tally = z.object({ id: z.string(), name: z.string(), chosen: z.number().int(), picked: z.number().int() });

/** A batch as officers read it: everything, with live tallies (from the stock counters, not the claims). */
export const adminBatchView = z.object({
  ...batchCore,
  options: z.array(optionView.extend({ chosen: z.number().int(), picked: z.number().int() })),
  places: z.array(placeView.extend({ chosen: z.number().int(), picked: z.number().int() })),
  deliveryTally: tally.nullable(),
  /** Members the batch was opened for (the reservation's slots); null before opening. */
  eligible: z.number().int().nullable(),
  chosen: z.number().int(),
  picked: z.number().int(),
  /** The budget held for the batch and what its claims have drawn, in fen. */
  reservedFen: z.number().int().nullable(),
  drawnFen: z.number().int().nullable(),
  fallbackApplied: z.number().int().nullable(),
  unpickedReversed: z.number().int().nullable(),
  policyCapFen: z.number().int().nullable(),
  can: z.array(z.enum(['edit', 'open', 'pickup', 'export', 'unpicked', 'reverseUnpicked'])),
});
export type AdminBatchView = z.output<typeof adminBatchView>;
export type AdminBatchData = z.input<typeof adminBatchView>;

const batchRow = z.object({
  id: z.string(),
  title: z.string(),
  holidayLabel: z.string(),
  holidayDate: z.string(),
  status: z.enum(BATCH_STATUSES),
  statusLabel: z.string(),
  closesOn: z.string(),
  optionCount: z.number().int(),
});

/** The defaults of a new batch: the holiday's day, the window and what the policy allows. */
const batchDefaults = z.object({
  holiday: z.enum(HOLIDAYS),
  year: z.number().int(),
  holidayDate: z.string(),
  title: z.string(),
  closesOn: z.string().nullable(),
  pickupEndsOn: z.string().nullable(),
  /** The policy's cap per member for this holiday (null: the policy funds no gift at it, or no policy this year). */
  capFen: z.number().int().nullable(),
  forms: z.array(z.object({ form: z.enum(GIFT_FORMS), label: z.string() })),
  /** The rule's source, or why there is none. */
  rule: z.string(),
});

const unpickedRow = z.object({ claimId: z.string(), name: z.string(), department: z.string(), optionName: z.string(), wayLabel: z.string(), placeName: z.string(), byDefault: z.boolean(), status: z.enum(CLAIM_STATUSES) });

/** Holiday gifts: batches with options, stock and pickup; members' choices; pickups; tallies and the list. */
export const batchActions = {
  // ——— members (gifts.receive) ———
  claimHome: {
    summary: "我的福利's holiday part: the union's batches open now or waiting for pickup, each with the caller's claim.",
    input: noInput,
    output: z.object({ items: z.array(z.object({ batch: memberBatchView })) }),
  },
  claimBatch: {
    summary: 'One batch as a member reads it: options with what is left, pickup places, the rule for those who do not choose, and their claim.',
    input: z.object({ batchId: id }).strict(),
    output: memberBatchView,
  },
  claimChoose: {
    summary:
      'Choose (or change) the gift: one claim per member per batch; a payout through the policy and the ledger (the batch reservation) with the option unit and the claim in one transaction. A gone option is an answer (soldOut), not an error.',
    input: chooseInput,
    output: z.object({ result: z.enum(['chosen', 'changed', 'unchanged', 'soldOut']), message: z.string(), batch: memberBatchView }),
  },
  // ——— officers (gifts.manage) ———
  batchList: {
    summary: "The union's holiday batches, newest first.",
    input: z.object({ page, pageSize }).strict(),
    output: z.object({ items: z.array(batchRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  },
  batchDefaults: {
    summary: 'What a new batch for a holiday starts with: the day (lunar calendar), the default window, the policy cap and forms.',
    input: z.object({ holiday: z.enum(HOLIDAYS, { error: '请选择节日' }), year }).strict(),
    output: batchDefaults,
  },
  batchSave: {
    summary: 'Create a batch (one per requestKey) or change it before it opens: 2–6 options, pickup places and/or delivery, the rule for those who do not choose; values and forms checked against the policy.',
    input: batchInput,
    output: adminBatchView,
  },
  batchGet: {
    summary: 'A batch with its live tallies per option and pickup place.',
    input: z.object({ batchId: id }).strict(),
    output: adminBatchView,
  },
  batchOpen: {
    summary: 'Open: reserve the budget once (eligible members × the highest option), create each option’s stock, tell eligible members.',
    input: z.object({ batchId: id }).strict(),
    output: z.object({ batch: adminBatchView, told: z.number().int() }),
  },
  batchPickup: {
    summary: 'Mark a gift picked up (or delivered) by its code, typed or scanned; guessing is rate-limited per officer and per batch.',
    input: z.object({ batchId: id, code: z.string().trim().min(1, '请输入领取码').max(40, '领取码不正确') }).strict(),
    output: z.object({ name: z.string(), optionName: z.string(), wayLabel: z.string(), placeName: z.string(), already: z.boolean(), pickedAt: isoDate }),
  },
  batchExport: {
    summary: 'The distribution list as an Excel file, with a signature column (delivery addresses included: gifts.manage only). Audited.',
    input: z.object({ batchId: id }).strict(),
    output: z.object({ url: z.string(), fileName: z.string(), fileID: z.string(), count: z.number().int() }),
  },
  batchUnpicked: {
    summary: 'Gifts chosen and not picked up (after the pickup end: to decide on reversing them).',
    input: z.object({ batchId: id, page, pageSize }).strict(),
    output: z.object({ items: z.array(unpickedRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), pickupEnded: z.boolean() }),
  },
  batchReverseUnpicked: {
    summary: 'After the pickup end: reverse every gift not picked up in the ledger (the union decided), and end the batch.',
    input: z.object({ batchId: id, reason: z.string().trim().min(2, '请写明原因').max(200, '原因最多 200 字') }).strict(),
    output: z.object({ reversed: z.number().int(), reversedFen: z.number().int(), batch: adminBatchView }),
  },
} satisfies Record<string, ActionSpec>;
