import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { ErrorBody } from '@/core/errors';
import { parseYuan } from '@/core/money';
import { HOLIDAYS } from '@/core/policy/items';
import type { PolicyProfile } from '@/core/policy/profile';
import { RULE_ITEMS, yuanInputText } from '@/services/format';
import { useAction } from './useAction';
import { useCall } from './useCall';
import { issuesToFields, type FieldErrors } from './useForm';

/** The year's policy (`ledger.policyGet`), and the templates to start from while there is none. */
export function usePolicy(year: number) {
  const policy = useCall('ledger', 'policyGet', { payload: { year } });
  const none = policy.status === 'ok' && policy.data.policy === null;
  const templates = useCall('ledger', 'policyTemplates', { enabled: none });
  const adopt = useAction('ledger', 'policySave');
  const [adoptError, setAdoptError] = useState<ErrorBody | null>(null);

  const startFrom = async (templateId: string, name: string) => {
    const confirm = await Taro.showModal({
      title: '采用模板',
      content: `以「${name}」为基础设定 ${year} 年度政策？之后可以修改各项上限。`,
      confirmText: '采用',
      cancelText: '取消',
    });
    if (!confirm.confirm) return;
    setAdoptError(null);
    const reply = await adopt.run({ year, templateId });
    if (!reply) return;
    if (!reply.ok) setAdoptError(reply.error);
    else {
      void Taro.showToast({ title: '已设定', icon: 'success' });
      policy.refresh();
    }
  };

  return { policy, templates, startFrom, adopting: adopt.busy, adoptError };
}

/** Cap inputs by key: `holidays.<holiday>`, `items.<item>` and `annual`, as yuan text. */
export type CapTexts = Record<string, string>;

const ANNUAL = 'annual';

function capTextsOf(p: PolicyProfile): CapTexts {
  const texts: CapTexts = {};
  for (const h of HOLIDAYS) {
    const rule = p.holidays[h];
    if (rule) texts[`holidays.${h}`] = rule.capFen === null ? '' : yuanInputText(rule.capFen);
  }
  for (const i of RULE_ITEMS) {
    const rule = p.items[i];
    if (rule) texts[`items.${i}`] = rule.capFen === null ? '' : yuanInputText(rule.capFen);
  }
  texts[ANNUAL] = p.holidayAnnualCapFen ? yuanInputText(p.holidayAnnualCapFen.capFen) : '';
  return texts;
}

/**
 * Editing the caps of a saved policy: yuan typed per holiday, per item and for the year's holiday total, turned
 * into fen, and the whole profile saved (`ledger.policySave`). The function checks the profile as a whole; a
 * profile that contradicts itself (a holiday above the yearly total, a cap of 0…) comes back with every reason,
 * shown beside its cap and listed above the button.
 */
export function usePolicyCaps(year: number, policy: PolicyProfile, onSaved: () => void) {
  const [editing, setEditing] = useState(false);
  const [texts, setTexts] = useState<CapTexts>(() => capTextsOf(policy));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const save = useAction('ledger', 'policySave');

  const begin = () => {
    setTexts(capTextsOf(policy));
    setErrors({});
    setError(null);
    setEditing(true);
  };

  const setText = (key: string, value: string) => {
    setTexts((t) => ({ ...t, [key]: value }));
    setErrors((e) => ({ ...e, [`${key}.capFen`]: undefined }));
  };

  const submit = async () => {
    const problems: FieldErrors = {};
    const fen = (key: string, optional: boolean): number | null => {
      const text = (texts[key] ?? '').trim();
      if (text === '' && optional) return null;
      const value = parseYuan(text);
      if (value === null || value < 0) {
        problems[`${key}.capFen`] = '请填写金额（元），例如 300 或 299.50';
        return null;
      }
      return value;
    };
    const next = JSON.parse(JSON.stringify(policy)) as PolicyProfile;
    for (const h of HOLIDAYS) {
      const rule = next.holidays[h];
      if (rule) rule.capFen = fen(`holidays.${h}`, false);
    }
    for (const i of RULE_ITEMS) {
      const rule = next.items[i];
      // Only 文体活动经费 may go without a per-person cap (its budget line limits it).
      if (rule) rule.capFen = fen(`items.${i}`, i === 'event_expense');
    }
    const annual = fen(ANNUAL, true);
    next.holidayAnnualCapFen = annual === null ? null : { capFen: annual, source: policy.holidayAnnualCapFen?.source ?? '本工会规定' };
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      setError({ code: 'VALIDATION_FAILED', message: '有金额填写不正确，请按提示修改' });
      return;
    }
    setErrors({});
    setError(null);
    const reply = await save.run({ year, profile: next });
    if (!reply) return;
    if (!reply.ok) {
      const fields = issuesToFields(reply.error.issues, ['profile']);
      // The yearly total's own problems may point at the rule rather than its cap.
      if (fields.holidayAnnualCapFen && !fields['holidayAnnualCapFen.capFen']) fields['holidayAnnualCapFen.capFen'] = fields.holidayAnnualCapFen;
      setErrors({ ...fields, [`${ANNUAL}.capFen`]: fields['holidayAnnualCapFen.capFen'] });
      setError(reply.error);
      return;
    }
    void Taro.showToast({ title: '已保存', icon: 'success' });
    setEditing(false);
    onSaved();
  };

  return { editing, begin, cancel: () => setEditing(false), texts, setText, errors, error, submit, saving: save.busy };
}
