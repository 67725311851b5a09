import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { settingsDraft, settingsFieldOf, settingsValuesOf, type SettingsValues } from '../reviewForms';

/** 帮扶设置 (`hardship.settingsSave`): the local 低保 standard (may be left empty) and the days a 公示 lasts. */
export function useManageSettings(data: { dibaoFen: number | null; publicityDays: number }, onSaved: () => void) {
  const form = useForm<SettingsValues>(() => settingsValuesOf(data), { fieldOf: settingsFieldOf, whenEmpty: { days: '请填写公示天数' } });
  const save = useAction('hardship', 'settingsSave', { form, done: '已保存' });
  const submit = async () => {
    const { payload, problems } = settingsDraft(form.values);
    const checked = form.check('hardship', 'settingsSave', payload, { problems });
    if (checked && (await save.run(checked))) onSaved();
  };
  return { form, submit, busy: save.busy };
}
