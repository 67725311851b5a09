import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { ErrorBody } from '@/core/errors';
import { parseYuan } from '@/core/money';
import { HOLIDAYS, type Form, type Holiday } from '@/core/policy/items';
import type { ItemRule, PolicyProfile, RuleItem } from '@/core/policy/profile';
import { RULE_ITEMS, yuanInputText } from '../format';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { issuesToFields, type FieldErrors } from '@/hooks/useForm';

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

/** A rule's address in the profile: `holidays.<holiday>` or `items.<item>`. */
export type RuleKey = `holidays.${Holiday}` | `items.${RuleItem}`;
export type RuleFlag = 'onePerIllnessPerYear' | 'inServiceOnly';

function ruleAt(p: PolicyProfile, key: RuleKey): ItemRule | undefined {
  const [group, name] = key.split('.') as ['holidays' | 'items', string];
  return group === 'holidays' ? p.holidays[name as Holiday] : p.items[name as RuleItem];
}

/** Profiles are plain JSON (they travel as JSON): a deep copy is a round trip. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Editing a saved policy as a whole: caps typed in yuan, each rule's allowed forms, yearly count, once-per-illness
 * and in-service-only switches and its source, whether the union pays a holiday or item at all this year, the
 * forms it forbids and who is eligible. The draft is sent whole (`ledger.policySave`), and the function checks
 * it as a whole: a profile that contradicts itself (cash as a holiday gift, a holiday above the yearly total…)
 * comes back with every reason, shown beside its rule and listed above the button.
 */
export function usePolicyCaps(year: number, policy: PolicyProfile, onSaved: () => void) {
  const [editing, setEditing] = useState(false);
  const [texts, setTexts] = useState<CapTexts>(() => capTextsOf(policy));
  const [draft, setDraft] = useState<PolicyProfile>(() => copy(policy));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const save = useAction('ledger', 'policySave');

  const begin = () => {
    setTexts(capTextsOf(policy));
    setDraft(copy(policy));
    setErrors({});
    setError(null);
    setEditing(true);
  };

  const setText = (key: string, value: string) => {
    setTexts((t) => ({ ...t, [key]: value }));
    setErrors((e) => ({ ...e, [`${key}.capFen`]: undefined }));
  };

  /** Change the draft; the change's own error marks are cleared, the rest stay until the next save. */
  const edit = (change: (d: PolicyProfile) => void, clears: string[] = []) => {
    setDraft((d) => {
      const next = copy(d);
      change(next);
      return next;
    });
    if (clears.length > 0) setErrors((e) => ({ ...e, ...Object.fromEntries(clears.map((c) => [c, undefined])) }));
  };

  const toggleForm = (key: RuleKey, form: Form) =>
    edit((d) => {
      const rule = ruleAt(d, key);
      if (rule) rule.allowedForms = rule.allowedForms.includes(form) ? rule.allowedForms.filter((f) => f !== form) : [...rule.allowedForms, form];
    }, [`${key}.allowedForms`]);

  const setPerYear = (key: RuleKey, text: string) =>
    edit((d) => {
      const rule = ruleAt(d, key);
      if (!rule) return;
      const n = Number(text.trim());
      if (text.trim() === '') delete rule.perYear;
      else rule.perYear = Number.isFinite(n) ? n : rule.perYear;
    }, [`${key}.perYear`]);

  const setFlag = (key: RuleKey, flag: RuleFlag, on: boolean) =>
    edit((d) => {
      const rule = ruleAt(d, key);
      if (!rule) return;
      if (on) rule[flag] = true;
      else delete rule[flag];
    }, [`${key}.${flag}`]);

  const setSource = (key: RuleKey, text: string) =>
    edit((d) => {
      const rule = ruleAt(d, key);
      if (rule) rule.source = text;
    }, [`${key}.source`]);

  /** Pay this holiday or item this year, or not. Turning one back on restores the rule as it was saved. */
  const setPaid = (key: RuleKey, paid: boolean) =>
    edit((d) => {
      const [group, name] = key.split('.') as ['holidays' | 'items', string];
      const saved = ruleAt(policy, key);
      if (group === 'holidays') {
        if (paid && saved) d.holidays[name as Holiday] = copy(saved);
        if (!paid) delete d.holidays[name as Holiday];
      } else {
        if (paid && saved) d.items[name as RuleItem] = copy(saved);
        if (!paid) delete d.items[name as RuleItem];
      }
    });

  const toggleForbidden = (form: Form) =>
    edit((d) => {
      const forms = d.forbiddenForms.forms;
      d.forbiddenForms.forms = forms.includes(form) ? forms.filter((f) => f !== form) : [...forms, form];
    }, ['forbiddenForms.forms']);

  const setEligibility = (field: 'requireDuesPaid' | 'retireesEligible', on: boolean) =>
    edit((d) => {
      d.eligibility[field] = on;
    }, [`eligibility.${field}`]);

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
    const next = copy(draft);
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

  return {
    editing,
    begin,
    cancel: () => setEditing(false),
    texts,
    setText,
    draft,
    toggleForm,
    setPerYear,
    setFlag,
    setSource,
    setPaid,
    toggleForbidden,
    setEligibility,
    errors,
    error,
    submit,
    saving: save.busy,
  };
}
