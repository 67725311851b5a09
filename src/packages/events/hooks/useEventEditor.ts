import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { EventAdminView } from '@/core/contracts/events';
import { eventDateIssues, type EventKind } from '@/core/domain/events';
import type { Gender } from '@/core/domain/vocabulary';
import type { ErrorBody, ErrorIssue } from '@/core/errors';
import { addDays } from '@/core/time';
import { checkPayload } from '@/services/cloud';
import { chooseAndUploadImage, releasePreview } from '@/services/files';
import { nowParts, shanghaiInstant, shanghaiParts } from '../format';
import { randomId } from '@/services/ids';
import { ROUTES, withQuery } from '@/services/routes';
import { useAction } from '@/hooks/useAction';
import { useForm, type FieldErrors } from '@/hooks/useForm';

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
const DEFAULT_CLOSE_TIME = '18:00';

/** The editor's field names, for the list of problems above the button. */
const FIELD_LABELS: Partial<Record<string, string>> = {
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
const SETTLES: Partial<Record<keyof EventFormValues, string[]>> = {
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

function emptyValues(): EventFormValues {
  const now = nowParts();
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
    opensDate: now.date,
    opensTime: now.time,
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

function valuesOf(e: EventAdminView | null): EventFormValues {
  if (!e) return emptyValues();
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

/** "办公室, 财务科、人事科" → ["办公室", "财务科", "人事科"]: officers type Chinese or English commas alike. */
function splitList(text: string): string[] {
  return text
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const WHOLE = /^\d{1,6}$/;

/**
 * The contract's fields from what the officer typed, and the problems only the form can name (a date not picked
 * yet, a number that is not one). Everything else is left to the contract's schema, run on the phone first.
 */
function toFields(v: EventFormValues, memberIds: string[] | undefined): { fields: Record<string, unknown>; problems: FieldErrors } {
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
  if (startsAt && endsAt) for (const issue of eventDateIssues({ startsAt: new Date(startsAt), endsAt: new Date(endsAt) }, new Date())) problems[issue.path[0]] ??= issue.message;
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
  if (memberIds && memberIds.length > 0) audience.memberIds = memberIds;
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

/** Issue paths as the form's field keys: a choice's empty option (extraFields.0.options.2) belongs to its box. */
function fieldKeyOf(issue: ErrorIssue, prefix: readonly string[]): string | null {
  if (!prefix.every((p, i) => issue.path[i] === p)) return null;
  const key = issue.path
    .slice(prefix.length)
    .join('.')
    .replace(/^(extraFields\.\d+\.options)\.\d+$/, '$1');
  return key in FIELD_LABELS || /^audience\.retirees$|^workMeal$|^extraFields\.\d+\.(key|label|options|max|required)$/.test(key) ? key : null;
}

/** The first problem of each field the form shows; issues of no field (e.g. ['schedule']) are left out. */
function fieldsOf(issues: readonly ErrorIssue[] | undefined, prefix: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues ?? []) {
    const key = fieldKeyOf(issue, prefix);
    if (key !== null && out[key] === undefined) out[key] = issue.message;
  }
  return out;
}

/** "报名截止：报名应在活动开始前截止" for the list above the button. */
function problemLines(errors: FieldErrors): string[] {
  return Object.entries(errors)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, message]) => {
      const q = /^extraFields\.(\d+)\./.exec(key);
      const label = q ? `报名问题 ${Number(q[1]) + 1}` : FIELD_LABELS[key];
      return label ? `${label}：${message}` : message;
    });
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * 发布活动 / 修改活动 (`events.publish` with a requestKey made when the form opens, so a double tap publishes once;
 * `events.update` with only the fields that changed, so members are told of a change only when there is one).
 * Problems show beside their fields and, all together, above the button (the form is long).
 */
export function useEventEditor(original: EventAdminView | null, openid: string) {
  const form = useForm<EventFormValues>(() => valuesOf(original));
  const [requestKey] = useState(randomId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const [coverUploading, setCoverUploading] = useState(false);
  const [coverError, setCoverError] = useState<ErrorBody | null>(null);
  const publish = useAction('events', 'publish');
  const update = useAction('events', 'update');
  const { values } = form;
  const memberIds = original?.audience.memberIds;

  const settle = (keys: readonly string[]) =>
    setErrors((e) => (keys.some((k) => e[k] !== undefined) ? Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))) : e));

  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => {
    form.set(key, value);
    settle(SETTLES[key] ?? [key]);
  };

  /**
   * Picking the event's date moves the end date with it (unless the officer set a later one for a multi-day
   * event), and fills in a deadline left empty: 18:00 the day before.
   */
  const setDate = (date: string) => {
    set('date', date);
    if (!values.endDate || values.endDate === values.date || values.endDate < date) form.set('endDate', date);
    const before = addDays(date, -1);
    if (!values.closesDate) {
      form.set('closesDate', before);
      if (!values.closesTime) form.set('closesTime', DEFAULT_CLOSE_TIME);
    }
    if (!values.cancelDate) {
      form.set('cancelDate', before);
      if (!values.cancelTime) form.set('cancelTime', DEFAULT_CLOSE_TIME);
    }
  };

  // A local preview (a browser's blob: address) is let go when another replaces it and when the form closes.
  const preview = useRef(values.coverPreview);
  preview.current = values.coverPreview;
  useEffect(() => () => releasePreview(preview.current), []);
  const setCover = (fileID: string | null, previewUrl: string | null) => {
    releasePreview(values.coverPreview);
    set('coverFileID', fileID);
    form.set('coverPreview', previewUrl);
  };

  /** 上传封面 / 更换: pick a picture and upload it to the officer's own folder; the function checks and keeps it on 发布 / 保存. */
  const uploadCover = async () => {
    if (coverUploading) return;
    setCoverError(null);
    setCoverUploading(true);
    try {
      const reply = await chooseAndUploadImage(openid);
      if (!reply.ok) setCoverError(reply.error);
      else if (reply.data) setCover(reply.data.fileID, reply.data.previewUrl);
    } finally {
      setCoverUploading(false);
    }
  };
  const removeCover = () => {
    setCoverError(null);
    setCover(null, null);
  };

  const setQuestions = (questions: QuestionDraft[]) => form.set('questions', questions);
  const addQuestion = (type: QuestionType) => {
    let n = 1;
    while (values.questions.some((q) => q.key === `q${n}`)) n++;
    const label = type === 'family' ? '携带家属人数' : '';
    setQuestions([...values.questions, { key: `q${n}`, type, label, options: '', max: type === 'family' ? '1' : '', required: true }]);
  };
  const setQuestion = (index: number, patch: Partial<QuestionDraft>) => {
    setQuestions(values.questions.map((q, i) => (i === index ? { ...q, ...patch } : q)));
    settle(['extraFields', ...Object.keys(patch).map((k) => `extraFields.${index}.${k}`)]);
  };
  // Problems of the questions are addressed by index: after a removal they would point at the wrong one.
  const removeQuestion = (index: number) => {
    setQuestions(values.questions.filter((_, i) => i !== index));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('extraFields.'))));
  };

  const fail = (fieldErrors: FieldErrors, body: ErrorBody, prefix: readonly string[] = []) => {
    setErrors(fieldErrors);
    // Issues no field shows (e.g. a schedule that does not add up) are listed under the sentence, each once.
    const unplaced = (body.issues ?? []).filter((i, n, all) => fieldKeyOf(i, prefix) === null && all.findIndex((j) => j.message === i.message) === n);
    setError({ ...body, issues: unplaced });
  };

  const submit = async () => {
    setErrors({});
    setError(null);
    const { fields, problems } = toFields(values, memberIds);
    const local = (issues: readonly ErrorIssue[] | undefined, prefix: readonly string[]) => {
      fail({ ...fieldsOf(issues, prefix), ...problems }, { code: 'VALIDATION_FAILED', message: '还有内容没有填好，请按提示修改', issues: issues ? [...issues] : [] }, prefix);
    };
    if (!original) {
      const checked = checkPayload('events', 'publish', { ...fields, requestKey });
      if (!checked.ok || Object.keys(problems).length > 0) {
        local(checked.ok ? [] : checked.error.issues, []);
        return;
      }
      const reply = await publish.run(checked.data);
      if (!reply) return;
      if (!reply.ok) {
        fail(fieldsOf(reply.error.issues, []), reply.error);
        return;
      }
      void Taro.showToast({ title: '已发布', icon: 'success' });
      // Replace the form: 返回 from the roster goes to the list, not back to a form already published.
      void Taro.redirectTo({ url: withQuery(ROUTES.eventRoster, { id: reply.data.event.id }) });
      return;
    }
    const before = toFields(valuesOf(original), memberIds).fields;
    const changes: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) if (!sameValue(v, before[k])) changes[k] = v;
    if (Object.keys(problems).length === 0 && Object.keys(changes).length === 0) {
      void Taro.showToast({ title: '没有修改任何内容', icon: 'none' });
      return;
    }
    const checked = checkPayload('events', 'update', { eventId: original.id, changes });
    if (!checked.ok || Object.keys(problems).length > 0) {
      local(checked.ok ? [] : checked.error.issues, ['changes']);
      return;
    }
    const reply = await update.run(checked.data);
    if (!reply) return;
    if (!reply.ok) {
      fail(fieldsOf(reply.error.issues, ['changes']), reply.error, ['changes']);
      return;
    }
    const told = [reply.data.notified > 0 ? `已通知 ${reply.data.notified} 人` : '', reply.data.promoted > 0 ? `${reply.data.promoted} 人由候补转为正式` : ''].filter(Boolean);
    void Taro.showToast({ title: told.length > 0 ? `已保存，${told.join('，')}` : '已保存', icon: told.length > 0 ? 'none' : 'success', duration: 2500 });
    void Taro.navigateBack();
  };

  return {
    values,
    set,
    setDate,
    cover: { url: values.coverPreview, uploading: coverUploading, error: coverError, upload: uploadCover, remove: removeCover },
    addQuestion,
    setQuestion,
    removeQuestion,
    errors,
    error,
    problems: problemLines(errors),
    submit,
    busy: publish.busy || update.busy || coverUploading,
    editing: original !== null,
  };
}

export type EventEditor = ReturnType<typeof useEventEditor>;
