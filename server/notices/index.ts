import { defineFunction, type ActorContext, type Handler } from '../runtime/defineFunction';
import { noticesContract, type NoticesContract } from '../../src/core/contracts/notices';
import type { ActionName } from '../../src/core/contracts/contract';
import type { Actor } from '../runtime/actor';
import { noticesTables, type NoticeDoc } from './store';

type H<K extends ActionName<NoticesContract>> = Handler<NoticesContract, K, ActorContext>;

const view = (n: NoticeDoc) => ({ id: n._id, kind: n.kind, title: n.title, body: n.body, link: n.link, at: n.at, read: n.readAt !== null });

/**
 * Notices are the caller's own: a member's by their member record (so the inbox follows the member across a
 * change of WeChat), any other account's by its OPENID; never by an id from the payload alone.
 */
const inboxOf = (actor: Actor) => (actor.memberId ? { unionId: actor.unionId, memberId: actor.memberId } : { openid: actor.openid, memberId: null });

const list: H<'list'> = async (input, { db, actor }) => {
  const t = noticesTables(db).notices;
  const mine = inboxOf(actor);
  const [{ items, total }, unread] = await Promise.all([t.findPage(mine, ['at', 'desc'], input.page, input.pageSize), t.count({ ...mine, readAt: null })]);
  return { items: items.map(view), total, unread, page: input.page, pageSize: input.pageSize };
};

const unread: H<'unread'> = async (_input, { db, actor }) => ({ unread: await noticesTables(db).notices.count({ ...inboxOf(actor), readAt: null }) });

const markRead: H<'markRead'> = async (input, { db, actor, now }) => {
  const _ = db.command;
  const where = 'ids' in input ? { ...inboxOf(actor), readAt: null, _id: _.in(input.ids) } : { ...inboxOf(actor), readAt: null };
  return { updated: await noticesTables(db).notices.updateWhere(where, { readAt: now }) };
};

export const main = defineFunction(noticesContract, {
  list: { access: { permission: 'notices.read' }, handler: list },
  unread: { access: { permission: 'notices.read' }, handler: unread },
  markRead: { access: { permission: 'notices.read' }, handler: markRead },
});
