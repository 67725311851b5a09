/**
 * The audit log: every change to a role, a policy, a budget, a member or a binding, with who, when, from and
 * to. Append-only; officers and auditors read it (members.auditList).
 */
import { isDuplicateKeyError, type Db } from './index';
import type { ActorRef, AuditDoc } from './types';

export function actorRef(actor: ActorRef): ActorRef {
  return { openid: actor.openid, memberId: actor.memberId, name: actor.name };
}

/**
 * The audit of an act that a retry answers as "repeated" (an event published by its request key): written under a
 * deterministic id, and written again by the retry, so a failure between the act and its audit is mended by the
 * retry instead of leaving the act unaudited. A second write of the same id changes nothing.
 */
export async function auditOnce(db: Db, id: string, entry: Omit<AuditDoc, '_id'>): Promise<void> {
  try {
    await (db.collection('audit_log') as unknown as { add(o: { data: unknown }): Promise<unknown> }).add({ data: { _id: id, ...entry } });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

export async function audit(db: Db, entry: Omit<AuditDoc, '_id'>): Promise<void> {
  await (db.collection('audit_log') as unknown as { add(o: { data: unknown }): Promise<unknown> }).add({ data: entry });
}

/** What a change records besides its union and time, for an audit written inside the change's transaction. */
export type AuditBody = Omit<AuditDoc, '_id' | 'unionId' | 'at'>;
