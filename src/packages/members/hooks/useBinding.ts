import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { CallOutput } from '@/services/cloud';
import { ROUTES } from '@/services/routes';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm, whenEmpty } from '@/hooks/useForm';
import { forgetWhoami } from '@/hooks/useWhoami';

export type UnionChoice = CallOutput<'members', 'unions'>['items'][number];

export interface BindingValues {
  name: string;
  employeeNo: string;
  phoneLast4: string;
}

const WHEN_EMPTY: Record<keyof BindingValues, string> = { name: '请填写姓名', employeeNo: '请填写工号', phoneLast4: '请填写手机号后 4 位' };

/**
 * 实名认证: name + 工号 + the roster phone's last four digits. The contract's schema checks the fields on the phone
 * (callFunction), the function checks them against the roster. When the 工号 is registered in more than one union
 * the function answers CONFLICT: the person then picks their union and the same details are sent again with it.
 * On success the whole app starts again from 我的, so every page sees the new identity.
 */
export function useBinding() {
  const form = useForm<BindingValues>({ name: '', employeeNo: '', phoneLast4: '' });
  const bind = useAction('members', 'bind');
  const [needUnion, setNeedUnion] = useState(false);
  const [unionId, setUnionId] = useState<string | null>(null);
  const unions = useCall('members', 'unions', { enabled: needUnion });

  const submit = async () => {
    form.clearErrors();
    const { name, employeeNo, phoneLast4 } = form.values;
    const reply = await bind.run({ name, employeeNo, phoneLast4, ...(unionId ? { unionId } : {}) });
    if (!reply) return;
    if (reply.ok) {
      forgetWhoami();
      void Taro.showToast({ title: '认证成功', icon: 'success', duration: 1500 });
      void Taro.reLaunch({ url: ROUTES.me });
      return;
    }
    if (reply.error.code === 'CONFLICT' && !unionId) setNeedUnion(true);
    form.showError({ ...reply.error, issues: whenEmpty(reply.error.issues, form.values, WHEN_EMPTY) });
  };

  return { form, submit, busy: bind.busy, needUnion, unions, unionId, setUnionId };
}

export interface RedeemValues {
  code: string;
}

/** A cake-shop clerk joins with the one-time code an officer gave them (`members.redeemInvite`). */
export function useRedeemInvite() {
  const form = useForm<RedeemValues>({ code: '' });
  const redeem = useAction('members', 'redeemInvite');
  const submit = async () => {
    form.clearErrors();
    const reply = await redeem.run({ code: form.values.code });
    if (!reply) return;
    if (reply.ok) {
      forgetWhoami();
      void Taro.showToast({ title: '已加入', icon: 'success', duration: 1500 });
      void Taro.reLaunch({ url: ROUTES.me });
      return;
    }
    form.showError(reply.error);
  };
  return { form, submit, busy: redeem.busy };
}
