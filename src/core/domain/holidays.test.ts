import libraryData from 'chinese-days/dist/chinese-days.json';
import { getLunarDate, getLunarFestivals } from 'chinese-days';
import type { Holiday } from '../policy/items';
import { batchStatusLabel, closesAtOf, defaultBatchTitle, defaultWindow, mayChoose, normalizePickupCode, pickupCodeText, windowProblem } from './holidays';
import { holidayDate } from './holidayDates';

const LIBRARY = libraryData as { holidays: Record<string, string> };
/** The days the library's own holiday data marks with a holiday's Chinese name, in a year (its 放假安排). */
const daysOff = (year: number, name: string) =>
  Object.entries(LIBRARY.holidays)
    .filter(([k, v]) => k.startsWith(`${year}-`) && v.split(',')[1] === name)
    .map(([k]) => k);
/** The day the library's lunar festivals name, in a year. */
const festival = (year: number, name: string) => getLunarFestivals(`${year}-01-01`, `${year}-12-31`).find((f) => f.name.includes(name))?.date;

describe('holiday dates come from the library', () => {
  // The expected dates are the library's: its lunar festivals, its 放假安排 data, and the lunar date of the day found.
  test.each<[Holiday, number, string, string, string]>([
    ['dragonBoat', 2024, '2024-06-10', '端午', '端午节'],
    ['dragonBoat', 2025, '2025-05-31', '端午', '端午节'],
    ['dragonBoat', 2026, '2026-06-19', '端午', '端午节'],
    ['midAutumn', 2024, '2024-09-17', '中秋', '中秋节'],
    ['midAutumn', 2025, '2025-10-06', '中秋', '中秋节'],
    ['midAutumn', 2026, '2026-09-25', '中秋', '中秋节'],
    ['springFestival', 2024, '2024-02-10', '春节', '春节'],
    ['springFestival', 2025, '2025-01-29', '春节', '春节'],
    ['springFestival', 2026, '2026-02-17', '春节', '春节'],
  ])('%s %i is %s', (holiday, year, expected, offName, festivalName) => {
    const day = holidayDate(holiday, year);
    expect(day).toBe(expected);
    expect(festival(year, festivalName)).toBe(day);
    expect(daysOff(year, offName)).toContain(day);
    const lunar = getLunarDate(new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 12));
    expect([lunar.lunarMon, lunar.lunarDay, lunar.isLeap]).toEqual({ springFestival: [1, 1, false], dragonBoat: [5, 5, false], midAutumn: [8, 15, false] }[holiday as 'midAutumn']);
  });

  // (Before 2008 端午 and 中秋 were no days off; in 2020 中秋 fell on 国庆 and is listed under it.)
  test.each([2010, 2016, 2019, 2021, 2023])('端午, 中秋 and 春节 of %i fall within the library’s days off', (year) => {
    for (const [h, name] of [['dragonBoat', '端午'], ['midAutumn', '中秋'], ['springFestival', '春节']] as const) expect(daysOff(year, name)).toContain(holidayDate(h, year));
  });

  test('years the library has no 放假安排 for still have their lunar dates', () => {
    expect(holidayDate('springFestival', 2027)).toBe(festival(2027, '春节'));
    expect(holidayDate('midAutumn', 2030)).toBe(festival(2030, '中秋节'));
  });

  test.each<[Holiday, number, string]>([
    ['newYear', 2026, '2026-01-01'],
    ['labourDay', 2026, '2026-05-01'],
    ['nationalDay', 2026, '2026-10-01'],
    ['qingming', 2024, '2024-04-04'],
    ['qingming', 2025, '2025-04-04'],
  ])('%s %i is %s', (holiday, year, expected) => {
    expect(holidayDate(holiday, year)).toBe(expected);
    if (holiday === 'qingming') expect(daysOff(year, '清明')).toContain(expected);
  });

  test('a year out of range is refused', () => {
    expect(() => holidayDate('midAutumn', 1999)).toThrow(RangeError);
    expect(() => holidayDate('midAutumn', 2100)).toThrow(RangeError);
  });

  test('titles', () => {
    expect(defaultBatchTitle('midAutumn', 2026)).toBe('2026年中秋节慰问品');
    expect(defaultBatchTitle('springFestival', 2027)).toBe('2027年春节慰问品');
    expect(defaultBatchTitle('dragonBoat', 2026)).toBe('2026年端午节慰问品');
  });
});

describe('the default window', () => {
  const at = (iso: string) => new Date(iso);
  test.each<[string, string, string | null, string | null]>([
    // A month ahead: choose until a week before, pick up until the eve.
    ['2026-09-25', '2026-08-25T02:00:00Z', '2026-09-18', '2026-09-24'],
    // Exactly 10 days ahead: a week before still leaves 3 days to choose.
    ['2026-09-25', '2026-09-15T02:00:00Z', '2026-09-18', '2026-09-24'],
    // 6 days ahead: 3 days to choose from today.
    ['2026-09-25', '2026-09-19T02:00:00Z', '2026-09-22', '2026-09-24'],
    // 3 days ahead: choosing closes the day before the eve.
    ['2026-09-25', '2026-09-22T02:00:00Z', '2026-09-23', '2026-09-24'],
    // 2 days ahead: today is the day before the eve.
    ['2026-09-25', '2026-09-23T02:00:00Z', '2026-09-23', '2026-09-24'],
    // The eve, in Shanghai (23:30 UTC the day before is already the 24th there): too late.
    ['2026-09-25', '2026-09-23T16:30:00Z', null, null],
    ['2027-02-06', '2026-12-20T02:00:00Z', '2027-01-30', '2027-02-05'],
  ])('holiday %s, now %s → choose until %s, pick up until %s', (holiday, now, closesOn, pickupEndsOn) => {
    const w = defaultWindow(holiday, at(now));
    expect(w).toEqual(closesOn && pickupEndsOn ? { closesOn, pickupEndsOn } : null);
    if (w) expect(windowProblem(w, holiday, at(now))).toBeNull();
  });

  test.each<[string, string, string, string | null]>([
    ['2026-09-18', '2026-09-24', '2026-09-01T02:00:00Z', null],
    ['2026-08-31', '2026-09-24', '2026-09-01T02:00:00Z', 'closesOn'],
    ['2026-09-26', '2026-09-28', '2026-09-01T02:00:00Z', 'closesOn'],
    ['2026-09-18', '2026-09-17', '2026-09-01T02:00:00Z', 'pickupEndsOn'],
    ['2026-09-18', '2026-11-30', '2026-09-01T02:00:00Z', 'pickupEndsOn'],
    // The deadline day itself, after 18:00 Shanghai.
    ['2026-09-01', '2026-09-24', '2026-09-01T10:30:00Z', 'closesOn'],
  ])('choose until %s, pick up until %s, now %s → problem with %s', (closesOn, pickupEndsOn, now, field) => {
    expect(windowProblem({ closesOn, pickupEndsOn }, '2026-09-25', at(now))?.field ?? null).toBe(field);
  });

  test('choosing closes at 18:00 Shanghai on the deadline day', () => {
    const closesAt = closesAtOf('2026-09-18');
    expect(closesAt.toISOString()).toBe('2026-09-18T10:00:00.000Z');
    expect(mayChoose('open', closesAt, at('2026-09-18T09:59:00Z'))).toBe(true);
    expect(mayChoose('open', closesAt, at('2026-09-18T10:00:00Z'))).toBe(false);
    expect(mayChoose('draft', closesAt, at('2026-09-01T00:00:00Z'))).toBe(false);
    expect(batchStatusLabel('open', closesAt, at('2026-09-18T10:00:00Z'))).toBe('已截止，待领取');
    expect(batchStatusLabel('open', closesAt, at('2026-09-17T10:00:00Z'))).toBe('选择中');
  });
});

test('pickup codes as typed or scanned', () => {
  expect(normalizePickupCode(' abcd-2345 ')).toBe('ABCD2345');
  expect(normalizePickupCode('gift:ABCD2345')).toBe('ABCD2345');
  expect(pickupCodeText('ABCD2345')).toBe('ABCD 2345');
});
