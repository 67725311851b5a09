/**
 * The 即时关爱 form ⇄ `care.report`: what happened (生病住院 / 直系亲属去世 / 结婚 / 生育 / 退休), to whom (myself or a
 * colleague picked by name), when, where (the hospital) and a note. Pure (no Taro, no React), unit-tested.
 */
import { CATEGORY_LABELS, INSTANT_CATEGORIES, type InstantCategory } from '@/core/domain/care';
import type { FieldErrors } from '@/hooks/useForm';

/** A colleague as `care.colleagues` lists them: name and department only. */
export interface Colleague {
  memberId: string;
  name: string;
  department: string;
}

export interface ReportValues {
  category: InstantCategory | null;
  /** Whom it is about: the member themself, or a colleague. */
  who: 'self' | 'colleague';
  colleague: Colleague | null;
  /** YYYY-MM-DD, '' while not picked. */
  eventDate: string;
  place: string;
  note: string;
}

export const emptyReport = (): ReportValues => ({ category: null, who: 'self', colleague: null, eventDate: '', place: '', note: '' });

export const INSTANT_OPTIONS = INSTANT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));

export const WHO_OPTIONS = [
  { value: 'self' as const, label: '我本人' },
  { value: 'colleague' as const, label: '同事' },
];

/** What the date field asks for, by what happened. */
export function dateLabel(category: InstantCategory | null): string {
  switch (category) {
    case 'hospitalised':
      return '住院日期';
    case 'bereavement':
      return '去世日期';
    case 'marriage':
      return '结婚日期';
    case 'childbirth':
      return '生育日期';
    case 'retirement':
      return '退休日期';
    default:
      return '日期';
  }
}

/** Only a hospitalisation asks where. */
export const needsPlace = (category: InstantCategory | null): boolean => category === 'hospitalised';

/**
 * The `care.report` payload and the problems only the form can name: a colleague not picked yet, a date not picked,
 * the hospital left empty.
 */
export function reportDraft(v: ReportValues, requestKey: string): { payload: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  if (v.who === 'colleague' && !v.colleague) problems.subjectMemberId = '请查找并选择是哪位同事';
  if (!v.eventDate) problems.eventDate = `请选择${dateLabel(v.category)}`;
  if (needsPlace(v.category) && v.place.trim() === '') problems.place = '请填写住院的医院';
  const payload: Record<string, unknown> = {
    category: v.category ?? undefined,
    eventDate: v.eventDate,
    place: needsPlace(v.category) ? v.place.trim() : '',
    note: v.note.trim(),
    requestKey,
  };
  if (v.who === 'colleague' && v.colleague) payload.subjectMemberId = v.colleague.memberId;
  return { payload, problems };
}

export function reportFieldOf(path: readonly (string | number)[]): string | null {
  const head = path[0];
  if (head === undefined || head === 'requestKey') return null;
  return String(head);
}

/** The line after a report is sent. */
export function reportDoneText(v: Pick<ReportValues, 'who' | 'colleague'>): string {
  return v.who === 'colleague' && v.colleague ? `已上报，工会会尽快看望${v.colleague.name}` : '已上报，工会会尽快与您联系';
}
