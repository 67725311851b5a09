/**
 * The 记录慰问 form of a 即时关爱 case ⇄ `care.visit`: the day, who went, what was brought, photos, and the 慰问 (an
 * amount in yuan and a form the year's policy allows for the report's item, with its cap shown). Pure (no Taro, no
 * React), so every mapping is unit-tested. The policy engine on the function decides; the form only shows the terms
 * and names what is not filled in yet.
 */
import { INSTANT_ITEMS, isInstantCategory, type CareCategory } from '@/core/domain/care';
import { formatMoney, formatYuan, parseYuan } from '@/core/money';
import { FORM_LABELS, ITEM_INFO, type Form, type Item } from '@/core/policy/items';
import type { PolicyProfile } from '@/core/policy/profile';
import type { FieldErrors } from '@/hooks/useForm';
import type { Confirm } from '@/services/toast';
import { uploadOf, type FileDraft } from './askForm';

export interface VisitValues {
  /** YYYY-MM-DD (Shanghai). */
  visitedOn: string;
  visitors: string;
  brought: string;
  /** Photos of the visit, uploaded to the officer's own folder. */
  files: FileDraft[];
  /** 慰问金 switched on. */
  paid: boolean;
  /** Yuan, as typed. */
  amount: string;
  form: Form | null;
}

export const VISITORS_LIMIT = 100;
export const BROUGHT_LIMIT = 200;
/** How far back the date picker goes (the function refuses older dates). */
export const VISIT_WINDOW_DAYS = 366;

/** What the amount box asks for whenever its text is not a positive sum of yuan. */
export const AMOUNT_PROBLEM = '请填写慰问金额（元），例如 500 或 299.50';

/** A fresh form: visited today, nothing else yet. */
export function emptyVisit(today: string): VisitValues {
  return { visitedOn: today, visitors: '', brought: '', files: [], paid: false, amount: '', form: null };
}

/** The year whose policy decides the 慰问: the visit's (today's until a day is picked). */
export function visitYear(values: Pick<VisitValues, 'visitedOn'>, today: string): number {
  return Number((/^\d{4}-\d{2}-\d{2}$/.test(values.visitedOn) ? values.visitedOn : today).slice(0, 4));
}

/** What the year's policy lets the officer give for this report: the forms to choose from, the cap and its source. */
export interface PaymentTerms {
  item: Item;
  options: { value: Form; label: string }[];
  capFen: number | null;
  /** "2026 年度政策：生病住院慰问每人每次不超过 ¥500.00；同一疾病每年只慰问 1 次". */
  text: string;
  source: string;
}

/**
 * The terms of the report's item in the year's policy, or why no 慰问 can be recorded (no policy yet, the item not in
 * it, every form it allows forbidden union-wide): the visit itself can still be recorded.
 */
export function paymentTerms(profile: PolicyProfile | null, category: CareCategory, year: number): PaymentTerms | { missing: string } {
  if (!isInstantCategory(category)) return { missing: '只有即时关爱可以登记慰问金' };
  const item = INSTANT_ITEMS[category];
  const label = ITEM_INFO[item].label;
  if (!profile) return { missing: `尚未设置 ${year} 年度政策，不能登记慰问金（可以只登记看望情况）。请先在「年度政策」中设置` };
  const rule = profile.items[item];
  if (!rule) return { missing: `本工会 ${year} 年度政策不含${label}，不能登记慰问金（可以只登记看望情况）` };
  const options = rule.allowedForms.filter((f) => !profile.forbiddenForms.forms.includes(f)).map((f) => ({ value: f, label: FORM_LABELS[f] }));
  if (options.length === 0) return { missing: `本工会 ${year} 年度政策没有可用的${label}发放形式（${rule.source}）` };
  const cap = rule.capFen === null ? `${label}不设每人上限` : `${label}每人每次不超过 ${formatMoney(rule.capFen)}`;
  const more = [rule.onePerIllnessPerYear ? '同一疾病每年只慰问 1 次' : '', rule.perYear ? `每人每年最多 ${rule.perYear} 次` : ''].filter(Boolean);
  return { item, options, capFen: rule.capFen, text: `${year} 年度政策：${[cap, ...more].join('；')}`, source: rule.source };
}

export const hasTerms = (t: PaymentTerms | { missing: string } | null): t is PaymentTerms => t !== null && !('missing' in t);

/**
 * 慰问金 switched on or off: on, the only form the policy allows is chosen at once; off, the amount and the form are
 * kept (switching back finds them) but not sent.
 */
export function paidSwitched(values: VisitValues, on: boolean, terms: PaymentTerms | { missing: string } | null): VisitValues {
  const only = hasTerms(terms) && terms.options.length === 1 ? terms.options[0].value : null;
  return { ...values, paid: on, form: on && !values.form && only ? only : values.form };
}

/** The problems the contract cannot name: no day picked, an amount that is not one, no form, no terms to pay under. */
export function visitProblems(values: VisitValues, terms: PaymentTerms | { missing: string } | null): FieldErrors {
  const problems: FieldErrors = {};
  if (!values.visitedOn) problems.visitedOn = '请选择看望日期';
  if (!values.paid) return problems;
  if (terms && 'missing' in terms) {
    problems.amount = terms.missing;
    return problems;
  }
  const fen = parseYuan(values.amount);
  if (fen === null || fen <= 0) problems.amount = AMOUNT_PROBLEM;
  if (!values.form) problems.form = '请选择发放形式';
  else if (hasTerms(terms) && !terms.options.some((o) => o.value === values.form)) problems.form = '所选形式不在本年度政策允许的范围内，请重新选择';
  return problems;
}

/** What `care.visit` is sent: the 慰问 only when switched on (the illness is the case's, as the function defaults it). */
export function visitPayload(caseId: string, values: VisitValues, requestKey: string) {
  return {
    caseId,
    visitedOn: values.visitedOn,
    visitors: values.visitors.trim(),
    brought: values.brought.trim(),
    photos: values.files.map(uploadOf),
    requestKey,
    ...(values.paid ? { payment: { amountFen: parseYuan(values.amount) ?? undefined, form: values.form ?? undefined } } : {}),
  };
}

/**
 * The form's field for an issue's path. A refusal of the policy engine (path `payment`) is about the whole 慰问: it
 * shows in the box above the button, with the rule's source.
 */
export function visitFieldOf(path: readonly (string | number)[]): string | null {
  const [head, sub] = path;
  if (head === 'photos') return 'files';
  if (head === 'payment') return sub === 'amountFen' ? 'amount' : sub === 'form' ? 'form' : null;
  if (head === 'visitedOn' || head === 'visitors' || head === 'brought') return head;
  return null;
}

/** "12月3日" from a date key (the year too when it is not `today`'s). */
function dayOf(key: string, today: string): string {
  const [y, m, d] = key.split('-').map(Number);
  return `${key.slice(0, 4) === today.slice(0, 4) ? '' : `${y}年`}${m}月${d}日`;
}

/** Asked before recording: money goes into the ledger and is corrected only by a reversal, so that question is red. */
export function visitQuestion(c: { subjectName: string | null }, p: { visitedOn: string; payment?: { amountFen?: number; form?: Form } }, today: string): Confirm {
  const who = c.subjectName ?? '会员';
  const day = dayOf(p.visitedOn, today);
  const pay = p.payment;
  if (!pay || pay.amountFen === undefined || !pay.form) {
    return { title: '登记看望？', content: `记录${day}看望${who}。${who}会收到通知。`, confirmText: '登记' };
  }
  return {
    title: '登记看望和慰问金？',
    content: `记录${day}看望${who}，并登记慰问 ${formatYuan(pay.amountFen)} 元（${FORM_LABELS[pay.form]}）记入经费台账。登记后不能修改，更正须在「经费台账」中冲正。${who}会收到通知。`,
    confirmText: '登记',
    danger: true,
  };
}

/** The toast after recording: the ledger's warnings (a budget line at 80%) are said too. */
export function visitDoneText(d: { repeated: boolean; warnings: readonly string[] }): string {
  if (d.repeated) return '已经登记过了';
  return d.warnings.length > 0 ? `已登记。${d.warnings.join('；')}` : '已登记看望慰问';
}
