/**
 * The 登记支出 form ⇄ `ledger.ledgerRecord`: what an officer picks and types, the payload the contract checks, and
 * the problems only the form can name (the contract cannot know that a holiday gift needs its holiday, or that a
 * per-member item needs the member). Pure, so it is unit-tested.
 */
import { formatMoney, parseYuan } from '@/core/money';
import { FORM_LABELS, ITEM_INFO, type Form, type Holiday, type Item } from '@/core/policy/items';
import type { ItemRule, PolicyProfile } from '@/core/policy/profile';
import type { FieldErrors } from '@/hooks/useForm';
import type { RosterRow } from '@/hooks/useMemberSearch';

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

/** What the amount box asks for whenever its text is not a positive sum of yuan. */
export const AMOUNT_PROBLEM = '请填写金额（元），例如 300 或 299.50';

/** A fresh form, given on `date` (the day the officer last chose, or today). */
export function emptyRecord(date: string): RecordValues {
  return { item: null, holiday: null, member: null, amount: '', form: null, date, note: '', illnessKey: '', participants: '', winners: '' };
}

/** One field changed. An item other than 节日慰问品 has no holiday: a hidden choice must not be sent. */
export function changeRecord<K extends keyof RecordValues>(values: RecordValues, key: K, value: RecordValues[K]): RecordValues {
  const next = { ...values, [key]: value };
  if (key === 'item' && value !== 'holiday_gift') next.holiday = null;
  return next;
}

/** Whether the item is given to one member (who must then be picked). */
export function needsMember(item: Item | null): boolean {
  return item !== null && ITEM_INFO[item].perMember;
}

function wholeNumber(text: string): number | null {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** The problems the contract cannot name: what is not chosen yet, what this item needs besides, a sum that is not one. */
export function recordProblems(values: RecordValues): FieldErrors {
  const problems: FieldErrors = {};
  const { item } = values;
  if (!item) problems.item = '请选择支出项目';
  if (item === 'holiday_gift' && !values.holiday) problems.holiday = '请选择节日';
  if (needsMember(item) && !values.member) problems.member = '请选择领取的会员';
  const amountFen = parseYuan(values.amount);
  if (amountFen === null || amountFen <= 0) problems.amount = AMOUNT_PROBLEM;
  if (!values.form) problems.form = '请选择发放形式';
  if (item === 'care_hospitalisation' && values.illnessKey.trim() === '') problems.illnessKey = '请注明是哪一次疾病';
  if (item === 'event_prize') {
    if (!wholeNumber(values.participants)) problems.participants = '请填写参加人数';
    if (!wholeNumber(values.winners)) problems.winners = '请填写获奖人数';
  }
  return problems;
}

/**
 * What `ledger.ledgerRecord` is sent, before the contract's check: only what the chosen item takes (a holiday for a
 * holiday gift, the member for a per-member item, the illness for a hospital visit, the counts for a prize), so a
 * choice left behind by an earlier item is never sent. What is not chosen yet is left out for the check to name.
 */
export function recordPayload(values: RecordValues, requestKey: string) {
  const { item, holiday, member, form } = values;
  const participants = wholeNumber(values.participants);
  const winners = wholeNumber(values.winners);
  return {
    item: item ?? undefined,
    amountFen: parseYuan(values.amount) ?? undefined,
    form: form ?? undefined,
    date: values.date,
    note: values.note.trim(),
    requestKey,
    ...(item === 'holiday_gift' && holiday ? { holiday } : {}),
    ...(needsMember(item) && member ? { memberId: member.id } : {}),
    ...(item === 'care_hospitalisation' ? { illnessKey: values.illnessKey.trim() } : {}),
    ...(item === 'event_prize' && participants && winners ? { prize: { participants, winners } } : {}),
  };
}

/** The form's field for an issue's path (the contract's and the function's names differ from the form's). */
export function recordFieldOf(path: readonly (string | number)[]): string | null {
  const [head, sub] = path;
  if (head === 'amountFen') return 'amount';
  if (head === 'memberId') return 'member';
  // A prize's own problems (the share of winners) are about the winners.
  if (head === 'prize') return sub === 'participants' ? 'participants' : 'winners';
  // The requestKey is the form's own: nothing the officer could fix beside a field.
  if (head === 'requestKey') return null;
  return path.join('.');
}

/** The year's rule for the chosen item (a holiday gift's is its holiday's), or undefined while there is none. */
export function ruleOf(profile: PolicyProfile | null, values: Pick<RecordValues, 'item' | 'holiday'>): ItemRule | undefined {
  const { item, holiday } = values;
  if (item === null || !profile) return undefined;
  if (item === 'holiday_gift') return holiday ? profile.holidays[holiday] : undefined;
  return profile.items[item];
}

/** The rule shown under the amount while the officer types: "2025 年度政策：每人每次不超过 ¥300.00；可发放实物、购物卡". */
export function ruleHint(rule: ItemRule | undefined, year: number): string | undefined {
  if (!rule) return undefined;
  const cap = rule.capFen === null ? '不设每人上限' : `每人每次不超过 ${formatMoney(rule.capFen)}`;
  return `${year} 年度政策：${cap}；可发放${rule.allowedForms.map((f) => FORM_LABELS[f]).join('、')}`;
}
