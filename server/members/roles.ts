/**
 * Roles: granted and revoked by an officer or the chair (the chair's role only by a chair), effective on the
 * holder's next call because every call reads roles from the member record.
 */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { MembersContract } from '../../src/core/contracts/members';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError } from '../../src/core/errors';
import { ROLE_LABELS, canGrant, type Role } from '../../src/core/domain/roles';
import { tables } from '../db/tables';
import { actorRef } from '../db/audit';
import type { MemberDoc } from '../db/types';
import { changeMember } from './leadership';

type H<K extends ActionName<MembersContract>> = Handler<MembersContract, K, ActorContext>;

const rolesOut = (m: MemberDoc, roles: Role[]) => ({ memberId: m._id, roles: ['member' as const, ...roles.filter((r) => r !== 'member')] });

export const rolesList: H<'rolesList'> = async (_input, { db, actor }) => {
  const _ = db.command;
  const holders = await tables(db).members.findAll({ unionId: actor.unionId, roles: _.exists(true).and(_.neq([])) }, ['employeeNo', 'asc']);
  const clerks = await tables(db).accounts.findAll({ unionId: actor.unionId, kind: 'clerk' }, ['createdAt', 'asc']);
  return {
    members: holders
      .filter((m) => m.roles.length > 0)
      .map((m) => ({ memberId: m._id, name: m.name, employeeNo: m.employeeNo, department: m.department, roles: rolesOut(m, m.roles).roles })),
    clerks: clerks.map((c) => ({ name: c.name, shopName: c.shopName ?? '', since: c.createdAt })),
  };
};

const labelOf = (m: MemberDoc) => `${m.name}（${m.employeeNo}）`;

export const rolesGrant: H<'rolesGrant'> = async (input, { db, actor, now }) => {
  if (!canGrant(actor.roles, input.role)) throw new AppError('FORBIDDEN', `只有工会主席可以任命${ROLE_LABELS[input.role]}`);
  if (input.role === 'committee') {
    const union = await tables(db).unions.byId(actor.unionId);
    if (union?.kind !== 'committee') throw new AppError('VALIDATION_FAILED', '工委干部只能在工委中任命');
  }
  const m = await changeMember(db, actor.unionId, input.memberId, now, (m) => {
    if (m.status !== 'active') throw new AppError('VALIDATION_FAILED', '只能任命在职会员');
    if (m.roles.includes(input.role)) return null;
    const roles = [...m.roles, input.role];
    return { set: { roles }, audit: { actor: actorRef(actor), action: 'role.grant', target: { kind: 'member', id: m._id, label: labelOf(m) }, from: { roles: m.roles }, to: { roles } } };
  });
  return rolesOut(m, m.roles);
};

export const rolesRevoke: H<'rolesRevoke'> = async (input, { db, actor, now }) => {
  if (!canGrant(actor.roles, input.role)) throw new AppError('FORBIDDEN', `只有工会主席可以免去${ROLE_LABELS[input.role]}`);
  const m = await changeMember(db, actor.unionId, input.memberId, now, (m) => {
    if (!m.roles.includes(input.role)) return null;
    const roles = m.roles.filter((r) => r !== input.role);
    return { set: { roles }, audit: { actor: actorRef(actor), action: 'role.revoke', target: { kind: 'member', id: m._id, label: labelOf(m) }, from: { roles: m.roles }, to: { roles } } };
  });
  return rolesOut(m, m.roles);
};
