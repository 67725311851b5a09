import { z } from '../zod';
import { defineContract, isoDate, noInput } from './contract';
import {
  AID_KINDS,
  APPLICATION_STATUSES,
  CAUSE_MAX_CHARS,
  FILE_STATUSES,
  HARDSHIP_CATEGORIES,
  MAX_AGE,
  MAX_HOUSEHOLD,
  MAX_MONTHLY_EXPENSE_FEN,
  MAX_MONTHLY_INCOME_FEN,
  MAX_NAME_CHARS,
  OCCUPATIONS,
  OBJECTION_OUTCOMES,
  PUBLICITY_DAYS,
  REFERRAL_STATUSES,
  REVIEW_ACTIONS,
  RELATIONS,
  SCHOOL_LEVELS,
  SCHOOL_NAME_MAX_CHARS,
} from '../domain/hardship';

const id = z.string().min(1).max(100);
const page = z.coerce.number().int().min(1).max(10_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(50).default(20);
const requestKey = z.string().min(8).max(64);
const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期请写成 2026-05-20 这样的格式');
const reason = (what: string) => z.string().trim().min(2, `请写明${what}`).max(200, `${what}最多 200 字`);

/** A monthly amount in fen: whole, not negative, and within reason (a larger figure is a slip of the decimal point). */
const monthly = (what: string, max: number) =>
  z
    .number({ error: `请填写${what}` })
    .int(`${what}最多两位小数`)
    .min(0, `${what}不能是负数`)
    .max(max, `${what}超过每月 ${max / 100 / 10_000} 万元，请核对是否多填了位数`);

const householdMember = z
  .object({
    name: z.string().trim().max(MAX_NAME_CHARS, `姓名最多 ${MAX_NAME_CHARS} 个字`),
    relation: z.enum(RELATIONS, { error: '请选择与本人的关系' }),
    age: z.number({ error: '请填写年龄' }).int('年龄请填写整数（周岁）').min(0, '年龄不能是负数').max(MAX_AGE, `年龄不超过 ${MAX_AGE} 周岁`),
    occupation: z.enum(OCCUPATIONS, { error: '请选择职业状况' }),
    monthlyIncomeFen: monthly('月收入', MAX_MONTHLY_INCOME_FEN),
  })
  .strict();

/**
 * What the member declares. A draft may be incomplete (names and the cause still empty); the rules of
 * domain/hardship checkApplication run when it is submitted, here and on the phone.
 */
export const aidFacts = z
  .object({
    kind: z.enum(AID_KINDS, { error: '请选择帮扶类别' }),
    household: z.array(householdMember).max(MAX_HOUSEHOLD, `家庭成员最多填写 ${MAX_HOUSEHOLD} 人（共同生活的家庭成员）`),
    expenses: z
      .object({
        medicalFen: monthly('每月医疗支出', MAX_MONTHLY_EXPENSE_FEN),
        schoolingFen: monthly('每月子女上学支出', MAX_MONTHLY_EXPENSE_FEN),
        otherFen: monthly('每月其他刚性支出', MAX_MONTHLY_EXPENSE_FEN),
      })
      .strict(),
    cause: z.string().trim().max(CAUSE_MAX_CHARS, `困难原因最多 ${CAUSE_MAX_CHARS} 个字，请精简；证明材料可以另外上传`),
    school: z
      .object({
        childIndex: z.number().int().min(0).max(MAX_HOUSEHOLD - 1),
        school: z.string().trim().max(SCHOOL_NAME_MAX_CHARS, `学校名称最多 ${SCHOOL_NAME_MAX_CHARS} 个字`),
        level: z.enum(SCHOOL_LEVELS, { error: '请选择学段' }),
      })
      .strict()
      .optional(),
    patientIndex: z.number().int().min(0).max(MAX_HOUSEHOLD - 1).optional(),
  })
  .strict();
export type AidFactsInput = z.input<typeof aidFacts>;

/** A document the member (or a reviewer, for visit photos) uploaded to their own folder; the function copies it. */
const upload = z
  .object({
    fileID: z.string().startsWith('cloud://').max(500),
    name: z.string().trim().max(80, '文件名最多 80 个字').default(''),
  })
  .strict();
const uploads = (max: number) => z.array(upload).max(max, `最多 ${max} 个文件`).default([]);

/** A stored document, as the applicant or a reviewer reads it: a temporary link. */
const document = z.object({ fileID: z.string(), url: z.string(), name: z.string(), isImage: z.boolean(), addedAt: isoDate });

const step = z.object({ status: z.enum(APPLICATION_STATUSES), label: z.string(), at: isoDate, note: z.string() });

/** A request for more documents, and the member's answer. */
const request = z.object({ at: isoDate, message: z.string(), answeredAt: isoDate.nullable(), answer: z.string() });

const selfCheckView = z.object({ category: z.enum(HARDSHIP_CATEGORIES), label: z.string(), perCapitaFen: z.number().int(), explanation: z.string() });

/** The union's decision as the applicant reads it (once decided): the amount, and the 公示 period. */
const outcome = z.object({ amountFen: z.number().int(), publicity: z.object({ from: z.string(), to: z.string() }).nullable(), paidAt: isoDate.nullable() });

/** An application as its applicant reads it: what they declared, the course, the requests to answer. No reviewer's notes. */
export const applicationView = z.object({
  id: z.string(),
  kind: z.enum(AID_KINDS),
  kindLabel: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  statusLabel: z.string(),
  facts: aidFacts,
  documents: z.array(document),
  steps: z.array(step),
  requests: z.array(request),
  /** The advisory self-check (null while the union has not set its 低保 standard, or the form is incomplete). */
  selfCheck: selfCheckView.nullable(),
  outcome: outcome.nullable(),
  createdAt: isoDate,
  submittedAt: isoDate.nullable(),
  updatedAt: isoDate,
  can: z.array(z.enum(['save', 'submit', 'supplement', 'withdraw'])),
});
export type ApplicationView = z.output<typeof applicationView>;

/** A line of a list. */
export const applicationRow = z.object({
  id: z.string(),
  kind: z.enum(AID_KINDS),
  kindLabel: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  statusLabel: z.string(),
  applicantName: z.string(),
  department: z.string(),
  submittedAt: isoDate.nullable(),
  updatedAt: isoDate,
});
export type ApplicationRow = z.output<typeof applicationRow>;
const rows = z.object({ items: z.array(applicationRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

const actorName = z.string();
/** A home visit (入户走访): who went, when, what they found, photos. */
const visit = z.object({ id: z.string(), visitedOn: z.string(), visitors: z.string(), found: z.string(), photos: z.array(document), recordedBy: actorName, at: isoDate });

/** What a reviewer reads: everything the applicant declared, and the review's record. */
export const reviewView = applicationView.omit({ can: true }).extend({
  applicantName: z.string(),
  department: z.string(),
  consents: z.object({ purposeAt: isoDate.nullable(), health: z.boolean(), minors: z.boolean() }),
  visits: z.array(visit),
  /** The review's own record: who passed the check, who sent an amount back and why. */
  notes: z.array(z.object({ at: isoDate, by: actorName, text: z.string() })),
  proposal: z.object({ amountFen: z.number().int(), note: z.string(), by: actorName, at: isoDate }).nullable(),
  approvedBy: actorName.nullable(),
  /** The policy's rule for this kind this year: cap and source, for the reviewer proposing an amount. */
  rule: z.object({ capFen: z.number().int().nullable(), source: z.string(), perYear: z.number().int().nullable() }).nullable(),
  /** Why the caller may not decide it (four eyes, or a conflict of interest), when that is so. */
  stepAside: z.string().nullable(),
  /** Objections to its 公示: who, what, and how each was resolved. */
  objections: z.array(
    z.object({
      id: z.string(),
      at: isoDate,
      memberName: z.string(),
      text: z.string(),
      resolution: z.object({ outcome: z.enum(OBJECTION_OUTCOMES), outcomeLabel: z.string(), reason: z.string(), by: actorName, at: isoDate }).nullable(),
    }),
  ),
  /** Why the payout after the 公示 has not gone through (the policy or the budget changed since the approval). */
  payIssue: z.string().nullable(),
  /** 大病关爱: the referral to the 工委 and its decision. */
  referral: z.object({ status: z.enum(REFERRAL_STATUSES), statusLabel: z.string(), suggestedFen: z.number().int(), recommendation: z.string(), referredBy: actorName, at: isoDate, decision: z.object({ amountFen: z.number().int(), reason: z.string(), by: actorName, at: isoDate }).nullable() }).nullable(),
  can: z.array(z.enum(REVIEW_ACTIONS)),
});
export type ReviewView = z.output<typeof reviewView>;

const consents = z
  .object({
    /** Read what the data is for and who will see it. */
    purpose: z.literal(true, { error: '请阅读并同意个人信息的使用说明' }),
    /** Separate consent for health data (大病关爱, medical expenses, a household member unable to work). */
    health: z.boolean().default(false),
    /** Separate consent for data of children under 14. */
    minors: z.boolean().default(false),
  })
  .strict();

const settings = z.object({
  dibaoFen: z.number().int('金额最多两位小数').min(100, '低保标准至少 1 元').max(10_000_00, '低保标准每人每月不超过 1 万元，请核对').nullable(),
  publicityDays: z.number().int().min(PUBLICITY_DAYS.min, `公示至少 ${PUBLICITY_DAYS.min} 天`).max(PUBLICITY_DAYS.max, `公示最多 ${PUBLICITY_DAYS.max} 天`),
});

/**
 * A 公示 entry as every member of the union reads it: the masked name, department, kind and amount, and the period —
 * the fields of domain/hardship PUBLICITY_FIELDS and an opaque id to object to, nothing else (the schema is strict on
 * the way out, so a field added to the handler by mistake fails instead of leaking).
 */
export const publicityEntrySchema = z
  .object({
    entryId: z.string(),
    maskedName: z.string(),
    department: z.string(),
    kindLabel: z.string(),
    amountFen: z.number().int(),
    period: z.object({ from: z.string(), to: z.string() }).strict(),
  })
  .strict();

/** A referred 大病关爱 case as the 工委's officers read it: the package, not the whole application. */
export const referralView = z.object({
  id: z.string(),
  unionName: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  statusLabel: z.string(),
  name: z.string(),
  department: z.string(),
  patient: z.string(),
  householdSize: z.number().int(),
  perCapitaFen: z.number().int(),
  medicalFen: z.number().int(),
  cause: z.string(),
  findings: z.string(),
  recommendation: z.string(),
  suggestedFen: z.number().int(),
  documents: z.array(document),
  referredBy: actorName,
  referredAt: isoDate,
  decision: z.object({ amountFen: z.number().int(), reason: z.string(), by: actorName, at: isoDate }).nullable(),
  /** The 工委's rule for 大病关爱 this year (cap and source), for deciding the amount. */
  rule: z.object({ capFen: z.number().int().nullable(), source: z.string() }).nullable(),
  can: z.array(z.enum(['decide'])),
});
export type ReferralView = z.output<typeof referralView>;
const referralRow = referralView.pick({ id: true, unionName: true, status: true, statusLabel: true, name: true, department: true, suggestedFen: true, referredAt: true });

/** A household's 困难职工档案, as a reviewer (or the member, their own) reads it. */
export const fileView = z.object({
  id: z.string(),
  memberName: z.string(),
  department: z.string(),
  category: z.enum(HARDSHIP_CATEGORIES),
  categoryLabel: z.string(),
  household: z.array(z.object({ name: z.string(), relationLabel: z.string(), age: z.number().int(), occupationLabel: z.string(), monthlyIncomeFen: z.number().int() })),
  aids: z.array(z.object({ kindLabel: z.string(), amountFen: z.number().int(), at: isoDate })),
  /** The yearly reviews: the day, the note, and who (工会, for the member). */
  reviews: z.array(z.object({ on: z.string(), note: z.string(), by: z.string() })),
  status: z.enum(FILE_STATUSES),
  statusLabel: z.string(),
  openedOn: z.string(),
  reviewDue: z.string().nullable(),
  overdue: z.boolean(),
  closed: z.object({ on: z.string(), reason: z.string() }).nullable(),
  keepUntil: z.string().nullable(),
  can: z.array(z.enum(['review', 'close'])),
});
export type FileView = z.output<typeof fileView>;
const fileRow = z.object({ id: z.string(), memberName: z.string(), department: z.string(), categoryLabel: z.string(), reviewDue: z.string().nullable(), overdue: z.boolean(), aidCount: z.number().int(), totalFen: z.number().int() });
const fileCategory = z.enum(HARDSHIP_CATEGORIES).refine((c) => c !== 'none', { message: '请选择困难类别' });

/** The `hardship` cloud function (困难帮扶, 大病关爱, 金秋助学): every action's name, input and output. */
export const hardshipContract = defineContract('hardship', {
  setup: {
    summary: "What the form needs: the union's local 低保 standard (for the advisory self-check) and, per kind, this year's rule.",
    input: noInput,
    output: z.object({
      dibaoFen: z.number().int().nullable(),
      publicityDays: z.number().int(),
      kinds: z.array(z.object({ kind: z.enum(AID_KINDS), label: z.string(), note: z.string(), offered: z.boolean(), capFen: z.number().int().nullable(), source: z.string() })),
    }),
  },
  settingsSave: {
    summary: "Reviewers: the union's local 低保 standard (per person, monthly; for the self-check) and how many days a 公示 lasts.",
    input: settings.strict(),
    output: settings,
  },
  save: {
    summary: 'Keep a draft: a new one (by request key: a double tap makes one), or the same draft again. Documents are copied into the application.',
    input: z
      .object({
        applicationId: id.optional(),
        requestKey,
        facts: aidFacts,
        /** New uploads to add. */
        documents: uploads(12),
        /** Documents of the draft to drop (their fileIDs). */
        removed: z.array(z.string().max(500)).max(12).default([]),
      })
      .strict(),
    output: applicationView,
  },
  submit: {
    summary: 'Send a draft to the reviewers: the form must pass the checks, at least one document, the consents the data needs.',
    input: z.object({ applicationId: id, consents }).strict(),
    output: applicationView,
  },
  mine: {
    summary: "The caller's own applications, newest first.",
    input: z.object({ page, pageSize }).strict().default({ page: 1, pageSize: 20 }),
    output: rows,
  },
  get: {
    summary: "One of the caller's own applications.",
    input: z.object({ applicationId: id }).strict(),
    output: applicationView,
  },
  supplement: {
    summary: 'Answer a request for more: a message and documents; the application goes back to the first check.',
    input: z.object({ applicationId: id, text: z.string().trim().min(1, '请写一句说明').max(500, '说明最多 500 字'), documents: uploads(6) }).strict(),
    output: applicationView,
  },
  withdraw: {
    summary: 'Withdraw before the decision (a draft is discarded the same way).',
    input: z.object({ applicationId: id, reason: z.string().trim().max(200, '原因最多 200 字').default('') }).strict(),
    output: applicationView,
  },
  queue: {
    summary: "Reviewers: the union's applications by stage (to do: everything still to decide), oldest submitted first.",
    input: z.object({ stage: z.enum(['todo', 'publicizing', 'done', 'all']).default('todo'), page, pageSize }).strict().default({ stage: 'todo', page: 1, pageSize: 20 }),
    output: rows,
  },
  open: {
    summary: 'Reviewers: one application, whole. Every opening is recorded in the audit log.',
    input: z.object({ applicationId: id }).strict(),
    output: reviewView,
  },
  check: {
    summary: 'The first check: pass (to the home visit), ask the member for more (with a message), or refuse (with the reason).',
    input: z.object({ applicationId: id, outcome: z.enum(['pass', 'more', 'reject']), message: z.string().trim().max(500, '最多 500 字').default('') }).strict(),
    output: reviewView,
  },
  visit: {
    summary: 'Record a home visit (入户走访): the day, who went, what was found, photos.',
    input: z
      .object({
        applicationId: id,
        visitedOn: dateKey,
        visitors: z.string().trim().min(2, '请填写走访人员').max(100, '走访人员最多 100 字'),
        found: z.string().trim().min(5, '请写明走访了解到的情况，至少 5 个字').max(1000, '走访情况最多 1000 字'),
        photos: uploads(9),
        requestKey,
      })
      .strict(),
    output: reviewView,
  },
  propose: {
    summary: 'Propose the amount (checked by the policy engine now, and again when paid); another reviewer approves.',
    input: z.object({ applicationId: id, amountFen: z.number().int('金额最多两位小数').min(100, '帮扶金额至少 1 元').max(100_000_00, '金额过大'), note: z.string().trim().max(500, '最多 500 字').default('') }).strict(),
    output: reviewView,
  },
  approve: {
    summary: 'Approve the amount another reviewer proposed (four eyes): the 公示 starts today.',
    input: z.object({ applicationId: id }).strict(),
    output: reviewView,
  },
  sendBack: {
    summary: 'Do not approve the proposed amount: back to the reviewers, with the reason.',
    input: z.object({ applicationId: id, reason: reason('原因') }).strict(),
    output: reviewView,
  },
  reject: {
    summary: 'Refuse an application before the decision, with the reason the member reads.',
    input: z.object({ applicationId: id, reason: reason('不予帮扶的原因') }).strict(),
    output: reviewView,
  },
  refer: {
    summary: 'Reviewers: recommend a 大病关爱 case to the union\'s 工委 with a suggested amount; the 工委 decides and pays.',
    input: z
      .object({
        applicationId: id,
        recommendation: z.string().trim().min(5, '请写明推荐意见，至少 5 个字').max(1000, '推荐意见最多 1000 字'),
        suggestedFen: z.number().int('金额最多两位小数').min(100, '建议金额至少 1 元').max(100_000_00, '金额过大'),
      })
      .strict(),
    output: reviewView,
  },
  referrals: {
    summary: "工委 officers: the 大病关爱 cases its unions referred (pending first, oldest first).",
    input: z.object({ stage: z.enum(['pending', 'decided']).default('pending'), page, pageSize }).strict().default({ stage: 'pending', page: 1, pageSize: 20 }),
    output: z.object({ items: z.array(referralRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  },
  referral: {
    summary: '工委 officers: one referral package (the opening is recorded).',
    input: z.object({ referralId: id }).strict(),
    output: referralView,
  },
  decideReferral: {
    summary: "工委 officers: approve (an amount, paid at once from the 工委's own budget and ledger) or decline, with the reason.",
    input: z
      .object({
        referralId: id,
        outcome: z.enum(['approve', 'decline']),
        amountFen: z.number().int('金额最多两位小数').min(100, '金额至少 1 元').max(100_000_00, '金额过大').optional(),
        reason: reason('决定理由'),
      })
      .strict(),
    output: referralView,
  },
  files: {
    summary: 'Reviewers: the households on file (by name), or those whose yearly review is due (oldest first). Closed files are not listed.',
    input: z.object({ stage: z.enum(['active', 'due']).default('active'), page, pageSize }).strict().default({ stage: 'active', page: 1, pageSize: 20 }),
    output: z.object({ items: z.array(fileRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  },
  file: {
    summary: 'Reviewers: one household file (the opening is recorded).',
    input: z.object({ fileId: id }).strict(),
    output: fileView,
  },
  myFile: {
    summary: "The caller's own household file, if there is one.",
    input: noInput,
    output: z.object({ file: fileView.nullable() }),
  },
  fileOpen: {
    summary: 'Reviewers: open a file for a member directly (without an application), with the category and a note.',
    input: z.object({ memberId: id, category: fileCategory, note: z.string().trim().min(2, '请写明建档依据').max(500, '最多 500 字') }).strict(),
    output: fileView,
  },
  fileReview: {
    summary: "Reviewers: the yearly full review — the category as found and a note; the next is due a year later.",
    input: z.object({ fileId: id, category: fileCategory, note: z.string().trim().min(2, '请写明复核情况').max(500, '最多 500 字') }).strict(),
    output: fileView,
  },
  fileClose: {
    summary: 'Reviewers: the household leaves hardship (reason and day); the file is kept, out of lists, for 10 years.',
    input: z.object({ fileId: id, closedOn: dateKey, reason: reason('脱困原因') }).strict(),
    output: fileView,
  },
  filesExport: {
    summary: 'Reviewers: the files on record as Excel, saying who exported it (and recorded in the audit log).',
    input: noInput,
    output: z.object({ url: z.string(), fileName: z.string(), fileID: z.string(), count: z.number().int() }),
  },
  publicity: {
    summary: "The union's 公示 now showing: masked name, department, kind, amount, period. Gone when the period ends.",
    input: z.object({ page, pageSize }).strict().default({ page: 1, pageSize: 20 }),
    output: z.object({ items: z.array(publicityEntrySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  },
  object: {
    summary: 'Object to a 公示 during its period, privately, to the reviewers (once per member and entry): the case is held until resolved.',
    input: z.object({ entryId: z.string().min(1).max(40), text: z.string().trim().min(5, '请写明异议的事实和理由，至少 5 个字').max(500, '异议最多 500 字') }).strict(),
    output: z.object({ received: z.literal(true), at: isoDate }),
  },
  resolve: {
    summary: 'Reviewers: resolve an objection with a reason — not founded (the 公示 goes on) or founded (refused).',
    input: z.object({ applicationId: id, objectionId: id, outcome: z.enum(OBJECTION_OUTCOMES), reason: reason('处理理由') }).strict(),
    output: reviewView,
  },
});

export type HardshipContract = typeof hardshipContract;
