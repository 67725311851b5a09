import { checkPayload } from '@/services/check';
import { placeIssues } from '@/hooks/useForm';
import { MEMBER_WHEN_EMPTY, memberPayload, memberValues, type MemberDetail } from './memberForm';

const detail = {
  id: 'm-1',
  name: '王芳',
  employeeNo: 'A0001',
  department: '办公室',
  gender: 'female',
  birthDate: '1985-03-08',
  phone: '13800001111',
  joinedAt: null,
  status: 'retired',
  duesPaid: false,
} as unknown as MemberDetail;

describe('member form ⇄ members.rosterSave', () => {
  test('an existing member, saved unchanged, sends the same fields back under their id', () => {
    const payload = memberPayload(memberValues(detail), detail.id);
    expect(checkPayload('members', 'rosterSave', payload).ok).toBe(true);
    expect(payload).toEqual({
      memberId: 'm-1',
      fields: { name: '王芳', employeeNo: 'A0001', department: '办公室', gender: 'female', birthDate: '1985-03-08', phone: '13800001111', joinedAt: null, status: 'retired', duesPaid: false },
    });
  });

  test('a new member has no id, starts in service with dues paid, and an empty 入会日期 is sent as not known', () => {
    const values = { ...memberValues(null), name: '李雷', employeeNo: 'B0002', gender: 'male' as const, birthDate: '1990-01-02', phone: '13900002222' };
    const payload = memberPayload(values, null);
    expect(payload).not.toHaveProperty('memberId');
    expect(payload.fields).toMatchObject({ status: 'active', duesPaid: true, joinedAt: null });
    expect(checkPayload('members', 'rosterSave', payload).ok).toBe(true);
  });

  test('an empty form asks for each required field plainly, beside the field', () => {
    const values = memberValues(null);
    const checked = checkPayload('members', 'rosterSave', memberPayload(values, null));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const { fields, unplaced } = placeIssues(checked.error.issues, values, ['fields'], { whenEmpty: MEMBER_WHEN_EMPTY });
    expect(fields).toMatchObject({ employeeNo: '请填写工号', gender: '请选择性别', birthDate: '请选择出生日期', phone: '请填写手机号' });
    expect(fields.name).toEqual(expect.any(String));
    expect(unplaced).toEqual([]);
  });

  test('a wrongly typed field keeps the schema message that says what is wrong', () => {
    const values = { ...memberValues(detail), phone: '1380000' };
    const checked = checkPayload('members', 'rosterSave', memberPayload(values, detail.id));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const { fields } = placeIssues(checked.error.issues, values, ['fields'], { whenEmpty: MEMBER_WHEN_EMPTY });
    expect(fields.phone).not.toBe('请填写手机号');
    expect(fields.phone).toMatch(/手机号/);
  });
});

describe('placeIssues', () => {
  test('issues outside the prefix, or that no field shows, go to the box once each', () => {
    const issues = [
      { path: ['fields', 'phone'], message: '手机号不正确' },
      { path: ['fields', 'phone'], message: '第二条' },
      { path: ['schedule'], message: '报名应在活动开始前截止' },
      { path: ['schedule'], message: '报名应在活动开始前截止' },
    ];
    const { fields, unplaced } = placeIssues(issues, { phone: '1' }, ['fields']);
    expect(fields).toEqual({ phone: '手机号不正确' });
    expect(unplaced).toEqual([{ path: ['schedule'], message: '报名应在活动开始前截止' }]);
  });

  test('fieldOf maps a nested path to the form field, and null leaves the issue to the box', () => {
    const issues = [
      { path: ['union', 'name'], message: '请填写工会名称' },
      { path: ['me', 'phone'], message: '手机号不正确' },
      { path: ['other'], message: '其他问题' },
    ];
    const fieldOf = (path: readonly (string | number)[]) => (path[0] === 'union' ? (path[1] === 'name' ? 'unionName' : String(path[1])) : path[0] === 'me' ? String(path[1]) : null);
    const { fields, unplaced } = placeIssues(issues, {}, [], { fieldOf });
    expect(fields).toEqual({ unionName: '请填写工会名称', phone: '手机号不正确' });
    expect(unplaced.map((i) => i.message)).toEqual(['其他问题']);
  });
});
