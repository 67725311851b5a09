import { can, canGrant, PERMISSIONS, roleBeyond, ROLES, type Permission, type Role } from './roles';

describe('permissions', () => {
  test.each([
    [['member'], 'report.read', true],
    [['member'], 'self.read', true],
    [['member'], 'roster.read', false],
    [['member'], 'ledger.read', false],
    [['clerk'], 'report.read', false],
    [['clerk'], 'self.read', false],
    [['auditor'], 'ledger.read', true],
    [['auditor'], 'ledger.write', false],
    [['auditor'], 'roster.read', false],
    [['auditor'], 'audit.read', true],
    [['officer'], 'roster.write', true],
    [['officer'], 'ledger.write', true],
    [['chair'], 'budget.write', true],
    [['committee'], 'report.read', true],
    [['committee'], 'roster.read', false],
    [['hardship_reviewer'], 'hardship.review', true],
    [['chair'], 'hardship.review', true],
    [['officer'], 'hardship.review', false],
    [['auditor'], 'hardship.review', false],
    [['member'], 'hardship.review', false],
    [[], 'report.read', false],
  ] as [Role[], Permission, boolean][])('%p may %s: %p', (roles, permission, expected) => {
    expect(can(roles, permission)).toBe(expected);
  });

  test('every permission names only known roles', () => {
    for (const roles of Object.values(PERMISSIONS)) for (const r of roles) expect(ROLES).toContain(r);
  });
});

describe('who grants what', () => {
  test.each([
    [['chair'], 'chair', true],
    [['chair'], 'auditor', true],
    [['officer'], 'officer', true],
    [['officer'], 'auditor', true],
    [['officer'], 'chair', false],
    [['officer'], 'hardship_reviewer', false],
    [['chair'], 'hardship_reviewer', true],
    [['auditor'], 'officer', false],
    [['member'], 'officer', false],
  ] as [Role[], 'officer' | 'chair' | 'auditor' | 'hardship_reviewer', boolean][])('%p grants %s: %p', (granter, role, expected) => {
    expect(canGrant(granter, role)).toBe(expected);
  });
});

describe("who may touch a role holder's record (name, phone, status, binding)", () => {
  test.each([
    [['officer'], ['member'], null],
    [['officer'], ['member', 'officer', 'auditor'], null],
    [['officer'], ['member', 'officer', 'chair'], 'chair'],
    [['chair'], ['member', 'officer', 'chair'], null],
    [['auditor'], ['member', 'auditor'], 'auditor'],
    [['officer'], [], null],
    [['officer'], ['member', 'hardship_reviewer'], 'hardship_reviewer'],
  ] as [Role[], Role[], string | null][])('%p touching %p: beyond %p', (actor, holder, beyond) => {
    expect(roleBeyond(actor, holder)).toBe(beyond);
  });
});
