/**
 * Who runs the union, kept safe from two directions:
 * - **Another route to a role.** Binding takes a member's name, 工号 and the last four digits of the roster phone,
 *   so whoever may edit those fields or unbind a member could take over that member's roles. Changing the
 *   identity fields (name, phone, status) or the binding of someone who holds a role therefore needs the right
 *   to change each of their roles (`canGrant`): only a chair touches a chair's record.
 * - **Nobody left.** No change leaves a union without a chair or without an officer (a union without a chair
 *   could never appoint one again). The check and the write are one transaction that also bumps the union's
 *   `leadershipVersion`: two changes that each remove a holder always write that one document, so they cannot
 *   both pass on the same snapshot (one conflicts and runs again on the other's result).
 * Every change made here writes its audit record in the same transaction, under an id derived from the change.
 */
import { AppError } from '../../src/core/errors';
import { ROLE_LABELS, memberRoles, roleBeyond, type Role } from '../../src/core/domain/roles';
import type { MemberFields } from '../../src/core/domain/roster';
import type { Db } from '../db';
import { tables } from '../db/tables';
import { inTransaction } from '../db/transaction';
import type { AuditDoc, MemberDoc, UnionDoc } from '../db/types';
import type { Actor } from '../runtime/actor';
import { withBirthMonthDay } from './store';

/** The roles a union cannot be without. */
const KEY_ROLES = ['chair', 'officer'] as const satisfies readonly Role[];

/** Fields that identify a member at binding, or decide whether their roles count. */
export const IDENTITY_FIELDS = ['name', 'phone', 'status'] as const satisfies readonly (keyof MemberFields)[];

const FIELD_LABELS: Record<(typeof IDENTITY_FIELDS)[number], string> = { name: '姓名', phone: '手机号', status: '状态' };

/**
 * Why `actor` may not change `what` (e.g. "手机号") of `target`, a holder of a role the actor may not change; null
 * when they may. One wording for the roster form, the binding and the Excel import.
 */
export function touchRefusal(actor: Pick<Actor, 'roles'>, target: Pick<MemberDoc, 'roles' | 'name'>, what: string): string | null {
  const role = roleBeyond(actor.roles, target.roles);
  return role ? `${target.name}担任${ROLE_LABELS[role]}，只有${role === 'chair' ? '工会主席' : '有权任免该角色的人'}可以修改其${what}` : null;
}

/** Refuses an edit of `what` (or of the binding) of a role holder by someone who may not change their roles. */
export function assertMayTouch(actor: Pick<Actor, 'roles'>, target: Pick<MemberDoc, 'roles' | 'name'>, what: string): void {
  const refusal = touchRefusal(actor, target, what);
  if (refusal) throw new AppError('FORBIDDEN', refusal);
}

/** Labels of the identity fields that differ between `before` and `changes`, e.g. "手机号、状态". */
export function identityChanges(before: MemberFields, changes: Partial<MemberFields>): string {
  return IDENTITY_FIELDS.filter((k) => k in changes && changes[k] !== before[k])
    .map((k) => FIELD_LABELS[k])
    .join('、');
}

function holds(m: Pick<MemberDoc, 'status' | 'roles'>, role: Role): boolean {
  return memberRoles(m).includes(role);
}

export interface MemberChange {
  /** The fields to set on the member (roles as a whole array). */
  set: Partial<Omit<MemberDoc, '_id' | 'unionId'>>;
  audit: Omit<AuditDoc, '_id' | 'unionId' | 'at'>;
}

/**
 * Apply one change to one member of `unionId`, decided by `plan` on the member as the transaction reads it
 * (null: nothing to do). Refused with CONFLICT when it would leave the union without a chair or an officer.
 */
export async function changeMember(db: Db, unionId: string, memberId: string, now: Date, plan: (m: MemberDoc) => MemberChange | null): Promise<MemberDoc> {
  const _ = db.command;
  return inTransaction(db, async (tx) => {
    const m = await tx.get<MemberDoc>('members', memberId);
    // Another union's member is indistinguishable from a missing one.
    if (!m || m.unionId !== unionId) throw new AppError('NOT_FOUND', '名册中没有这位会员');
    const change = plan(m);
    if (!change) return m;
    const set = withBirthMonthDay(change.set);
    const after: MemberDoc = { ...m, ...set, updatedAt: now };
    const union = await tx.get<UnionDoc & { leadershipVersion?: number }>('unions', unionId);
    if (!union) throw new Error(`union ${unionId} is missing`);
    for (const role of KEY_ROLES) {
      if (!holds(m, role) || holds(after, role)) continue;
      // Candidates from a plain query, each confirmed on this transaction's snapshot.
      const others = await tables(db).members.find({ unionId, _id: _.neq(m._id), roles: role, status: _.neq('transferred') }, { limit: 20 });
      let remains = false;
      for (const o of others) {
        const fresh = await tx.get<MemberDoc>('members', o._id);
        if (fresh && fresh.unionId === unionId && holds(fresh, role)) {
          remains = true;
          break;
        }
      }
      if (!remains) {
        throw new AppError(
          'CONFLICT',
          role === 'chair' ? `${m.name}是本工会唯一的工会主席：请先任命新的工会主席，再办理此项` : `${m.name}是本工会最后一位工会干部：请先任命其他工会干部，再办理此项`,
        );
      }
    }
    const version = (union.leadershipVersion ?? 0) + 1;
    await tx.update('unions', unionId, { leadershipVersion: version });
    await tx.update('members', memberId, { ...set, updatedAt: now });
    await tx.insert<AuditDoc & { _id: string }>('audit_log', { _id: `${unionId}:members:${version}`, unionId, at: now, ...change.audit });
    return after;
  });
}
