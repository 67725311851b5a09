/**
 * The 求助 / 意见建议 form ⇄ `care.submit`, and the small forms of a case (补充信息, 答复, 评价, reasons) ⇄ their
 * payloads. Pure (no Taro, no React), so every mapping is unit-tested.
 */
import { CATEGORY_HINTS, CATEGORY_LABELS, HELP_CATEGORIES, canBeAnonymous, isPrivateCategory, type ContactWay, type HelpCategory, type Rating } from '@/core/domain/care';
import type { FieldErrors } from '@/hooks/useForm';
import { filesCountText as countText, uploadOf, withFile as addFile, withoutFile, type FileDraft } from '@/services/fileDrafts';

/** The most photos or documents one message carries (the contract's limit). */
export const MAX_FILES = 6;
export const BODY_LIMIT = 1000;
export const TITLE_LIMIT = 30;

export { uploadOf, type FileDraft };

export interface AskValues {
  category: HelpCategory | null;
  title: string;
  body: string;
  files: FileDraft[];
  contact: ContactWay;
  urgent: boolean;
  anonymous: boolean;
}

/** A new form: 意见建议 when opened from 提意见建议, nothing chosen otherwise; reply in the app by default. */
export function emptyAsk(category: HelpCategory | null = null): AskValues {
  return { category, title: '', body: '', files: [], contact: 'app', urgent: false, anonymous: false };
}

/** The choices of the category field: its name and the line under it. */
export const CATEGORY_OPTIONS = HELP_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c], hint: CATEGORY_HINTS[c] }));

/** The line under the category once one is chosen: its hint, and for a private one who sees it. */
export function categoryHint(category: HelpCategory | null): string {
  if (!category) return '请先选择类别，不同类别由不同的人处理';
  return CATEGORY_HINTS[category];
}

/** Said beside the form when the category is private (心理疏导, 法律咨询). */
export function privacyNote(category: HelpCategory | null): string | null {
  if (!category || !isPrivateCategory(category)) return null;
  return `「${CATEGORY_LABELS[category]}」的内容只有处理人和工会主席能看到，其他工会干部看不到。`;
}

/** What switching 匿名 on means, said under the switch. */
export const ANONYMOUS_NOTE = '处理人只看到「匿名会员」，看不到您的姓名，仍然可以在小程序里答复您';

/** Picking another category: 匿名 goes off unless the new one may be anonymous. */
export function categoryPicked(category: HelpCategory): Partial<AskValues> {
  return canBeAnonymous(category) ? { category } : { category, anonymous: false };
}

/** The files of a care form, at most MAX_FILES (services/fileDrafts). */
export const withFile = (files: readonly FileDraft[], file: FileDraft): FileDraft[] => addFile(files, file, MAX_FILES);
export { withoutFile };
export const filesCountText = (files: readonly FileDraft[]): string => countText(files, MAX_FILES);

/**
 * The `care.submit` payload, and the problems only the form can name. The contract's schema checks the rest on the
 * phone (a title too short, a body too long, no category).
 */
export function submitDraft(v: AskValues, requestKey: string): { payload: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  if (v.anonymous && v.category && !canBeAnonymous(v.category)) problems.anonymous = '只有意见建议可以匿名提交';
  const payload: Record<string, unknown> = {
    category: v.category ?? undefined,
    title: v.title.trim(),
    body: v.body.trim(),
    attachments: v.files.map(uploadOf),
    contact: v.contact,
    urgent: v.urgent,
    anonymous: v.category !== null && canBeAnonymous(v.category) ? v.anonymous : false,
    requestKey,
  };
  return { payload, problems };
}

/** The form's field for an issue's path: the attachments' issues (`attachments.3`) show under the files. */
export function askFieldOf(path: readonly (string | number)[]): string | null {
  const head = path[0];
  if (head === undefined) return null;
  if (head === 'attachments') return 'files';
  if (head === 'requestKey') return null;
  return String(head);
}

/** Empty fields are asked for plainly. */
export const ASK_WHEN_EMPTY = { title: '请填写标题', body: '请写一写事情经过' } as const;

/** 补充信息 / 答复: text and files ⇄ `care.addInfo` / `care.reply`. */
export interface MessageValues {
  text: string;
  files: FileDraft[];
}
export const emptyMessage = (): MessageValues => ({ text: '', files: [] });
export function messageDraft(caseId: string, v: MessageValues): { caseId: string; text: string; attachments: { fileID: string; name: string }[] } {
  return { caseId, text: v.text.trim(), attachments: v.files.map(uploadOf) };
}
export function messageFieldOf(path: readonly (string | number)[]): string | null {
  const head = path[0];
  if (head === 'attachments') return 'files';
  if (head === 'text') return 'text';
  return null;
}

/** 评价: 满意 / 基本满意 / 不满意 and a comment ⇄ `care.rate`. */
export interface RateValues {
  rating: Rating | null;
  comment: string;
}
export const emptyRate = (): RateValues => ({ rating: null, comment: '' });
export function rateDraft(caseId: string, v: RateValues): Record<string, unknown> {
  return { caseId, rating: v.rating ?? undefined, comment: v.comment.trim() };
}

/** What choosing 不满意 means, said before it is sent. */
export function ratingNote(rating: Rating | null, reopened: boolean): string | null {
  if (rating !== 'unsatisfied') return null;
  return reopened
    ? '这件事已经重新办理过一次。选择不满意后，工会主席会看到您的评价并督办。'
    : '选择不满意后，这件事会重新办理，并报告工会主席督办。请在下面写明哪里不满意。';
}
