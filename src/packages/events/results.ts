/**
 * 结果与奖品 ⇄ `events.results`: the results text and the prizes an officer writes down, the payload the contract
 * checks, and the words around it. Pure (no Taro, no React), so it is unit-tested.
 */
import type { CallOutput } from '@/core/contracts';
import { formatMoney, parseYuan } from '@/core/money';
import type { Form } from '@/core/policy/items';
import type { FieldErrors } from '@/hooks/useForm';
import type { Confirm } from '@/services/toast';

/** One prize being written down: the winner, the amount in 元 as typed, the form, a note. */
export interface PrizeDraft {
  key: number;
  memberId: string | null;
  amount: string;
  form: Form;
  note: string;
}

export interface ResultsValues {
  /** The officer's own text once they edit it; null: the results as last read (another officer's included). */
  results: string | null;
  prizes: PrizeDraft[];
}

export const NO_RESULTS_EDIT: ResultsValues = { results: null, prizes: [] };

/** A new prize row: nobody chosen yet, in kind. */
export function newPrize(key: number): PrizeDraft {
  return { key, memberId: null, amount: '', form: 'in_kind', note: '' };
}

/**
 * What `events.results` is sent (the results only when edited: absent, the published ones stay), and the problems
 * only the form can name: a row without its winner, an amount that is not a sum of money.
 */
export function resultsDraft(
  eventId: string,
  values: ResultsValues,
): { payload: { eventId: string; results?: string; prizes: { memberId: string; amountFen: number; form: Form; note: string }[] }; problems: FieldErrors } {
  const problems: FieldErrors = {};
  const prizes = values.prizes.map((d, i) => {
    const amountFen = parseYuan(d.amount);
    if (!d.memberId) problems[`prizes.${i}.memberId`] = '请选择获奖会员';
    if (amountFen === null || amountFen <= 0) problems[`prizes.${i}.amountFen`] = '请填写奖品金额（元），例如 100';
    return { memberId: d.memberId ?? '', amountFen: amountFen ?? 0, form: d.form, note: d.note.trim() };
  });
  return { payload: { eventId, prizes, ...(values.results !== null ? { results: values.results.trim() } : {}) }, problems };
}

/** Asked before prizes are recorded (they become ledger entries, corrected only by a reversal); none: nothing to ask. */
export function prizesQuestion(prizes: readonly { amountFen: number }[]): Confirm | null {
  if (prizes.length === 0) return null;
  const total = prizes.reduce((n, p) => n + p.amountFen, 0);
  return {
    title: '登记奖品',
    content: `将登记 ${prizes.length} 项奖品，共 ${formatMoney(total)}，记入经费台账（文体活动）。登记后如需更改，须在台账中冲正。确定登记吗？`,
    confirmText: '登记',
    cancelText: '再看看',
  };
}

/** The line after saving: how many prizes were recorded now (one sent again is not counted). */
export function resultsDoneText(data: Pick<CallOutput<'events', 'results'>, 'prizes'>): string {
  const added = data.prizes.filter((p) => !p.repeated).length;
  return added > 0 ? `已保存，登记奖品 ${added} 项` : '已保存';
}

/** Who may still be chosen in a row: participants without a prize, not chosen in another row. */
export function prizeCandidates<P extends { memberId: string }>(participants: readonly P[], recorded: readonly { memberId: string }[], rows: readonly PrizeDraft[], row: PrizeDraft): P[] {
  const won = new Set(recorded.map((p) => p.memberId));
  return participants.filter((p) => !won.has(p.memberId) && (p.memberId === row.memberId || !rows.some((d) => d.memberId === p.memberId)));
}

/** Whether 保存 has anything to send: a prize row, or results that differ from the published ones. */
export function resultsChanged(values: ResultsValues, published: string): boolean {
  return values.prizes.length > 0 || (values.results !== null && values.results.trim() !== published);
}
