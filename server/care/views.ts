/**
 * Who sees a case, and what: the case and conversation documents → the contract's views for the member who asked
 * (or the member a report is about) and for staff. Every output for staff goes through here, so an anonymous
 * sender is masked in one place.
 */
import { ANONYMOUS_NAME, CATEGORY_LABELS, allows, isOpen, statusLabel, type CaseAction, type CaseState } from '../../src/core/domain/care';
import { can } from '../../src/core/domain/roles';
import { formatYuan } from '../../src/core/money';
import { FORM_LABELS, ITEM_INFO } from '../../src/core/policy/items';
import { dayZh } from '../../src/core/time';
import { PAGES } from '../../src/core/pages';
import type { z } from '../../src/core/zod';
import type { caseRow, caseView as caseViewSchema } from '../../src/core/contracts/care';
import { AppError } from '../../src/core/errors';
import { tempUrls } from '../db/files';
import type { Actor } from '../runtime/actor';
import type { CareFile, CareMessageDoc, CareVisit, CaseDoc } from './store';

/** What a handler returns (dates as Date; the contract's output schema turns them into ISO text). */
export type CaseOut = z.input<typeof caseViewSchema>;
export type RowOut = z.input<typeof caseRow>;

/**
 * How the caller stands to a case. `member`: they asked, or a report is about them (`asked` tells which). `staff`:
 * the chair sees every case of the union; an officer the non-private ones; whoever holds care.handle the cases
 * assigned to them (a 关爱专员 sees nothing else). Both may hold (an officer's own request).
 */
export interface Standing {
  member: boolean;
  asked: boolean;
  /** 即时关爱: the caller is the member the report is about. */
  concerned: boolean;
  staff: boolean;
  chair: boolean;
}

export function standingOf(c: CaseDoc, actor: Actor): Standing {
  const none = { member: false, asked: false, concerned: false, staff: false, chair: false };
  if (c.unionId !== actor.unionId || !actor.memberId) return none;
  const chair = actor.roles.includes('chair');
  const assigned = c.handlerId === actor.memberId && can(actor.roles, 'care.handle');
  const staff = chair || assigned || (actor.roles.includes('officer') && !c.private);
  return { member: c.involved.includes(actor.memberId), asked: c.requesterId === actor.memberId, concerned: c.subjectId === actor.memberId, staff, chair };
}

/** The case as `actor` may see it; another union's case, or one the caller may not see, is indistinguishable from none. */
export function mustSee(c: CaseDoc | null, actor: Actor): { c: CaseDoc; standing: Standing } {
  const standing = c ? standingOf(c, actor) : null;
  if (!c || !standing || (!standing.member && !standing.staff)) throw new AppError('NOT_FOUND', '没有找到这件事项，或您无权查看');
  return { c, standing };
}

export const caseState = (c: CaseDoc): CaseState => ({ status: c.status, category: c.category, reopened: c.reopened, rating: c.rating });

/**
 * The requester's name as this viewer may read it: 匿名会员 to staff for an anonymous suggestion (the chair too:
 * only the audited reveal names the sender); "同事" to the member a colleague's report is about (the reporter's name
 * is for officers).
 */
export function requesterNameFor(c: CaseDoc, standing: Standing): string {
  if (standing.asked) return c.requesterName;
  if (c.anonymous) return ANONYMOUS_NAME;
  if (!standing.staff) return '同事';
  return c.requesterName;
}

/** The name staff and notices use for the requester: never an anonymous sender's. */
export const maskedRequester = (c: Pick<CaseDoc, 'anonymous' | 'requesterName'>): string => (c.anonymous ? ANONYMOUS_NAME : c.requesterName);

/** The deadline the case waits on while open: accepting, then closing. */
export const nextDueDate = (c: CaseDoc): string | null => (!isOpen(c.status) ? null : c.status === 'submitted' ? c.acceptDueDate : c.closeDueDate);

export const isOverdue = (c: CaseDoc, now: Date): boolean => c.dueAt !== null && now.getTime() >= c.dueAt.getTime();

/**
 * 即时关爱: a report is visited once it is confirmed (已确认), and again while it is open (a second visit, whose 慰问
 * the policy may refuse: one hospitalisation payment per illness per year).
 */
export function mayVisit(c: Pick<CaseDoc, 'kind' | 'status'>): boolean {
  return c.kind === 'instant' && (c.status === 'accepted' || c.status === 'in_progress' || c.status === 'replied');
}

/** Why a case may not be visited, in the state's own words. */
export function visitRefusal(c: Pick<CaseDoc, 'kind' | 'status' | 'category'>): string {
  if (c.kind !== 'instant') return '只有即时关爱的上报可以登记看望慰问';
  if (c.status === 'submitted') return '请先确认这条上报，再登记看望慰问';
  return `这条上报${statusLabel(c.category, c.status)}，不能再登记看望慰问`;
}

const MEMBER_ACTIONS: CaseAction[] = ['withdraw', 'addInfo', 'rate'];
const STAFF_ACTIONS: CaseAction[] = ['accept', 'assign', 'reply', 'note', 'sendBack', 'close'];

function canDo(c: CaseDoc, s: Standing): CaseOut['can'] {
  const state = caseState(c);
  const out: CaseOut['can'] = [];
  for (const a of MEMBER_ACTIONS) {
    // Withdrawing and rating are the asker's; adding information also the member a report is about.
    if ((s.asked || (s.member && a === 'addInfo')) && allows(state, a)) out.push(a);
  }
  if (s.staff) for (const a of STAFF_ACTIONS) if (allows(state, a)) out.push(a);
  if (s.chair && c.anonymous) out.push('reveal');
  // Not to oneself: an officer's own report is visited (and paid) by someone else.
  if (s.staff && !s.concerned && mayVisit(c)) out.push('visit');
  return out;
}

/** What was given at a visit, in words: "，送上慰问金 500.00 元", "，送上慰问品（价值 300.00 元）". Also in notices. */
export function givenText(p: Pick<NonNullable<CareVisit['payment']>, 'form' | 'amountFen'>): string {
  const yuan = formatYuan(p.amountFen);
  if (p.form === 'cash') return `，送上慰问金 ${yuan} 元`;
  return `，送上${p.form === 'in_kind' ? '慰问品' : FORM_LABELS[p.form]}（价值 ${yuan} 元）`;
}

/**
 * A visit for this viewer. Staff: everything, and a line naming who went. The member concerned: that the union
 * visited them and what they were given (their own benefit). Anyone else who may read the case (the colleague who
 * reported it): that the union visited the colleague — no names, gifts, amounts or photos.
 */
function visitFor(v: CareVisit, c: CaseDoc, s: Standing, urls: Map<string, string>, now: Date): CaseOut['visits'][number] {
  const day = dayZh(v.visitedOn, { now });
  const head = { id: v.id, visitedOn: v.visitedOn, at: v.at };
  if (s.staff) {
    const p = v.payment;
    return {
      ...head,
      line: `${day}，${v.visitors}看望了${c.subjectName ?? '会员'}${p ? givenText(p) : ''}`,
      visitors: v.visitors,
      brought: v.brought,
      photos: filesOf(v.photos, urls),
      recordedBy: v.by.name,
      payment: p ? { entryId: p.entryId, item: p.item, itemLabel: ITEM_INFO[p.item].label, amountFen: p.amountFen, form: p.form, formLabel: FORM_LABELS[p.form] } : null,
    };
  }
  const line = s.concerned ? `工会于${day}看望了您${v.payment ? givenText(v.payment) : ''}` : `工会于${day}看望了${c.subjectName ?? '您的同事'}`;
  return { ...head, line, visitors: null, brought: null, photos: [], recordedBy: null, payment: null };
}

function filesOf(files: CareFile[], urls: Map<string, string>) {
  return files.map((f) => ({ fileID: f.fileID, url: urls.get(f.fileID) ?? '', name: f.name, isImage: f.isImage }));
}

function authorNameFor(m: CareMessageDoc, c: CaseDoc, s: Standing): string {
  if (m.from === 'system' || !m.author) return '';
  if (m.from === 'handler') return m.author.name;
  // A member's line: the asker's (masked as the case masks them) or the member a report is about.
  if (m.author.memberId === c.requesterId) return requesterNameFor(c, s);
  return m.author.name;
}

/** What a case and a line of a list both show: the masked requester, the state in words, whether it is late. */
function caseHead(c: CaseDoc, s: Standing, now: Date) {
  return {
    id: c._id,
    kind: c.kind,
    category: c.category,
    categoryLabel: CATEGORY_LABELS[c.category],
    title: c.title,
    status: c.status,
    statusLabel: statusLabel(c.category, c.status),
    urgent: c.urgent,
    private: c.private,
    requesterName: requesterNameFor(c, s),
    handlerName: c.handlerName,
    overdue: isOverdue(c, now),
    supervised: c.supervised,
    updatedAt: c.updatedAt,
  };
}

/** The case for this viewer, with temporary links to its files (one storage call for the case and its messages). */
export async function caseView(c: CaseDoc, messages: CareMessageDoc[], s: Standing, now: Date): Promise<CaseOut> {
  // A member never receives an internal line, whatever else they hold on the case.
  const shown = s.staff ? messages : messages.filter((m) => !m.internal);
  const visits = c.visits ?? [];
  const visitPhotos = s.staff ? visits.flatMap((v) => v.photos) : [];
  const urls = await tempUrls([...c.attachments, ...shown.flatMap((m) => m.attachments), ...visitPhotos].map((f) => f.fileID));
  return {
    ...caseHead(c, s, now),
    body: c.body,
    contact: c.contact,
    anonymous: c.anonymous,
    subjectName: c.subjectName,
    eventDate: c.eventDate,
    place: c.place,
    acceptDueDate: c.acceptDueDate,
    closeDueDate: c.closeDueDate,
    createdAt: c.createdAt,
    steps: c.steps.map((st) => ({ status: st.status, label: statusLabel(c.category, st.status), at: st.at, note: st.note })),
    messages: shown.map((m) => ({ id: m._id, at: m.at, from: m.from, authorName: authorNameFor(m, c, s), internal: m.internal, text: m.text, attachments: filesOf(m.attachments, urls) })),
    attachments: filesOf(c.attachments, urls),
    rating: c.rating,
    ratingComment: c.ratingComment,
    summary: c.summary,
    reopened: c.reopened,
    visits: visits.map((v) => visitFor(v, c, s, urls, now)),
    can: canDo(c, s),
  };
}

/** A line of a list (no body, no conversation), masked like the case. */
export function caseRowView(c: CaseDoc, s: Standing, now: Date): RowOut {
  return { ...caseHead(c, s, now), dueDate: nextDueDate(c) };
}

/** The page a notice about a case opens, from the page registry: the member's case page, or the handling page. */
export function caseLink(caseId: string, forStaff: boolean): string {
  return `${(forStaff ? PAGES.careHandle : PAGES.careCase).path}?id=${encodeURIComponent(caseId)}`;
}
