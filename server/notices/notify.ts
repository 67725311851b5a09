/**
 * Telling a member something: every notice goes to the in-app inbox (`notices`), and, where the deployment has a
 * subscribe-message template and the member consented, to WeChat as well. Subscribe messages are one-time (one
 * consent, one message): WeChat's 43101 means no consent is left, which is normal and not an error — the inbox
 * still has the notice. A notice never fails the action that caused it: the sign-up stands even if WeChat is down.
 *
 * A notice is for a member, not for a WeChat identity: the inbox is the member's (whoever binds them later reads
 * it, and an identity that was unbound reads none of it), and the subscribe message goes to the WeChat the member
 * is bound to at the moment of sending, read here — or nowhere when they are bound to none.
 */
import { randomUUID } from 'node:crypto';
import { sendSubscribeMessage } from '../runtime/cloud';
import { env, noticeTemplate, type NoticeTemplateKey } from '../runtime/env';
import { isDuplicateKeyError, type Db } from '../db';
import { tables } from '../db/tables';
import { noticesTables, type NoticeDoc } from './store';

/** A notice to send: what the inbox stores of it, plus how it is sent. */
export interface NewNotice extends Pick<NoticeDoc, 'unionId' | 'kind' | 'title' | 'body' | 'link'> {
  /** The member it is for; null for an account that is not a member, addressed by `openid`. */
  memberId: string | null;
  openid?: string;
  /**
   * The WeChat the member is bound to, when the caller has just read it: a member's notice about their own action
   * (the actor is read on every call). Spares reading the binding again.
   */
  boundTo?: string;
  /** Give an id when the notice must go out once only (a job that may run twice); otherwise a new one is made. */
  id?: string;
  /**
   * The subscribe message: the template it is written for (by area) and its fields (the template's field keys →
   * short values). Absent, or when that area's template is not configured: inbox only.
   */
  push?: { template: NoticeTemplateKey; fields: Record<string, string> };
}

/** The template id this notice is pushed on, or null (inbox only); a misconfigured environment sends inbox only. */
function templateOf(n: NewNotice): string | null {
  if (!n.push) return null;
  try {
    return noticeTemplate(n.push.template);
  } catch (error) {
    console.error(`[notify] ${String(error)}`);
    return null;
  }
}

/** WeChat caps `thing` values at 20 characters and `phrase` at 5. */
export function clip(text: string, max = 20): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

async function push(n: NewNotice, to: string | null, templateId: string): Promise<boolean> {
  if (!n.push || !to) return false;
  const data: Record<string, { value: string }> = {};
  for (const [k, v] of Object.entries(n.push.fields)) data[k] = { value: v };
  try {
    await sendSubscribeMessage({
      touser: to,
      templateId,
      page: n.link ? n.link.replace(/^\//, '') : 'pages/inbox/index',
      data,
      miniprogramState: env().MINIPROGRAM_STATE,
    });
    return true;
  } catch (error) {
    const code = (error as { errCode?: unknown }).errCode;
    // 43101: the member has no consent left for this template. Expected; the inbox has the notice.
    if (code !== 43101) console.error(`[notify] subscribe message to ${to} failed: ${String(code)} ${(error as { errMsg?: string }).errMsg ?? String(error)}`);
    return false;
  }
}

function toDoc(n: NewNotice, at: Date, pushed: boolean): NoticeDoc {
  return { _id: n.id ?? randomUUID(), unionId: n.unionId, memberId: n.memberId, openid: n.memberId ? null : (n.openid ?? null), kind: n.kind, title: n.title, body: n.body, link: n.link, at, readAt: null, pushed };
}

/** Send one notice to `to` (the WeChat to push to, or null). Returns false when a notice with the same id was already sent. */
async function sendOne(db: Db, n: NewNotice, to: string | null, at: Date): Promise<boolean> {
  const templateId = templateOf(n);
  const t = noticesTables(db).notices;
  try {
    if (n.id) {
      // Once only: the inbox record first (a duplicate id means it went out before), then WeChat.
      await t.insert(toDoc(n, at, false));
      if (templateId && (await push(n, to, templateId))) await t.update(n.id, { pushed: true });
    } else {
      // The inbox record and WeChat at the same time (one round trip of waiting, not two): the record says it was
      // pushed when a push is under way, and is corrected in the rare case WeChat refuses it.
      const trying = templateId !== null && to !== null && n.push !== undefined;
      const doc = toDoc(n, at, trying);
      const [pushed] = await Promise.all([templateId ? push(n, to, templateId) : Promise.resolve(false), t.insert(doc)]);
      if (trying && !pushed) await t.update(doc._id, { pushed: false });
    }
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    console.error(`[notify] notice ${n.kind} to ${n.memberId ?? n.openid ?? ''} failed: ${String(error)}`);
    return false;
  }
}

/** The WeChat each member of the batch is bound to now (absent: bound to none); one read for the batch. */
async function bindingsOf(db: Db, notices: NewNotice[]): Promise<Map<string, string>> {
  const ids = [...new Set(notices.filter((n) => !n.boundTo && templateOf(n) !== null).map((n) => n.memberId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const members = await tables(db).members.find({ _id: db.command.in(ids) }, { limit: ids.length });
  return new Map(members.filter((m) => m.openid).map((m) => [m._id, m.openid as string]));
}

/** Send notices, a few at a time; never throws. Returns how many went out. */
export async function notify(db: Db, notices: NewNotice[], at: Date): Promise<number> {
  let sent = 0;
  for (let i = 0; i < notices.length; i += 10) {
    const slice = notices.slice(i, i + 10);
    const bound = await bindingsOf(db, slice).catch((error: unknown) => {
      console.error(`[notify] reading the members' bindings failed: ${String(error)}`);
      return new Map<string, string>();
    });
    const batch = await Promise.all(slice.map((n) => sendOne(db, n, n.memberId ? (n.boundTo ?? bound.get(n.memberId) ?? null) : (n.openid ?? null), at)));
    sent += batch.filter(Boolean).length;
  }
  return sent;
}
