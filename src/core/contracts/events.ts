import { z } from '../zod';
import { defineContract, isoDate, noInput } from './contract';
import { EVENT_KINDS } from '../domain/events';
import { GENDERS } from '../domain/vocabulary';
import { FORMS } from '../policy/items';

const id = z.string().min(1).max(100);
const page = z.coerce.number().int().min(1).max(10_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(50).default(20);

/** An instant on the wire in: an ISO 8601 string with its offset (the phone sends `toISOString()`). */
const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, '时间格式不正确')
  .transform((s) => new Date(s))
  .refine((d) => !Number.isNaN(d.getTime()), '时间格式不正确')
  // No time a union sets is outside these years (a year typed 9999 is a typo); publish and update also keep an
  // event within two years of now (core/domain/events eventDateIssues).
  .refine((d) => Number.isNaN(d.getTime()) || (d.getUTCFullYear() >= 1999 && d.getUTCFullYear() <= 2100), '时间超出范围，请核对年份');

const fieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, '字段标识只能用小写字母、数字和下划线');
const fieldLabel = z.string().trim().min(1, '请填写问题').max(20, '问题最多 20 个字');

export const extraFieldSchema = z.discriminatedUnion('type', [
  z.object({ key: fieldKey, label: fieldLabel, type: z.literal('choice'), options: z.array(z.string().trim().min(1).max(20)).min(2, '至少两个选项').max(12, '最多 12 个选项'), required: z.boolean().default(true) }).strict(),
  z.object({ key: fieldKey, label: fieldLabel, type: z.literal('yesno'), required: z.boolean().default(true) }).strict(),
  z.object({ key: fieldKey, label: fieldLabel, type: z.literal('family'), max: z.number().int().min(1, '每人至少可带 1 人').max(10, '每人最多带 10 人') }).strict(),
]);

export const audienceSchema = z
  .object({
    genders: z.array(z.enum(GENDERS)).min(1).optional(),
    departments: z.array(z.string().trim().min(1).max(50)).min(1).max(50).optional(),
    minAge: z.number().int().min(16).max(100).optional(),
    maxAge: z.number().int().min(16).max(100).optional(),
    memberIds: z.array(id).min(1).max(2000).optional(),
    retirees: z.boolean().default(true),
  })
  .strict()
  .refine((a) => a.minAge === undefined || a.maxAge === undefined || a.minAge <= a.maxAge, { message: '最小年龄不能大于最大年龄', path: ['maxAge'] });

const extraFieldsSchema = z
  .array(extraFieldSchema)
  .max(8, '最多 8 个报名问题')
  .refine((fs) => new Set(fs.map((f) => f.key)).size === fs.length, '报名问题的标识不能重复')
  .refine((fs) => fs.filter((f) => f.type === 'family').length <= 1, '只能有一个携带家属人数问题');

/** What an officer fills in. No defaults here: an edit sends only what changes (defaults are the publish form's). */
const eventFields = {
  title: z.string().trim().min(2, '标题至少 2 个字').max(40, '标题最多 40 个字'),
  kind: z.enum(EVENT_KINDS),
  description: z.string().trim().max(2000, '说明最多 2000 字'),
  coverFileID: z.string().startsWith('cloud://').max(500).nullable(),
  place: z.string().trim().min(1, '请填写地点').max(100),
  startsAt: instant,
  endsAt: instant,
  /** Seats including family members; null = unlimited. */
  capacity: z.number().int().min(1, '名额至少为 1').max(100_000).nullable(),
  signupOpensAt: instant,
  signupClosesAt: instant,
  cancelDeadline: instant,
  audience: audienceSchema,
  extraFields: extraFieldsSchema,
  workMeal: z.boolean(),
};

const publishFields = {
  ...eventFields,
  description: eventFields.description.default(''),
  coverFileID: eventFields.coverFileID.default(null),
  audience: audienceSchema.default({ retirees: true }),
  extraFields: extraFieldsSchema.default([]),
  workMeal: eventFields.workMeal.default(false),
};

const answers = z.record(z.string().max(32), z.union([z.string().max(50), z.boolean(), z.number()]));

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;

const extraFieldView = z.union([
  z.object({ key: z.string(), label: z.string(), type: z.literal('choice'), options: z.array(z.string()), required: z.boolean() }),
  z.object({ key: z.string(), label: z.string(), type: z.literal('yesno'), required: z.boolean() }),
  z.object({ key: z.string(), label: z.string(), type: z.literal('family'), max: z.number().int() }),
]);

/** The caller's own sign-up. */
export const mySignupView = z.object({
  status: z.enum(SIGNUP_STATUSES),
  seats: z.number().int(),
  answers,
  /** 1-based place on the waitlist (null unless waitlisted). */
  position: z.number().int().nullable(),
  /** What the member shows at the door (confirmed only). */
  checkinCode: z.string().nullable(),
  checkedInAt: isoDate.nullable(),
  signedUpAt: isoDate,
});
export type MySignupView = z.infer<typeof mySignupView>;

/** An event as a member's list shows it. */
export const eventCard = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  kindLabel: z.string(),
  place: z.string(),
  startsAt: isoDate,
  endsAt: isoDate,
  signupClosesAt: isoDate,
  cancelDeadline: isoDate,
  status: z.enum(['open', 'closed', 'cancelled']),
  capacity: z.number().int().nullable(),
  seatsLeft: z.number().int().nullable(),
  waitlistCount: z.number().int(),
  workMeal: z.boolean(),
  hasQuestions: z.boolean(),
  coverUrl: z.string().nullable(),
  /** Whether the caller can sign up now, and if not, why (in Chinese). */
  joinable: z.boolean(),
  reason: z.string().nullable(),
  mine: z.object({ status: z.enum(SIGNUP_STATUSES), position: z.number().int().nullable() }).nullable(),
});
export type EventCard = z.infer<typeof eventCard>;

export const eventDetail = eventCard.extend({
  description: z.string(),
  signupOpensAt: isoDate,
  extraFields: z.array(extraFieldView),
  audienceText: z.string(),
  mySignup: mySignupView.nullable(),
  /** The caller may cancel now (signed up, before the deadline). */
  cancellable: z.boolean(),
  /** The results the officers published after the event ('' until then). */
  results: z.string(),
});
export type EventDetail = z.infer<typeof eventDetail>;

/** What an officer sees of an event (for the admin list and the editor). */
/** An event in the officers' list: the card and its counts, nothing heavy (no audience list, questions or texts). */
export const eventAdminRow = eventCard.omit({ joinable: true, reason: true, mine: true }).extend({
  signupOpensAt: isoDate,
  confirmedCount: z.number().int(),
  seatsTaken: z.number().int(),
  checkedInCount: z.number().int(),
});
export type EventAdminRow = z.infer<typeof eventAdminRow>;

export const eventAdminView = eventCard.omit({ joinable: true, reason: true, mine: true }).extend({
  description: z.string(),
  coverFileID: z.string().nullable(),
  signupOpensAt: isoDate,
  audience: z.object({
    genders: z.array(z.enum(GENDERS)).optional(),
    departments: z.array(z.string()).optional(),
    minAge: z.number().int().optional(),
    maxAge: z.number().int().optional(),
    memberIds: z.array(z.string()).optional(),
    retirees: z.boolean(),
  }),
  audienceText: z.string(),
  extraFields: z.array(extraFieldView),
  confirmedCount: z.number().int(),
  seatsTaken: z.number().int(),
  checkedInCount: z.number().int(),
  /** The code members scan (or type) to check themselves in on the day. */
  eventCode: z.string(),
  results: z.string(),
  createdBy: z.string(),
  updatedAt: isoDate,
});
export type EventAdminView = z.infer<typeof eventAdminView>;

export const rosterEntry = z.object({
  memberId: z.string(),
  name: z.string(),
  employeeNo: z.string(),
  department: z.string(),
  status: z.enum(SIGNUP_STATUSES),
  seats: z.number().int(),
  answers,
  answersText: z.string(),
  position: z.number().int().nullable(),
  signedUpAt: isoDate,
  checkedInAt: isoDate.nullable(),
});
export type RosterEntry = z.infer<typeof rosterEntry>;

/** A prize given at the event, as the ledger holds it (a prize reversed in the ledger is not listed). */
export const prizeView = z.object({
  memberId: z.string(),
  name: z.string(),
  amountFen: z.number().int(),
  form: z.enum(FORMS),
  formLabel: z.string(),
  note: z.string(),
  entryId: z.string(),
  at: isoDate,
});
export type PrizeView = z.infer<typeof prizeView>;

const tally = z.object({ key: z.string(), label: z.string(), counts: z.array(z.object({ option: z.string(), count: z.number().int() })) });

export const eventsContract = defineContract('events', {
  list: {
    summary: "Events of the caller's union, upcoming first, each with whether the caller may sign up and why not.",
    input: z.object({ scope: z.enum(['upcoming', 'past']).default('upcoming'), page, pageSize }).strict(),
    output: z.object({ items: z.array(eventCard), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  },
  get: {
    summary: 'One event with the caller’s own sign-up.',
    input: z.object({ eventId: id }).strict(),
    output: eventDetail,
  },
  signup: {
    summary: 'Sign up: a seat if one is free and nobody waits, else a place on the waitlist. Signing up twice is one sign-up.',
    input: z.object({ eventId: id, answers: answers.default({}) }).strict(),
    output: z.object({ signup: mySignupView, repeated: z.boolean() }),
  },
  cancelSignup: {
    summary: "Cancel the caller's sign-up before the deadline; a freed seat goes to the first on the waitlist.",
    input: z.object({ eventId: id }).strict(),
    output: z.object({ signup: mySignupView }),
  },
  mine: {
    summary: "The caller's sign-ups (not cancelled), soonest first, with the check-in code.",
    input: noInput,
    output: z.object({ items: z.array(z.object({ event: eventCard, signup: mySignupView })) }),
  },
  checkinSelf: {
    summary: "Check oneself in with the event's code shown at the door: typed, or scanned from its QR code (`event:<eventId>:<code>`).",
    input: z.object({ eventId: id, code: z.string().trim().min(4, '请输入签到码').max(120, '签到码不正确') }).strict(),
    output: z.object({ signup: mySignupView }),
  },

  adminList: {
    summary: 'Every event of the union, newest start first (officers).',
    input: z.object({ page, pageSize }).strict(),
    output: z.object({ items: z.array(eventAdminRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  },
  adminGet: {
    summary: 'One event as its officers see it.',
    input: z.object({ eventId: id }).strict(),
    output: eventAdminView,
  },
  publish: {
    summary: 'Publish an event; members may sign up from signupOpensAt.',
    input: z.object({ ...publishFields, requestKey: z.string().min(8).max(64) }).strict(),
    output: z.object({ event: eventAdminView, repeated: z.boolean() }),
  },
  update: {
    summary: 'Edit an event. More seats promote from the waitlist; changes of time or place are told to everyone signed up.',
    input: z.object({ eventId: id, changes: z.object(eventFields).partial().strict() }).strict(),
    output: z.object({ event: eventAdminView, notified: z.number().int(), promoted: z.number().int() }),
  },
  close: {
    summary: 'Stop sign-ups early (cancellations and the waitlist still work).',
    input: z.object({ eventId: id }).strict(),
    output: z.object({ event: eventAdminView }),
  },
  cancel: {
    summary: 'Cancel the event; everyone signed up is told.',
    input: z.object({ eventId: id, reason: z.string().trim().min(2, '请写明取消原因').max(100) }).strict(),
    output: z.object({ event: eventAdminView, notified: z.number().int() }),
  },
  roster: {
    summary: 'The live roster: confirmed, waitlisted in order, cancelled, checked in; tallies of the answers.',
    input: z.object({ eventId: id }).strict(),
    output: z.object({
      event: eventAdminView,
      entries: z.array(rosterEntry),
      counts: z.object({ confirmed: z.number().int(), seats: z.number().int(), waitlisted: z.number().int(), cancelled: z.number().int(), checkedIn: z.number().int(), family: z.number().int() }),
      tallies: z.array(tally),
      prizes: z.array(prizeView),
      /** By the function's clock: results and prizes once started; no cancelling once ended. */
      started: z.boolean(),
      ended: z.boolean(),
    }),
  },
  checkin: {
    summary: "Check a member in by the code on their phone (scanned or typed); never twice, only if confirmed.",
    input: z.object({ eventId: id, code: z.string().trim().min(4, '请输入签到码').max(120, '签到码不正确') }).strict(),
    output: z.object({ entry: rosterEntry }),
  },
  export: {
    summary: 'The roster as an Excel file.',
    input: z.object({ eventId: id }).strict(),
    output: z.object({ url: z.string(), fileName: z.string(), fileID: z.string(), count: z.number().int() }),
  },
  results: {
    summary:
      'Publish the results and record prizes; each prize is a payout through the policy engine and the ledger, all checked before any is recorded. A prize already recorded is not recorded again.',
    input: z
      .object({
        eventId: id,
        /** Absent: the published results stay as they are. */
        results: z.string().trim().max(1000).optional(),
        prizes: z
          .array(z.object({ memberId: id, amountFen: z.number().int().min(1, '金额必须大于 0').max(1_000_000, '金额过大'), form: z.enum(FORMS), note: z.string().trim().max(100).default('') }).strict())
          .max(100, '一次最多登记 100 项奖品')
          .default([]),
      })
      .strict(),
    output: z.object({ results: z.string(), prizes: z.array(prizeView.extend({ repeated: z.boolean() })) }),
  },
});

export type EventsContract = typeof eventsContract;
