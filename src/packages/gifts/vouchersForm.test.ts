import { birthdayDraft, birthdayMonths, birthdayFieldOf, birthdayValuesOf, dayText, recentMonths, settingsSummary, timingNote, type BirthdaySettingsData } from './vouchersForm';

const saved: BirthdaySettingsData = { enabled: true, timing: 'daysBefore', daysBefore: 3, shopName: '好利来（人民路店）', amountFen: 199_50, validDays: 30, greeting: '生日快乐！' };

describe('birthday settings ⇄ the form', () => {
  test('a saved setting round-trips through the form unchanged', () => {
    const v = birthdayValuesOf(saved, []);
    expect(v).toMatchObject({ amount: '199.50', daysBefore: '3', validDays: '30', timing: 'daysBefore' });
    expect(birthdayDraft(v)).toEqual({ payload: saved, problems: {} });
  });

  test('a first setting: no timing chosen yet, the only shop picked, a greeting offered', () => {
    const v = birthdayValuesOf(null, [{ shopName: '好利来（人民路店）' }]);
    expect(v).toMatchObject({ timing: null, shopName: '好利来（人民路店）', enabled: true });
    expect(v.greeting.length).toBeGreaterThan(2);
    expect(birthdayDraft({ ...v, amount: '' }).problems).toEqual({ timing: '请选择发放时间', amount: '请填写蛋糕券金额' });
  });

  test.each([
    ['amount', { amount: '二百' }, '金额请填写数字，例如 200 或 199.50'],
    ['daysBefore', { daysBefore: '三' }, '提前天数请填整数，例如 3'],
    ['validDays', { validDays: '' }, '有效天数请填整数，例如 30'],
  ] as const)('%s typed wrong is named under its field', (field, over, message) => {
    expect(birthdayDraft({ ...birthdayValuesOf(saved, []), ...over }).problems).toEqual({ [field]: message });
  });

  test('the days before matter only with 生日前几天', () => {
    const v = { ...birthdayValuesOf(saved, []), timing: 'monthStart' as const, daysBefore: '' };
    expect(birthdayDraft(v)).toMatchObject({ problems: {}, payload: { timing: 'monthStart', daysBefore: 3 } });
  });

  test("the function's issues land under the fields", () => {
    expect(birthdayFieldOf(['amountFen'])).toBe('amount');
    expect(birthdayFieldOf(['shopName'])).toBe('shopName');
    expect(birthdayFieldOf([])).toBeNull();
  });

  test('the words', () => {
    expect(timingNote('daysBefore', '5')).toBe('在会员生日前 5 天发放蛋糕券。');
    expect(timingNote('monthStart', '')).toContain('每月1日');
    expect(settingsSummary(saved)).toBe('已开启：生日前 3 天发放「好利来（人民路店）」199.50 元蛋糕券，有效 30 天');
    expect(dayText('2026-05-20', 2026)).toBe('5月20日');
    expect(dayText('2027-01-02', 2026)).toBe('2027年1月2日');
  });

  test('the statement offers the last twelve months, newest first (Shanghai)', () => {
    const months = recentMonths(new Date('2026-12-31T17:00:00Z'));
    expect(months[0]).toEqual({ value: '2027-01', label: '2027年1月' });
    expect(months[1].value).toBe('2026-12');
    expect(months).toHaveLength(12);
  });

  test("the officers' list offers next month first, then this month", () => {
    expect(birthdayMonths(new Date('2026-01-31T04:00:00Z')).slice(0, 3).map((m) => m.value)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(birthdayMonths(new Date('2026-12-15T04:00:00Z'))[0]).toEqual({ value: '2027-01', label: '2027年1月' });
  });
});
