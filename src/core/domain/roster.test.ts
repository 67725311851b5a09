import { maskPhone, normaliseDateText, parseRosterRow, parseRosterSheet, ROSTER_COLUMNS } from './roster';

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
