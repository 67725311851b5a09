/**
 * The roster through the functions: Excel import (good file, bad rows, re-import, 5,000 members), template,
 * export, search and paging, editing, and what crosses union lines (nothing).
 */
import ExcelJS from 'exceljs';
import { buildWorld, unwrap, type World } from '../testing/world';
import { buildWorkbook, readFirstSheet, sheet } from '../files/xlsx';

let w: World;

beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => {
  await w.dispose();
});

const HEADER = ['姓名', '工号', '部门', '性别', '出生日期', '手机号', '入会日期', '状态', '会费已缴'];

async function xlsx(rows: (string | number | Date)[][], header = HEADER): Promise<Buffer> {
  return buildWorkbook([sheet({ name: '名册', columns: header.map((h, i) => ({ header: h, value: (r: (string | number | Date)[]) => { const v = r[i]; return v instanceof Date ? null : v; } })), rows })]);
}

async function upload(who: string, bytes: Buffer, name = 'roster.xlsx'): Promise<string> {
  const token = await w.token(who);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const r = await fetch(`${w.emu.url}/storage/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  expect(r.status).toBe(200);
  return ((await r.json()) as { fileID: string }).fileID;
}

const officerOpenid = 'wx-a-officer';

async function importRows(rows: (string | number | Date)[][]) {
  const fileID = await upload(officerOpenid, await xlsx(rows));
  return w.call('officer', 'members', 'rosterImport', { fileID });
}

async function count(): Promise<number> {
  const r = unwrap(await w.call('officer', 'members', 'rosterList', { pageSize: 1 }));
  return r.total;
}

describe('import', () => {
  test('a good file imports every row; numbers and dates typed any common way are understood', async () => {
    const before = await count();
    const r = await importRows([
      ['陈一', 'C001', '财务处', '男', '1980-05-20', 13800000001, '2005-07-01', '在职', '是'],
      ['陈二', 'C002', '财务处', '女', '1982/6/3', '138 0000 0002', '', '退休', '否'],
      ['陈三', 'C003', '', '女', 19900101, '13800000003', '2012.9.1', '', ''],
    ]);
    expect(r).toEqual({ ok: true, data: { total: 3, created: 3, updated: 0, unchanged: 0 } });
    expect(await count()).toBe(before + 3);
    const list = unwrap(await w.call('officer', 'members', 'rosterList', { q: '陈' }));
    expect(list.items.map((m) => [m.employeeNo, m.birthDate, m.status, m.duesPaid, m.phoneMasked])).toEqual([
      ['C001', '1980-05-20', 'active', true, '138****0001'],
      ['C002', '1982-06-03', 'retired', false, '138****0002'],
      ['C003', '1990-01-01', 'active', true, '138****0003'],
    ]);
  });

  test('a file with bad rows is reported by row number and reason, and nothing of it is imported', async () => {
    const before = await count();
    const r = await importRows([
      ['好人', 'D001', '', '男', '1980-01-01', '13800000011', '', '', ''],
      ['', 'D002', '', '男', '1980-01-01', '13800000012', '', '', ''],
      ['坏电话', 'D003', '', '男', '1980-01-01', '12345', '', '', ''],
      ['坏日期', 'D004', '', '男', '1980-02-30', '13800000014', '', '', ''],
      ['重复', 'D001', '', '女', '1980-01-01', '13800000015', '', '', ''],
      ['坏状态', 'D006', '', '未知', '1980-01-01', '13800000016', '', '离职', '也许'],
    ]);
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('VALIDATION_FAILED');
    expect(r.error?.message).toMatch(/未导入任何数据/);
    const lines = r.error?.issues?.map((i) => i.message) ?? [];
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^第 3 行 姓名：/),
        expect.stringMatching(/^第 4 行 手机号：手机号应为 11 位数字/),
        expect.stringMatching(/^第 5 行 出生日期：/),
        expect.stringMatching(/^第 6 行 工号：工号 D001 与第 2 行重复/),
        expect.stringMatching(/^第 7 行 性别：/),
        expect.stringMatching(/^第 7 行 状态：/),
        expect.stringMatching(/^第 7 行 会费已缴：/),
      ]),
    );
    expect(await count()).toBe(before);
    const good = unwrap(await w.call('officer', 'members', 'rosterList', { q: 'D001' }));
    expect(good.total).toBe(0);
  });

  test('a file without the required columns, or not an Excel file at all, is refused in Chinese', async () => {
    const noPhone = await upload(officerOpenid, await xlsx([['某', 'E1', '', '男', '1980-01-01']], HEADER.slice(0, 5)));
    expect(await w.call('officer', 'members', 'rosterImport', { fileID: noPhone })).toMatchObject({ ok: false, error: { issues: [expect.objectContaining({ message: expect.stringContaining('缺少"手机号"列') })] } });
    const junk = await upload(officerOpenid, Buffer.from('姓名,工号\n张三,1'), 'roster.csv');
    expect(await w.call('officer', 'members', 'rosterImport', { fileID: junk })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('.xlsx') } });
  });

  test('re-importing updates by 工号 without duplicating, and keeps bindings and roles', async () => {
    const before = await count();
    const r = await importRows([
      ['陈一', 'C001', '人事处', '男', '1980-05-20', '13800000001', '2005-07-01', '在职', '是'],
      ['陈二', 'C002', '财务处', '女', '1982-06-03', '13800000002', '', '退休', '否'],
      ['陈四', 'C004', '财务处', '女', '1991-01-01', '13800000004', '', '在职', '是'],
      ['李娜', 'A0002', '工会办公室', '女', '1985-03-12', '13900000002', '2010-07-01', '在职', '是'],
    ]);
    expect(r).toEqual({ ok: true, data: { total: 4, created: 1, updated: 2, unchanged: 1 } });
    expect(await count()).toBe(before + 1);
    const officer = unwrap(await w.call('chair', 'members', 'rosterGet', { memberId: w.ids.officer }));
    expect(officer).toMatchObject({ department: '工会办公室', bound: true, roles: ['member', 'officer'] });
  });

  test("a file uploaded by someone else cannot be imported by passing its fileID", async () => {
    const fileID = await upload('wx-a-chair', await xlsx([['某', 'F001', '', '男', '1980-01-01', '13800000021', '', '', '']]));
    expect(await w.call('officer', 'members', 'rosterImport', { fileID })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('a 5,000-member file imports in one go', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`会员${i}`, `G${String(i).padStart(5, '0')}`, `部门${i % 12}`, i % 2 ? '男' : '女', `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`, `137${String(i).padStart(8, '0')}`, '', '在职', '是']);
    const fileID = await upload(officerOpenid, await xlsx(rows));
    const t0 = performance.now();
    const r = await w.call('officer', 'members', 'rosterImport', { fileID });
    const seconds = (performance.now() - t0) / 1000;
    expect(r).toEqual({ ok: true, data: { total: 5000, created: 5000, updated: 0, unchanged: 0 } });
    console.log(`import of 5,000 members: ${seconds.toFixed(2)} s`);
    const page = unwrap(await w.call('officer', 'members', 'rosterList', { q: 'G04999' }));
    expect(page.items.map((m) => m.name)).toEqual(['会员4999']);
    // Re-importing the same file changes nothing and says so.
    expect(await w.call('officer', 'members', 'rosterImport', { fileID })).toEqual({ ok: true, data: { total: 5000, created: 0, updated: 0, unchanged: 5000 } });
  });
});

describe('template and export', () => {
  async function fetchSheet(url: string) {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    return readFirstSheet(Buffer.from(await res.arrayBuffer()));
  }

  test('the template has the import columns and an example row', async () => {
    const r = unwrap(await w.call('officer', 'members', 'rosterTemplate'));
    expect(r.fileName).toBe('会员名册导入模板.xlsx');
    const sheet = await fetchSheet(r.url);
    expect(sheet.header).toEqual(HEADER);
    expect(sheet.rows[0].cells.slice(0, 2)).toEqual(['张伟', 'A0001']);
  });

  test('the export lists every member of the union and nobody of another union', async () => {
    const r = unwrap(await w.call('officer', 'members', 'rosterExport'));
    const sheet = await fetchSheet(r.url);
    expect(sheet.rows).toHaveLength(r.count);
    expect(r.count).toBe(await count());
    const nos = new Set(sheet.rows.map((row) => row.cells[1]));
    expect(nos.has('A0004')).toBe(true);
    expect(nos.has('B0001')).toBe(false);
    expect(nos.has('B0002')).toBe(false);
  });
});

describe('roster screens', () => {
  test('search by name or 工号, filter, page; another union sees only its own', async () => {
    const byName = unwrap(await w.call('officer', 'members', 'rosterList', { q: '张伟' }));
    expect(byName.items.map((m) => m.employeeNo)).toEqual(['A0004']);
    const retired = unwrap(await w.call('officer', 'members', 'rosterList', { status: 'retired' }));
    expect(retired.items.map((m) => m.employeeNo)).toEqual(['C002']);
    const p2 = unwrap(await w.call('officer', 'members', 'rosterList', { page: 2, pageSize: 3 }));
    expect(p2.items).toHaveLength(3);
    const other = unwrap(await w.call('otherOfficer', 'members', 'rosterList', { pageSize: 100 }));
    expect(other.items.map((m) => m.employeeNo).sort()).toEqual(['B0001', 'B0002']);
    expect(await w.call('otherOfficer', 'members', 'rosterGet', { memberId: w.ids.member })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await w.call('otherOfficer', 'members', 'rosterSave', { memberId: w.ids.member, fields: { name: '张伟', employeeNo: 'A0004', gender: 'male', birthDate: '1985-03-12', phone: '13900000004' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  test('editing records who changed what; the 工号 cannot change; a duplicate 工号 is refused', async () => {
    const saved = await w.call('officer', 'members', 'rosterSave', {
      memberId: w.ids.member,
      fields: { name: '张伟', employeeNo: 'A0004', department: '科技处', gender: 'male', birthDate: '1985-03-12', phone: '13900000004', duesPaid: false },
    });
    expect(saved).toMatchObject({ ok: true, data: { department: '科技处', duesPaid: false } });
    const log = unwrap(await w.call('auditor', 'members', 'auditList'));
    expect(log.items[0]).toMatchObject({ action: 'member.update', actorName: '李娜', summary: expect.stringContaining('部门') });
    expect(
      await w.call('officer', 'members', 'rosterSave', { memberId: w.ids.member, fields: { name: '张伟', employeeNo: 'A9999', gender: 'male', birthDate: '1985-03-12', phone: '13900000004' } }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: ['fields', 'employeeNo'] }] } });
    expect(await w.call('officer', 'members', 'rosterSave', { fields: { name: '重复', employeeNo: 'A0004', gender: 'male', birthDate: '1985-03-12', phone: '13900000004' } })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_EXISTS' },
    });
  });
});

// exceljs is imported so a real Excel date cell can be written where a person would type one.
test('a birth date entered as a real Excel date cell is read as that calendar day', async () => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名册');
  sheet.addRow(HEADER);
  sheet.addRow(['日期人', 'H001', '', '男', new Date(Date.UTC(1979, 11, 31)), '13800000031', new Date(Date.UTC(2001, 0, 1)), '在职', '是']);
  const bytes = Buffer.from((await wb.xlsx.writeBuffer()));
  const fileID = await upload(officerOpenid, bytes);
  expect(await w.call('officer', 'members', 'rosterImport', { fileID })).toMatchObject({ ok: true, data: { created: 1 } });
  const m = unwrap(await w.call('officer', 'members', 'rosterList', { q: 'H001' }));
  expect(m.items[0]).toMatchObject({ birthDate: '1979-12-31', joinedAt: '2001-01-01' });
});
