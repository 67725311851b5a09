import { useState } from 'react';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm } from '@/hooks/useForm';
import { birthdayDraft, birthdayFieldOf, birthdayMonths, birthdayValuesOf, type BirthdaySettingsData, type BirthdayValues } from '../vouchersForm';

/** 生日慰问设置 (`gifts.birthdaySettingsSave`): timing, shop, amount, validity, greeting, on or off. */
export function useBirthdaySettings(data: BirthdaySettingsData | null, shops: readonly { shopName: string }[], onSaved: () => void) {
  const form = useForm<BirthdayValues>(() => birthdayValuesOf(data, shops), { fieldOf: birthdayFieldOf });
  const save = useAction('gifts', 'birthdaySettingsSave', { form, done: '已保存' });

  const submit = async () => {
    const { payload, problems } = birthdayDraft(form.values);
    const checked = form.check('gifts', 'birthdaySettingsSave', payload, { problems });
    if (checked && (await save.run(checked))) onSaved();
  };

  return { values: form.values, set: form.set, errors: form.errors, error: form.error, submit, busy: save.busy };
}

/** 发放名单 (`gifts.birthdayVouchers`): a birthday month's vouchers, a page at a time; next month first for early timings. */
export function useBirthdayVoucherList() {
  const months = birthdayMonths(new Date());
  const [month, setMonthState] = useState(months[1].value);
  const [page, setPage] = useState(1);
  const list = useCall('gifts', 'birthdayVouchers', { payload: { month, page, pageSize: 20 } });
  const setMonth = (m: string) => {
    setMonthState(m);
    setPage(1);
  };
  return { months, month, setMonth, page, setPage, list };
}
