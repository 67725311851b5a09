/**
 * 会员关爱中心 (care center): what a member asks for help with, what they report (即时关爱), the states a case goes
 * through and who may see what. Pure: `now`, the union's settings and the caller are passed in, so the function and
 * the phone decide alike. Deadlines in working days are in ./workdays.
 *
 * No zod here on purpose (see domain/events): the schemas live in the contract.
 */
import type { Item } from '../policy/items';

/** What a member asks for help with (求助), or a suggestion (意见建议). */
export const HELP_CATEGORIES = ['work', 'life', 'psychological', 'legal', 'suggestion'] as const;
export type HelpCategory = (typeof HELP_CATEGORIES)[number];

/** 即时关爱: what a member reports about themself or a colleague. */
export const INSTANT_CATEGORIES = ['hospitalised', 'bereavement', 'marriage', 'childbirth', 'retirement'] as const;
export type InstantCategory = (typeof INSTANT_CATEGORIES)[number];

export const CARE_CATEGORIES = [...HELP_CATEGORIES, ...INSTANT_CATEGORIES] as const;
export type CareCategory = HelpCategory | InstantCategory;

export const CATEGORY_LABELS: Record<CareCategory, string> = {
  work: '工作',
  life: '生活',
  psychological: '心理疏导',
  legal: '法律咨询',
  suggestion: '意见建议',
  hospitalised: '生病住院',
  bereavement: '直系亲属去世',
  marriage: '结婚',
  childbirth: '生育',
  retirement: '退休',
};

/** One line under each choice on the form, so a member picks the right one without asking. */
export const CATEGORY_HINTS: Record<HelpCategory, string> = {
  work: '工作中遇到的问题和困难，如劳动关系、工作条件、权益保障',
  life: '生活中遇到的困难，如家庭、住房、子女、就医',
  psychological: '压力、情绪、人际关系等，仅处理人和工会主席可见',
  legal: '劳动合同、纠纷等法律问题，仅处理人和工会主席可见',
  suggestion: '对单位或工会工作的意见建议，可以匿名',
};

/** Private categories: only the assigned handler and the chair see them (and the member, their own). */
export const PRIVATE_CATEGORIES: ReadonlySet<CareCategory> = new Set<CareCategory>(['psychological', 'legal']);
export const isPrivateCategory = (category: CareCategory): boolean => PRIVATE_CATEGORIES.has(category);
export const isInstantCategory = (category: CareCategory): category is InstantCategory => (INSTANT_CATEGORIES as readonly string[]).includes(category);

/** Only a suggestion may be sent anonymously: a request for help needs to know whom to help. */
export const canBeAnonymous = (category: CareCategory): boolean => category === 'suggestion';

/** The ledger item a 即时关爱 report's 慰问 is paid under (core/policy/items). */
export const INSTANT_ITEMS = {
  hospitalised: 'care_hospitalisation',
  bereavement: 'care_relative_death',
  marriage: 'care_marriage',
  childbirth: 'care_childbirth',
  retirement: 'care_retirement',
} as const satisfies Record<InstantCategory, Item>;

export const CONTACT_WAYS = ['app', 'phone', 'in_person'] as const;
export type ContactWay = (typeof CONTACT_WAYS)[number];
export const CONTACT_LABELS: Record<ContactWay, string> = { app: '在小程序里回复', phone: '电话联系', in_person: '当面沟通' };

/**
 * submitted 已提交 → accepted 已受理 → in_progress 处理中 → replied 已答复 → closed 已办结;
 * withdrawn 已撤回 (by the member, before it is accepted) and returned 已退回 (by an officer, with the reason) end it too.
 */
export const CASE_STATUSES = ['submitted', 'accepted', 'in_progress', 'replied', 'closed', 'withdrawn', 'returned'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  in_progress: '处理中',
  replied: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
  returned: '已退回',
};
/** For 即时关爱 the same states read differently: a report is confirmed, then visited. */
export const INSTANT_STATUS_LABELS: Record<CaseStatus, string> = {
  ...STATUS_LABELS,
  submitted: '已上报',
  accepted: '已确认',
  replied: '已慰问',
};
export const statusLabel = (category: CareCategory, status: CaseStatus): string => (isInstantCategory(category) ? INSTANT_STATUS_LABELS : STATUS_LABELS)[status];

/** The steps a member sees as a timeline, in order (an ended case shows where it stopped). */
export const HELP_STEPS: readonly CaseStatus[] = ['submitted', 'accepted', 'in_progress', 'replied', 'closed'];
export const isOpen = (status: CaseStatus): boolean => !['closed', 'withdrawn', 'returned'].includes(status);

/** 满意 / 基本满意 / 不满意. */
export const RATINGS = ['satisfied', 'fair', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { satisfied: '满意', fair: '基本满意', unsatisfied: '不满意' };

/** What can be done to a case, by whom. The function checks these, the pages show only the buttons that pass. */
export type CaseAction = 'withdraw' | 'addInfo' | 'rate' | 'accept' | 'assign' | 'reply' | 'note' | 'sendBack' | 'close';

export interface CaseState {
  status: CaseStatus;
  category: CareCategory;
  /** 不满意 reopened it already (it reopens once). */
  reopened: boolean;
  rating: Rating | null;
}

/** Whether the case's state allows the action at all (who is asking is the caller's business: see mayHandle). */
export function allows(state: CaseState, action: CaseAction): boolean {
  const { status } = state;
  switch (action) {
    case 'withdraw':
      return status === 'submitted';
    case 'addInfo':
      return status === 'submitted' || status === 'accepted' || status === 'in_progress' || status === 'replied';
    case 'rate':
      // Rated once per answer: a reopened case may be rated again after its new answer.
      return (status === 'replied' || status === 'closed') && state.rating === null && !isInstantCategory(state.category);
    case 'accept':
      return status === 'submitted';
    case 'assign':
    case 'note':
      return status === 'accepted' || status === 'in_progress' || status === 'replied';
    case 'reply':
      return status === 'accepted' || status === 'in_progress' || status === 'replied';
    case 'sendBack':
      return status === 'submitted' || status === 'accepted' || status === 'in_progress';
    case 'close':
      return status === 'accepted' || status === 'in_progress' || status === 'replied';
  }
}

/** Why an action is refused in this state, in words for the person who tapped. */
export function refusalOf(state: CaseState, action: CaseAction): string {
  const now = statusLabel(state.category, state.status);
  switch (action) {
    case 'withdraw':
      return `这件事${now}，不能再撤回；如不需要了，可以留言告诉处理人`;
    case 'rate':
      return state.rating !== null ? '已经评价过了' : `这件事${now}，答复后才能评价`;
    case 'accept':
      return `这件事${now}，不用再受理`;
    default:
      return `这件事${now}，不能再这样处理`;
  }
}

/** 不满意 reopens a case once and puts it before the chair (督办); after that a rating only records. */
export function afterRating(state: CaseState, rating: Rating): { status: CaseStatus; reopened: boolean; supervise: boolean } {
  if (rating !== 'unsatisfied') return { status: state.status, reopened: state.reopened, supervise: false };
  if (state.reopened) return { status: state.status, reopened: true, supervise: true };
  return { status: 'in_progress', reopened: true, supervise: true };
}

/** Deadlines per category, in working days: accept within `accept`, close within `close` after accepting. */
export interface CategoryDeadline {
  accept: number;
  close: number;
}
export const DEFAULT_DEADLINE: CategoryDeadline = { accept: 1, close: 5 };
/** 紧急: accepted the same working day. */
export const URGENT_ACCEPT_DAYS = 0;

export function deadlineOf(deadlines: Partial<Record<CareCategory, CategoryDeadline>>, category: CareCategory, urgent: boolean): CategoryDeadline {
  const d = deadlines[category] ?? DEFAULT_DEADLINE;
  return urgent ? { accept: URGENT_ACCEPT_DAYS, close: d.close } : d;
}

/** What a handler or a report shows for a requester who asked to stay anonymous. */
export const ANONYMOUS_NAME = '匿名会员';

/** Files a member or a handler attaches: photos (the phone's) and PDF documents, at most 6 to a message or a case. */
export const MAX_ATTACHMENTS = 6;
export const ATTACHMENT_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'pdf'] as const;
/** The kinds and size of a document (domain/images), under the names care's pages use. */
export { DOCUMENT_KINDS_TEXT as ATTACHMENT_KINDS_TEXT, MAX_DOCUMENT_BYTES as MAX_ATTACHMENT_BYTES, MAX_DOCUMENT_TEXT as MAX_ATTACHMENT_TEXT } from './images';
