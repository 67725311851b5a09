import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { EventAdminView, PrizeView, RosterEntry } from '@/core/contracts/events';
import { prizeParticipants } from '@/core/domain/events';
import type { ErrorBody } from '@/core/errors';
import { formatMoney, parseYuan } from '@/core/money';
import type { Form } from '@/core/policy/items';
import { useAction } from '@/hooks/useAction';
import { issuesToFields, type FieldErrors } from '@/hooks/useForm';

/** One prize being written down: the winner, the amount in 元 as typed, the form, a note. */
export interface PrizeDraft {
  key: number;
  memberId: string | null;
  amount: string;
  form: Form;
  note: string;
}

let nextKey = 1;
const draft = (): PrizeDraft => ({ key: nextKey++, memberId: null, amount: '', form: 'in_kind', note: '' });

/**
 * 结果与奖品 of an event, after it has started (`events.results`). The officer publishes the results text members
 * read on the event's page, and writes down the prizes: each winner must have taken part (checked in, or confirmed
 * when nobody was checked in), and each prize is a payout the function checks against the year's policy (the
 * share of winners, the cap, the forms) and the budget — all of them before recording any. Prizes recorded before
 * are listed from the ledger and are not sent again; correcting one is a reversal in 经费台账.
 */
export function useEventResults(event: EventAdminView, entries: readonly RosterEntry[], recorded: readonly PrizeView[], onSaved: () => void) {
  const save = useAction('events', 'results');
  /** The officer's own text once they edit it; until then the results as last read (another officer's included). */
  const [edited, setEdited] = useState<string | null>(null);
  const text = edited ?? event.results;
  const [drafts, setDrafts] = useState<PrizeDraft[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);

  const participants = prizeParticipants(entries);
  const won = new Set(recorded.map((p) => p.memberId));
  /** Who may still be chosen in a draft row: participants without a prize, not chosen in another row. */
  const candidates = (row: PrizeDraft) =>
    participants.filter((p) => !won.has(p.memberId) && (p.memberId === row.memberId || !drafts.some((d) => d.memberId === p.memberId)));

  const clearRow = (index: number) =>
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(`prizes.${index}.`) && k !== 'prizes')));
  const add = () => setDrafts((d) => [...d, draft()]);
  const remove = (key: number) => {
    setDrafts((d) => d.filter((x) => x.key !== key));
    setErrors({});
    setError(null);
  };
  const set = <K extends keyof PrizeDraft>(key: number, field: K, value: PrizeDraft[K]) => {
    setDrafts((d) => d.map((x) => (x.key === key ? { ...x, [field]: value } : x)));
    clearRow(drafts.findIndex((x) => x.key === key));
  };

  const submit = async () => {
    const problems: FieldErrors = {};
    const prizes = drafts.map((d, i) => {
      const amountFen = parseYuan(d.amount);
      if (!d.memberId) problems[`prizes.${i}.memberId`] = '请选择获奖会员';
      if (amountFen === null || amountFen <= 0) problems[`prizes.${i}.amountFen`] = '请填写奖品金额（元），例如 100';
      return { memberId: d.memberId ?? '', amountFen: amountFen ?? 0, form: d.form, note: d.note.trim() };
    });
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      setError({ code: 'VALIDATION_FAILED', message: '还有奖品没有填好，请按提示补充' });
      return;
    }
    if (prizes.length > 0) {
      const total = prizes.reduce((n, p) => n + p.amountFen, 0);
      const confirm = await Taro.showModal({
        title: '登记奖品',
        content: `将登记 ${prizes.length} 项奖品，共 ${formatMoney(total)}，记入经费台账（文体活动）。登记后如需更改，须在台账中冲正。确定登记吗？`,
        confirmText: '登记',
        cancelText: '再看看',
      });
      if (!confirm.confirm) return;
    }
    setErrors({});
    setError(null);
    const reply = await save.run({ eventId: event.id, prizes, ...(edited !== null ? { results: edited.trim() } : {}) });
    if (!reply) return;
    if (!reply.ok) {
      setErrors(issuesToFields(reply.error.issues));
      setError(reply.error);
      return;
    }
    const added = reply.data.prizes.filter((p) => !p.repeated).length;
    setDrafts([]);
    setEdited(null);
    void Taro.showToast({ title: added > 0 ? `已保存，登记奖品 ${added} 项` : '已保存', icon: 'none', duration: 2500 });
    onSaved();
  };

  return {
    text,
    setText: (value: string) => setEdited(value),
    drafts,
    add,
    remove,
    set,
    candidates,
    participants,
    errors,
    error,
    submit,
    saving: save.busy,
    changed: drafts.length > 0 || (edited !== null && edited.trim() !== event.results),
  };
}
