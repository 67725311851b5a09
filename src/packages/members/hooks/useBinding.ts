import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { CallOutput } from '@/services/cloud';
import { ROUTES } from '@/services/routes';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm } from '@/hooks/useForm';
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
  const form = useForm<BindingValues>({ name: '', employeeNo: '', phoneLast4: '' }, { whenEmpty: WHEN_EMPTY });
  const [needUnion, setNeedUnion] = useState(false);
  const [unionId, setUnionId] = useState<string | null>(null);
  const bind = useAction('members', 'bind', {
    form,
    done: '认证成功',
    refused: (error) => {
      if (error.code === 'CONFLICT' && !unionId) setNeedUnion(true);
    },
  });
  const unions = useCall('members', 'unions', { enabled: needUnion });

  const submit = async () => {
    form.clearErrors();
    const { name, employeeNo, phoneLast4 } = form.values;
    if (!(await bind.run({ name, employeeNo, phoneLast4, ...(unionId ? { unionId } : {}) }))) return;
    forgetWhoami();
    void Taro.reLaunch({ url: ROUTES.me });
  };

  return { form, submit, busy: bind.busy, needUnion, unions, unionId, setUnionId };
}

export interface RedeemValues {
  code: string;
}

/** A cake-shop clerk joins with the one-time code an officer gave them (`members.redeemInvite`). */
export function useRedeemInvite() {
  const form = useForm<RedeemValues>({ code: '' });
  const redeem = useAction('members', 'redeemInvite', { form, done: '已加入' });
  const submit = async () => {
    form.clearErrors();
    if (!(await redeem.run({ code: form.values.code }))) return;
    forgetWhoami();
    void Taro.reLaunch({ url: ROUTES.me });
  };
  return { form, submit, busy: redeem.busy };
}
