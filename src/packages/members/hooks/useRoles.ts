import { useState } from 'react';
import Taro from '@tarojs/taro';
import { ROLE_LABELS, type GrantableRole } from '@/core/domain/roles';
import type { ErrorBody } from '@/core/errors';
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
  const grantAction = useAction('members', 'rolesGrant');
  const revokeAction = useAction('members', 'rolesRevoke');
  const [member, setMember] = useState<RosterRow | null>(null);
  const [role, setRole] = useState<GrantableRole | null>(null);
  const [grantError, setGrantError] = useState<ErrorBody | null>(null);
  const [revokeError, setRevokeError] = useState<ErrorBody | null>(null);
  /** A success makes earlier refusals stale, whichever action they came from. */
  const clearErrors = () => {
    setGrantError(null);
    setRevokeError(null);
  };
  const chooseMember = (m: RosterRow | null) => {
    setMember(m);
    setGrantError(null);
  };
  const chooseRole = (role: GrantableRole) => {
    setRole(role);
    setGrantError(null);
  };

  const grant = async () => {
    if (!member || !role) return;
    setGrantError(null);
    const reply = await grantAction.run({ memberId: member.id, role });
    if (!reply) return;
    if (!reply.ok) {
      setGrantError(reply.error);
      return;
    }
    clearErrors();
    void Taro.showToast({ title: '已任命', icon: 'success' });
    setMember(null);
    setRole(null);
    list.refresh();
  };

  const revoke = async (holder: RoleHolder, r: GrantableRole) => {
    const confirm = await Taro.showModal({
      title: `免去${ROLE_LABELS[r]}`,
      content: `确定免去 ${holder.name}（${holder.employeeNo}）的「${ROLE_LABELS[r]}」角色吗？`,
      confirmText: '免去',
      cancelText: '取消',
      confirmColor: '#c8161d',
    });
    if (!confirm.confirm) return;
    setRevokeError(null);
    const reply = await revokeAction.run({ memberId: holder.memberId, role: r });
    if (!reply) return;
    if (!reply.ok) {
      setRevokeError(reply.error);
      return;
    }
    clearErrors();
    void Taro.showToast({ title: '已免去', icon: 'success' });
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
    grantError,
    revoke,
    revoking: revokeAction.busy,
    revokeError,
  };
}

export interface InviteValues {
  name: string;
  shopName: string;
}

/** 邀请蛋糕店店员: a one-time code, shown once (only its hash is stored). */
export function useClerkInvite(onInvited: () => void) {
  const form = useForm<InviteValues>({ name: '', shopName: '' });
  const invite = useAction('members', 'clerkInvite');
  const [issued, setIssued] = useState<(ClerkInvite & InviteValues) | null>(null);
  const submit = async () => {
    form.clearErrors();
    const reply = await invite.run({ name: form.values.name, shopName: form.values.shopName });
    if (!reply) return;
    if (!reply.ok) {
      form.showError(reply.error);
      return;
    }
    setIssued({ ...reply.data, ...form.values });
    form.replace({ name: '', shopName: '' });
    onInvited();
  };
  const copy = () => {
    if (issued) void Taro.setClipboardData({ data: issued.code });
  };
  return { form, submit, busy: invite.busy, issued, dismiss: () => setIssued(null), copy };
}
