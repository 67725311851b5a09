/**
 * One change to one case, in a transaction on the case document: the state as the transaction reads it decides
 * (so two officers accepting at once cannot both win), and the case, its new conversation line and the audit
 * record are written together — a retry after a timeout can never leave a change without its record.
 */
import { CATEGORY_LABELS, type CaseStatus } from '../../src/core/domain/care';
import type { Db } from '../db';
import { inTransaction, type Tx } from '../db/transaction';
import type { AuditBody } from '../db/audit';
import type { AuditDoc } from '../db/types';
import type { Actor } from '../runtime/actor';
import { mustSee, type Standing } from './views';
import { careMessageId, type CareMessageDoc, type CaseDoc } from './store';

export interface CaseChange {
  set: Partial<Omit<CaseDoc, '_id' | 'unionId' | 'steps' | 'messageCount' | 'version'>>;
  /** A step of the member's timeline (a new status, with its reason). */
  step?: { status: CaseStatus; note: string };
  message?: Pick<CareMessageDoc, 'from' | 'author' | 'internal' | 'text' | 'attachments'>;
  audit?: AuditBody;
}

export interface CaseChanged {
  before: CaseDoc;
  after: CaseDoc;
  message: CareMessageDoc | null;
}

/**
 * Apply `plan` to the case as the transaction reads it. The caller must be able to see the case (NOT_FOUND
 * otherwise, as for a case that does not exist); `plan` refuses what the state or the caller's standing does not
 * allow by throwing.
 */
export async function changeCase(db: Db, caseId: string, actor: Actor, now: Date, plan: (c: CaseDoc, standing: Standing) => CaseChange): Promise<CaseChanged> {
  return inTransaction(db, (tx) => changeCaseIn(tx, caseId, actor, now, plan));
}

/**
 * The same change inside a transaction someone else runs, for a change that must commit with other documents or
 * not at all (a visit's 慰问: the ledger entry, the budget line and the member's year, see visits.ts). The one way a
 * case changes: `changeCase` is this in a transaction of its own. The transaction may run it more than once (after
 * a conflict): the last run's answer is the one that committed.
 */
export async function changeCaseIn(tx: Tx, caseId: string, actor: Actor, now: Date, plan: (c: CaseDoc, standing: Standing) => CaseChange): Promise<CaseChanged> {
  const { c, standing } = mustSee(await tx.get<CaseDoc>('care_cases', caseId), actor);
  const change = plan(c, standing);
  const version = (c.version ?? 0) + 1;
  const set: Partial<CaseDoc> = { ...change.set, version, updatedAt: now };
  if (change.step) set.steps = [...c.steps, { ...change.step, at: now }];
  let message: CareMessageDoc | null = null;
  if (change.message) {
    message = { _id: careMessageId(c._id, c.messageCount), caseId: c._id, unionId: c.unionId, at: now, ...change.message };
    set.messageCount = c.messageCount + 1;
    await tx.insert<CareMessageDoc>('care_messages', message);
  }
  await tx.update('care_cases', c._id, set);
  if (change.audit) await tx.insert<AuditDoc & { _id: string }>('audit_log', { _id: `${c._id}:v${version}`, unionId: c.unionId, at: now, ...change.audit });
  return { before: c, after: { ...c, ...set }, message };
}

/**
 * How a case is named in the audit log, which officers and auditors read: a private case by its category only,
 * so that its title (often the matter itself) reaches no one who may not see the case.
 */
export function auditTarget(c: Pick<CaseDoc, '_id' | 'private' | 'category' | 'title'>) {
  return { kind: 'care_case', id: c._id, label: c.private ? `${CATEGORY_LABELS[c.category]}事项（保密）` : c.title };
}
