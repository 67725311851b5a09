/**
 * The member form ⇄ `members.rosterSave`: what an officer types on 新增会员 / 编辑会员, and the payload the contract
 * checks. Pure, so both directions are unit-tested.
 */
import type { CallOutput } from '@/core/contracts';
import type { Gender } from '@/core/domain/roster';
import type { MemberStatus } from '@/core/policy/items';

export type MemberDetail = CallOutput<'members', 'rosterGet'>;

export interface MemberFormValues {
  name: string;
  employeeNo: string;
  department: string;
  gender: Gender | null;
  birthDate: string;
  phone: string;
  joinedAt: string;
  status: MemberStatus;
  duesPaid: boolean;
}

/** A field left empty is asked for plainly rather than with the schema's format message. */
export const MEMBER_WHEN_EMPTY: Partial<Record<keyof MemberFormValues, string>> = {
  employeeNo: '请填写工号',
  gender: '请选择性别',
  birthDate: '请选择出生日期',
  phone: '请填写手机号',
};

/** The form for a member (or an empty one for 新增会员: in service, dues paid). */
export function memberValues(detail: MemberDetail | null): MemberFormValues {
  if (!detail) {
    return { name: '', employeeNo: '', department: '', gender: null, birthDate: '', phone: '', joinedAt: '', status: 'active', duesPaid: true };
  }
  return {
    name: detail.name,
    employeeNo: detail.employeeNo,
    department: detail.department,
    gender: detail.gender,
    birthDate: detail.birthDate,
    phone: detail.phone,
    joinedAt: detail.joinedAt ?? '',
    status: detail.status,
    duesPaid: detail.duesPaid,
  };
}

/**
 * What `members.rosterSave` is sent, before the contract's check: the member's id when editing, the fields as typed
 * (the contract trims and checks them). No gender chosen is left out, so the contract names it; an empty 入会日期 is
 * "not known" (null).
 */
export function memberPayload(values: MemberFormValues, memberId: string | null) {
  const { joinedAt, gender, ...rest } = values;
  return {
    ...(memberId ? { memberId } : {}),
    fields: { ...rest, gender: gender ?? undefined, joinedAt: joinedAt || null },
  };
}
