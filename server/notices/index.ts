import { defineFunction, type ActorContext, type Handler } from '../runtime/defineFunction';
import { noticesContract, type NoticesContract } from '../../src/core/contracts/notices';
import type { ActionName } from '../../src/core/contracts/contract';
import { tables } from '../db/tables';
import type { NoticeDoc } from '../db/types';

type H<K extends ActionName<NoticesContract>> = Handler<NoticesContract, K, ActorContext>;

const view = (n: NoticeDoc) => ({ id: n._id, kind: n.kind, title: n.title, body: n.body, link: n.link, at: n.at, read: n.readAt !== null });

/** Notices are the caller's own: every query is by the caller's OPENID, never by an id from the payload alone. */
const list: H<'list'> = async (input, { db, openid }) => {
  const t = tables(db).notices;
  const [{ items, total }, unread] = await Promise.all([t.findPage({ openid }, ['at', 'desc'], input.page, input.pageSize), t.count({ openid, readAt: null })]);
  return { items: items.map(view), total, unread, page: input.page, pageSize: input.pageSize };
};

const unread: H<'unread'> = async (_input, { db, openid }) => ({ unread: await tables(db).notices.count({ openid, readAt: null }) });

const markRead: H<'markRead'> = async (input, { db, openid, now }) => {
  const _ = db.command;
  const where = 'ids' in input ? { openid, readAt: null, _id: _.in(input.ids) } : { openid, readAt: null };
  return { updated: await tables(db).notices.updateWhere(where, { readAt: now }) };
};

export const main = defineFunction(noticesContract, {
  list: { access: { permission: 'notices.read' }, handler: list },
  unread: { access: { permission: 'notices.read' }, handler: unread },
  markRead: { access: { permission: 'notices.read' }, handler: markRead },
});
