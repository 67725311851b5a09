import { z } from '../zod';
import { defineContract, isoDate, noInput } from './contract';
import { CARE_CATEGORIES, CASE_STATUSES, CONTACT_WAYS, HELP_CATEGORIES, INSTANT_CATEGORIES, RATINGS } from '../domain/care';
import { FORMS, ITEMS } from '../policy/items';

const id = z.string().min(1).max(100);
const page = z.coerce.number().int().min(1).max(10_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(50).default(20);
const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期请写成 2026-05-20 这样的格式');
const requestKey = z.string().min(8).max(64);

/** Photos or documents the member uploaded to their own folder (the function copies them into the case). */
const upload = z
  .object({
    fileID: z.string().startsWith('cloud://').max(500),
    /** The name the person's phone gave the file (十一月工资条.pdf), shown on the case; the upload's own name is random. */
    name: z.string().trim().max(80, '文件名最多 80 个字').default(''),
  })
  .strict();
const uploads = z.array(upload).max(6, '最多 6 个附件').default([]);
const text = (what: string, max: number) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}最多 ${max} 字`);
const reason = (what: string) => z.string().trim().min(2, `请写明${what}`).max(200, `${what}最多 200 字`);

/** A file of a case, as whoever may see the case reads it: a temporary link. */
const attachment = z.object({ fileID: z.string(), url: z.string(), name: z.string(), isImage: z.boolean() });

/** One line of a case's conversation. Internal notes reach only handlers; a member never receives one. */
const message = z.object({
  id: z.string(),
  at: isoDate,
  from: z.enum(['member', 'handler', 'system']),
  /** 匿名会员 for an anonymous sender; the handler's name; or nothing for a system line. */
  authorName: z.string(),
  internal: z.boolean(),
  text: z.string(),
  attachments: z.array(attachment),
});

/** A step of the timeline: the status reached, when, and the reason where there is one (退回, 转派, 撤回). */
const step = z.object({ status: z.enum(CASE_STATUSES), label: z.string(), at: isoDate, note: z.string() });

/**
 * A 即时关爱 visit (看望) as the caller may read it. Staff (the handler, officers, the chair) read everything: who
 * went, what was brought, the photos, who recorded it and the 慰问 paid through the ledger. The member concerned
 * reads `line` alone ("工会于12月3日看望了您", and what they were given: it is their own benefit, which 我的福利
 * shows them anyway); a colleague who reported it reads that the union visited (工会于12月3日看望了孙审计) and no
 * amount, gift, name or photo. For members every field but `id`, `visitedOn` and `line` is null or empty.
 */
const visitView = z.object({
  id: z.string(),
  /** The day of the visit (Shanghai date key). */
  visitedOn: z.string(),
  line: z.string(),
  visitors: z.string().nullable(),
  brought: z.string().nullable(),
  photos: z.array(attachment),
  recordedBy: z.string().nullable(),
  /** The 慰问 paid with it (staff only): its ledger entry, item, amount and form. */
  payment: z
    .object({ entryId: z.string(), item: z.enum(ITEMS), itemLabel: z.string(), amountFen: z.number().int(), form: z.enum(FORMS), formLabel: z.string() })
    .nullable(),
  at: isoDate,
});
export type VisitView = z.output<typeof visitView>;

/** What the member who asked sees of their case, and what a handler sees besides (`staff`). */
export const caseView = z.object({
  id: z.string(),
  kind: z.enum(['help', 'instant']),
  category: z.enum(CARE_CATEGORIES),
  categoryLabel: z.string(),
  title: z.string(),
  body: z.string(),
  contact: z.enum(CONTACT_WAYS),
  urgent: z.boolean(),
  anonymous: z.boolean(),
  private: z.boolean(),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  /** 匿名会员 to handlers of an anonymous suggestion. */
  requesterName: z.string(),
  /** 即时关爱: whom the report is about, and the date and place (hospital) reported. */
  subjectName: z.string().nullable(),
  eventDate: z.string().nullable(),
  place: z.string(),
  handlerName: z.string().nullable(),
  /** The date (Shanghai) by which it is to be accepted, then closed: counted in working days. */
  acceptDueDate: z.string(),
  closeDueDate: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: isoDate,
  updatedAt: isoDate,
  steps: z.array(step),
  messages: z.array(message),
  attachments: z.array(attachment),
  rating: z.enum(RATINGS).nullable(),
  ratingComment: z.string(),
  /** 办结: what was done. */
  summary: z.string(),
  reopened: z.boolean(),
  supervised: z.boolean(),
  /** 即时关爱: the visits recorded, oldest first, as the caller may read them (see visitView). */
  visits: z.array(visitView),
  /** What the caller may do now (the page shows these buttons only). */
  can: z.array(z.enum(['withdraw', 'addInfo', 'rate', 'accept', 'assign', 'reply', 'note', 'sendBack', 'close', 'reveal', 'visit'])),
});
export type CaseView = z.output<typeof caseView>;

/** A line of a list: no body, no conversation. */
export const caseRow = z.object({
  id: z.string(),
  kind: z.enum(['help', 'instant']),
  category: z.enum(CARE_CATEGORIES),
  categoryLabel: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  urgent: z.boolean(),
  private: z.boolean(),
  requesterName: z.string(),
  handlerName: z.string().nullable(),
  /** The next deadline while open: accepting, then closing. */
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  supervised: z.boolean(),
  updatedAt: isoDate,
});
export type CaseRow = z.output<typeof caseRow>;

const list = z.object({ items: z.array(caseRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

const deadline = z.object({ accept: z.number().int().min(0).max(30), close: z.number().int().min(1).max(60) }).strict();
const arrangement = z.object({ off: z.array(dateKey).max(60).default([]), on: z.array(dateKey).max(60).default([]) }).strict();

export const careSettings = z.object({
  deadlines: z.record(z.enum(HELP_CATEGORIES), deadline),
  /** 放假安排 an officer entered, for years the calendar library does not know yet. */
  arrangements: z.record(z.string().regex(/^\d{4}$/), arrangement),
});

/** A share: how many of `of` cases met it (the page writes the percent; `of` 0 is "—"). */
const share = z.object({ hit: z.number().int(), of: z.number().int() });

/**
 * The figures of a set of cases (a month, a category, the period), all counted by the month a case was received
 * in (Shanghai), whatever happened to it since. See server/care/stats.ts for each definition.
 */
export const careFigures = z.object({
  /** Every case received, private and anonymous ones included (by category only). */
  received: z.number().int(),
  /** Accepted (受理; a 即时关爱 report confirmed), now or at some time. */
  accepted: z.number().int(),
  closed: z.number().int(),
  withdrawn: z.number().int(),
  returned: z.number().int(),
  /** Median working days from received to accepted (0: the day it arrived, or the first working day after); null: none accepted. */
  medianAcceptDays: z.number().nullable(),
  /** Accepted by the accept deadline, of those accepted or still waiting past it. */
  acceptOnTime: share,
  /** Closed by the close deadline, of those closed or still open past it. */
  closeOnTime: share,
  /** Both: of the cases closed or already late, those accepted and closed on time. */
  onTime: share,
  /** Each case's latest rating. */
  ratings: z.object({ satisfied: z.number().int(), fair: z.number().int(), unsatisfied: z.number().int() }),
  /** Still open now, and of those past a deadline now. */
  open: z.number().int(),
  overdue: z.number().int(),
});
export type CareFigures = z.output<typeof careFigures>;

const statsPeriod = z
  .object({
    year: z.coerce.number({ error: '请选择年份' }).int().min(2020, '年份不正确').max(2100, '年份不正确'),
    /** Absent: the whole year, month by month. */
    month: z.coerce.number().int().min(1, '月份不正确').max(12, '月份不正确').optional(),
  })
  .strict();

/** The `care` cloud function (会员关爱中心): every action's name, input and output. */
export const careContract = defineContract('care', {
  // ——— members ———
  submit: {
    summary: 'Ask for help or make a suggestion: category, title, what happened, up to 6 uploads, how to reach the member, urgent; a suggestion may be anonymous. One case per requestKey.',
    input: z
      .object({
        category: z.enum(HELP_CATEGORIES, { error: '请选择类别' }),
        title: z.string().trim().min(2, '标题至少 2 个字').max(30, '标题最多 30 个字'),
        body: text('事情经过', 1000),
        attachments: uploads,
        contact: z.enum(CONTACT_WAYS, { error: '请选择联系方式' }),
        urgent: z.boolean().default(false),
        anonymous: z.boolean().default(false),
        requestKey,
      })
      .strict()
      .refine((v) => !v.anonymous || v.category === 'suggestion', { message: '只有意见建议可以匿名提交', path: ['anonymous'] }),
    output: z.object({ case: caseView, repeated: z.boolean() }),
  },
  report: {
    summary: '即时关爱: report a hospitalisation, a bereavement, a marriage, a birth or a retirement, for oneself or a colleague of the same union.',
    input: z
      .object({
        category: z.enum(INSTANT_CATEGORIES, { error: '请选择事项' }),
        /** Absent: the member reports about themself. */
        subjectMemberId: id.optional(),
        eventDate: dateKey,
        place: z.string().trim().max(60, '地点最多 60 个字').default(''),
        note: z.string().trim().max(500, '补充说明最多 500 字').default(''),
        requestKey,
      })
      .strict(),
    output: z.object({ case: caseView, repeated: z.boolean() }),
  },
  colleagues: {
    summary: 'Colleagues of the same union by name, for a 即时关爱 report: name and department only.',
    input: z.object({ q: z.string().trim().min(1, '请输入同事的姓名').max(20) }).strict(),
    output: z.object({ items: z.array(z.object({ memberId: z.string(), name: z.string(), department: z.string() })) }),
  },
  mine: {
    summary: "The caller's cases (asked and reported, and reports about them), newest first.",
    input: z.object({ page, pageSize }).strict(),
    output: list,
  },
  get: {
    summary: 'One case, as the caller may see it: its member, the member it is about, its handler, officers (private cases: the handler and the chair only; reads audited).',
    input: z.object({ caseId: id }).strict(),
    output: caseView,
  },
  addInfo: {
    summary: 'The member adds information (text and uploads) to an open case.',
    input: z.object({ caseId: id, text: text('补充内容', 1000), attachments: uploads }).strict(),
    output: caseView,
  },
  withdraw: {
    summary: 'The member withdraws a case before it is accepted.',
    input: z.object({ caseId: id, reason: z.string().trim().max(200).default('') }).strict(),
    output: caseView,
  },
  rate: {
    summary: 'After the answer: 满意 / 基本满意 / 不满意 with a comment; 不满意 reopens it once and puts it before the chair.',
    input: z.object({ caseId: id, rating: z.enum(RATINGS, { error: '请选择满意程度' }), comment: z.string().trim().max(200, '评价最多 200 字').default('') }).strict(),
    output: caseView,
  },
  // ——— officers and named handlers ———
  queue: {
    summary: 'The handling queue: new, mine, due soon, overdue, supervised, all; by category; search by title.',
    input: z
      .object({
        view: z.enum(['new', 'mine', 'dueSoon', 'overdue', 'supervised', 'all']).default('new'),
        category: z.enum(CARE_CATEGORIES).optional(),
        q: z.string().trim().max(30).default(''),
        page,
        pageSize,
      })
      .strict(),
    output: list.extend({ counts: z.object({ new: z.number().int(), mine: z.number().int(), dueSoon: z.number().int(), overdue: z.number().int(), supervised: z.number().int() }) }),
  },
  handlers: {
    summary: 'Who a case may be assigned to: officers, the chair and named handlers (关爱专员), with what each may take.',
    input: noInput,
    output: z.object({ items: z.array(z.object({ memberId: z.string(), name: z.string(), roleLabel: z.string(), mayTakePrivate: z.boolean() })) }),
  },
  accept: {
    summary: '受理: the caller becomes the handler and the closing deadline starts. Two at once: one wins, the other is told.',
    input: z.object({ caseId: id }).strict(),
    output: caseView,
  },
  assign: {
    summary: '转派: give the case to another officer or named handler, with a reason.',
    input: z.object({ caseId: id, handlerId: id, reason: reason('转派原因') }).strict(),
    output: caseView,
  },
  reply: {
    summary: 'Answer the member (text and uploads); the member is told.',
    input: z.object({ caseId: id, text: text('答复内容', 1000), attachments: uploads }).strict(),
    output: caseView,
  },
  note: {
    summary: 'An internal note the member never sees.',
    input: z.object({ caseId: id, text: text('备注', 1000) }).strict(),
    output: caseView,
  },
  sendBack: {
    summary: '退回 with a reason (not the union’s business, a duplicate…); the member is told.',
    input: z.object({ caseId: id, reason: reason('退回原因') }).strict(),
    output: caseView,
  },
  close: {
    summary: '办结 with a summary of what was done; the member is told and asked to rate it.',
    input: z.object({ caseId: id, summary: z.string().trim().min(2, '请写明办理结果').max(1000, '办理结果最多 1000 字') }).strict(),
    output: caseView,
  },
  visit: {
    summary:
      '即时关爱: record a visit to a confirmed report (date, who went, what was brought, up to 6 photos) and optionally its 慰问 through the ledger (the item from the report; amount and form decided by the policy engine), in one transaction with the case (已慰问) and its audit record. Money needs ledger.write. One visit per requestKey.',
    input: z
      .object({
        caseId: id,
        /** The day of the visit (Shanghai): not in the future. */
        visitedOn: dateKey,
        visitors: text('慰问人员', 100),
        brought: z.string().trim().max(200, '带去的物品最多 200 字').default(''),
        /** Photos the officer uploaded to their own folder (copied into the case). */
        photos: uploads,
        /** The 慰问 given at the visit; absent for a visit without money or goods recorded. */
        payment: z
          .object({
            amountFen: z.number({ error: '请填写慰问金额' }).int('金额最多精确到分').min(1, '金额必须大于 0').max(10_000_000, '金额过大'),
            form: z.enum(FORMS, { error: '请选择发放形式' }),
            /**
             * 生病住院: which illness (one payment per illness per year). Absent: this case's id. Another case's id (an
             * earlier report of the same illness of the same member) counts both as one illness.
             */
            illnessKey: id.optional(),
          })
          .strict()
          .optional(),
        requestKey,
      })
      .strict(),
    output: z.object({
      case: caseView,
      /** The same requestKey again: the visit recorded the first time, nothing new written. */
      repeated: z.boolean(),
      /** The ledger's warnings (a budget line at 80%). */
      warnings: z.array(z.string()),
    }),
  },
  reveal: {
    summary: 'The chair only: who sent an anonymous suggestion, with a reason (abuse); audited.',
    input: z.object({ caseId: id, reason: reason('查看原因') }).strict(),
    output: z.object({ name: z.string(), department: z.string() }),
  },
  // ——— officers and the chair: figures and the Excel ———
  stats: {
    summary:
      'Figures of a year month by month (or of one month), and of the period by category: received, accepted, median working days to accept, on time, satisfaction, open and overdue now. Private cases are counted by category only.',
    input: statsPeriod,
    output: z.object({
      year: z.number().int(),
      month: z.number().int().nullable(),
      /** The instant "open" and "overdue now" were counted at. */
      asOf: isoDate,
      /** Where the year's working days come from (weekends only: the median and due dates ignore the holidays). */
      calendar: z.enum(['library', 'union', 'weekends']),
      total: careFigures,
      /** The year's 12 months (or the one month asked for), in order, empty months included. */
      months: z.array(z.object({ month: z.number().int(), figures: careFigures })),
      /** Every category, in the form's order, empty ones included. */
      categories: z.array(z.object({ category: z.enum(CARE_CATEGORIES), categoryLabel: z.string(), private: z.boolean(), figures: careFigures })),
    }),
  },
  export: {
    summary:
      "The period's cases as an Excel file: number, category, status, dates, deadlines, on time, handler, rating; title, requester and result only for cases neither private (内容保密) nor anonymous (匿名会员). Audited.",
    input: statsPeriod,
    output: z.object({ url: z.string(), fileName: z.string(), fileID: z.string(), count: z.number().int() }),
  },
  settingsGet: {
    summary: "The union's care settings: deadlines per category in working days, and the 放假安排 entered for years the calendar does not know; which years are known.",
    input: noInput,
    output: careSettings.extend({ knownYears: z.array(z.number().int()), currentYear: z.number().int(), calendar: z.array(z.object({ year: z.number().int(), source: z.enum(['library', 'union', 'weekends']) })) }),
  },
  settingsSave: {
    summary: 'Save the deadlines and the 放假安排 of unknown years.',
    input: careSettings.strict(),
    output: careSettings,
  },
});

export type CareContract = typeof careContract;
