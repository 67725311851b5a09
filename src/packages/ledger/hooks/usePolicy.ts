import { useState } from 'react';
import type { Form } from '@/core/policy/items';
import type { PolicyProfile } from '@/core/policy/profile';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm } from '@/hooks/useForm';
import * as edits from '../policyForm';
import { capField, policyFieldOf, policyPayload, policyValues, type DraftChange, type PolicyFormValues, type RuleFlag, type RuleKey } from '../policyForm';

/** The year's policy (`ledger.policyGet`), and the templates to start from while there is none. */
export function usePolicy(year: number) {
  const policy = useCall('ledger', 'policyGet', { payload: { year } });
  const none = policy.status === 'ok' && policy.data.policy === null;
  const templates = useCall('ledger', 'policyTemplates', { enabled: none });
  const adopt = useAction('ledger', 'policySave', {
    // The question names the template tapped, from the list the button was in.
    confirm: (payload) => {
      const name = templates.status === 'ok' && 'templateId' in payload ? templates.data.items.find((t) => t.id === payload.templateId)?.name : undefined;
      return { title: '采用模板', content: `以「${name ?? '所选模板'}」为基础设定 ${year} 年度政策？之后可以修改各项上限。`, confirmText: '采用' };
    },
    done: '已设定',
  });

  const startFrom = async (templateId: string) => {
    if (await adopt.run({ year, templateId })) policy.refresh();
  };

  return { policy, templates, startFrom, adopting: adopt.busy, adoptError: adopt.error };
}

/**
 * Editing a saved policy as a whole: caps typed in yuan, each rule's allowed forms, yearly count, once-per-illness
 * and in-service-only switches and its source, whether the union pays a holiday or item at all this year, the
 * forms it forbids and who is eligible. The draft is sent whole (`ledger.policySave`), and the function checks
 * it as a whole: a profile that contradicts itself (cash as a holiday gift, a holiday above the yearly total…)
 * comes back with every reason, shown beside its rule and all listed above the button (the page is long: the list
 * is what the officer reads first).
 */
export function usePolicyCaps(year: number, policy: PolicyProfile, onSaved: () => void) {
  const [editing, setEditing] = useState(false);
  const form = useForm<PolicyFormValues>(() => policyValues(policy), { fieldOf: policyFieldOf });
  // Not `form`: the form's box keeps only the issues no field shows, and this box lists every one of them.
  const save = useAction('ledger', 'policySave', { done: '已保存', refused: (error) => form.showError(error, ['profile']) });
  const { texts, draft } = form.values;

  const begin = () => {
    form.replace(policyValues(policy));
    form.clearErrors();
    save.clear();
    setEditing(true);
  };

  const setText = (key: string, value: string) => {
    form.set('texts', { ...texts, [key]: value });
    form.settle([capField(key)]);
  };

  /** Change the draft; the change's own error marks are cleared, the rest stay until the next save. */
  const edit = ({ draft: next, settles }: DraftChange) => {
    form.set('draft', next);
    form.settle(settles);
  };

  const submit = async () => {
    save.clear();
    const { payload, problems } = policyPayload(year, form.values, policy);
    const checked = form.check('ledger', 'policySave', payload, { prefix: ['profile'], problems });
    if (!checked) return;
    if (!(await save.run(checked))) return;
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
    toggleForm: (key: RuleKey, f: Form) => edit(edits.toggleForm(draft, key, f)),
    setPerYear: (key: RuleKey, text: string) => edit(edits.setPerYear(draft, key, text)),
    setFlag: (key: RuleKey, flag: RuleFlag, on: boolean) => edit(edits.setFlag(draft, key, flag, on)),
    setSource: (key: RuleKey, text: string) => edit(edits.setSource(draft, key, text)),
    setPaid: (key: RuleKey, paid: boolean) => edit(edits.setPaid(draft, policy, key, paid)),
    toggleForbidden: (f: Form) => edit(edits.toggleForbidden(draft, f)),
    setEligibility: (field: 'requireDuesPaid' | 'retireesEligible', on: boolean) => edit(edits.setEligibility(draft, field, on)),
    errors: form.errors,
    /** The refusal with every reason, or the phone's own check (a cap that is not a sum). */
    error: save.error ?? form.error,
    submit,
    saving: save.busy,
  };
}
