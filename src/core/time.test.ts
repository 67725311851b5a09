import { addDays, ageOn, birthdayInYear, formatDateTimeZh, formatDateZh, isValidDateKey, isValidTime, shanghaiAt, shanghaiDateKey, shanghaiDayRange, shanghaiYear, startOfShanghaiDay } from './time';

describe('business dates are Shanghai dates, whatever the server clock says', () => {
  test.each([
    ['2024-02-09T15:59:59Z', '2024-02-09'],
    ['2024-02-09T16:00:00Z', '2024-02-10'], // 00:00 in Shanghai: the next day already
    ['2023-12-31T16:30:00Z', '2024-01-01'],
    ['2024-06-30T23:59:59Z', '2024-07-01'],
  ])('%s is %s in Shanghai', (iso, key) => {
    expect(shanghaiDateKey(new Date(iso))).toBe(key);
  });

  test('the year turns at Shanghai midnight', () => {
    expect(shanghaiYear(new Date('2023-12-31T15:59:59Z'))).toBe(2023);
    expect(shanghaiYear(new Date('2023-12-31T16:00:00Z'))).toBe(2024);
  });

  test('a Shanghai day starts at 16:00 UTC the day before', () => {
    expect(startOfShanghaiDay('2024-05-01').toISOString()).toBe('2024-04-30T16:00:00.000Z');
    const { start, end } = shanghaiDayRange(new Date('2024-05-01T03:00:00Z'));
    expect(start.toISOString()).toBe('2024-04-30T16:00:00.000Z');
    expect(end.toISOString()).toBe('2024-05-01T16:00:00.000Z');
  });

  test('a Shanghai wall-clock time on a day; malformed times are refused', () => {
    expect(shanghaiAt('2024-05-01', '09:30').toISOString()).toBe('2024-05-01T01:30:00.000Z');
    expect(shanghaiAt('2024-05-01', '00:00').toISOString()).toBe('2024-04-30T16:00:00.000Z');
    expect(isValidTime('23:59')).toBe(true);
    for (const bad of ['24:00', '9:30', '09:60', '']) expect(isValidTime(bad)).toBe(false);
    expect(() => shanghaiAt('2024-05-01', '24:00')).toThrow(RangeError);
  });

  test.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['abcd-ef-gh', false],
  ])('isValidDateKey(%s) = %s', (key, ok) => {
    expect(isValidDateKey(key)).toBe(ok);
  });

  test('addDays crosses months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
  });
});

describe('birthdays and ages', () => {
  test.each([
    ['1980-05-20', 2024, '2024-05-20'],
    ['1984-02-29', 2024, '2024-02-29'],
    ['1984-02-29', 2023, '2023-02-28'],
  ])('born %s: birthday in %d is %s', (birth, year, expected) => {
    expect(birthdayInYear(birth, year)).toBe(expected);
  });

  test('age counts completed years on the Shanghai day', () => {
    // 2024-05-19T16:00Z is already 20 May in Shanghai: the birthday has come.
    expect(ageOn('1980-05-20', new Date('2024-05-19T16:00:00Z'))).toBe(44);
    expect(ageOn('1980-05-20', new Date('2024-05-19T15:59:00Z'))).toBe(43);
  });

  test('invalid dates are refused, not guessed', () => {
    expect(() => birthdayInYear('1980-13-01', 2024)).toThrow(RangeError);
    expect(() => startOfShanghaiDay('2024-02-30')).toThrow(RangeError);
  });
});

describe('Chinese display', () => {
  test('dates read the way members write them', () => {
    expect(formatDateZh(new Date('2024-02-09T16:30:00Z'))).toBe('2024年2月10日');
    expect(formatDateTimeZh(new Date('2024-02-09T16:30:00Z'))).toBe('2024年2月10日 00:30');
  });
});
