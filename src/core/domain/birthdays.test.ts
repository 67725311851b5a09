import {
  birthdaysInWindow,
  birthdayWindow,
  formatVoucherCode,
  isVoucherCodeShape,
  issueDayOf,
  lastDueBirthday,
  lastOfMonth,
  MAX_CATCH_UP_DAYS,
  monthDayOf,
  normaliseVoucherCode,
  voucherLastDay,
  voucherState,
  type BirthdaySchedule,
} from './birthdays';

const onDay: BirthdaySchedule = { timing: 'onDay', daysBefore: 1 };
const before3: BirthdaySchedule = { timing: 'daysBefore', daysBefore: 3 };
const monthStart: BirthdaySchedule = { timing: 'monthStart', daysBefore: 1 };

describe('the latest birthday due on a day, and the day a birthday is issued', () => {
  const table: [string, BirthdaySchedule, string, string][] = [
    ['on the day', onDay, '2026-05-20', '2026-05-20'],
    ['3 days before', before3, '2026-05-20', '2026-05-23'],
    ['3 days before, across the year', before3, '2026-12-30', '2027-01-02'],
    ['month start: the whole month', monthStart, '2026-05-01', '2026-05-31'],
    ['month start in February of a leap year', monthStart, '2028-02-01', '2028-02-29'],
    ['month start in February of a common year', monthStart, '2027-02-01', '2027-02-28'],
  ];
  test.each(table)('%s', (_name, s, day, last) => {
    expect(lastDueBirthday(s, day)).toBe(last);
  });

  test.each([
    [onDay, '2026-05-20', '2026-05-20'],
    [before3, '2026-05-20', '2026-05-17'],
    [before3, '2027-01-02', '2026-12-30'],
    [monthStart, '2026-05-20', '2026-05-01'],
  ] as const)('issue day of %o for %s is %s', (s, birthday, issue) => {
    expect(issueDayOf(s, birthday)).toBe(issue);
    // The run on the issue day covers that birthday.
    expect(lastDueBirthday(s, issue) >= birthday).toBe(true);
  });

  test('lastOfMonth', () => {
    expect(lastOfMonth('2026-12-15')).toBe('2026-12-31');
    expect(lastOfMonth('2024-02-01')).toBe('2024-02-29');
  });
});

describe('the window of birthdays a run issues', () => {
  const table: [string, BirthdaySchedule, string, string | null, string, { first: string; last: string } | null][] = [
    ['first run on the day the service starts', onDay, '2026-05-20', null, '2026-05-20', { first: '2026-05-20', last: '2026-05-20' }],
    ['the next day', onDay, '2026-05-21', '2026-05-20', '2026-05-20', { first: '2026-05-21', last: '2026-05-21' }],
    ['run twice on a day: nothing the second time', onDay, '2026-05-21', '2026-05-21', '2026-05-20', null],
    ['catch-up after three missed days', onDay, '2026-05-24', '2026-05-20', '2026-05-01', { first: '2026-05-21', last: '2026-05-24' }],
    ['N days before: a week ahead', before3, '2026-05-20', '2026-05-22', '2026-05-01', { first: '2026-05-23', last: '2026-05-23' }],
    ['month start on the 1st: the whole month', monthStart, '2026-06-01', '2026-05-31', '2026-01-01', { first: '2026-06-01', last: '2026-06-30' }],
    ['month start mid-month: already covered', monthStart, '2026-06-15', '2026-06-30', '2026-01-01', null],
    ['month start switched on mid-month: the rest of the month', monthStart, '2026-06-15', null, '2026-06-15', { first: '2026-06-15', last: '2026-06-30' }],
    ['month start, the job missed the 1st: caught up on the 3rd', monthStart, '2026-06-03', '2026-05-31', '2026-01-01', { first: '2026-06-01', last: '2026-06-30' }],
    ['timing changed from month start to on the day: waits for the covered month to pass', onDay, '2026-06-15', '2026-06-30', '2026-01-01', null],
    ['timing changed from on the day to month start: the rest of the month at once', monthStart, '2026-06-15', '2026-06-15', '2026-01-01', { first: '2026-06-16', last: '2026-06-30' }],
  ];
  test.each(table)('%s', (_name, s, day, doneThrough, startedOn, expected) => {
    expect(birthdayWindow(s, day, doneThrough, startedOn)).toEqual(expected);
  });

  test(`catch-up goes back at most ${MAX_CATCH_UP_DAYS} days`, () => {
    expect(birthdayWindow(onDay, '2026-12-31', '2026-01-01', '2026-01-01')).toEqual({ first: '2026-10-30', last: '2026-12-31' });
  });
});

describe('month-days of a window (the indexed field), 29 February', () => {
  test('a week in May', () => {
    expect([...birthdaysInWindow('2026-05-20', '2026-05-22')]).toEqual([
      ['05-20', '2026-05-20'],
      ['05-21', '2026-05-21'],
      ['05-22', '2026-05-22'],
    ]);
  });
  test('29 February in a common year is celebrated on 28 February', () => {
    expect(birthdaysInWindow('2027-02-28', '2027-02-28')).toEqual(new Map([['02-28', '2027-02-28'], ['02-29', '2027-02-28']]));
    expect(birthdaysInWindow('2027-02-27', '2027-03-01').get('02-29')).toBe('2027-02-28');
  });
  test('29 February in a leap year is on its day, and 28 February only for the 28th', () => {
    const w = birthdaysInWindow('2028-02-28', '2028-02-29');
    expect(w.get('02-28')).toBe('2028-02-28');
    expect(w.get('02-29')).toBe('2028-02-29');
    expect(birthdaysInWindow('2028-02-28', '2028-02-28').has('02-29')).toBe(false);
  });
  test('a window across the new year maps each month-day to its own year', () => {
    const w = birthdaysInWindow('2026-12-30', '2027-01-02');
    expect(w.get('12-31')).toBe('2026-12-31');
    expect(w.get('01-02')).toBe('2027-01-02');
  });
  test('a whole month (month start)', () => {
    expect(birthdaysInWindow('2027-02-01', '2027-02-28').size).toBe(29);
    expect(birthdaysInWindow('2026-05-01', '2026-05-31').size).toBe(31);
  });
  test('monthDayOf', () => {
    expect(monthDayOf('1984-02-29')).toBe('02-29');
  });
});

describe('voucher validity', () => {
  const table: [string, string, string, number, string][] = [
    ['issued on the birthday, 30 days', '2026-05-20', '2026-05-20', 30, '2026-06-18'],
    ['issued 3 days before: still 30 days from the birthday', '2026-05-17', '2026-05-20', 30, '2026-06-18'],
    ['month start: counted from the birthday', '2026-05-01', '2026-05-31', 7, '2026-06-06'],
    ['issued late (catch-up): counted from the issue day', '2026-05-24', '2026-05-20', 1, '2026-05-24'],
  ];
  test.each(table)('%s', (_name, issued, birthday, days, last) => {
    expect(voucherLastDay(issued, birthday, days)).toBe(last);
  });

  test.each([
    ['issued', '2026-06-18', '2026-06-18', 'issued'],
    ['issued', '2026-06-18', '2026-06-19', 'expired'],
    ['redeemed', '2026-06-18', '2026-07-01', 'redeemed'],
    ['expired', '2026-06-18', '2026-06-19', 'expired'],
  ] as const)('%s, last day %s, on %s: %s', (status, lastDay, today, state) => {
    expect(voucherState(status, lastDay, today)).toBe(state);
  });
});

describe('codes', () => {
  test('typed or scanned codes are read the same', () => {
    expect(normaliseVoucherCode(' abcde-fghjk ')).toBe('ABCDEFGHJK');
    expect(normaliseVoucherCode('CAKE:ABCDEFGHJK')).toBe('ABCDEFGHJK');
    expect(normaliseVoucherCode('ABCDE FGHJK')).toBe('ABCDEFGHJK');
  });
  test('the shape: 10 characters of the alphabet (no 0, O, 1, I, L)', () => {
    expect(isVoucherCodeShape('ABCDEFGHJK')).toBe(true);
    expect(isVoucherCodeShape('ABCDEFGHJ0')).toBe(false);
    expect(isVoucherCodeShape('ABCDEFGHJO')).toBe(false);
    expect(isVoucherCodeShape('ABCDEFGHJ')).toBe(false);
  });
  test('grouped for reading', () => {
    expect(formatVoucherCode('ABCDEFGHJK')).toBe('ABCDE FGHJK');
  });
});
