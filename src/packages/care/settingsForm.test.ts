import { addDay, editableYears, removeDay, settingsDraft, settingsFieldOf, settingsValuesOf, sourceAfter, type SettingsData } from './settingsForm';

const data: SettingsData = {
  deadlines: { work: { accept: 1, close: 5 }, legal: { accept: 2, close: 10 } },
  arrangements: { '2027': { off: ['2027-02-08', '2027-01-01'], on: [] } },
  knownYears: [2025, 2026],
  currentYear: 2026,
  calendar: [
    { year: 2026, source: 'library' },
    { year: 2027, source: 'union' },
    { year: 2028, source: 'weekends' },
  ],
};

describe('the settings form', () => {
  it('fills every category, the defaults where none was saved', () => {
    const v = settingsValuesOf(data);
    expect(v.deadlines.work).toEqual({ accept: '1', close: '5' });
    expect(v.deadlines.legal).toEqual({ accept: '2', close: '10' });
    expect(v.deadlines.life).toEqual({ accept: '1', close: '5' });
    expect(v.arrangements['2027'].off).toEqual(['2027-01-01', '2027-02-08']);
  });

  it('offers to enter only the years the calendar does not know', () => {
    expect(editableYears(data)).toEqual([2027, 2028]);
  });

  it('sends the numbers and only the years with dates', () => {
    const v = settingsValuesOf(data);
    v.arrangements['2028'] = { off: [], on: [] };
    const { payload, problems } = settingsDraft(v);
    expect(problems).toEqual({});
    expect(payload).toEqual({
      deadlines: { work: { accept: 1, close: 5 }, life: { accept: 1, close: 5 }, psychological: { accept: 1, close: 5 }, legal: { accept: 2, close: 10 }, suggestion: { accept: 1, close: 5 } },
      arrangements: { '2027': { off: ['2027-01-01', '2027-02-08'], on: [] } },
    });
  });

  it('names a deadline that is not a whole number in range', () => {
    const v = settingsValuesOf(data);
    v.deadlines.work = { accept: 'x', close: '0' };
    v.deadlines.life = { accept: '31', close: '61' };
    expect(settingsDraft(v).problems).toEqual({
      'deadlines.work.accept': '「工作」的受理时限请填 0 到 30 的整数',
      'deadlines.work.close': '「工作」的办结时限请填 1 到 60 的整数',
      'deadlines.life.accept': '「生活」的受理时限请填 0 到 30 的整数',
      'deadlines.life.close': '「生活」的办结时限请填 1 到 60 的整数',
    });
  });

  it('places the function’s issues at their deadline or year', () => {
    expect(settingsFieldOf(['deadlines', 'work', 'close'])).toBe('deadlines.work.close');
    expect(settingsFieldOf(['arrangements', '2027', 'off', 3])).toBe('arrangements.2027');
    expect(settingsFieldOf(['other'])).toBeNull();
  });

  it('says where a year comes from once saved', () => {
    const v = settingsValuesOf(data);
    expect(sourceAfter(2027, 'union', v)).toBe('union');
    expect(sourceAfter(2028, 'weekends', v)).toBe('weekends');
    expect(sourceAfter(2026, 'library', v)).toBe('library');
    v.arrangements['2027'] = { off: [], on: [] };
    expect(sourceAfter(2027, 'union', v)).toBe('weekends');
  });
});

describe('entering a year’s 放假安排', () => {
  it('adds a weekday off and a weekend make-up day, sorted', () => {
    const a = addDay({ off: ['2028-01-03'], on: [] }, 2028, 'off', '2028-01-01'.replace('01-01', '02-07'));
    expect(a).toEqual({ next: { off: ['2028-01-03', '2028-02-07'], on: [] } });
    expect(addDay(undefined, 2028, 'on', '2028-02-05')).toEqual({ next: { off: [], on: ['2028-02-05'] } });
  });

  it('refuses a weekend as a day off, a weekday as a make-up day, another year, a repeat', () => {
    expect(addDay(undefined, 2028, 'off', '2028-01-01')).toEqual({ problem: '1月1日（周六）是周末，本来就休息，不用录入；只录入放假的工作日' });
    expect(addDay(undefined, 2028, 'on', '2028-01-03')).toEqual({ problem: '1月3日（周一）是工作日，本来就上班；调休上班日只录入要上班的周六、周日' });
    expect(addDay(undefined, 2028, 'off', '2029-01-03')).toEqual({ problem: '2029 年的日期请在该年份下录入' });
    expect(addDay({ off: ['2028-01-03'], on: [] }, 2028, 'off', '2028-01-03')).toEqual({ problem: '1月3日（周一）已在放假日中' });
  });

  it('removes a day', () => {
    expect(removeDay({ off: ['2028-01-03', '2028-02-07'], on: [] }, 'off', '2028-01-03')).toEqual({ off: ['2028-02-07'], on: [] });
  });
});
