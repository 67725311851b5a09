import { useState } from 'react';
import Taro from '@tarojs/taro';
import { ROLE_LABELS, type GrantableRole } from '@/core/domain/roles';
import type { CallOutput } from '@/services/cloud';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm } from '@/hooks/useForm';
import type { RosterRow } from '@/hooks/useMemberSearch';

export type RoleHolder = CallOutput<'members', 'rolesList'>['members'][number];
export type ClerkInvite = CallOutput<'members', 'clerkInvite'>;

/**
 * 角色管理: who holds which role, grant and revoke (`rolesGrant` / `rolesRevoke`), and a cake-shop clerk's
 * invitation. Who may grant what is the function's decision (only a chair appoints a chair); the page offers only
 * what canGrant allows, and shows a refusal as it comes, in the function's words, until the next success.
 */
export function useRoles() {
  const list = useCall('members', 'rolesList');
  const [member, setMember] = useState<RosterRow | null>(null);
  const [role, setRole] = useState<GrantableRole | null>(null);
  const grantAction = useAction('members', 'rolesGrant', { done: '已任命' });
  const revokeAction = useAction('members', 'rolesRevoke', {
    // The question names the holder tapped, from the list the button was in.
    confirm: ({ memberId, role: r }) => {
      const holder = list.status === 'ok' ? list.data.members.find((m) => m.memberId === memberId) : undefined;
      const who = holder ? `${holder.name}（${holder.employeeNo}）` : '这位会员';
      return { title: `免去${ROLE_LABELS[r]}`, content: `确定免去 ${who}的「${ROLE_LABELS[r]}」角色吗？`, confirmText: '免去', danger: true };
    },
    done: '已免去',
  });
  /** A success makes earlier refusals stale, whichever action they came from. */
  const clearErrors = () => {
    grantAction.clear();
    revokeAction.clear();
  };
  const chooseMember = (m: RosterRow | null) => {
    setMember(m);
    grantAction.clear();
  };
  const chooseRole = (role: GrantableRole) => {
    setRole(role);
    grantAction.clear();
  };

  const grant = async () => {
    if (!member || !role) return;
    if (!(await grantAction.run({ memberId: member.id, role }))) return;
    clearErrors();
    setMember(null);
    setRole(null);
    list.refresh();
  };

  const revoke = async (holder: RoleHolder, r: GrantableRole) => {
    if (!(await revokeAction.run({ memberId: holder.memberId, role: r }))) return;
    clearErrors();
    list.refresh();
  };

  return {
    list,
    member,
    setMember: chooseMember,
    role,
    setRole: chooseRole,
    grant,
    granting: grantAction.busy,
    grantError: grantAction.error,
    revoke,
    revoking: revokeAction.busy,
    revokeError: revokeAction.error,
  };
}

export interface InviteValues {
  name: string;
  shopName: string;
}

/** 邀请蛋糕店店员: a one-time code, shown once (only its hash is stored). */
export function useClerkInvite(onInvited: () => void) {
  const form = useForm<InviteValues>({ name: '', shopName: '' });
  const invite = useAction('members', 'clerkInvite', { form });
  const [issued, setIssued] = useState<(ClerkInvite & InviteValues) | null>(null);
  const submit = async () => {
    form.clearErrors();
    const { name, shopName } = form.values;
    const made = await invite.run({ name, shopName });
    if (!made) return;
    setIssued({ ...made, name, shopName });
    form.replace({ name: '', shopName: '' });
    onInvited();
  };
  const copy = () => {
    if (issued) void Taro.setClipboardData({ data: issued.code });
  };
  return { form, submit, busy: invite.busy, issued, dismiss: () => setIssued(null), copy };
}
