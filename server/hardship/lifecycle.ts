/**
 * Who the caller is to an application, and one change to it in a transaction on its document: the state as the
 * transaction reads it decides (two reviewers approving at once cannot both win, and the one who proposed cannot
 * approve by racing the other), and the application and its audit record are written together.
 */
import { AID_KIND_LABELS, conflictOf, type ApplicationStatus } from '../../src/core/domain/hardship';
import { can, PERMISSIONS } from '../../src/core/domain/roles';
import { AppError } from '../../src/core/errors';
import type { Db } from '../db';
import { tables } from '../db/tables';
import { actorRef, type AuditBody } from '../db/audit';
import { inTransaction, type Tx } from '../db/transaction';
import type { AuditDoc } from '../db/types';
import type { Actor } from '../runtime/actor';
import type { ApplicationDoc } from './store';

export interface Standing {
  /** The member who applied. */
  applicant: boolean;
  /** A reviewer of the union (帮扶审核 or the chair) who may open it: not the applicant, not of the household. */
  reviewer: boolean;
  /** Why a reviewer of the union must step aside from this one, or null. */
  conflict: string | null;
}

export function standingOf(a: ApplicationDoc, actor: Actor): Standing {
  const sameUnion = a.unionId === actor.unionId && actor.memberId !== null;
  const applicant = sameUnion && actor.memberId === a.applicantId;
  const mayReview = sameUnion && can(actor.roles, 'hardship.review') && a.status !== 'draft';
  const conflict = mayReview ? conflictOf({ memberId: actor.memberId as string, name: actor.name }, { applicantId: a.applicantId, household: a.facts.household }) : null;
  return { applicant, reviewer: mayReview && conflict === null, conflict };
}

const NOT_FOUND = '没有找到这份申请';

/** The application for its applicant's own action; anyone else is told it does not exist. */
export function mustOwn(a: ApplicationDoc | null, actor: Actor): ApplicationDoc {
  if (!a || !standingOf(a, actor).applicant) throw new AppError('NOT_FOUND', NOT_FOUND);
  return a;
}

/**
 * The application for a reviewer: NOT_FOUND to anyone who may not review it (another union, a draft), FORBIDDEN with
 * the reason to a reviewer who must step aside (the applicant, a member of the household).
 */
export function mustReview(a: ApplicationDoc | null, actor: Actor): ApplicationDoc {
  if (!a) throw new AppError('NOT_FOUND', NOT_FOUND);
  const s = standingOf(a, actor);
  if (s.conflict) throw new AppError('FORBIDDEN', s.conflict);
  if (!s.reviewer) throw new AppError('NOT_FOUND', NOT_FOUND);
  return a;
}

/** The application as it is, for the daily job (no caller to check): NOT_FOUND only if it is gone. */
export function existing(a: ApplicationDoc | null): ApplicationDoc {
  if (!a) throw new AppError('NOT_FOUND', NOT_FOUND);
  return a;
}

export interface ApplicationChange {
  set: Partial<Omit<ApplicationDoc, '_id' | 'unionId' | 'applicantId' | 'steps' | 'version'>>;
  /** A step of the member's timeline (a new status, with the reason the member reads). */
  step?: { status: ApplicationStatus; note: string };
  /** Every change is on record; none means nothing changed (the same form sent again), and nothing is written. */
  audit: AuditBody | null;
}

/** Whether the caller may act on the application at all (`(a) => mustOwn(a, actor)`, mustReview): it, or a refusal. */
export type Seeing = (a: ApplicationDoc | null) => ApplicationDoc;

/**
 * Apply `plan` to the application as the transaction reads it; `see` decides whether the caller may act on it at
 * all, `plan` refuses what the state does not allow by throwing.
 */
export async function changeApplication(db: Db, id: string, now: Date, see: Seeing, plan: (a: ApplicationDoc) => ApplicationChange): Promise<ApplicationDoc> {
  return inTransaction(db, (tx) => changeApplicationIn(tx, id, now, see, plan));
}

/** The same change inside a transaction someone else runs (the payout after the 公示: the ledger's). */
export async function changeApplicationIn(tx: Tx, id: string, now: Date, see: Seeing, plan: (a: ApplicationDoc) => ApplicationChange): Promise<ApplicationDoc> {
  const a = see(await tx.get<ApplicationDoc>('hardship_applications', id));
  const change = plan(a);
  if (!change.audit) return a;
  const version = (a.version ?? 0) + 1;
  const set: Partial<ApplicationDoc> = { ...change.set, version, updatedAt: now };
  if (change.step) set.steps = [...a.steps, { ...change.step, at: now }];
  await tx.update('hardship_applications', a._id, set);
  await tx.insert<AuditDoc & { _id: string }>('audit_log', { _id: `${a._id}:v${version}`, unionId: a.unionId, at: now, ...change.audit });
  return { ...a, ...set };
}

/**
 * The applicant as the audit log names them. Officers and auditors read the log, and who applied for hardship aid is
 * itself confidential: the record keeps the member's id and OPENID (for an inquiry), the list shows 申请人.
 */
export function applicantRef(actor: Actor): AuditBody['actor'] {
  return { ...actorRef(actor), name: '申请人' };
}

/**
 * How an application is named in the audit log, which officers and auditors read: its kind and a short number,
 * never the applicant's name (who applied for hardship aid is itself confidential).
 */
export function auditTarget(a: Pick<ApplicationDoc, '_id' | 'kind'>) {
  return { kind: 'hardship_application', id: a._id, label: `${AID_KIND_LABELS[a.kind]}申请 ${shortNumber(a._id)}（保密）` };
}

/** A short number for an application ("编号 3F9A2C"), for people to refer to it without a name. */
export function shortNumber(id: string): string {
  return `编号 ${id.slice(id.lastIndexOf(':') + 1, id.lastIndexOf(':') + 7).toUpperCase()}`;
}

/** The union's reviewers (the roles of hardship.review), to be told of what waits for them: an objection, files due. */
export async function reviewersOf(db: Db, unionId: string) {
  const _ = db.command;
  return tables(db).members.find({ unionId, roles: _.in([...PERMISSIONS['hardship.review']]), status: _.neq('transferred') }, { limit: 50 });
}
