/**
 * The reviewers' and the 工委's small forms of the hardship area ⇄ their payloads: the first check, the home visit,
 * proposing an amount, referring a 大病关爱 case, sending an amount back, refusing, resolving an objection, the
 * household file's yearly review, closing and opening a file, the settings, and the 工委's decision on a referral —
 * with the question asked before each and the line after. Pure (no Taro, no React), so every mapping is unit-tested;
 * the contract's schema checks the rest on the phone, the function decides.
 */
import { FILE_KEEP_YEARS, HARDSHIP_CATEGORY_LABELS, OBJECTION_OUTCOME_LABELS, OBJECTION_OUTCOMES, PUBLICITY_DAYS, type ApplicationStatus, type HardshipCategory, type ObjectionOutcome } from '@/core/domain/hardship';
import { parseYuan, yuanText } from '@/core/money';
import { addDays, dayZh, shanghaiDateKey } from '@/core/time';
import type { FieldErrors } from '@/hooks/useForm';
import { uploadOf, type FileDraft } from '@/services/fileDrafts';
import type { Confirm } from '@/services/toast';

type Path = readonly (string | number)[];

/** What the amount box asks for whenever its text is not a positive sum of yuan. */
export const AMOUNT_PROBLEM = '请填写金额（元），例如 2000 或 1500.50';

/** The amount typed, in fen, or null when it is not a positive sum of yuan. */
export function amountFenOf(text: string): number | null {
  const fen = parseYuan(text);
  return fen === null || fen <= 0 ? null : fen;
}

/** What the amount box says, or null: not an amount, or over the year's cap (the policy engine refuses it anyway). */
function amountProblem(text: string, capFen: number | null = null): string | null {
  const fen = amountFenOf(text);
  if (fen === null) return AMOUNT_PROBLEM;
  if (capFen !== null && fen > capFen) return `超过本年度政策上限 ${yuanText(capFen)}，请核对`;
  return null;
}

/** An amount in fen as it is typed back into a box: "1020", "1020.5" → "1020.50". */
export function yuanInput(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`;
}

/** The reason forms (退回, 不予帮扶, 异议, 脱困): the issue of `reason` shows under the text. */
export interface ReasonValues {
  text: string;
}
export const emptyReason = (): ReasonValues => ({ text: '' });
export function reasonFieldOf(path: Path): string | null {
  return path[0] === 'reason' || path[0] === 'text' || path[0] === 'note' ? 'text' : null;
}

// ---------------------------------------------------------------------------------------------------------------
// 初审

export type CheckOutcome = 'pass' | 'more' | 'reject';
export const CHECK_OPTIONS: { value: CheckOutcome; label: string }[] = [
  { value: 'pass', label: '通过初审' },
  { value: 'more', label: '请会员补充材料' },
  { value: 'reject', label: '不予帮扶' },
];

/** The message box of each outcome: what it is called, who reads it, whether it must be written. */
export const CHECK_MESSAGE: Record<CheckOutcome, { label: string; hint: string; placeholder: string; required: boolean }> = {
  pass: { label: '初审意见', hint: '选填，只记在审核记录中，会员看不到', placeholder: '例如：材料齐全，情况属实', required: false },
  more: { label: '需要补充的材料', hint: '会员会收到通知，看到这段话', placeholder: '例如：请补充住院费用清单和诊断证明', required: true },
  reject: { label: '不予帮扶的原因', hint: '会员会收到通知，看到这个原因', placeholder: '例如：家庭人均收入高于本会帮扶标准', required: true },
};
export const CHECK_MESSAGE_LIMIT = 500;

export interface CheckValues {
  outcome: CheckOutcome | null;
  message: string;
}
export const emptyCheck = (): CheckValues => ({ outcome: null, message: '' });

/** `hardship.check`: the outcome and the message; asking for more or refusing needs it written. */
export function checkDraft(applicationId: string, v: CheckValues): { payload: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  if (!v.outcome) problems.outcome = '请选择初审结果';
  else if (v.outcome !== 'pass' && v.message.trim().length < 2) problems.message = v.outcome === 'more' ? '请写明需要补充什么材料' : '请写明不予帮扶的原因';
  return { payload: { applicationId, outcome: v.outcome ?? undefined, message: v.message.trim() }, problems };
}

export function checkFieldOf(path: Path): string | null {
  return path[0] === 'outcome' || path[0] === 'message' ? path[0] : null;
}

export function checkQuestion(outcome: CheckOutcome | undefined, applicant: string): Confirm | null {
  switch (outcome) {
    case 'pass':
      return { title: '通过初审？', content: `${applicant}的申请将进入入户走访。`, confirmText: '通过' };
    case 'more':
      return { title: '请会员补充材料？', content: `${applicant}会收到通知，看到需要补充的材料；补充后申请回到初审。`, confirmText: '发送' };
    case 'reject':
      return { title: '不予帮扶？', content: `${applicant}会收到通知，看到不予帮扶的原因。决定后不能撤销。`, confirmText: '不予帮扶', danger: true };
    default:
      return null;
  }
}

/** The line after the check, by where the application went. */
export function checkDoneText(status: ApplicationStatus): string {
  if (status === 'visiting') return '初审已通过';
  if (status === 'moreRequested') return '已请会员补充材料';
  if (status === 'rejected') return '已告知会员不予帮扶';
  return '已保存';
}

// ---------------------------------------------------------------------------------------------------------------
// 入户走访

export const MAX_VISIT_PHOTOS = 9;
export const VISITORS_LIMIT = 100;
export const FOUND_LIMIT = 1000;
/** The function refuses a visit dated more than this many days before the application was submitted. */
export const VISIT_BEFORE_SUBMIT_DAYS = 30;

export interface VisitValues {
  /** YYYY-MM-DD (Shanghai). */
  visitedOn: string;
  visitors: string;
  found: string;
  /** Photos of the visit, uploaded to the reviewer's own folder. */
  files: FileDraft[];
}

/** A fresh form: visited today. */
export const emptyVisit = (today: string): VisitValues => ({ visitedOn: today, visitors: '', found: '', files: [] });

/** The days the date picker offers: from a month before the application was submitted, through today. */
export function visitRange(submittedAt: string | null, today: string): { start: string; end: string } {
  const submitted = submittedAt ? shanghaiDateKey(new Date(submittedAt)) : today;
  return { start: addDays(submitted, -VISIT_BEFORE_SUBMIT_DAYS), end: today };
}

/** `hardship.visit`: trimmed, with the photos and the form's request key (the same form sent twice records once). */
export function visitDraft(applicationId: string, v: VisitValues, requestKey: string): { payload: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  if (!v.visitedOn) problems.visitedOn = '请选择走访日期';
  return {
    payload: { applicationId, visitedOn: v.visitedOn, visitors: v.visitors.trim(), found: v.found.trim(), photos: v.files.map(uploadOf), requestKey },
    problems,
  };
}

export function visitFieldOf(path: Path): string | null {
  const head = path[0];
  if (head === 'photos') return 'files';
  return head === 'visitedOn' || head === 'visitors' || head === 'found' ? head : null;
}

// ---------------------------------------------------------------------------------------------------------------
// 提出帮扶金额 (and 推荐给工委, which names an amount too)

export const NOTE_LIMIT = 500;

export interface ProposeValues {
  /** Yuan, as typed. */
  amount: string;
  note: string;
}
export const emptyPropose = (): ProposeValues => ({ amount: '', note: '' });

/** `hardship.propose`; an amount over the year's cap is said at once (the policy engine would refuse it). */
export function proposeDraft(applicationId: string, v: ProposeValues, capFen: number | null): { payload: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  const amount = amountProblem(v.amount, capFen);
  if (amount) problems.amount = amount;
  return { payload: { applicationId, amountFen: amountFenOf(v.amount) ?? undefined, note: v.note.trim() }, problems };
}

export function proposeFieldOf(path: Path): string | null {
  if (path[0] === 'amountFen') return 'amount';
  return path[0] === 'note' ? 'note' : null;
}

export function proposeQuestion(amountFen: number | undefined, applicant: string): Confirm {
  return {
    title: '提出帮扶金额？',
    content: `为${applicant}提出帮扶金额 ${yuanText(amountFen ?? 0)}。须由另一位审核人员复核同意后，才开始公示。`,
    confirmText: '提出',
  };
}

export const RECOMMENDATION_LIMIT = 1000;

export interface ReferValues {
  recommendation: string;
  /** Yuan, as typed. */
  suggested: string;
}
export const emptyRefer = (): ReferValues => ({ recommendation: '', suggested: '' });

/** `hardship.refer`: the recommendation and the suggested amount (the 工委 decides under its own policy). */
export function referDraft(applicationId: string, v: ReferValues): { payload: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  const amount = amountProblem(v.suggested);
  if (amount) problems.suggested = amount;
  return { payload: { applicationId, recommendation: v.recommendation.trim(), suggestedFen: amountFenOf(v.suggested) ?? undefined }, problems };
}

export function referFieldOf(path: Path): string | null {
  if (path[0] === 'suggestedFen') return 'suggested';
  return path[0] === 'recommendation' ? 'recommendation' : null;
}

export function referQuestion(suggestedFen: number | undefined, applicant: string): Confirm {
  return {
    title: '推荐给上级工会工委？',
    content: `${applicant}的大病关爱申请将连同推荐意见、建议金额 ${yuanText(suggestedFen ?? 0)} 和证明材料报送工委，由工委决定并发放。推荐后不能撤回。`,
    confirmText: '推荐',
    danger: true,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 复核: approve, send back; and refusing

/**
 * Asked before approving another reviewer's amount: the 公示 starts today (and, when the union's days are known,
 * when it ends).
 */
export function approveQuestion(proposal: { amountFen: number; by: string }, applicant: string, today: string, publicityDays: number | null): Confirm {
  const now = new Date(`${today}T12:00:00+08:00`);
  const end = publicityDays !== null ? `，公示 ${publicityDays} 天至${dayZh(addDays(today, publicityDays - 1), { now })}` : '';
  return {
    title: '同意这笔帮扶？',
    content: `同意${proposal.by}为${applicant}提出的 ${yuanText(proposal.amountFen)}。公示从今天（${dayZh(today, { now })}）开始${end}，期满无异议后发放；申请人会收到通知。`,
    confirmText: '同意',
    danger: false,
  };
}

export function sendBackQuestion(proposal: { amountFen: number; by: string } | null): Confirm {
  const what = proposal ? `${proposal.by}提出的 ${yuanText(proposal.amountFen)}` : '提出的金额';
  return { title: '退回这笔金额？', content: `不同意${what}，申请回到待审议，由审核人员重新提出金额。退回原因记入审核记录。`, confirmText: '退回' };
}

export function rejectQuestion(applicant: string): Confirm {
  return { title: '不予帮扶？', content: `${applicant}会收到通知，看到不予帮扶的原因。决定后不能撤销。`, confirmText: '不予帮扶', danger: true };
}

/** `hardship.sendBack` / `hardship.reject`: the reason, trimmed. */
export const reasonPayload = (applicationId: string, v: ReasonValues) => ({ applicationId, reason: v.text.trim() });

// ---------------------------------------------------------------------------------------------------------------
// 公示异议

export const RESOLVE_OPTIONS: { value: ObjectionOutcome; label: string }[] = OBJECTION_OUTCOMES.map((o) => ({ value: o, label: OBJECTION_OUTCOME_LABELS[o] }));

export interface ResolveValues {
  outcome: ObjectionOutcome | null;
  reason: string;
}
export const emptyResolve = (): ResolveValues => ({ outcome: null, reason: '' });

export function resolveDraft(applicationId: string, objectionId: string, v: ResolveValues): { payload: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  if (!v.outcome) problems.outcome = '请选择处理结果';
  return { payload: { applicationId, objectionId, outcome: v.outcome ?? undefined, reason: v.reason.trim() }, problems };
}

export function resolveFieldOf(path: Path): string | null {
  return path[0] === 'outcome' || path[0] === 'reason' ? path[0] : null;
}

export function resolveQuestion(outcome: ObjectionOutcome | undefined, applicant: string): Confirm | null {
  if (outcome === 'dismissed') {
    return { title: '异议不成立？', content: '公示继续；异议都处理完后，期满无异议即发放。提出异议的会员会收到处理结果。', confirmText: '继续公示' };
  }
  if (outcome === 'upheld') {
    return { title: '异议成立？', content: `${applicant}的申请将不予帮扶，申请人和提出异议的会员都会收到通知。决定后不能撤销。`, confirmText: '不予帮扶', danger: true };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// 困难职工档案

/** The categories a file is kept under (未达到困难标准 is no file's). */
export const FILE_CATEGORIES = ['deep', 'relative', 'accidental'] as const satisfies readonly HardshipCategory[];
export type FileCategory = (typeof FILE_CATEGORIES)[number];
export const FILE_CATEGORY_OPTIONS: { value: FileCategory; label: string }[] = FILE_CATEGORIES.map((c) => ({ value: c, label: HARDSHIP_CATEGORY_LABELS[c] }));

export interface FileReviewValues {
  category: FileCategory | null;
  note: string;
}
export const emptyFileReview = (): FileReviewValues => ({ category: null, note: '' });

export function fileReviewDraft(fileId: string, v: FileReviewValues): { payload: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  if (!v.category) problems.category = '请选择复核后的困难类别';
  return { payload: { fileId, category: v.category ?? undefined, note: v.note.trim() }, problems };
}

export function fileFieldOf(path: Path): string | null {
  if (path[0] === 'memberId') return 'member';
  return path[0] === 'category' || path[0] === 'note' ? path[0] : null;
}

export interface FileCloseValues {
  closedOn: string;
  reason: string;
}
export const emptyFileClose = (today: string): FileCloseValues => ({ closedOn: today, reason: '' });

export function fileCloseDraft(fileId: string, v: FileCloseValues): { payload: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  if (!v.closedOn) problems.closedOn = '请选择脱困日期';
  return { payload: { fileId, closedOn: v.closedOn, reason: v.reason.trim() }, problems };
}

export function fileCloseFieldOf(path: Path): string | null {
  return path[0] === 'closedOn' || path[0] === 'reason' ? path[0] : null;
}

export function fileCloseQuestion(memberName: string, closedOn: string | undefined, today: string): Confirm {
  const now = new Date(`${today}T12:00:00+08:00`);
  const day = closedOn ? dayZh(closedOn, { now }) : '';
  return {
    title: '关闭这份档案？',
    content: `${memberName}家庭${day ? `于${day}` : ''}脱困。档案关闭后不再列入名单和年度复核，保存 ${FILE_KEEP_YEARS} 年后删除；以后再获帮扶时重新启用。`,
    confirmText: '关闭档案',
    danger: true,
  };
}

/** 为会员建档: the member picked from the roster, the category and the note on which the file is opened. */
export interface FileOpenValues<M extends { id: string; name: string } = { id: string; name: string }> {
  member: M | null;
  category: FileCategory | null;
  note: string;
}
export const emptyFileOpen = <M extends { id: string; name: string }>(): FileOpenValues<M> => ({ member: null, category: null, note: '' });

export function fileOpenDraft(v: FileOpenValues): { payload: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  if (!v.member) problems.member = '请选择会员';
  if (!v.category) problems.category = '请选择困难类别';
  return { payload: { memberId: v.member?.id ?? '', category: v.category ?? undefined, note: v.note.trim() }, problems };
}

// ---------------------------------------------------------------------------------------------------------------
// 帮扶设置

export interface SettingsValues {
  /** Yuan per person per month, as typed; empty: not set (no self-check for members). */
  dibao: string;
  days: string;
}

export function settingsValuesOf(s: { dibaoFen: number | null; publicityDays: number }): SettingsValues {
  return { dibao: s.dibaoFen === null ? '' : yuanInput(s.dibaoFen), days: String(s.publicityDays) };
}

const WHOLE = /^\d{1,2}$/;

/** `hardship.settingsSave`: an empty standard is null; the days a whole number from 5 to 30. */
export function settingsDraft(v: SettingsValues): { payload: { dibaoFen: number | null; publicityDays: number }; problems: FieldErrors } {
  const problems: FieldErrors = {};
  const text = v.dibao.trim();
  let dibaoFen: number | null = null;
  if (text !== '') {
    dibaoFen = amountFenOf(text);
    if (dibaoFen === null) problems.dibao = '请填写金额（元），例如 1020；不设置请留空';
  }
  const days = v.days.trim();
  const n = WHOLE.test(days) ? Number(days) : NaN;
  if (!Number.isInteger(n) || n < PUBLICITY_DAYS.min || n > PUBLICITY_DAYS.max) problems.days = `请填写 ${PUBLICITY_DAYS.min} 到 ${PUBLICITY_DAYS.max} 之间的整数`;
  return { payload: { dibaoFen: dibaoFen ?? null, publicityDays: Number.isInteger(n) ? n : PUBLICITY_DAYS.byDefault }, problems };
}

export function settingsFieldOf(path: Path): string | null {
  if (path[0] === 'dibaoFen') return 'dibao';
  return path[0] === 'publicityDays' ? 'days' : null;
}

// ---------------------------------------------------------------------------------------------------------------
// 工委: 大病关爱推荐的决定

export type DecideOutcome = 'approve' | 'decline';
export const DECIDE_OPTIONS: { value: DecideOutcome; label: string }[] = [
  { value: 'approve', label: '批准并发放' },
  { value: 'decline', label: '不予批准' },
];

export interface DecideValues {
  outcome: DecideOutcome | null;
  /** Yuan, as typed (批准 only). */
  amount: string;
  reason: string;
}
export const emptyDecide = (): DecideValues => ({ outcome: null, amount: '', reason: '' });

/** `hardship.decideReferral`: the amount only when approving; over the 工委's cap is said at once. */
export function decideDraft(referralId: string, v: DecideValues, capFen: number | null): { payload: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  if (!v.outcome) problems.outcome = '请选择决定';
  const payload: Record<string, unknown> = { referralId, outcome: v.outcome ?? undefined, reason: v.reason.trim() };
  if (v.outcome === 'approve') {
    const amount = amountProblem(v.amount, capFen);
    if (amount) problems.amount = amount;
    payload.amountFen = amountFenOf(v.amount) ?? undefined;
  }
  return { payload, problems };
}

export function decideFieldOf(path: Path): string | null {
  if (path[0] === 'amountFen') return 'amount';
  return path[0] === 'outcome' || path[0] === 'reason' ? path[0] : null;
}

export function decideQuestion(p: { outcome?: DecideOutcome; amountFen?: number }, who: { name: string; unionName: string }): Confirm | null {
  if (p.outcome === 'approve') {
    return {
      title: '批准并发放？',
      content: `批准${who.unionName}推荐的${who.name}大病关爱 ${yuanText(p.amountFen ?? 0)}，由本工委经费立即发放，记入本工委经费台账。发放后不能撤销。`,
      confirmText: '批准发放',
      danger: true,
    };
  }
  if (p.outcome === 'decline') {
    return { title: '不予批准？', content: `${who.unionName}和${who.name}会收到通知，看到决定理由；申请随之结束。决定后不能更改。`, confirmText: '不予批准', danger: true };
  }
  return null;
}

export function decideDoneText(status: 'pending' | 'approved' | 'declined'): string {
  if (status === 'approved') return '已批准并发放';
  if (status === 'declined') return '已决定不予批准';
  return '已保存';
}
