/** The members function's access matrix (run by server/access.test.ts). */
import { EVERYONE, STAFF, type AccessCases } from '../testing/access';

export const membersAccess: AccessCases<'members'> = {
  whoami: { payload: () => undefined, allowed: EVERYONE },
  unions: { payload: () => undefined, allowed: EVERYONE },
  // Only a caller without an account may bind, bootstrap or redeem (wrong details: the door is what is tested).
  bind: { payload: () => ({ name: '王芳', employeeNo: 'A0005', phoneLast4: '0000' }), allowed: ['unbound'] },
  bootstrap: {
    payload: () => ({ setupCode: 'WRONG-CODE-0000', union: { name: '测试工会' }, me: { name: '某人', employeeNo: 'Z1', department: '', gender: 'male', birthDate: '1980-01-01', phone: '13800000000' } }),
    allowed: ['unbound'],
  },
  redeemInvite: { payload: () => ({ code: 'ABCDEFGHJK' }), allowed: ['unbound'] },
  rosterList: { payload: () => ({}), allowed: STAFF },
  rosterUnlock: { payload: (x) => ({ memberId: x.ids.member }), allowed: STAFF },
  rosterGet: { payload: (x) => ({ memberId: x.ids.member }), allowed: STAFF },
  rosterSave: {
    payload: (x) => ({ memberId: x.ids.member, fields: { name: '张伟', employeeNo: 'A0004', department: '办公室', gender: 'male', birthDate: '1985-03-12', phone: '13900000004' } }),
    allowed: STAFF,
  },
  rosterImport: { payload: (x, who) => ({ fileID: `cloud://${x.emu.envId}.bucket/uploads/${x.openids[who]}/missing.xlsx` }), allowed: STAFF },
  rosterTemplate: { payload: () => undefined, allowed: STAFF },
  rosterExport: { payload: () => undefined, allowed: STAFF },
  rosterUnbind: { payload: (x) => ({ memberId: x.ids.unboundEntry }), allowed: STAFF },
  rolesList: { payload: () => undefined, allowed: STAFF },
  rolesGrant: { payload: (x) => ({ memberId: x.ids.member, role: 'auditor' }), allowed: STAFF },
  rolesRevoke: { payload: (x) => ({ memberId: x.ids.member, role: 'auditor' }), allowed: STAFF },
  clerkInvite: { payload: () => ({ name: '店员', shopName: '某蛋糕店' }), allowed: STAFF },
  unionSetCommittee: { payload: () => ({ committeeId: null }), allowed: ['otherOfficer', 'chair'] },
  // The 工委's officer (union A belongs to that 工委).
  committeeUnions: { payload: () => undefined, allowed: ['committee'] },
  auditList: { payload: () => undefined, allowed: [...STAFF, 'auditor'] },
};
