/** Stored documents → what a caller may see of them. Only the fields named here leave the function. */
import { maskPhone } from '../../src/core/domain/roster';
import { memberRoles } from '../../src/core/domain/roles';
import type { MemberDoc, UnionDoc } from '../db/types';

/** `committeeId` reaches only the caller's own account (accountInfo): every other reply's schema strips it. */
export function unionView(u: UnionDoc) {
  return { id: u._id, name: u.name, shortName: u.shortName, kind: u.kind, committeeId: u.committeeId ?? null };
}

export function memberSelfView(m: MemberDoc) {
  const roles = memberRoles(m);
  return {
    id: m._id,
    name: m.name,
    employeeNo: m.employeeNo,
    department: m.department,
    gender: m.gender,
    birthDate: m.birthDate,
    phoneMasked: maskPhone(m.phone),
    joinedAt: m.joinedAt,
    status: m.status,
    duesPaid: m.duesPaid,
    roles,
  };
}

/** `bindLockedUntil`: when repeated wrong guesses locked the member's binding (see binding.ts), until when. */
export function rosterRowView(m: MemberDoc, bindLockedUntil: Date | null = null) {
  return { ...memberSelfView(m), bound: m.openid !== null, boundAt: m.boundAt, updatedAt: m.updatedAt, bindLockedUntil };
}

export function rosterDetailView(m: MemberDoc, bindLockedUntil: Date | null = null) {
  return { ...rosterRowView(m, bindLockedUntil), phone: m.phone };
}
