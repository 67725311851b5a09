/**
 * Roles cannot be taken by another route (issue 10, §2), through the emulator with the real SDK:
 * - the phone, name, status or binding of someone who holds a role is changed only by whoever may change that
 *   role (only a chair touches a chair's record), in the roster form and in an Excel import alike;
 * - no change of role or status leaves a union without a chair or without an officer, also when two officers
 *   act at the same moment (the guard is one transaction, not a count followed by a write).
 */
import ExcelJS from 'exceljs';
import { buildWorld, unwrap, person, type PersonFields, type World } from '../testing/world';

let w: World;

beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => {
  await w.dispose();
});

const chairFields = (extra: Partial<PersonFields> = {}): PersonFields => ({
  name: '赵主席',
  employeeNo: 'A0001',
  department: '办公室',
  gender: 'male',
  birthDate: '1970-01-15',
  phone: '13900000001',
  joinedAt: null,
  status: 'active',
  duesPaid: true,
  ...extra,
});

async function rolesOf(memberId: string): Promise<string[]> {
  const r = unwrap(await w.call('chair', 'members', 'rosterGet', { memberId }));
  return r.roles;
}

/** Officers and chairs among the two people who race (the only holders of those roles in union A). */
async function officersAndChairs(): Promise<{ officers: number; chairs: number }> {
  const roles = [await rolesOf(w.ids.chair), await rolesOf(w.ids.officer)];
  return { officers: roles.filter((r) => r.includes('officer')).length, chairs: roles.filter((r) => r.includes('chair')).length };
}

describe("a chair's record is the chair's business", () => {
  test("an officer cannot change the chair's phone, name or status, nor unbind the chair", async () => {
    for (const change of [{ phone: '13911112222' }, { name: '赵某' }, { status: 'transferred' }, { status: 'retired' }] satisfies Partial<PersonFields>[]) {
      const r = await w.call('officer', 'members', 'rosterSave', { memberId: w.ids.chair, fields: chairFields(change) });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('工会主席') } });
    }
    expect(await w.call('officer', 'members', 'rosterUnbind', { memberId: w.ids.chair })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Nothing changed: the chair is still bound, with the old phone.
    expect(await w.call('chair', 'members', 'whoami')).toMatchObject({ ok: true, data: { account: { roles: expect.arrayContaining(['chair']) }, member: { phoneMasked: '139****0001' } } });
    // Fields that give no way in (the department) an officer may still correct.
    expect(await w.call('officer', 'members', 'rosterSave', { memberId: w.ids.chair, fields: chairFields({ department: '综合科' }) })).toMatchObject({ ok: true });
    await w.call('chair', 'members', 'rosterSave', { memberId: w.ids.chair, fields: chairFields() });
  });

  test('the takeover walk of the report fails at its first step, and the chair can still do all of it', async () => {
    // The walk: change the chair's phone, unbind the chair, bind the record from a second WeChat.
    expect(await w.call('officer', 'members', 'rosterSave', { memberId: w.ids.chair, fields: chairFields({ phone: '13900002222' }) })).toMatchObject({ ok: false });
    expect(await w.call('officer', 'members', 'rosterUnbind', { memberId: w.ids.chair })).toMatchObject({ ok: false });
    expect(await w.call('wx-officer-second', 'members', 'bind', { name: '赵主席', employeeNo: 'A0001', phoneLast4: '2222' })).toMatchObject({ ok: false });
    expect(await w.call('wx-officer-second', 'members', 'whoami')).toMatchObject({ ok: true, data: { account: null } });
    // An officer may still edit another officer's phone (no more than the officer's own rights)...
    expect(await w.call('chair', 'members', 'rosterGet', { memberId: w.ids.officer })).toMatchObject({ ok: true });
  });

  test("an Excel import cannot change a chair's phone or status either, and names the row", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('会员名册');
    ws.addRow(['姓名', '工号', '部门', '性别', '出生日期', '手机号', '入会日期', '状态', '会费已缴']);
    ws.addRow(['赵主席', 'A0001', '办公室', '男', '1970-01-15', '13900003333', '', '在职', '是']);
    ws.addRow(['新会员', 'A0777', '办公室', '女', '1990-01-01', '13900000777', '', '在职', '是']);
    const fileID = await w.upload('wx-a-officer', Buffer.from(await wb.xlsx.writeBuffer()), 'roster.xlsx');
    const r = await w.call('officer', 'members', 'rosterImport', { fileID });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(r.error?.issues?.[0]?.message).toMatch(/第 2 行.*工会主席/);
    expect(await w.call('chair', 'members', 'rosterGet', { memberId: w.ids.chair })).toMatchObject({ ok: true, data: { phone: '13900000001' } });
    expect(await w.call('chair', 'members', 'rosterList', { q: 'A0777' })).toMatchObject({ ok: true, data: { total: 0 } });
  });
});

describe('a union always keeps a chair and an officer', () => {
  test('the only chair cannot leave the role, nor be marked 调离; union B keeps its only officer too', async () => {
    expect(await w.call('chair', 'members', 'rolesRevoke', { memberId: w.ids.chair, role: 'chair' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('主席') } });
    expect(await w.call('chair', 'members', 'rosterSave', { memberId: w.ids.chair, fields: chairFields({ status: 'transferred' }) })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('主席') },
    });
    expect(await w.call('otherOfficer', 'members', 'rolesRevoke', { memberId: w.ids.otherChair, role: 'officer' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await rolesOf(w.ids.chair)).toEqual(expect.arrayContaining(['chair', 'officer']));
    // A member that does not exist is read as missing inside the transaction, and said so.
    expect(await w.call('chair', 'members', 'rolesGrant', { memberId: `${w.unionA}:NOBODY`, role: 'auditor' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('an officer marked 调离 loses the role only while another officer remains; the audit records it', async () => {
    const extra = unwrap(await w.call('chair', 'members', 'rosterSave', { fields: person('A0200', '钱干部', '13900000200') }));
    expect(await w.call('chair', 'members', 'rolesGrant', { memberId: extra.id, role: 'officer' })).toMatchObject({ ok: true });
    expect(await w.call('officer', 'members', 'rosterSave', { memberId: extra.id, fields: person('A0200', '钱干部', '13900000200', { status: 'transferred' }) })).toMatchObject({ ok: true });
    const log = unwrap(await w.call('chair', 'members', 'auditList'));
    expect(log.items.some((e) => e.action === 'member.update')).toBe(true);
    expect(log.items.some((e) => e.action === 'role.grant')).toBe(true);
  });

  test('two officers removing each other at the same moment: one is refused, an officer always remains (10 rounds)', async () => {
    // Union A: the chair holds chair + officer, 李娜 holds officer. Each removes the other's officer role at once.
    for (let round = 0; round < 10; round += 1) {
      const [a, b] = await Promise.all([
        w.call('chair', 'members', 'rolesRevoke', { memberId: w.ids.officer, role: 'officer' }),
        w.call('officer', 'members', 'rolesRevoke', { memberId: w.ids.chair, role: 'officer' }),
      ]);
      const counts = await officersAndChairs();
      expect(counts.officers).toBeGreaterThanOrEqual(1);
      expect([a.ok, b.ok].filter(Boolean).length).toBeLessThanOrEqual(1);
      // Back to the start: the chair restores whatever was removed.
      for (const id of [w.ids.chair, w.ids.officer]) expect(await w.call('chair', 'members', 'rolesGrant', { memberId: id, role: 'officer' })).toMatchObject({ ok: true });
    }
  });

  test('two chairs stepping down at the same moment: one chair remains (10 rounds)', async () => {
    expect(await w.call('chair', 'members', 'rolesGrant', { memberId: w.ids.officer, role: 'chair' })).toMatchObject({ ok: true });
    for (let round = 0; round < 10; round += 1) {
      const [a, b] = await Promise.all([
        w.call('chair', 'members', 'rolesRevoke', { memberId: w.ids.chair, role: 'chair' }),
        w.call('officer', 'members', 'rolesRevoke', { memberId: w.ids.officer, role: 'chair' }),
      ]);
      expect((await officersAndChairs()).chairs).toBe(1);
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
      // Whoever is still chair makes the other chair again.
      const stillChair = a.ok ? 'officer' : 'chair';
      const other = a.ok ? w.ids.chair : w.ids.officer;
      expect(await w.call(stillChair, 'members', 'rolesGrant', { memberId: other, role: 'chair' })).toMatchObject({ ok: true });
    }
    expect(await w.call('chair', 'members', 'rolesRevoke', { memberId: w.ids.officer, role: 'chair' })).toMatchObject({ ok: true });
  });
});
