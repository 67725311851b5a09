import { useState } from 'react';
import type { HelpCategory } from '@/core/domain/care';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { addDay, removeDay, settingsDraft, settingsFieldOf, settingsValuesOf, type DayKind, type SettingsData, type SettingsValues } from '../settingsForm';

/** 关爱中心设置 (`care.settingsSave`): deadlines per category and the 放假安排 of the years the calendar does not know. */
export function useSettings(data: SettingsData, onSaved: () => void) {
  const form = useForm<SettingsValues>(() => settingsValuesOf(data), { fieldOf: settingsFieldOf });
  const save = useAction('care', 'settingsSave', { form, done: '已保存' });
  const { values } = form;
  // A picked date that does not belong in the list: said under its year, not a refusal of the form.
  const [dayProblem, setDayProblem] = useState<{ year: number; kind: DayKind; message: string } | null>(null);

  const setDeadline = (category: HelpCategory, which: 'accept' | 'close', text: string) => {
    form.set('deadlines', { ...values.deadlines, [category]: { ...values.deadlines[category], [which]: text } });
    form.settle([`deadlines.${category}.${which}`]);
  };

  /** Add a picked date to a year's list; a date that does not belong there is said under the year. */
  const pickDay = (year: number, kind: DayKind, key: string) => {
    const out = addDay(values.arrangements[String(year)], year, kind, key);
    if ('problem' in out) {
      setDayProblem({ year, kind, message: out.problem });
      return;
    }
    setDayProblem(null);
    form.set('arrangements', { ...values.arrangements, [String(year)]: out.next });
    form.settle([`arrangements.${year}`]);
  };
  const dropDay = (year: number, kind: DayKind, key: string) => {
    const a = values.arrangements[String(year)];
    if (!a) return;
    setDayProblem(null);
    form.set('arrangements', { ...values.arrangements, [String(year)]: removeDay(a, kind, key) });
  };

  const submit = async () => {
    const { payload, problems } = settingsDraft(values);
    const checked = form.check('care', 'settingsSave', payload, { problems });
    if (checked && (await save.run(checked))) onSaved();
  };

  return { values, errors: form.errors, error: form.error, dayProblem, setDeadline, pickDay, dropDay, submit, busy: save.busy };
}
