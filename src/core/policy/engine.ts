/**
 * The payout decision: may this amount, in this form, be paid to this member now? Pure — the caller reads the
 * member, their ledger entries and the budget line inside its transaction and passes them in, so the same
 * answer comes out on the phone (to explain) and in the function (to enforce).
 *
 * Checks run from the cheapest, most basic mistake to the ones that need history and budget, and the first
 * failure is the answer: an officer fixes one thing at a time, and the sentence names the rule and its number.
 */
import { addFen, type Fen, sumFen, yuanText } from '../money';
import { shanghaiYear } from '../time';
import { BUDGET_LINE_LABELS, FORM_LABELS, type Form, type Holiday, ITEM_INFO, type Item, type MemberStatus } from './items';
import { type ItemRule, type PolicyProfile, holidayGiftLabel, ruleLabel } from './profile';

export interface PayoutProposal {
  item: Item;
  /** Required for holiday_gift, refused on anything else. */
  holiday?: Holiday;
  amountFen: Fen;
  form: Form;
  at: Date;
  /** Hospitalisation under a once-per-illness rule: identifies the illness (e.g. a case id). */
  illnessKey?: string;
  /** event_prize: the event's winners and participants. */
  prize?: { winners: number; participants: number };
}

export interface MemberFacts {
  id: string;
  status: MemberStatus;
  duesPaid: boolean;
}

/** One ledger entry of the member. A correction is an entry with `reverses` = the original's id and a negative amount. */
export interface LedgerFact {
  id: string;
  item: Item;
  holiday?: Holiday;
  amountFen: Fen;
  at: Date;
  illnessKey?: string;
  reverses?: string;
}

export interface BudgetFacts {
  amountFen: Fen;
  spentFen: Fen;
}

export interface PayoutInput {
  policy: PolicyProfile;
  proposal: PayoutProposal;
  /** null only for items that are not paid to a member (event_expense). */
  member: MemberFacts | null;
  /** This member's ledger entries, all items and years; for event_expense an empty list. */
  history: readonly LedgerFact[];
  /** The budget line of this item for the policy's year; null = no budget set. */
  budget: BudgetFacts | null;
}

/** Which rule of the profile decided: 'holidays.dragonBoat', 'items.birthday', 'holidayAnnualCapFen', 'forbiddenForms', 'eligibility'. */
export interface RuleRef {
  id: string;
  source: string;
}

export type RefusalCode =
  | 'NOT_IN_POLICY'
  | 'FORM_FORBIDDEN'
  | 'OVER_CAP'
  | 'ANNUAL_CAP'
  | 'ALREADY_PAID'
  | 'NOT_ELIGIBLE'
  | 'PRIZE_SHARE'
  | 'NO_BUDGET'
  | 'OVER_BUDGET'
  | 'WRONG_YEAR'
  | 'INVALID';

export interface PolicyWarning {
  code: 'BUDGET_80';
  message: string;
}

export type Refusal = { allowed: false; code: RefusalCode; reason: string; rule: RuleRef | null };
export type Decision = { allowed: true; rule: RuleRef; warnings: PolicyWarning[] } | Refusal;

/** A budget line used at or above this share after the payout gets a warning, so the chair sees it coming. */
const BUDGET_WARNING_PERCENT = 80;

function refuse(code: RefusalCode, reason: string, rule: RuleRef | null): Refusal {
  return { allowed: false, code, reason, rule };
}


/**
 * The entries that still stand. A reversed entry and its reversing entries are dropped, so a corrected payout
 * makes room again; a partial correction leaves the original standing with the net amount, because the member
 * did receive that much. Reversing entries never count on their own (their original may be in another year).
 */
export function effectiveEntries(history: readonly LedgerFact[]): LedgerFact[] {
  const corrections = new Map<string, Fen[]>();
  for (const e of history) {
    if (e.reverses === undefined) continue;
    const list = corrections.get(e.reverses) ?? [];
    list.push(e.amountFen);
    corrections.set(e.reverses, list);
  }
  const out: LedgerFact[] = [];
  for (const e of history) {
    if (e.reverses !== undefined) continue;
    const corr = corrections.get(e.id);
    if (!corr) {
      out.push(e);
      continue;
    }
    const net = addFen(e.amountFen, ...corr);
    if (net > 0) out.push({ ...e, amountFen: net });
  }
  return out;
}

function checkShape(p: PayoutProposal): Refusal | null {
  if (!(p.at instanceof Date) || Number.isNaN(p.at.getTime())) return refuse('INVALID', '支出日期无效', null);
  if (!Number.isSafeInteger(p.amountFen) || p.amountFen <= 0) {
    return refuse('INVALID', '金额必须大于 0.00 元，且最多精确到分', null);
  }
  if (p.item === 'holiday_gift' && !p.holiday) return refuse('INVALID', '节日慰问品须指明是哪个节日', null);
  if (p.item !== 'holiday_gift' && p.holiday) return refuse('INVALID', `${ITEM_INFO[p.item].label}不是节日慰问品，不应指定节日`, null);
  return null;
}

/** The rule for the proposal, or why there is none. */
function findRule(policy: PolicyProfile, p: PayoutProposal): { rule: ItemRule; ref: RuleRef } | Refusal {
  if (p.item === 'holiday_gift' && p.holiday) {
    const rule = policy.holidays[p.holiday];
    if (!rule) return refuse('NOT_IN_POLICY', `本工会 ${policy.year} 年度政策未安排${holidayGiftLabel(p.holiday)}`, null);
    return { rule, ref: { id: `holidays.${p.holiday}`, source: rule.source } };
  }
  const rule = p.item === 'holiday_gift' ? undefined : policy.items[p.item];
  if (!rule) return refuse('NOT_IN_POLICY', `本工会 ${policy.year} 年度政策不含${ITEM_INFO[p.item].label}，不能支出`, null);
  return { rule, ref: { id: `items.${p.item}`, source: rule.source } };
}

function checkForm(policy: PolicyProfile, p: PayoutProposal, rule: ItemRule, ref: RuleRef, label: string): Refusal | null {
  const formLabel = FORM_LABELS[p.form];
  if (policy.forbiddenForms.forms.includes(p.form)) {
    const source = policy.forbiddenForms.source;
    return refuse('FORM_FORBIDDEN', `本工会规定不得以${formLabel}形式发放（${source}）`, { id: 'forbiddenForms', source });
  }
  if (!rule.allowedForms.includes(p.form)) {
    const allowed = rule.allowedForms.map((f) => FORM_LABELS[f]).join('、');
    return refuse('FORM_FORBIDDEN', `${label}只能以${allowed}形式发放，不能发放${formLabel}（${ref.source}）`, ref);
  }
  return null;
}

function checkEligibility(policy: PolicyProfile, p: PayoutProposal, member: MemberFacts, rule: ItemRule, ref: RuleRef, label: string): Refusal | null {
  const { eligibility } = policy;
  const eligibilityRef: RuleRef = { id: 'eligibility', source: eligibility.source };
  if (member.status === 'transferred') {
    return refuse('NOT_ELIGIBLE', `该会员已调离本单位，不能再享受本工会的${label}（${eligibility.source}）`, eligibilityRef);
  }
  if (rule.inServiceOnly && member.status !== 'active') {
    return refuse('NOT_ELIGIBLE', `${label}仅限在职会员，该会员已退休（${ref.source}）`, ref);
  }
  // The retirement souvenir is given because the member retires: the retiree setting cannot be meant to block it.
  if (member.status === 'retired' && !eligibility.retireesEligible && p.item !== 'care_retirement') {
    return refuse('NOT_ELIGIBLE', `本工会经费不向退休人员发放${label}（${eligibility.source}）`, eligibilityRef);
  }
  if (eligibility.requireDuesPaid && !member.duesPaid) {
    return refuse('NOT_ELIGIBLE', `该会员未按规定缴纳会费，暂不能享受${label}（${eligibility.source}）`, eligibilityRef);
  }
  return null;
}

function checkAlreadyPaid(policy: PolicyProfile, p: PayoutProposal, thisYear: readonly LedgerFact[], rule: ItemRule, ref: RuleRef, label: string): Refusal | null {
  const sameItem = thisYear.filter((e) => e.item === p.item && (p.item !== 'holiday_gift' || e.holiday === p.holiday));
  // A holiday comes once a year, so its gift does too, whatever perYear says.
  const limit = p.item === 'holiday_gift' ? 1 : rule.perYear;
  if (limit !== undefined && sameItem.length >= limit) {
    return refuse(
      'ALREADY_PAID',
      `${label}每人每年最多 ${limit} 次，该会员 ${policy.year} 年已领取 ${sameItem.length} 次（${ref.source}）`,
      ref,
    );
  }
  const illness = p.illnessKey?.trim();
  if (rule.onePerIllnessPerYear && sameItem.some((e) => e.illnessKey?.trim() === illness)) {
    return refuse('ALREADY_PAID', `同一疾病每年只慰问 1 次，该会员 ${policy.year} 年已因此病领取过${label}（${ref.source}）`, ref);
  }
  return null;
}

function checkAnnualCap(policy: PolicyProfile, p: PayoutProposal, thisYear: readonly LedgerFact[]): Refusal | null {
  const annual = policy.holidayAnnualCapFen;
  if (p.item !== 'holiday_gift' || !annual) return null;
  const paid = sumFen(thisYear.filter((e) => e.item === 'holiday_gift').map((e) => e.amountFen));
  if (paid + p.amountFen <= annual.capFen) return null;
  const left = Math.max(0, annual.capFen - paid);
  return refuse(
    'ANNUAL_CAP',
    `节日慰问品每人每年合计不超过 ${yuanText(annual.capFen)}，该会员 ${policy.year} 年已领取 ${yuanText(paid)}，还可发放 ${yuanText(left)}，本次 ${yuanText(p.amountFen)}（${annual.source}）`,
    { id: 'holidayAnnualCapFen', source: annual.source },
  );
}

function checkPrizeShare(p: PayoutProposal, rule: ItemRule, ref: RuleRef): Refusal | null {
  const share = rule.maxWinnerShare;
  if (!share) return null;
  const prize = p.prize;
  if (!prize || !Number.isSafeInteger(prize.winners) || !Number.isSafeInteger(prize.participants) || prize.winners < 1 || prize.participants < 1) {
    return refuse('INVALID', '请填写本次活动的参加人数和获奖人数（均为正整数）', ref);
  }
  const most = Math.floor((prize.participants * share.num) / share.den);
  if (prize.winners <= most) return null;
  return refuse(
    'PRIZE_SHARE',
    `获奖人数不得超过参加人数的 ${share.num}/${share.den}：${prize.participants} 人参加最多 ${most} 人获奖，本次 ${prize.winners} 人（${ref.source}）`,
    ref,
  );
}

function checkBudget(p: PayoutProposal, budget: BudgetFacts | null, year: number): Refusal | { warnings: PolicyWarning[] } {
  const line = BUDGET_LINE_LABELS[ITEM_INFO[p.item].line];
  if (!budget) return refuse('NO_BUDGET', `${line}尚未编制 ${year} 年度预算，不能支出`, null);
  const after = addFen(budget.spentFen, p.amountFen);
  if (after > budget.amountFen) {
    const left = Math.max(0, budget.amountFen - budget.spentFen);
    return refuse(
      'OVER_BUDGET',
      `${line} ${year} 年度预算 ${yuanText(budget.amountFen)}，已支出 ${yuanText(budget.spentFen)}，仅剩 ${yuanText(left)}，不足以支付本次 ${yuanText(p.amountFen)}`,
      null,
    );
  }
  const warnings: PolicyWarning[] = [];
  // Integer comparison: after / amount >= 80% without floating point.
  if (after * 100 >= budget.amountFen * BUDGET_WARNING_PERCENT) {
    const percent = Math.floor((after * 100) / budget.amountFen);
    warnings.push({ code: 'BUDGET_80', message: `${line}预算已使用 ${percent}%` });
  }
  return { warnings };
}

export function evaluatePayout(input: PayoutInput): Decision {
  const { policy, proposal: p, member, history, budget } = input;

  const shape = checkShape(p);
  if (shape) return shape;

  const year = shanghaiYear(p.at);
  if (year !== policy.year) {
    return refuse('WRONG_YEAR', `支出日期在 ${year} 年，不能按 ${policy.year} 年度政策支出`, null);
  }

  const found = findRule(policy, p);
  if ('allowed' in found) return found;
  const { rule, ref } = found;
  const label = ruleLabel(p.item, p.holiday);

  const form = checkForm(policy, p, rule, ref, label);
  if (form) return form;

  if (rule.capFen !== null && p.amountFen > rule.capFen) {
    const per = p.item === 'holiday_gift' ? '每人' : ITEM_INFO[p.item].perMember ? '每人每次' : '每次';
    return refuse('OVER_CAP', `${label}${per}不超过 ${yuanText(rule.capFen)}，本次 ${yuanText(p.amountFen)}（${ref.source}）`, ref);
  }

  if (ITEM_INFO[p.item].perMember) {
    if (!member) return refuse('INVALID', `${label}须指定领取的会员`, ref);
    const ineligible = checkEligibility(policy, p, member, rule, ref, label);
    if (ineligible) return ineligible;

    if (rule.onePerIllnessPerYear && (p.illnessKey === undefined || p.illnessKey.trim() === '')) {
      return refuse('INVALID', `${label}须注明是哪一次疾病（同一疾病每年只慰问 1 次）`, ref);
    }
    // Other years' entries never count: every limit here is per calendar year (Asia/Shanghai).
    const thisYear = effectiveEntries(history).filter((e) => shanghaiYear(e.at) === year);
    const repeated = checkAlreadyPaid(policy, p, thisYear, rule, ref, label);
    if (repeated) return repeated;
    const annual = checkAnnualCap(policy, p, thisYear);
    if (annual) return annual;
  }

  const share = checkPrizeShare(p, rule, ref);
  if (share) return share;

  const money = checkBudget(p, budget, year);
  if ('allowed' in money) return money;
  return { allowed: true, rule: ref, warnings: money.warnings };
}
