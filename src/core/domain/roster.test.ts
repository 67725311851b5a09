import { addDays, shanghaiDateKey } from '../time';
import { birthDateProblem, birthDateRange, maskPhone, normaliseDateText, parseRosterRow, parseRosterSheet, personNameSchema, ROSTER_COLUMNS } from './roster';

const HEADER = ROSTER_COLUMNS.map((c) => c.header);
const good = ['张伟', 'A0001', '办公室', '男', '1980-05-20', '13800000001', '2005-07-01', '在职', '是'];

describe('one row', () => {
  test.each([
    ['1980/5/20', '1980-05-20'],
    ['1980.5.2', '1980-05-02'],
    ['1980年5月20日', '1980-05-20'],
    ['19800520', '1980-05-20'],
    ['1980-05-20', '1980-05-20'],
    ['五月', '五月'],
  ])('date %s reads as %s', (text, key) => {
    expect(normaliseDateText(text)).toBe(key);
  });

  test('a good row becomes a member with labels mapped to values', () => {
    const r = parseRosterRow(2, { name: '张伟', employeeNo: 'A0001', gender: '女', birthDate: '1980/5/20', phone: '138-0000-0001', status: '退休', duesPaid: '否' });
    expect(r).toEqual({
      ok: true,
      member: { name: '张伟', employeeNo: 'A0001', department: '', gender: 'female', birthDate: '1980-05-20', phone: '13800000001', joinedAt: null, status: 'retired', duesPaid: false },
    });
  });

  test.each([
    ['name', { name: '' }, '姓名'],
    ['employeeNo', { employeeNo: 'A 01' }, '工号'],
    ['gender', { gender: '未知' }, '性别'],
    ['birthDate', { birthDate: '1980-02-30' }, '出生日期'],
    ['phone', { phone: '2380000000' }, '手机号'],
    ['status', { status: '离职' }, '状态'],
    ['duesPaid', { duesPaid: '也许' }, '会费已缴'],
  ])('a bad %s is reported with its row and column', (_k, bad, column) => {
    const cells = Object.fromEntries(ROSTER_COLUMNS.map((c, i) => [c.key, good[i]]));
    const r = parseRosterRow(7, { ...cells, ...bad });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([expect.objectContaining({ row: 7, column, message: expect.stringMatching(/[\u4e00-\u9fa5]/) })]);
  });
});

describe('the whole sheet', () => {
  test('missing required columns are named; nothing else is read', () => {
    const r = parseRosterSheet(['姓名', '工号'], [{ row: 2, cells: ['张伟', 'A1'] }]);
    expect(r.members).toEqual([]);
    expect(r.problems.map((p) => p.column)).toEqual(['性别', '出生日期', '手机号']);
  });

  test('columns in any order, blank rows skipped, duplicate 工号 reported against the first row', () => {
    const header = [...HEADER].reverse();
    const row = (cells: string[]) => [...cells].reverse();
    const r = parseRosterSheet(header, [
      { row: 2, cells: row(good) },
      { row: 3, cells: row(['', '', '', '', '', '', '', '', '']) },
      { row: 4, cells: row(['李四', 'A0001', '', '女', '1981-01-01', '13800000002', '', '', '']) },
    ]);
    expect(r.members.map((m) => m.name)).toEqual(['张伟']);
    expect(r.problems).toEqual([{ row: 4, column: '工号', message: '工号 A0001 与第 2 行重复' }]);
  });

  test('a file with a header and no members says so', () => {
    expect(parseRosterSheet(HEADER, []).problems).toEqual([expect.objectContaining({ message: '文件中没有会员数据' })]);
  });
});

test.each([
  ['13800001234', '138****1234'],
  ['123', '****'],
])('phone %s is shown as %s', (phone, shown) => {
  expect(maskPhone(phone)).toBe(shown);
});

describe('names', () => {
  test.each(['张伟', '买买提·吐尔逊', '阿依古丽・买买提', 'John Smith', 'J. Smith', "O'Brien", 'Jean-Luc Picard', '会员C12', 'Zoë'])('%s is a name', (name) => {
    expect(personNameSchema.safeParse(name).success).toBe(true);
  });

  test.each([
    ['an emoji', '张伟😀'],
    ['a control character', '张\u0007伟'],
    ['a zero-width joiner', '张\u200d伟'],
    ['two spaces', '张  伟'],
    ['a leading dot', '·张伟'],
    ['markup', '<b>张伟</b>'],
    ['a symbol', '张伟★'],
  ])('%s is refused with a word of why', (_what, name) => {
    const r = personNameSchema.safeParse(name);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0].message).toMatch(/^姓名只能由文字、字母和数字组成/);
  });
});

describe('birth dates', () => {
  const now = new Date('2026-11-21T10:00:00+08:00');

  test.each([
    ['16 today', '2010-11-21', null],
    ['120 today', '1906-11-21', null],
    ['an ordinary member', '1980-05-20', null],
    ['born today', '2026-11-21', /会员应年满 16 周岁（2010年11月21日或以前出生）/],
    ['16 tomorrow', '2010-11-22', /会员应年满 16 周岁/],
    ['in 2030', '2030-01-01', /不能是将来的日期/],
    ['121 years ago', '1905-11-21', /不能早于1905年11月22日/],
  ])('%s (%s)', (_what, birthDate, problem) => {
    const p = birthDateProblem(birthDate, now);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toMatch(problem);
  });

  test("the pickers' ends are the first and last acceptable dates", () => {
    expect(birthDateRange(now)).toEqual({ earliest: '1905-11-22', latest: '2010-11-21' });
  });

  test('the form and the import refuse a birth date of today or in 2030 alike, in words', () => {
    const cells = Object.fromEntries(ROSTER_COLUMNS.map((c, i) => [c.key, good[i]]));
    const today = shanghaiDateKey(new Date());
    for (const birthDate of [today, addDays(today, 1), '2030-01-01']) {
      const r = parseRosterRow(3, { ...cells, birthDate });
      expect(r).toEqual({ ok: false, problems: [{ row: 3, column: '出生日期', message: expect.stringMatching(/^出生日期(不对|不能是将来)/) }] });
    }
  });

  test('a date written another way is asked for by example, not by a pattern', () => {
    const cells = Object.fromEntries(ROSTER_COLUMNS.map((c, i) => [c.key, good[i]]));
    const r = parseRosterRow(4, { ...cells, birthDate: '五月二十日' });
    expect(r).toEqual({ ok: false, problems: [{ row: 4, column: '出生日期', message: '出生日期请写成 1980-05-20 这样的格式' }] });
  });
});
