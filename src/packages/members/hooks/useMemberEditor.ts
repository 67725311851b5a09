import Taro from '@tarojs/taro';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { MEMBER_WHEN_EMPTY, memberPayload, memberValues, type MemberDetail, type MemberFormValues } from '../memberForm';

export type { MemberDetail };

/**
 * Add a member or edit one (`members.rosterSave`), unbind their WeChat (`members.rosterUnbind`) and lift the lock of
 * repeated wrong guesses (`members.rosterUnlock`). The form is checked first against the contract (the roster's own
 * schema, which the function and the Excel import use too), so every field's problem shows at once.
 */
export function useMemberEditor(detail: MemberDetail | null, onChanged: () => void) {
  const form = useForm<MemberFormValues>(() => memberValues(detail), { whenEmpty: MEMBER_WHEN_EMPTY });
  const save = useAction('members', 'rosterSave', { form, prefix: ['fields'], done: detail ? '已保存' : '已新增' });
  const unbindAction = useAction('members', 'rosterUnbind', {
    confirm: detail && { title: '解除微信绑定', content: `解除后，${detail.name}需要重新实名认证才能使用小程序。确定解除吗？`, confirmText: '解除', danger: true },
    done: '已解除绑定',
  });
  const unlockAction = useAction('members', 'rosterUnlock', {
    confirm: detail && { title: '解除认证锁定', content: `请先与${detail.name}本人核实：多次核对未通过的是不是本人。解除后可以立即重新实名认证。`, confirmText: '解除锁定' },
    done: '已解除锁定',
  });

  const submit = async () => {
    const payload = form.check('members', 'rosterSave', memberPayload(form.values, detail?.id ?? null), { prefix: ['fields'] });
    if (!payload) return;
    if (!(await save.run(payload))) return;
    unbindAction.clear();
    onChanged();
    void Taro.navigateBack();
  };

  const unbind = async () => {
    if (!detail) return;
    unlockAction.clear();
    if (!(await unbindAction.run({ memberId: detail.id }))) return;
    // The form's earlier refusal is stale now: the record it was about has changed.
    form.clearErrors();
    onChanged();
  };

  /** Lift the lock repeated wrong guesses put on the member's real-name binding (after checking with the member). */
  const unlock = async () => {
    if (!detail) return;
    unbindAction.clear();
    if (await unlockAction.run({ memberId: detail.id })) onChanged();
  };

  return {
    form,
    submit,
    saving: save.busy,
    unbind,
    unbinding: unbindAction.busy,
    unlock,
    unlocking: unlockAction.busy,
    bindingError: unbindAction.error ?? unlockAction.error,
  };
}
