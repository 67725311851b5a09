import { getDayDetail, isWorkday } from 'chinese-days';
import {
  addWorkingDays,
  calendarSource,
  describeCalendarSource,
  dueDate,
  dueInstant,
  isWorkingDay,
  knowsYear,
  sameOrNextWorkingDay,
  validateArrangement,
  workingDaysBetween,
  type Arrangements,
  type CalendarSource,
} from './workdays';
import { addDays } from '../time';

// Calendar facts below were printed from chinese-days 1.5.7 (State Council notice for 2026, 国办发明电〔2025〕):
// off 元旦 1-1..1-3, 春节 2-15..2-23, 清明 4-4..4-6, 劳动节 5-1..5-5, 端午 6-19..6-21, 中秋 9-25..9-27, 国庆 10-1..10-7;
// make-up working days 1-4 (Sun), 2-14 (Sat), 2-28 (Sat), 5-9 (Sat), 9-20 (Sun), 10-10 (Sat). 2027 is unknown;
// 2027-01-01 is a Friday.

const NONE: Arrangements = {};
/** A made-up 2027 春节 (the real one is not published yet): Mon 2-8..Fri 2-12 off, Sat 2-20 worked. */
const UNION_2027: Arrangements = { 2027: { off: ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'], on: ['2027-02-20'] } };

describe('which calendar a year uses', () => {
  test.each([
    [2003, false],
    [2004, true],
    [2025, true],
    [2026, true],
    [2027, false],
  ])('the library knows %i: %s', (year, known) => {
    expect(knowsYear(year)).toBe(known);
  });

  test.each<[number, Arrangements, CalendarSource]>([
    [2026, NONE, 'library'],
    [2027, NONE, 'weekends'],
    [2027, UNION_2027, 'union'],
    [2027, { 2027: { off: [], on: [] } }, 'weekends'], // an empty form is "not entered yet"
    [2026, { 2026: { off: ['2026-12-31'], on: [] } }, 'union'], // the union's own entry wins
    [2028, UNION_2027, 'weekends'],
  ])('%i with %j comes from %s', (year, arrangements, source) => {
    expect(calendarSource(year, arrangements)).toBe(source);
  });

  test('the settings screen says when a year counts weekends only', () => {
    expect(describeCalendarSource(2027, NONE)).toMatch(/^尚未录入 2027 年的放假安排.*只把周六、周日算作休息日/);
    expect(describeCalendarSource(2027, UNION_2027)).toContain('本会录入');
    expect(describeCalendarSource(2026, NONE)).toContain('国务院办公厅');
  });
});

describe('working days', () => {
  test.each([
    ['2026-09-30', true, '国庆 eve (Wed)'],
    ['2026-10-01', false, '国庆'],
    ['2026-10-07', false, '国庆, a Wednesday'],
    ['2026-10-08', true, 'after 国庆'],
    ['2026-10-10', true, '调休 Saturday'],
    ['2026-10-11', false, 'ordinary Sunday'],
    ['2026-09-20', true, '调休 Sunday'],
    ['2026-09-25', false, '中秋, a Friday'],
    ['2026-02-14', true, '调休 Saturday before 春节'],
    ['2026-02-23', false, 'last day of 春节, a Monday'],
    ['2026-02-28', true, '调休 Saturday after 春节'],
    ['2026-01-04', true, '调休 Sunday after 元旦'],
    ['2027-01-01', true, '2027 unknown: a Friday is a working day'],
    ['2027-01-02', false, '2027 unknown: Saturday'],
  ])('%s is a working day: %s (%s)', (day, working) => {
    expect(isWorkingDay(day, NONE)).toBe(working);
  });

  test('an officer-entered year skips its days off and counts its make-up days', () => {
    expect(isWorkingDay('2027-02-08', NONE)).toBe(true);
    expect(isWorkingDay('2027-02-08', UNION_2027)).toBe(false);
    expect(isWorkingDay('2027-02-20', NONE)).toBe(false);
    expect(isWorkingDay('2027-02-20', UNION_2027)).toBe(true);
    expect(isWorkingDay('2027-02-21', UNION_2027)).toBe(false);
  });

  test('agrees with chinese-days on every day it knows (2004–2026)', () => {
    // The library's functions work in the host's local zone and are only right at or east of UTC.
    if (new Date(2026, 0, 1).getTimezoneOffset() > 0) return;
    const wrong: string[] = [];
    for (let day = '2004-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
      if (isWorkingDay(day, NONE) !== isWorkday(day)) wrong.push(day);
    }
    expect(wrong).toEqual([]);
    expect(getDayDetail('2026-10-10')).toMatchObject({ work: true, name: expect.stringContaining('国庆') });
  });

  test('rejects what is not a date', () => {
    expect(() => isWorkingDay('2026-02-30', NONE)).toThrow(RangeError);
    expect(() => isWorkingDay('2026/10/08', NONE)).toThrow(RangeError);
  });
});

describe('counting forward', () => {
  test.each<[string, number, Arrangements, string, string]>([
    ['2026-09-30', 1, NONE, '2026-10-08', 'the day before 国庆: due after the holiday'],
    ['2026-09-30', 3, NONE, '2026-10-10', 'the 调休 Saturday counts'],
    ['2026-10-09', 1, NONE, '2026-10-10', 'Friday → 调休 Saturday'],
    ['2026-09-18', 1, NONE, '2026-09-20', 'Friday → 调休 Sunday'],
    ['2026-09-24', 1, NONE, '2026-09-28', 'over 中秋'],
    ['2026-02-13', 1, NONE, '2026-02-14', 'Friday → 调休 Saturday before 春节'],
    ['2026-02-14', 1, NONE, '2026-02-24', 'over 春节'],
    ['2026-02-27', 1, NONE, '2026-02-28', 'Friday → 调休 Saturday after 春节'],
    ['2026-03-06', 1, NONE, '2026-03-09', 'Friday → Monday'],
    ['2026-03-08', 1, NONE, '2026-03-09', 'from a Sunday'],
    ['2026-03-06', 5, NONE, '2026-03-13', 'a plain week'],
    ['2026-12-31', 1, NONE, '2027-01-01', 'into 2027, not known: New Year counts as a Friday'],
    ['2026-12-31', 1, { 2027: { off: ['2027-01-01'], on: [] } }, '2027-01-04', 'into 2027 with its New Year entered'],
    ['2027-02-05', 1, NONE, '2027-02-08', '2027 weekends only'],
    ['2027-02-05', 1, UNION_2027, '2027-02-15', '2027 arrangement: days off skipped'],
    ['2027-02-19', 1, NONE, '2027-02-22', '2027 weekends only: Saturday is off'],
    ['2027-02-19', 1, UNION_2027, '2027-02-20', '2027 arrangement: make-up Saturday counts'],
  ])('%s + %i working days = %s … (%s)', (from, n, arrangements, expected) => {
    expect(addWorkingDays(from, n, arrangements)).toBe(expected);
  });

  test.each([
    ['2026-03-09', '2026-03-09', 'a working Monday stays'],
    ['2026-03-08', '2026-03-09', 'Sunday → Monday'],
    ['2026-09-19', '2026-09-20', 'Saturday → the 调休 Sunday'],
    ['2026-10-01', '2026-10-08', '国庆 → after it'],
  ])('same or next working day of %s is %s (%s)', (day, expected) => {
    expect(sameOrNextWorkingDay(day, NONE)).toBe(expected);
  });

  test('n must be a whole number of at least one', () => {
    expect(() => addWorkingDays('2026-03-06', 0, NONE)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-06', 1.5, NONE)).toThrow(RangeError);
  });
});

describe('due dates', () => {
  test.each([
    ['2026-09-30T02:00:00Z', 1, '2026-10-08', 'Wednesday before 国庆, 1 working day'],
    ['2026-09-30T02:00:00Z', 0, '2026-09-30', 'urgent on a working day: that day'],
    ['2026-03-08T02:00:00Z', 0, '2026-03-09', 'urgent on a Sunday: Monday'],
    ['2026-03-06T15:59:00Z', 0, '2026-03-06', 'Friday 23:59 in Shanghai'],
    ['2026-03-06T16:00:00Z', 0, '2026-03-09', 'Saturday 00:00 in Shanghai'],
    ['2026-03-06T02:00:00Z', 1, '2026-03-09', 'Friday + 1: Monday'],
    ['2026-03-08T02:00:00Z', 1, '2026-03-09', 'Sunday + 1: Monday (the first working day after)'],
    ['2026-09-19T02:00:00Z', 0, '2026-09-20', 'urgent on a Saturday before a 调休 Sunday'],
    ['2026-12-31T09:00:00Z', 1, '2027-01-01', 'New Year’s Eve, 2027 not known'],
  ])('submitted %s with %i working days: due %s (%s)', (at, n, expected) => {
    expect(dueDate(new Date(at), n, NONE)).toBe(expected);
  });

  test('an entered 2027 New Year moves a deadline', () => {
    expect(dueDate(new Date('2026-12-31T09:00:00Z'), 1, { 2027: { off: ['2027-01-01'], on: [] } })).toBe('2027-01-04');
  });

  test('a due date ends at the next Shanghai midnight', () => {
    expect(dueInstant('2026-10-08').toISOString()).toBe('2026-10-08T16:00:00.000Z');
    expect(dueInstant('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  test('working days must be a whole number ≥ 0', () => {
    expect(() => dueDate(new Date('2026-03-06T02:00:00Z'), -1, NONE)).toThrow(RangeError);
    expect(() => dueDate(new Date('invalid'), 1, NONE)).toThrow(RangeError);
  });
});

describe('working days between', () => {
  test.each<[string, string, Arrangements, number]>([
    ['2026-09-30', '2026-10-08', NONE, 1],
    ['2026-09-30', '2026-10-10', NONE, 3],
    ['2026-10-08', '2026-10-08', NONE, 0],
    ['2026-10-08', '2026-09-30', NONE, 0],
    ['2026-02-13', '2026-02-28', NONE, 6],
    ['2025-12-31', '2026-12-31', NONE, 248],
    ['2026-12-31', '2027-12-31', NONE, 261],
    ['2026-12-31', '2027-12-31', UNION_2027, 257],
  ])('%s → %s with %j: %i', (from, to, arrangements, expected) => {
    expect(workingDaysBetween(from, to, arrangements)).toBe(expected);
  });

  test('undoes addWorkingDays (due soon = 1 working day left)', () => {
    for (let from = '2026-09-01'; from <= '2026-10-31'; from = addDays(from, 1)) {
      for (const n of [1, 2, 5]) expect(workingDaysBetween(from, addWorkingDays(from, n, NONE), NONE)).toBe(n);
    }
  });
});

describe('validating an entered arrangement', () => {
  test('a plausible year passes', () => {
    expect(validateArrangement(2027, UNION_2027[2027]!)).toEqual([]);
    expect(validateArrangement(2027, { off: [], on: [] })).toEqual([]);
  });

  test('each problem is reported at its date, in Chinese', () => {
    const issues = validateArrangement(2027, {
      off: ['2027-01-02', '2026-12-31', '2027-02-30', '2027-02-08', '2027-02-08'],
      on: ['2027-02-08', '2027-02-10', '2027-02-20'],
    });
    expect(issues).toEqual([
      { path: ['off', 0], message: '2027年1月2日（周六）是周末，本来就休息：放假日只需填写周一至周五' },
      { path: ['off', 1], message: '2026年12月31日（周四）不在 2027 年内' },
      { path: ['off', 2], message: '第 3 个放假日不是有效日期，请按“2027-01-01”的格式填写' },
      { path: ['off', 4], message: '2027年2月8日（周一）重复填写了' },
      { path: ['on', 0], message: '2027年2月8日（周一）不能既放假又上班' },
      { path: ['on', 1], message: '2027年2月10日（周三）不是周末：调休上班日应为周六或周日' },
    ]);
  });

  test('at most 60 dates a list', () => {
    const weekdays: string[] = [];
    for (let day = '2027-01-01'; weekdays.length < 61; day = addDays(day, 1)) {
      if (isWorkingDay(day, NONE)) weekdays.push(day);
    }
    expect(validateArrangement(2027, { off: weekdays.slice(0, 60), on: [] })).toEqual([]);
    expect(validateArrangement(2027, { off: weekdays, on: [] })).toEqual([{ path: ['off'], message: '放假日最多填写 60 个' }]);
  });
});
