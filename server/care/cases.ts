/**
 * What a member does with care: ask for help or make a suggestion, report 即时关爱 for themself or a colleague,
 * follow their cases, add information, withdraw before it is accepted, rate the answer. And reading one case,
 * which staff do too (a private case's read by staff is audited).
 */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { CareContract } from '../../src/core/contracts/care';
import type { ActionName } from '../../src/core/contracts/contract';
import { CATEGORY_LABELS, afterRating, allows, deadlineOf, isPrivateCategory, refusalOf, type CareCategory } from '../../src/core/domain/care';
import { dueDate, dueInstant } from '../../src/core/domain/workdays';
import { AppError } from '../../src/core/errors';
import { addDays, isValidDateKey, shanghaiDateKey } from '../../src/core/time';
import { isDuplicateKeyError, type Db } from '../db';
import { actorRef, audit } from '../db/audit';
import { tables } from '../db/tables';
import type { MemberDoc } from '../db/types';
import type { Actor } from '../runtime/actor';
import { notify } from '../notices/api';
import { acceptAttachments, type Upload } from './attachments';
import { auditTarget, changeCase } from './lifecycle';
import { supervisedNotice } from './notices';
import { arrangementsOf, settingsOf } from './settings';
import { caseRowView, caseState, caseView, mustSee, standingOf } from './views';
import { careCaseId, careTables, type CareFile, type CaseDoc } from './store';

type H<K extends ActionName<CareContract>> = Handler<CareContract, K, ActorContext>;

/** Care is a member's service: the caller must be on the roster. */
function memberOf(actor: Actor): MemberDoc {
  if (!actor.member) throw new AppError('FORBIDDEN', '只有本工会会员可以使用会员关爱');
  return actor.member;
}

/**
 * A case's view carries its latest lines, oldest first: at 1,000 characters a line, 100 lines stay far under the
 * 1 MB a reply may carry, and a conversation that long is already a case for a meeting, not a chat.
 */
export const MESSAGES_SHOWN = 100;

export async function messagesOf(db: Db, caseId: string) {
  return (await careTables(db).messages.find({ caseId }, { orderBy: [['at', 'desc']], limit: MESSAGES_SHOWN })).reverse();
}

/** The case as `actor` sees it now, with its conversation. */
export async function viewFor(db: Db, c: CaseDoc, actor: Actor, now: Date) {
  return caseView(c, await messagesOf(db, c._id), standingOf(c, actor), now);
}

/** When a case of `category` submitted `now` is to be accepted, by the union's settings and calendar. */
async function acceptDue(db: Db, unionId: string, category: CareCategory, urgent: boolean, now: Date) {
  const settings = await settingsOf(db, unionId);
  const date = dueDate(now, deadlineOf(settings.deadlines, category, urgent).accept, arrangementsOf(settings));
  return { acceptDueDate: date, dueAt: dueInstant(date) };
}

type NewCase = Pick<CaseDoc, 'kind' | 'category' | 'title' | 'body' | 'contact' | 'urgent' | 'anonymous' | 'subjectId' | 'subjectName' | 'eventDate' | 'place'>;

/**
 * File a new case under its deterministic id: the same form sent again (a double tap, a retry after a lost reply)
 * is answered with the case already filed, before any file is copied.
 */
async function file(db: Db, actor: Actor, member: MemberDoc, requestKey: string, fields: NewCase, uploads: readonly Upload[], now: Date) {
  const id = careCaseId(actor.unionId, member._id, requestKey);
  const filed = await careTables(db).cases.byId(id);
  if (filed) return { case: await viewFor(db, filed, actor, now), repeated: true };
  const attachments: CareFile[] = await acceptAttachments(actor.openid, actor.unionId, id, uploads, 'attachments');
  const due = await acceptDue(db, actor.unionId, fields.category, fields.urgent, now);
  const c: CaseDoc = {
    _id: id,
    unionId: actor.unionId,
    ...fields,
    private: isPrivateCategory(fields.category),
    status: 'submitted',
    open: true,
    requesterId: member._id,
    requesterName: member.name,
    involved: [...new Set([member._id, fields.subjectId ?? member._id])],
    handlerId: null,
    handlerName: null,
    acceptDueDate: due.acceptDueDate,
    closeDueDate: null,
    dueAt: due.dueAt,
    attachments,
    steps: [{ status: 'submitted', at: now, note: '' }],
    rating: null,
    ratingComment: '',
    ratings: [],
    summary: '',
    reopened: false,
    supervised: false,
    supervisedAt: null,
    messageCount: 0,
    version: 0,
    acceptedAt: null,
    closedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await careTables(db).cases.insert(c);
  } catch (error) {
    // Two taps at the same moment: one case (the copies of the files have the same names, so nothing is left over).
    if (!isDuplicateKeyError(error)) throw error;
    const first = await careTables(db).cases.byId(id);
    if (!first) throw error;
    return { case: await viewFor(db, first, actor, now), repeated: true };
  }
  return { case: await viewFor(db, c, actor, now), repeated: false };
}

export const submit: H<'submit'> = async (input, { db, actor, now }) => {
  const member = memberOf(actor);
  const { requestKey, attachments, ...rest } = input;
  return file(db, actor, member, requestKey, { ...rest, kind: 'help', subjectId: null, subjectName: null, eventDate: null, place: '' }, attachments, now);
};

/** How far from today a reported date may be: an event a year back is late news, a year ahead a typo. */
const REPORT_WINDOW_DAYS = 366;

export const report: H<'report'> = async (input, { db, actor, now }) => {
  const member = memberOf(actor);
  const refuse = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ path: [path], message }]);
  let subject = member;
  if (input.subjectMemberId !== undefined && input.subjectMemberId !== member._id) {
    const found = await tables(db).members.byId(input.subjectMemberId);
    // A colleague of another union is indistinguishable from none.
    if (!found || found.unionId !== actor.unionId || found.status === 'transferred') throw refuse('subjectMemberId', '本工会名册中没有这位同事，请从名单中选择');
    subject = found;
  }
  const today = shanghaiDateKey(now);
  if (!isValidDateKey(input.eventDate)) throw refuse('eventDate', '日期不正确，请重新选择');
  if (input.eventDate < addDays(today, -REPORT_WINDOW_DAYS) || input.eventDate > addDays(today, REPORT_WINDOW_DAYS)) throw refuse('eventDate', '日期应在前后一年之内，请核对');
  if (input.category === 'hospitalised' && !input.place) throw refuse('place', '请填写住院的医院');
  const label = CATEGORY_LABELS[input.category];
  return file(
    db,
    actor,
    member,
    input.requestKey,
    { kind: 'instant', category: input.category, title: `${subject.name}${label}`, body: input.note, contact: 'app', urgent: false, anonymous: false, subjectId: subject._id, subjectName: subject.name, eventDate: input.eventDate, place: input.place },
    [],
    now,
  );
};

export const colleagues: H<'colleagues'> = async (input, { db, actor }) => {
  const member = memberOf(actor);
  const _ = db.command;
  const pattern = input.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = await tables(db).members.find({ unionId: actor.unionId, name: db.RegExp({ regexp: pattern, options: 'i' }), status: _.neq('transferred'), _id: _.neq(member._id) }, { orderBy: [['name', 'asc']], limit: 20 });
  return { items: found.map((m) => ({ memberId: m._id, name: m.name, department: m.department })) };
};

export const mine: H<'mine'> = async (input, { db, actor, now }) => {
  const member = memberOf(actor);
  const { items, total } = await careTables(db).cases.findPage({ unionId: actor.unionId, involved: member._id }, ['createdAt', 'desc'], input.page, input.pageSize);
  return { items: items.map((c) => caseRowView(c, standingOf(c, actor), now)), total, page: input.page, pageSize: input.pageSize };
};

export const get: H<'get'> = async (input, { db, actor, now }) => {
  const { c, standing } = mustSee(await careTables(db).cases.byId(input.caseId), actor);
  // Who read a private case is on record: staff only (the member reads their own).
  if (c.private && standing.staff && !standing.member) {
    await audit(db, { unionId: c.unionId, at: now, actor: actorRef(actor), action: 'care.read', target: auditTarget(c), from: null, to: { summary: '查看保密事项的内容' } });
  }
  return caseView(c, await messagesOf(db, c._id), standing, now);
};

/** The case for a member's own action, checked before any file of theirs is copied into it. */
async function ownCase(db: Db, caseId: string, actor: Actor, asker: boolean): Promise<CaseDoc> {
  const { c, standing } = mustSee(await careTables(db).cases.byId(caseId), actor);
  if (!(asker ? standing.asked : standing.member)) throw new AppError('FORBIDDEN', asker ? '只有提出的会员本人可以这样做' : '只有提出的会员或所涉会员本人可以补充信息');
  return c;
}

export const addInfo: H<'addInfo'> = async (input, { db, actor, now }) => {
  const c = await ownCase(db, input.caseId, actor, false);
  if (!allows(caseState(c), 'addInfo')) throw new AppError('NOT_ALLOWED', refusalOf(caseState(c), 'addInfo'));
  const attachments = await acceptAttachments(actor.openid, actor.unionId, c._id, input.attachments, 'attachments');
  const { after } = await changeCase(db, c._id, actor, now, (fresh, s) => {
    if (!s.member) throw new AppError('FORBIDDEN', '只有提出的会员或所涉会员本人可以补充信息');
    if (!allows(caseState(fresh), 'addInfo')) throw new AppError('NOT_ALLOWED', refusalOf(caseState(fresh), 'addInfo'));
    return { set: {}, message: { from: 'member', author: actorRef(actor), internal: false, text: input.text, attachments } };
  });
  return viewFor(db, after, actor, now);
};

export const withdraw: H<'withdraw'> = async (input, { db, actor, now }) => {
  const { after } = await changeCase(db, input.caseId, actor, now, (c, s) => {
    if (!s.asked) throw new AppError('FORBIDDEN', '只有提出的会员本人可以撤回');
    if (!allows(caseState(c), 'withdraw')) throw new AppError('NOT_ALLOWED', refusalOf(caseState(c), 'withdraw'));
    return { set: { status: 'withdrawn', open: false, dueAt: null, closedAt: now }, step: { status: 'withdrawn', note: input.reason } };
  });
  return viewFor(db, after, actor, now);
};

export const rate: H<'rate'> = async (input, { db, actor, now }) => {
  const settings = await settingsOf(db, actor.unionId);
  const { after } = await changeCase(db, input.caseId, actor, now, (c, s) => {
    if (!s.asked) throw new AppError('FORBIDDEN', '只有提出的会员本人可以评价');
    const state = caseState(c);
    if (!allows(state, 'rate')) throw new AppError('NOT_ALLOWED', refusalOf(state, 'rate'));
    const next = afterRating(state, input.rating);
    const ratings = [...c.ratings, { rating: input.rating, comment: input.comment, at: now }];
    if (!next.supervise) return { set: { rating: input.rating, ratingComment: input.comment, ratings } };
    const supervised = { supervised: true, supervisedAt: now, ratings };
    if (next.status === c.status) return { set: { ...supervised, rating: input.rating, ratingComment: input.comment } };
    // 不满意 the first time: open again for a new answer (rated afresh), with a new closing deadline, before the chair.
    const closeDueDate = dueDate(now, deadlineOf(settings.deadlines, c.category, c.urgent).close, arrangementsOf(settings));
    return {
      set: { ...supervised, status: next.status, reopened: true, open: true, rating: null, ratingComment: '', closeDueDate, dueAt: dueInstant(closeDueDate), closedAt: null },
      step: { status: next.status, note: `会员评价不满意，重新办理并由工会主席督办${input.comment ? `。评价：${input.comment}` : ''}` },
    };
  });
  if (after.supervised && after.supervisedAt?.getTime() === now.getTime()) {
    const _ = db.command;
    const chairs = await tables(db).members.find({ unionId: after.unionId, roles: 'chair', status: _.neq('transferred') }, { limit: 20 });
    await notify(db, chairs.map((m) => supervisedNotice(after, m._id, input.comment)), now);
  }
  return viewFor(db, after, actor, now);
};
