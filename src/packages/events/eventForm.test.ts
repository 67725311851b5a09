import type { EventAdminView } from '@/core/contracts/events';
import { placeIssues } from '@/hooks/useForm';
import { checkPayload } from '@/services/check';
import {
  datePicked,
  emptyValues,
  eventFieldOf,
  newQuestion,
  problemLines,
  problemList,
  publishDraft,
  splitList,
  toFields,
  updateDoneText,
  updateDraft,
  valuesOf,
  type EventFormValues,
} from './eventForm';

// Every clock is explicit: 2026-05-01 08:00 in Shanghai.
const NOW = new Date('2026-05-01T00:00:00.000Z');

const view = {
  id: 'ev-1',
  title: '乒乓球友谊赛',
  kind: 'table_tennis',
  kindLabel: '乒乓球',
  description: '单打淘汰制',
  coverFileID: 'cloud://env/events/cover.jpg',
  coverUrl: 'https://example.com/cover.jpg',
  place: '机关活动中心二楼',
  // 2026-06-10 09:00–11:30 Shanghai; sign-up 05-01 08:00 to 06-09 18:00, cancelling until 06-09 12:00.
  startsAt: '2026-06-10T01:00:00.000Z',
  endsAt: '2026-06-10T03:30:00.000Z',
  signupOpensAt: '2026-05-01T00:00:00.000Z',
  signupClosesAt: '2026-06-09T10:00:00.000Z',
  cancelDeadline: '2026-06-09T04:00:00.000Z',
  status: 'open',
  capacity: 30,
  seatsLeft: 30,
  waitlistCount: 0,
  workMeal: true,
  hasQuestions: true,
  audience: { retirees: false, genders: ['female'], departments: ['办公室', '财务科'], minAge: 20, maxAge: 60 },
  audienceText: '',
  extraFields: [
    { key: 'q1', label: '衣服尺码', type: 'choice', options: ['S', 'M', 'L'], required: true },
    { key: 'q2', label: '是否用餐', type: 'yesno', required: false },
    { key: 'q3', label: '携带家属人数', type: 'family', max: 2 },
  ],
  confirmedCount: 0,
  seatsTaken: 0,
  checkedInCount: 0,
  eventCode: '123456',
  results: '',
  createdBy: 'o-1',
  updatedAt: '2026-05-01T00:00:00.000Z',
} as unknown as EventAdminView;

/** A new event filled in completely, as an officer would. */
function complete(): EventFormValues {
  return {
    ...emptyValues(NOW),
    title: '羽毛球赛',
    kind: 'badminton',
    place: '体育馆',
    ...datePicked(emptyValues(NOW), '2026-06-10'),
    startTime: '09:00',
    endTime: '11:00',
    capacity: '20',
  };
}

describe('event form ⇄ events.publish / events.update', () => {
  test('an event read into the form gives back its own fields', () => {
    const { fields, problems } = toFields(valuesOf(view, NOW), view.audience.memberIds, NOW);
    expect(problems).toEqual({});
    expect(fields).toEqual({
      title: view.title,
      kind: view.kind,
      description: view.description,
      coverFileID: view.coverFileID,
      place: view.place,
      startsAt: view.startsAt,
      endsAt: view.endsAt,
      capacity: view.capacity,
      signupOpensAt: view.signupOpensAt,
      signupClosesAt: view.signupClosesAt,
      cancelDeadline: view.cancelDeadline,
      audience: view.audience,
      extraFields: view.extraFields,
      workMeal: view.workMeal,
    });
  });

  test('an untouched edit has nothing to send; one changed field is exactly the change sent', () => {
    const values = valuesOf(view, NOW);
    expect(updateDraft(values, view, NOW)).toMatchObject({ unchanged: true, payload: { eventId: 'ev-1', changes: {} } });

    const moved = updateDraft({ ...values, place: '  体育馆  ' }, view, NOW);
    expect(moved.unchanged).toBe(false);
    expect(moved.payload).toEqual({ eventId: 'ev-1', changes: { place: '体育馆' } });
    expect(checkPayload('events', 'update', moved.payload).ok).toBe(true);
  });

  test('an event for named members keeps its list: it is not a change', () => {
    const named = { ...view, audience: { ...view.audience, memberIds: ['m-1', 'm-2'] } } as EventAdminView;
    const draft = updateDraft({ ...valuesOf(named, NOW), capacity: '40' }, named, NOW);
    expect(draft.payload.changes).toEqual({ capacity: 40 });
  });

  test('a complete new event passes the contract check, with its request key', () => {
    const { payload, problems } = publishDraft(complete(), 'key-12345678', NOW);
    expect(problems).toEqual({});
    expect(payload).toMatchObject({
      requestKey: 'key-12345678',
      startsAt: '2026-06-10T01:00:00.000Z',
      endsAt: '2026-06-10T03:00:00.000Z',
      // Defaults: sign-up opens now, closes (and cancelling ends) at 18:00 the day before.
      signupOpensAt: NOW.toISOString(),
      signupClosesAt: '2026-06-09T10:00:00.000Z',
      cancelDeadline: '2026-06-09T10:00:00.000Z',
      capacity: 20,
      audience: { retirees: true },
      extraFields: [],
    });
    expect(checkPayload('events', 'publish', payload).ok).toBe(true);
  });

  test('an empty form names each missing choice beside its field', () => {
    const { problems } = publishDraft(emptyValues(NOW), 'key-12345678', NOW);
    expect(problems).toEqual({
      startsAt: '请选择活动日期',
      endsAt: '请选择结束时间',
      kind: '请选择活动类型',
      capacity: '请填写名额（人数），或关闭「限定名额」',
      signupClosesAt: '请选择报名截止日期',
      cancelDeadline: '请选择取消截止日期',
    });
    // The contract's own messages fill in the rest (title, place), each at its field.
    const checked = checkPayload('events', 'publish', publishDraft(emptyValues(NOW), 'key-12345678', NOW).payload);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const { fields } = placeIssues(checked.error.issues, emptyValues(NOW), [], { fieldOf: eventFieldOf });
    expect(fields).toMatchObject({ title: expect.any(String), place: '请填写地点' });
  });

  test('a time without its date, or a date without its time, asks for the missing one', () => {
    const { problems } = toFields({ ...complete(), startTime: '', closesDate: '' }, undefined, NOW);
    expect(problems.startsAt).toBe('请选择开始时间');
    expect(problems.signupClosesAt).toBe('请选择报名截止日期');
  });

  test('an end before the start is refused beside the end', () => {
    expect(toFields({ ...complete(), endTime: '08:00' }, undefined, NOW).problems).toEqual({ endsAt: '结束时间应晚于开始时间' });
    expect(toFields({ ...complete(), endTime: '09:00' }, undefined, NOW).problems).toEqual({ endsAt: '结束时间应晚于开始时间' });
    expect(toFields({ ...complete(), endDate: '2026-06-09' }, undefined, NOW).problems).toEqual({ endsAt: '结束日期不能早于开始日期' });
  });

  test('an event over several days ends on its last day, even at an earlier hour', () => {
    const { fields, problems } = toFields({ ...complete(), endDate: '2026-06-12', endTime: '08:00' }, undefined, NOW);
    expect(problems).toEqual({});
    expect(fields.endsAt).toBe('2026-06-12T00:00:00.000Z');
  });

  test('an end date left empty is the start date', () => {
    expect(toFields({ ...complete(), endDate: '' }, undefined, NOW).fields.endsAt).toBe('2026-06-10T03:00:00.000Z');
  });

  test('an event more than two years after now is said beside its dates', () => {
    const { problems } = toFields({ ...complete(), date: '2029-06-10', endDate: '2029-06-10' }, undefined, NOW);
    expect(problems.startsAt).toMatch(/两年以内/);
    expect(problems.endsAt).toMatch(/两年以内/);
    // The same dates are fine a year later.
    expect(toFields({ ...complete(), date: '2029-06-10', endDate: '2029-06-10' }, undefined, new Date('2028-01-01T00:00:00Z')).problems).toEqual({});
  });

  test('unlimited seats send no number and ask for none', () => {
    const { fields, problems } = toFields({ ...complete(), unlimited: true, capacity: 'abc' }, undefined, NOW);
    expect(fields.capacity).toBeNull();
    expect(problems).toEqual({});
    expect(toFields({ ...complete(), capacity: '3.5' }, undefined, NOW).problems.capacity).toBe('请填写名额（人数），或关闭「限定名额」');
  });

  test('departments split on Chinese and English commas alike', () => {
    expect(splitList('办公室, 财务科、人事科，工会；\n后勤 ,')).toEqual(['办公室', '财务科', '人事科', '工会', '后勤']);
    expect(toFields({ ...complete(), departments: '办公室,财务科，人事科' }, undefined, NOW).fields.audience).toEqual({ retirees: true, departments: ['办公室', '财务科', '人事科'] });
    expect(toFields({ ...complete(), departments: ' ， ' }, undefined, NOW).fields.audience).toEqual({ retirees: true });
  });

  test('ages must be whole years; a gender limits the audience to it', () => {
    const { fields, problems } = toFields({ ...complete(), minAge: '二十', maxAge: '55', gender: 'male' }, undefined, NOW);
    expect(problems).toEqual({ 'audience.minAge': '请填写整数周岁，不限请留空' });
    expect(fields.audience).toEqual({ retirees: true, genders: ['male'], maxAge: 55 });
  });

  test('questions: a choice splits its options, a family question needs its maximum', () => {
    const values = { ...complete(), questions: [{ ...newQuestion([], 'choice'), label: ' 尺码 ', options: 'S，M,L' }, { ...newQuestion([], 'family'), key: 'q2', max: '' }] };
    const { fields, problems } = toFields(values, undefined, NOW);
    expect(fields.extraFields).toEqual([
      { key: 'q1', label: '尺码', type: 'choice', options: ['S', 'M', 'L'], required: true },
      { key: 'q2', label: '携带家属人数', type: 'family', max: 0 },
    ]);
    expect(problems).toEqual({ 'extraFields.1.max': '请填写每人最多可带几位家属' });
    // A maximum beyond the contract's limit is the contract's to say, at the same field.
    const tooMany = publishDraft({ ...values, questions: [values.questions[0], { ...values.questions[1], max: '11' }] }, 'key-12345678', NOW);
    expect(tooMany.problems).toEqual({});
    const checked = checkPayload('events', 'publish', tooMany.payload);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(placeIssues(checked.error.issues, values, [], { fieldOf: eventFieldOf }).fields).toEqual({ 'extraFields.1.max': '每人最多带 10 人' });
  });

  test('a new question takes the first free key; a family question starts as 携带家属人数, at most 1', () => {
    const q1 = newQuestion([], 'choice');
    expect(q1).toEqual({ key: 'q1', type: 'choice', label: '', options: '', max: '', required: true });
    expect(newQuestion([q1, { ...q1, key: 'q3' }], 'family')).toEqual({ key: 'q2', type: 'family', label: '携带家属人数', options: '', max: '1', required: true });
  });
});

describe('picking the event date', () => {
  test('moves a same-day end with it and fills empty deadlines with 18:00 the day before', () => {
    expect(datePicked(emptyValues(NOW), '2026-06-10')).toEqual({ date: '2026-06-10', endDate: '2026-06-10', closesDate: '2026-06-09', closesTime: '18:00', cancelDate: '2026-06-09', cancelTime: '18:00' });
  });

  test('keeps a later end of a multi-day event and deadlines already set', () => {
    const values = { ...complete(), endDate: '2026-06-12', closesTime: '12:00' };
    expect(datePicked(values, '2026-06-11')).toEqual({ date: '2026-06-11' });
    // An end that would fall before the new start moves with it.
    expect(datePicked(values, '2026-06-13')).toEqual({ date: '2026-06-13', endDate: '2026-06-13' });
  });
});

describe('where problems show', () => {
  test('issue paths map to the fields that show them; a choice option belongs to its box', () => {
    expect(eventFieldOf(['extraFields', 0, 'options', 2])).toBe('extraFields.0.options');
    expect(eventFieldOf(['extraFields', 1, 'label'])).toBe('extraFields.1.label');
    expect(eventFieldOf(['audience', 'maxAge'])).toBe('audience.maxAge');
    expect(eventFieldOf(['audience', 'retirees'])).toBe('audience.retirees');
    expect(eventFieldOf(['startsAt'])).toBe('startsAt');
    expect(eventFieldOf(['extraFields'])).toBe('extraFields');
    expect(eventFieldOf(['schedule'])).toBeNull();
    expect(eventFieldOf(['requestKey'])).toBeNull();
    expect(eventFieldOf(['constructor'])).toBeNull();
    expect(eventFieldOf([])).toBeNull();
  });

  test('an edit refused under changes places its fields; issues of no field are listed once', () => {
    const issues = [
      { path: ['changes', 'extraFields', 0, 'options', 2], message: '选项不能为空' },
      { path: ['changes', 'schedule'], message: '报名应在活动开始前截止' },
      { path: ['changes', 'schedule'], message: '报名应在活动开始前截止' },
      { path: ['eventId'], message: '活动不存在' },
    ];
    const { fields, unplaced } = placeIssues(issues, valuesOf(view, NOW), ['changes'], { fieldOf: eventFieldOf });
    expect(fields).toEqual({ 'extraFields.0.options': '选项不能为空' });
    expect(unplaced.map((i) => i.message)).toEqual(['报名应在活动开始前截止', '活动不存在']);
  });

  test('the list above the button names each field, numbers questions, and adds the unplaced issues', () => {
    const errors = { signupClosesAt: '报名应在活动开始前截止', 'extraFields.1.max': '请填写每人最多可带几位家属', workMeal: '不对' };
    expect(problemLines(errors)).toEqual(['报名截止：报名应在活动开始前截止', '报名问题 2：请填写每人最多可带几位家属', '不对']);
    const error = { code: 'VALIDATION_FAILED' as const, message: '还有内容没有填好，请按提示修改', issues: [{ path: ['schedule'], message: '取消截止不能晚于活动开始' }] };
    expect(problemList({ kind: '请选择活动类型' }, error)).toEqual(['类型：请选择活动类型', '取消截止不能晚于活动开始']);
    // The box's own sentence is not listed again; no box, no list.
    expect(problemList({}, { code: 'CONFLICT', message: '活动已取消', issues: [{ path: [], message: '活动已取消' }] })).toEqual([]);
    expect(problemList({ kind: '请选择活动类型' }, null)).toEqual([]);
  });

  test('the line after saving says who was told', () => {
    expect(updateDoneText({ notified: 0, promoted: 0 })).toBe('已保存');
    expect(updateDoneText({ notified: 12, promoted: 0 })).toBe('已保存，已通知 12 人');
    expect(updateDoneText({ notified: 3, promoted: 2 })).toBe('已保存，已通知 3 人，2 人由候补转为正式');
  });
});
