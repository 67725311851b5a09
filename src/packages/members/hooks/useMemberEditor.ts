import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { Gender } from '@/core/domain/roster';
import type { MemberStatus } from '@/core/policy/items';
import { checkPayload, type CallOutput } from '@/services/cloud';
import { useAction } from '@/hooks/useAction';
import { useForm, whenEmpty } from '@/hooks/useForm';

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

const WHEN_EMPTY: Partial<Record<keyof MemberFormValues, string>> = {
  employeeNo: '请填写工号',
  gender: '请选择性别',
  birthDate: '请选择出生日期',
  phone: '请填写手机号',
};

function valuesOf(detail: MemberDetail | null): MemberFormValues {
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
 * Add a member or edit one (`members.rosterSave`), and unbind their WeChat (`members.rosterUnbind`). The form is
 * checked first against the contract (the roster's own schema, which the function and the Excel import use too),
 * so every field's problem shows at once without a round trip.
 */
export function useMemberEditor(detail: MemberDetail | null, onChanged: () => void) {
  const form = useForm<MemberFormValues>(() => valuesOf(detail));
  const save = useAction('members', 'rosterSave');
  const unbindAction = useAction('members', 'rosterUnbind');
  const unlockAction = useAction('members', 'rosterUnlock');
  const [unbindError, setUnbindError] = useState<string | null>(null);

  const submit = async () => {
    form.clearErrors();
    const { joinedAt, gender, ...rest } = form.values;
    const checked = checkPayload('members', 'rosterSave', {
      ...(detail ? { memberId: detail.id } : {}),
      fields: { ...rest, gender: gender ?? undefined, joinedAt: joinedAt || null },
    });
    if (!checked.ok) {
      const issues = whenEmpty(checked.error.issues, form.values, WHEN_EMPTY, 1);
      form.showError({ ...checked.error, message: '填写的内容有误，请按提示修改', issues }, ['fields']);
      return;
    }
    const reply = await save.run(checked.data);
    if (!reply) return;
    if (!reply.ok) {
      form.showError(reply.error, ['fields']);
      return;
    }
    setUnbindError(null);
    void Taro.showToast({ title: detail ? '已保存' : '已新增', icon: 'success' });
    onChanged();
    void Taro.navigateBack();
  };

  const unbind = async () => {
    if (!detail) return;
    const confirm = await Taro.showModal({
      title: '解除微信绑定',
      content: `解除后，${detail.name}需要重新实名认证才能使用小程序。确定解除吗？`,
      confirmText: '解除',
      cancelText: '取消',
      confirmColor: '#c8161d',
    });
    if (!confirm.confirm) return;
    setUnbindError(null);
    const reply = await unbindAction.run({ memberId: detail.id });
    if (!reply) return;
    if (!reply.ok) {
      setUnbindError(reply.error.message);
      return;
    }
    // The form's earlier refusal is stale now: the record it was about has changed.
    form.clearErrors();
    void Taro.showToast({ title: '已解除绑定', icon: 'success' });
    onChanged();
  };

  /** Lift the lock repeated wrong guesses put on the member's real-name binding (after checking with the member). */
  const unlock = async () => {
    if (!detail) return;
    const confirm = await Taro.showModal({
      title: '解除认证锁定',
      content: `请先与${detail.name}本人核实：多次核对未通过的是不是本人。解除后可以立即重新实名认证。`,
      confirmText: '解除锁定',
      cancelText: '取消',
    });
    if (!confirm.confirm) return;
    setUnbindError(null);
    const reply = await unlockAction.run({ memberId: detail.id });
    if (!reply) return;
    if (!reply.ok) {
      setUnbindError(reply.error.message);
      return;
    }
    void Taro.showToast({ title: '已解除锁定', icon: 'success' });
    onChanged();
  };

  return { form, submit, saving: save.busy, unbind, unbinding: unbindAction.busy, unlock, unlocking: unlockAction.busy, unbindError };
}
