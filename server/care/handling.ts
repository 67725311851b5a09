/**
 * What officers, the chair and named handlers (关爱专员) do with cases: the queue, who may take a case, 受理, 转派,
 * answering, internal notes, 退回, 办结, and the chair's audited reveal of an anonymous sender. A case the caller may
 * not see (another union's, a private one not theirs) is NOT_FOUND, like one that does not exist.
 */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { CareContract } from '../../src/core/contracts/care';
import type { ActionName } from '../../src/core/contracts/contract';
import { CATEGORY_LABELS, allows, deadlineOf, isOpen, refusalOf, type CaseAction } from '../../src/core/domain/care';
import { ROLE_LABELS, type Role } from '../../src/core/domain/roles';
import { addWorkingDays, dueDate, dueInstant } from '../../src/core/domain/workdays';
import { AppError } from '../../src/core/errors';
import { shanghaiDateKey } from '../../src/core/time';
import type { Db } from '../db';
import { actorRef, audit } from '../db/audit';
import { tables } from '../db/tables';
import type { MemberDoc } from '../db/types';
import type { Actor } from '../runtime/actor';
import { notify } from '../notices/api';
import { acceptAttachments } from './attachments';
import { viewFor } from './cases';
import { auditTarget, changeCase, type CaseChange } from './lifecycle';
import { acceptedNotice, assignedNotice, closedNotice, repliedNotice, returnedNotice } from './notices';
import { arrangementsOf, settingsOf } from './settings';
import { caseRowView, caseState, mustSee, standingOf, type Standing } from './views';
import { careTables, type CaseDoc } from './store';

type H<K extends ActionName<CareContract>> = Handler<CareContract, K, ActorContext>;

/** Who may be given a case: an officer, the chair or a 关爱专员; a private one only the chair or a 关爱专员. */
const HANDLER_ROLES: readonly Role[] = ['officer', 'chair', 'care_handler'];
const PRIVATE_HANDLER_ROLES: readonly Role[] = ['chair', 'care_handler'];

/**
 * The cases `actor` handles or may take, as a query: the chair every case of the union; an officer the
 * non-private ones and those given to them; anyone else with care.handle (a 关爱专员) only those given to them.
 */
function visibleTo(db: Db, actor: Actor): Record<string, unknown> {
  const _ = db.command;
  if (actor.roles.includes('chair')) return { unionId: actor.unionId };
  if (actor.roles.includes('officer')) return _.and([{ unionId: actor.unionId }, _.or([{ private: false }, { handlerId: actor.memberId }])]) as unknown as Record<string, unknown>;
  return { unionId: actor.unionId, handlerId: actor.memberId };
}

export const queue: H<'queue'> = async (input, { db, actor, now }) => {
  const _ = db.command;
  const settings = await settingsOf(db, actor.unionId);
  // "Due soon": the deadline ends by the close of the next working day, and has not passed.
  const soon = dueInstant(addWorkingDays(shanghaiDateKey(now), 1, arrangementsOf(settings)));
  const views = {
    new: { status: 'submitted' },
    mine: { handlerId: actor.memberId, open: true },
    dueSoon: { open: true, dueAt: _.gt(now).and(_.lte(soon)) },
    overdue: { open: true, dueAt: _.lte(now) },
    supervised: { supervised: true },
    all: {},
  };
  const visible = visibleTo(db, actor);
  const where = (view: keyof typeof views, extra: Record<string, unknown> = {}) => _.and([visible, views[view], extra]);
  const filters: Record<string, unknown> = {};
  if (input.category) filters.category = input.category;
  if (input.q) filters.title = db.RegExp({ regexp: input.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' });
  const byDeadline = input.view === 'dueSoon' || input.view === 'overdue' || input.view === 'mine';
  const t = careTables(db).cases;
  const [{ items, total }, ...counts] = await Promise.all([
    t.findPage(where(input.view, filters), byDeadline ? ['dueAt', 'asc'] : ['updatedAt', 'desc'], input.page, input.pageSize),
    ...(['new', 'mine', 'dueSoon', 'overdue', 'supervised'] as const).map((v) => t.count(where(v))),
  ]);
  const [newCount, mineCount, dueSoon, overdue, supervised] = counts;
  return {
    items: items.map((c) => caseRowView(c, standingOf(c, actor), now)),
    total,
    page: input.page,
    pageSize: input.pageSize,
    counts: { new: newCount, mine: mineCount, dueSoon, overdue, supervised },
  };
};

export const handlers: H<'handlers'> = async (_input, { db, actor }) => {
  const _ = db.command;
  const found = await tables(db).members.find({ unionId: actor.unionId, roles: _.in([...HANDLER_ROLES]), status: 'active' }, { orderBy: [['employeeNo', 'asc']], limit: 200 });
  return {
    items: found.map((m) => ({
      memberId: m._id,
      name: m.name,
      roleLabel: HANDLER_ROLES.filter((r) => m.roles.includes(r))
        .map((r) => ROLE_LABELS[r])
        .join('、'),
      mayTakePrivate: m.roles.some((r) => PRIVATE_HANDLER_ROLES.includes(r)),
    })),
  };
};

/** Staff only, and only what the state allows (in the state's own words). */
function mustHandle(c: CaseDoc, s: Standing, action: CaseAction): void {
  if (!s.staff) throw new AppError('FORBIDDEN', '只有处理人、工会干部或工会主席可以办理');
  const state = caseState(c);
  if (!allows(state, action)) throw new AppError('NOT_ALLOWED', refusalOf(state, action));
}

function audited(actor: Actor, c: CaseDoc, action: string, from: unknown, summary: string): NonNullable<CaseChange['audit']> {
  return { actor: actorRef(actor), action, target: auditTarget(c), from, to: { summary } };
}

export const accept: H<'accept'> = async (input, { db, actor, now }) => {
  const settings = await settingsOf(db, actor.unionId);
  const { after } = await changeCase(db, input.caseId, actor, now, (c, s) => {
    // Two officers at once: the transaction that reads the case second finds it accepted, and says by whom.
    if (s.staff && isOpen(c.status) && c.status !== 'submitted' && c.handlerName) {
      throw new AppError('NOT_ALLOWED', `这件事已由${c.handlerName}${c.handlerId === actor.memberId ? '（您本人）' : ''}受理，不用再受理`);
    }
    mustHandle(c, s, 'accept');
    const closeDueDate = dueDate(now, deadlineOf(settings.deadlines, c.category, c.urgent).close, arrangementsOf(settings));
    return {
      set: { status: 'accepted', handlerId: actor.memberId, handlerName: actor.name, acceptedAt: now, closeDueDate, dueAt: dueInstant(closeDueDate) },
      step: { status: 'accepted', note: `处理人：${actor.name}` },
      audit: audited(actor, c, 'care.accept', { status: c.status }, `受理，${closeDueDate} 前办结`),
    };
  });
  await notify(db, [acceptedNotice(after)], now);
  return viewFor(db, after, actor, now);
};

/** The member a case may be given to, or a refusal naming why not. */
async function handlerFor(db: Db, actor: Actor, c: Pick<CaseDoc, 'private'>, memberId: string): Promise<MemberDoc> {
  const m = await tables(db).members.byId(memberId);
  const refuse = (message: string) => new AppError('VALIDATION_FAILED', message, [{ path: ['handlerId'], message }]);
  if (!m || m.unionId !== actor.unionId || m.status !== 'active') throw refuse('本工会没有这位处理人，请从名单中选择');
  if (!m.roles.some((r) => (c.private ? PRIVATE_HANDLER_ROLES : HANDLER_ROLES).includes(r))) {
    throw refuse(c.private ? '心理疏导和法律咨询只能转派给工会主席或关爱专员' : `${m.name}不是工会干部或关爱专员，不能处理关爱事项`);
  }
  return m;
}

export const assign: H<'assign'> = async (input, { db, actor, now }) => {
  const { c: seen } = mustSee(await careTables(db).cases.byId(input.caseId), actor);
  const to = await handlerFor(db, actor, seen, input.handlerId);
  const { after } = await changeCase(db, input.caseId, actor, now, (c, s) => {
    // A new case is taken first (by the chair, for a private one), then given on: the deadline to close starts there.
    if (s.staff && c.status === 'submitted') throw new AppError('NOT_ALLOWED', '请先受理这件事，再转派');
    mustHandle(c, s, 'assign');
    if (c.handlerId === to._id) throw new AppError('NOT_ALLOWED', `这件事已经由${to.name}处理`);
    return {
      set: { handlerId: to._id, handlerName: to.name, ...(c.status === 'accepted' ? { status: 'in_progress' as const } : {}) },
      ...(c.status === 'accepted' ? { step: { status: 'in_progress' as const, note: `转派给${to.name}` } } : {}),
      message: { from: 'system', author: null, internal: true, text: `${actor.name}转派给${to.name}：${input.reason}`, attachments: [] },
      audit: audited(actor, c, 'care.assign', { handler: c.handlerName }, `转派给${to.name}：${input.reason}`),
    };
  });
  await notify(db, [assignedNotice(after, to._id, input.reason)], now);
  return viewFor(db, after, actor, now);
};

export const reply: H<'reply'> = async (input, { db, actor, now }) => {
  const { c: seen, standing } = mustSee(await careTables(db).cases.byId(input.caseId), actor);
  mustHandle(seen, standing, 'reply');
  const attachments = await acceptAttachments(actor.openid, actor.unionId, seen._id, input.attachments, 'attachments');
  const { after } = await changeCase(db, input.caseId, actor, now, (c, s) => {
    mustHandle(c, s, 'reply');
    return {
      set: { status: 'replied' },
      ...(c.status !== 'replied' ? { step: { status: 'replied' as const, note: '' } } : {}),
      message: { from: 'handler', author: actorRef(actor), internal: false, text: input.text, attachments },
      audit: audited(actor, c, 'care.reply', { status: c.status }, '答复会员'),
    };
  });
  await notify(db, [repliedNotice(after)], now);
  return viewFor(db, after, actor, now);
};

export const note: H<'note'> = async (input, { db, actor, now }) => {
  const { after } = await changeCase(db, input.caseId, actor, now, (c, s) => {
    mustHandle(c, s, 'note');
    return {
      set: c.status === 'accepted' ? { status: 'in_progress' } : {},
      ...(c.status === 'accepted' ? { step: { status: 'in_progress' as const, note: '' } } : {}),
      message: { from: 'handler', author: actorRef(actor), internal: true, text: input.text, attachments: [] },
      // Its text stays in the case (officers and auditors read the log): the record says a note was written.
      audit: audited(actor, c, 'care.note', null, '内部备注'),
    };
  });
  return viewFor(db, after, actor, now);
};

export const sendBack: H<'sendBack'> = async (input, { db, actor, now }) => {
  const { after } = await changeCase(db, input.caseId, actor, now, (c, s) => {
    mustHandle(c, s, 'sendBack');
    return {
      set: { status: 'returned', open: false, dueAt: null, closedAt: now },
      step: { status: 'returned', note: input.reason },
      audit: audited(actor, c, 'care.sendBack', { status: c.status }, `退回：${input.reason}`),
    };
  });
  await notify(db, [returnedNotice(after, input.reason)], now);
  return viewFor(db, after, actor, now);
};

export const close: H<'close'> = async (input, { db, actor, now }) => {
  const { after } = await changeCase(db, input.caseId, actor, now, (c, s) => {
    mustHandle(c, s, 'close');
    return {
      set: { status: 'closed', open: false, dueAt: null, closedAt: now, summary: input.summary },
      step: { status: 'closed', note: '' },
      audit: audited(actor, c, 'care.close', { status: c.status }, c.private ? '办结' : `办结：${input.summary}`),
    };
  });
  await notify(db, [closedNotice(after)], now);
  return viewFor(db, after, actor, now);
};

export const reveal: H<'reveal'> = async (input, { db, actor, now }) => {
  const { c, standing } = mustSee(await careTables(db).cases.byId(input.caseId), actor);
  if (!standing.chair) throw new AppError('FORBIDDEN', '只有工会主席可以查看匿名意见的提交人');
  if (!c.anonymous) throw new AppError('NOT_ALLOWED', '这件事不是匿名提交的');
  const sender = await tables(db).members.byId(c.requesterId);
  // On record before the name leaves: a reveal whose audit failed reveals nothing. The record names the reason,
  // never the sender (officers and auditors read the log).
  await audit(db, { unionId: c.unionId, at: now, actor: actorRef(actor), action: 'care.reveal', target: auditTarget(c), from: null, to: { summary: `查看${CATEGORY_LABELS[c.category]}的匿名提交人。原因：${input.reason}` } });
  return { name: c.requesterName, department: sender?.department ?? '' };
};
