import type { CareFigures } from '@/core/contracts/care';
import { calendarWarning, categoryLines, medianText, monthLines, percentText, periodText, satisfaction, shareText, statsPayload, totalRows, yearOptions } from './stats';

const empty: CareFigures = {
  received: 0,
  accepted: 0,
  closed: 0,
  withdrawn: 0,
  returned: 0,
  medianAcceptDays: null,
  acceptOnTime: { hit: 0, of: 0 },
  closeOnTime: { hit: 0, of: 0 },
  onTime: { hit: 0, of: 0 },
  ratings: { satisfied: 0, fair: 0, unsatisfied: 0 },
  open: 0,
  overdue: 0,
};
const october: CareFigures = {
  ...empty,
  received: 4,
  accepted: 3,
  closed: 2,
  medianAcceptDays: 0,
  acceptOnTime: { hit: 2, of: 4 },
  closeOnTime: { hit: 2, of: 3 },
  onTime: { hit: 1, of: 4 },
  ratings: { satisfied: 1, fair: 0, unsatisfied: 1 },
  open: 2,
  overdue: 2,
};
const now = new Date('2026-11-20T02:00:00Z');

describe('percents', () => {
  test.each([
    [{ hit: 0, of: 0 }, '—'],
    [{ hit: 2, of: 3 }, '67%'],
    [{ hit: 1, of: 4 }, '25%'],
    [{ hit: 4, of: 4 }, '100%'],
    [{ hit: 0, of: 5 }, '0%'],
    // Never 100% with one late, never 0% with one on time.
    [{ hit: 199, of: 200 }, '99%'],
    [{ hit: 1, of: 300 }, '1%'],
  ])('%j → %s', (share, text) => {
    expect(percentText(share)).toBe(text);
  });

  test('with what it is of, for the totals', () => {
    expect(shareText({ hit: 2, of: 3 })).toBe('67%（2/3）');
    expect(shareText({ hit: 0, of: 0 })).toBe('—');
  });

  test('满意率 counts 满意 and 基本满意 of those rated', () => {
    expect(satisfaction({ satisfied: 3, fair: 1, unsatisfied: 1 })).toEqual({ hit: 4, of: 5 });
    expect(percentText(satisfaction(empty.ratings))).toBe('—');
  });
});

test.each([
  [null, '—'],
  [0, '当天'],
  [1, '1 个工作日'],
  [1.5, '1.5 个工作日'],
  [3, '3 个工作日'],
])('median %p → %s', (days, text) => {
  expect(medianText(days)).toBe(text);
});

describe('the tables', () => {
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, figures: i === 9 ? october : empty }));

  test('this year: the months so far, an empty month as 0 and —', () => {
    const lines = monthLines(2026, months, now);
    expect(lines.map((l) => l.label)).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月']);
    expect(lines[9]).toEqual({ key: '10', label: '10月', received: '4', acceptOnTime: '50%', closeOnTime: '67%', satisfied: '50%', empty: false });
    expect(lines[8]).toEqual({ key: '9', label: '9月', received: '0', acceptOnTime: '—', closeOnTime: '—', satisfied: '—', empty: true });
  });

  test('a past year: all twelve; one month asked for: that one', () => {
    expect(monthLines(2025, months, now)).toHaveLength(12);
    expect(monthLines(2026, [{ month: 10, figures: october }], now).map((l) => l.label)).toEqual(['10月']);
    // A month still to come of this year says nothing.
    expect(monthLines(2026, [{ month: 12, figures: empty }], now)).toEqual([]);
  });

  test('categories: those that received something, private ones marked, the rest named once', () => {
    const out = categoryLines([
      { category: 'work', categoryLabel: '工作', private: false, figures: october },
      { category: 'psychological', categoryLabel: '心理疏导', private: true, figures: { ...empty, received: 1, accepted: 1 } },
      { category: 'legal', categoryLabel: '法律咨询', private: true, figures: empty },
      { category: 'marriage', categoryLabel: '结婚', private: false, figures: empty },
    ]);
    expect(out.lines.map((l) => [l.label, l.received])).toEqual([
      ['工作', '4'],
      ['心理疏导（保密）', '1'],
    ]);
    expect(out.none).toBe('法律咨询、结婚：本期没有收到');
    expect(categoryLines([{ category: 'work', categoryLabel: '工作', private: false, figures: empty }])).toEqual({ lines: [], none: null });
  });

  test('the totals read as an officer reports them', () => {
    const rows = Object.fromEntries(totalRows(october).map((r) => [r.label, r.value]));
    expect(rows).toMatchObject({
      收到: '4 件',
      '受理用时（中位数）': '当天',
      按时受理率: '50%（2/4）',
      按时办结率: '67%（2/3）',
      受理办结都按时: '25%（1/4）',
      '满意 / 基本满意 / 不满意': '1 / 0 / 1',
      满意率: '50%（1/2）',
      目前已超期: '2 件',
    });
    expect(rows['撤回 / 退回']).toBeUndefined();
    expect(Object.fromEntries(totalRows({ ...october, withdrawn: 1 }).map((r) => [r.label, r.value]))['撤回 / 退回']).toBe('1 / 0 件');
  });
});

test('the period: payload, title, years offered, and the calendar warning', () => {
  expect(statsPayload(2026, 'all')).toEqual({ year: 2026 });
  expect(statsPayload(2026, '10')).toEqual({ year: 2026, month: 10 });
  expect(periodText(2026, 'all')).toBe('2026年');
  expect(periodText(2026, '10')).toBe('2026年10月');
  expect(yearOptions(now).map((o) => o.value)).toEqual([2026, 2025, 2024]);
  // New Year's Eve in Shanghai is already the next year.
  expect(yearOptions(new Date('2026-12-31T16:30:00Z'))[0].value).toBe(2027);
  expect(calendarWarning(2027, 'weekends')).toContain('尚未录入 2027 年的放假安排');
  expect(calendarWarning(2026, 'library')).toBeNull();
});
