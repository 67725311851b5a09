import { useState } from 'react';
import type { ErrorBody } from '@/core/errors';
import { formatMoney, parseYuan } from '@/core/money';
import { FORM_LABELS, ITEM_INFO, type Form, type Holiday, type Item } from '@/core/policy/items';
import type { ItemRule } from '@/core/policy/profile';
import type { CallOutput } from '@/services/cloud';
import { todayKey } from '@/services/format';
import { randomId } from '@/services/ids';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { issuesToFields, type FieldErrors } from '@/hooks/useForm';
import type { RosterRow } from '@/hooks/useMemberSearch';

export type RecordResult = CallOutput<'ledger', 'ledgerRecord'>;

export interface RecordValues {
  item: Item | null;
  holiday: Holiday | null;
  member: RosterRow | null;
  amount: string;
  form: Form | null;
  date: string;
  note: string;
  illnessKey: string;
  participants: string;
  winners: string;
}

const EMPTY: RecordValues = { item: null, holiday: null, member: null, amount: '', form: null, date: '', note: '', illnessKey: '', participants: '', winners: '' };

function wholeNumber(text: string): number | null {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/**
 * 登记支出 (`ledger.ledgerRecord`). The function decides — the year's policy, the member's eligibility and the
 * budget, in one transaction with the entry — and a refusal comes back with its reason and the rule's source.
 * The requestKey is made when the form opens: a double tap or a retried call records once.
 * The year's policy is read alongside, only to show the chosen item's cap and forms while the officer types.
 */
export function useLedgerRecord() {
  const [values, setValues] = useState<RecordValues>(() => ({ ...EMPTY, date: todayKey() }));
  const [requestKey, setRequestKey] = useState(randomId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const [result, setResult] = useState<RecordResult | null>(null);
  const record = useAction('ledger', 'ledgerRecord');
  const year = Number(values.date.slice(0, 4)) || Number(todayKey().slice(0, 4));
  const policy = useCall('ledger', 'policyGet', { payload: { year } });

  const profile = policy.status === 'ok' ? policy.data.policy : null;
  const rule: ItemRule | undefined =
    values.item === null || !profile ? undefined : values.item === 'holiday_gift' ? (values.holiday ? profile.holidays[values.holiday] : undefined) : profile.items[values.item];
  const ruleHint = rule
    ? `${year} 年度政策：${rule.capFen === null ? '不设每人上限' : `每人每次不超过 ${formatMoney(rule.capFen)}`}；可发放${rule.allowedForms.map((f) => FORM_LABELS[f]).join('、')}`
    : undefined;
  const noPolicy = policy.status === 'ok' && policy.data.policy === null;
  /** Whether the year's policy pays this item or holiday at all (undefined while it is not known). */
  const inPolicy = {
    item: (item: Item) => (profile ? (item === 'holiday_gift' ? Object.keys(profile.holidays).length > 0 : profile.items[item] !== undefined) : undefined),
    holiday: (holiday: Holiday) => (profile ? profile.holidays[holiday] !== undefined : undefined),
  };

  const set = <K extends keyof RecordValues>(key: K, value: RecordValues[K]) => {
    setValues((v) => {
      const next = { ...v, [key]: value };
      if (key === 'item' && value !== 'holiday_gift') next.holiday = null;
      return next;
    });
    setErrors((e) => ({ ...e, [key]: undefined, ...(key === 'amount' ? { amountFen: undefined } : {}), ...(key === 'member' ? { memberId: undefined } : {}) }));
  };

  const needsMember = values.item !== null && ITEM_INFO[values.item].perMember;

  const submit = async () => {
    const problems: FieldErrors = {};
    const { item, holiday, member, form } = values;
    if (!item) problems.item = '请选择支出项目';
    if (item === 'holiday_gift' && !holiday) problems.holiday = '请选择节日';
    if (needsMember && !member) problems.member = '请选择领取的会员';
    const amountFen = parseYuan(values.amount);
    if (amountFen === null || amountFen <= 0) problems.amount = '请填写金额（元），例如 300 或 299.50';
    if (!form) problems.form = '请选择发放形式';
    if (item === 'care_hospitalisation' && values.illnessKey.trim() === '') problems.illnessKey = '请注明是哪一次疾病';
    const participants = wholeNumber(values.participants);
    const winners = wholeNumber(values.winners);
    if (item === 'event_prize') {
      if (!participants) problems.participants = '请填写参加人数';
      if (!winners) problems.winners = '请填写获奖人数';
    }
    if (Object.keys(problems).length > 0 || !item || !form || amountFen === null) {
      setErrors(problems);
      setError({ code: 'VALIDATION_FAILED', message: '还有内容没有填好，请按提示补充' });
      return;
    }
    setErrors({});
    setError(null);
    const reply = await record.run({
      item,
      amountFen,
      form,
      date: values.date,
      note: values.note.trim(),
      requestKey,
      ...(item === 'holiday_gift' && holiday ? { holiday } : {}),
      ...(needsMember && member ? { memberId: member.id } : {}),
      ...(item === 'care_hospitalisation' ? { illnessKey: values.illnessKey.trim() } : {}),
      ...(item === 'event_prize' && participants && winners ? { prize: { participants, winners } } : {}),
    });
    if (!reply) return;
    if (!reply.ok) {
      setErrors(issuesToFields(reply.error.issues));
      setError(reply.error);
      return;
    }
    setResult(reply.data);
  };

  /** 再登记一笔: a fresh form and a fresh requestKey (the same key would return the entry just recorded). */
  const again = () => {
    setValues({ ...EMPTY, date: values.date });
    setRequestKey(randomId());
    setErrors({});
    setError(null);
    setResult(null);
  };

  return { values, set, errors, error, submit, busy: record.busy, result, again, needsMember, ruleHint, noPolicy, inPolicy, year };
}
