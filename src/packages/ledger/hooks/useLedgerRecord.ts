import { useState } from 'react';
import type { Holiday, Item } from '@/core/policy/items';
import type { CallOutput } from '@/services/cloud';
import { todayKey } from '@/services/format';
import { randomId } from '@/services/ids';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm } from '@/hooks/useForm';
import { changeRecord, emptyRecord, needsMember, recordFieldOf, recordPayload, recordProblems, ruleHint, ruleOf, type RecordValues } from '../recordForm';

export type { RecordValues };
export type RecordResult = CallOutput<'ledger', 'ledgerRecord'>;

/**
 * 登记支出 (`ledger.ledgerRecord`). The form is checked on the phone first (the contract, and what only the form
 * knows: a holiday gift's holiday, a per-member item's member); then the function decides — the year's policy,
 * the member's eligibility and the budget, in one transaction with the entry — and a refusal comes back with its
 * reason and the rule's source. The requestKey is made when the form opens: a double tap or a retried call records
 * once. The year's policy is read alongside, only to show the chosen item's cap and forms while the officer types.
 */
export function useLedgerRecord() {
  const form = useForm<RecordValues>(() => emptyRecord(todayKey()), { fieldOf: recordFieldOf });
  const { values } = form;
  const [requestKey, setRequestKey] = useState(randomId);
  const [result, setResult] = useState<RecordResult | null>(null);
  const record = useAction('ledger', 'ledgerRecord', { form });
  const year = Number(values.date.slice(0, 4)) || Number(todayKey().slice(0, 4));
  const policy = useCall('ledger', 'policyGet', { payload: { year } });

  const profile = policy.status === 'ok' ? policy.data.policy : null;
  const noPolicy = policy.status === 'ok' && policy.data.policy === null;
  /** Whether the year's policy pays this item or holiday at all (undefined while it is not known). */
  const inPolicy = {
    item: (item: Item) => (profile ? (item === 'holiday_gift' ? Object.keys(profile.holidays).length > 0 : profile.items[item] !== undefined) : undefined),
    holiday: (holiday: Holiday) => (profile ? profile.holidays[holiday] !== undefined : undefined),
  };

  const set = <K extends keyof RecordValues>(key: K, value: RecordValues[K]) => {
    form.replace(changeRecord(values, key, value));
    // Another item hides the holiday: its message goes with it.
    form.settle(key === 'item' ? ['item', 'holiday'] : [key]);
  };

  const submit = async () => {
    const payload = form.check('ledger', 'ledgerRecord', recordPayload(values, requestKey), { problems: recordProblems(values) });
    if (!payload) return;
    const recorded = await record.run(payload);
    if (recorded) setResult(recorded);
  };

  /** 再登记一笔: a fresh form and a fresh requestKey (the same key would return the entry just recorded). */
  const again = () => {
    form.replace(emptyRecord(values.date));
    form.clearErrors();
    setRequestKey(randomId());
    setResult(null);
  };

  return {
    values,
    set,
    errors: form.errors,
    error: form.error,
    submit,
    busy: record.busy,
    result,
    again,
    needsMember: needsMember(values.item),
    ruleHint: ruleHint(ruleOf(profile, values), year),
    noPolicy,
    inPolicy,
    year,
  };
}
