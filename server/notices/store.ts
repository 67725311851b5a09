/** The notices area's documents and collection: the inbox. */
import type { NOTICE_KINDS } from '../../src/core/contracts/notices';
import type { CollectionSpec } from '../db/collections';
import type { Db } from '../db';
import { table } from '../db/table';

export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface NoticeDoc {
  /** Deterministic where a notice must be sent once (e.g. the reminder of one event to one member). */
  _id: string;
  unionId: string;
  /**
   * The member the notice is for: their inbox, whatever WeChat they bind now or later. Notices stored before
   * this rule also carry the OPENID of the time, which is never read for a member.
   */
  memberId: string | null;
  /** Only for an account that is not a member (a clerk): the inbox is that identity's. */
  openid: string | null;
  kind: NoticeKind;
  title: string;
  body: string;
  link: string | null;
  at: Date;
  readAt: Date | null;
  /** Whether a WeChat subscribe message went out too (false: no consent left, or no template configured). */
  pushed: boolean;
}

declare module '../db/collections' {
  /** This area's collection names, so that `table()` and transactions refuse a misspelt one. */
  interface CollectionNames {
    notices: true;
  }
}

export const NOTICES_COLLECTIONS: Record<'notices', CollectionSpec> = {
  notices: {
    purpose: '站内消息：每条通知都进收件箱（订阅消息是一次性的，不一定能送达）',
    indexes: [
      { name: 'member_at', keys: { memberId: 1, at: -1 } },
      { name: 'openid_at', keys: { openid: 1, at: -1 } },
    ],
  },
};

export function noticesTables(db: Db) {
  return { notices: table<NoticeDoc>(db, 'notices') };
}
