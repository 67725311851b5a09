/**
 * The event form ⇄ `events.publish` / `events.update`: what an officer picks and types on 发布活动 / 修改活动, and the
 * payload the contract checks. Pure (no Taro, no React), so both directions are unit-tested; the clock comes in as
 * `now` wherever it matters.
 */
import type { CallOutput } from '@/core/contracts';
import type { EventAdminView } from '@/core/contracts/events';
import { eventDateIssues, type EventKind } from '@/core/domain/events';
import type { Gender } from '@/core/domain/vocabulary';
import type { ErrorBody } from '@/core/errors';
import { addDays } from '@/core/time';
import type { FieldErrors } from '@/hooks/useForm';
import { nowParts, shanghaiInstant, shanghaiParts } from './format';

export type QuestionType = 'choice' | 'yesno' | 'family';

/** One sign-up question as the officer types it (options and the family limit still as text). */
export interface QuestionDraft {
  key: string;
  type: QuestionType;
  label: string;
  /** choice: the options, separated by commas. */
  options: string;
  /** family: how many family members one member may bring. */
  max: string;
  required: boolean;
}

export interface EventFormValues {
  title: string;
  kind: EventKind | null;
  description: string;
  /** The cover as the function stores it (null: none), and what shows it on this screen (a link or a local file). */
  coverFileID: string | null;
  coverPreview: string | null;
  place: string;
  /** The start date; the end date is the same day unless the event runs over several days (春秋游). */
  date: string;
  startTime: string;
  endDate: string;
  endTime: string;
  unlimited: boolean;
  capacity: string;
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
  cancelDate: string;
  cancelTime: string;
  retirees: boolean;
  gender: Gender | 'all';
  departments: string;
  minAge: string;
  maxAge: string;
  workMeal: boolean;
  questions: QuestionDraft[];
}

/** The time sign-up closes (and cancelling ends) by default: 18:00 the day before the event. */
export const DEFAULT_CLOSE_TIME = '18:00';

/** The editor's field names, for the list of problems above the button. */
export const FIELD_LABELS: Partial<Record<string, string>> = {
  title: '标题',
  kind: '类型',
  description: '说明',
  coverFileID: '封面图片',
  place: '地点',
  startsAt: '开始时间',
  endsAt: '结束时间',
  capacity: '名额',
  signupOpensAt: '报名开始',
  signupClosesAt: '报名截止',
  cancelDeadline: '取消截止',
  'audience.departments': '部门',
  'audience.minAge': '最小年龄',
  'audience.maxAge': '最大年龄',
  'audience.genders': '性别',
  extraFields: '报名问题',
};

/** The problems a value's edit settles (a date and its time share one problem: the instant they make). */
export const SETTLES: Partial<Record<keyof EventFormValues, readonly string[]>> = {
  date: ['startsAt', 'endsAt'],
  startTime: ['startsAt', 'endsAt'],
  endDate: ['endsAt'],
  endTime: ['endsAt'],
  unlimited: ['capacity'],
  opensDate: ['signupOpensAt'],
  opensTime: ['signupOpensAt'],
  closesDate: ['signupClosesAt'],
  closesTime: ['signupClosesAt'],
  cancelDate: ['cancelDeadline'],
  cancelTime: ['cancelDeadline'],
  retirees: ['audience.retirees'],
  gender: ['audience.genders'],
  departments: ['audience.departments'],
  minAge: ['audience.minAge', 'audience.maxAge'],
  maxAge: ['audience.maxAge'],
};

/** A new event's form: nothing picked yet, sign-up opening now (Shanghai clock), open to retirees and everyone. */
export function emptyValues(now: Date): EventFormValues {
  const opens = nowParts(now);
  return {
    title: '',
    kind: null,
    description: '',
    coverFileID: null,
    coverPreview: null,
    place: '',
    date: '',
    startTime: '',
    endDate: '',
    endTime: '',
    unlimited: false,
    capacity: '',
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: '',
    closesTime: '',
    cancelDate: '',
    cancelTime: '',
    retirees: true,
    gender: 'all',
    departments: '',
    minAge: '',
    maxAge: '',
    workMeal: false,
    questions: [],
  };
}

/** The form for an event being edited, or an empty one (`now` only matters then). */
export function valuesOf(e: EventAdminView | null, now: Date): EventFormValues {
  if (!e) return emptyValues(now);
  const starts = shanghaiParts(e.startsAt);
  const ends = shanghaiParts(e.endsAt);
  const opens = shanghaiParts(e.signupOpensAt);
  const closes = shanghaiParts(e.signupClosesAt);
  const cancel = shanghaiParts(e.cancelDeadline);
  const genders = e.audience.genders;
  return {
    title: e.title,
    kind: e.kind,
    description: e.description,
    coverFileID: e.coverFileID,
    coverPreview: e.coverUrl,
    place: e.place,
    date: starts.date,
    startTime: starts.time,
    endDate: ends.date,
    endTime: ends.time,
    unlimited: e.capacity === null,
    capacity: e.capacity === null ? '' : String(e.capacity),
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    cancelDate: cancel.date,
    cancelTime: cancel.time,
    retirees: e.audience.retirees,
    gender: genders && genders.length === 1 ? genders[0] : 'all',
    departments: (e.audience.departments ?? []).join('，'),
    minAge: e.audience.minAge === undefined ? '' : String(e.audience.minAge),
    maxAge: e.audience.maxAge === undefined ? '' : String(e.audience.maxAge),
    workMeal: e.workMeal,
    questions: e.extraFields.map((f) => ({
      key: f.key,
      type: f.type,
      label: f.label,
      options: f.type === 'choice' ? f.options.join('，') : '',
      max: f.type === 'family' ? String(f.max) : '',
      required: f.type === 'family' ? false : f.required,
    })),
  };
}

/**
 * What picking the event's date changes: the end date moves with it (unless the officer set a later one for a
 * multi-day event), and a deadline left empty is filled in: 18:00 the day before.
 */
export function datePicked(values: EventFormValues, date: string): Partial<EventFormValues> {
  const patch: Partial<EventFormValues> = { date };
  if (!values.endDate || values.endDate === values.date || values.endDate < date) patch.endDate = date;
  const before = addDays(date, -1);
  if (!values.closesDate) {
    patch.closesDate = before;
    if (!values.closesTime) patch.closesTime = DEFAULT_CLOSE_TIME;
  }
  if (!values.cancelDate) {
    patch.cancelDate = before;
    if (!values.cancelTime) patch.cancelTime = DEFAULT_CLOSE_TIME;
  }
  return patch;
}

/** A new question of this type, under the first key (q1, q2 …) no other question has. */
export function newQuestion(questions: readonly QuestionDraft[], type: QuestionType): QuestionDraft {
  let n = 1;
  while (questions.some((q) => q.key === `q${n}`)) n++;
  return { key: `q${n}`, type, label: type === 'family' ? '携带家属人数' : '', options: '', max: type === 'family' ? '1' : '', required: true };
}

/** "办公室, 财务科、人事科" → ["办公室", "财务科", "人事科"]: officers type Chinese or English commas alike. */
export function splitList(text: string): string[] {
  return text
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const WHOLE = /^\d{1,6}$/;

/**
 * The contract's fields from what the officer typed, and the problems only the form can name (a date not picked
 * yet, a number that is not one, an event beyond two years from `now`). Everything else is left to the contract's
 * schema, run on the phone first. `memberIds`: an event for named members keeps its list (the form does not edit it).
 */
export function toFields(v: EventFormValues, memberIds: readonly string[] | undefined, now: Date): { fields: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  const instant = (date: string, time: string, field: string, dateWhat: string, timeWhat: string): string => {
    if (!date) problems[field] = `请选择${dateWhat}`;
    else if (!time) problems[field] = `请选择${timeWhat}`;
    // An empty string fails the contract's instant check; the message above is the one shown.
    return shanghaiInstant(date, time) ?? '';
  };
  const startsAt = instant(v.date, v.startTime, 'startsAt', '活动日期', '开始时间');
  // An end date left empty is the start date (an event within one day).
  const endDate = v.endDate || v.date;
  let endsAt = '';
  if (!v.endTime) problems.endsAt = '请选择结束时间';
  else if (endDate) {
    endsAt = shanghaiInstant(endDate, v.endTime) ?? '';
    if (v.date && endDate < v.date) problems.endsAt = '结束日期不能早于开始日期';
    else if (startsAt && endsAt <= startsAt) problems.endsAt = '结束时间应晚于开始时间';
  } else problems.endsAt = '请先选择活动日期';
  // Within two years, not before 2000: the function's own check, said beside the field before sending.
  if (startsAt && endsAt) for (const issue of eventDateIssues({ startsAt: new Date(startsAt), endsAt: new Date(endsAt) }, now)) problems[issue.path[0]] ??= issue.message;
  let capacity: number | null = null;
  if (!v.unlimited) {
    if (WHOLE.test(v.capacity.trim())) capacity = Number(v.capacity.trim());
    else problems.capacity = '请填写名额（人数），或关闭「限定名额」';
  }
  const age = (text: string, field: string): number | undefined => {
    if (text.trim() === '') return undefined;
    if (WHOLE.test(text.trim())) return Number(text.trim());
    problems[field] = '请填写整数周岁，不限请留空';
    return undefined;
  };
  const minAge = age(v.minAge, 'audience.minAge');
  const maxAge = age(v.maxAge, 'audience.maxAge');
  const departments = splitList(v.departments);
  const audience: Record<string, unknown> = { retirees: v.retirees };
  if (v.gender !== 'all') audience.genders = [v.gender];
  if (departments.length > 0) audience.departments = departments;
  if (minAge !== undefined) audience.minAge = minAge;
  if (maxAge !== undefined) audience.maxAge = maxAge;
  if (memberIds && memberIds.length > 0) audience.memberIds = [...memberIds];
  const extraFields = v.questions.map((q, i) => {
    const label = q.label.trim();
    if (q.type === 'choice') return { key: q.key, label, type: q.type, options: splitList(q.options), required: q.required };
    if (q.type === 'yesno') return { key: q.key, label, type: q.type, required: q.required };
    if (!WHOLE.test(q.max.trim())) problems[`extraFields.${i}.max`] = '请填写每人最多可带几位家属';
    return { key: q.key, label, type: q.type, max: Number(q.max.trim()) || 0 };
  });
  if (!v.kind) problems.kind = '请选择活动类型';
  return {
    fields: {
      title: v.title.trim(),
      kind: v.kind ?? undefined,
      description: v.description.trim(),
      coverFileID: v.coverFileID,
      place: v.place.trim(),
      startsAt,
      endsAt,
      capacity,
      signupOpensAt: instant(v.opensDate, v.opensTime, 'signupOpensAt', '报名开始日期', '报名开始时间'),
      signupClosesAt: instant(v.closesDate, v.closesTime, 'signupClosesAt', '报名截止日期', '报名截止时间'),
      cancelDeadline: instant(v.cancelDate, v.cancelTime, 'cancelDeadline', '取消截止日期', '取消截止时间'),
      audience,
      extraFields,
      workMeal: v.workMeal,
    },
    problems,
  };
}

/** What `events.publish` is sent (before the contract's check), with the key that makes a double tap publish once. */
export function publishDraft(values: EventFormValues, requestKey: string, now: Date): { payload: Record<string, unknown>; problems: FieldErrors } {
  const { fields, problems } = toFields(values, undefined, now);
  return { payload: { ...fields, requestKey }, problems };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What `events.update` is sent: only the fields that differ from the event as it was read, so members are told of a
 * change only when there is one. `unchanged`: nothing to send and nothing to fix (say so instead of saving).
 */
export function updateDraft(
  values: EventFormValues,
  original: EventAdminView,
  now: Date,
): { payload: { eventId: string; changes: Record<string, unknown> }; problems: FieldErrors; unchanged: boolean } {
  const memberIds = original.audience.memberIds;
  const { fields, problems } = toFields(values, memberIds, now);
  const before = toFields(valuesOf(original, now), memberIds, now).fields;
  const changes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (!sameValue(v, before[k])) changes[k] = v;
  return { payload: { eventId: original.id, changes }, problems, unchanged: Object.keys(problems).length === 0 && Object.keys(changes).length === 0 };
}

/** The line after 保存修改: who was told, who moved up from the waitlist. */
export function updateDoneText(data: Pick<CallOutput<'events', 'update'>, 'notified' | 'promoted'>): string {
  const told = [data.notified > 0 ? `已通知 ${data.notified} 人` : '', data.promoted > 0 ? `${data.promoted} 人由候补转为正式` : ''].filter(Boolean);
  return told.length > 0 ? `已保存，${told.join('，')}` : '已保存';
}

const OWN_FIELD = /^audience\.retirees$|^workMeal$|^extraFields\.\d+\.(key|label|options|max|required)$/;

/**
 * The form's field for an issue's path (below `changes` when editing): a choice's empty option
 * (extraFields.0.options.2) belongs to its box. Null for an issue no field shows (e.g. ['schedule']): it is listed
 * in the box above the button.
 */
export function eventFieldOf(path: readonly (string | number)[]): string | null {
  const key = path.join('.').replace(/^(extraFields\.\d+\.options)\.\d+$/, '$1');
  return Object.prototype.hasOwnProperty.call(FIELD_LABELS, key) || OWN_FIELD.test(key) ? key : null;
}

/** "报名截止：报名应在活动开始前截止" for the list above the button. */
export function problemLines(errors: FieldErrors): string[] {
  return Object.entries(errors)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, message]) => {
      const q = /^extraFields\.(\d+)\./.exec(key);
      const label = q ? `报名问题 ${Number(q[1]) + 1}` : FIELD_LABELS[key];
      return label ? `${label}：${message}` : message;
    });
}

/**
 * Everything to fix, listed under the box's sentence (the form is long): each field's problem with its name, then
 * the issues no field shows. The sentence itself is not repeated.
 */
export function problemList(errors: FieldErrors, error: ErrorBody | null): string[] {
  if (!error) return [];
  return [...problemLines(errors), ...(error.issues ?? []).map((i) => i.message)].filter((m) => m !== error.message);
}
