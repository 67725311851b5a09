/** Unions and committees (工委): the list of unions, a union's committee, and a committee's unions. */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { MembersContract } from '../../src/core/contracts/members';
import { AppError } from '../../src/core/errors';
import { tables } from '../db/tables';
import { actorRef, audit } from '../db/audit';
import { unionView } from './views';

export const unions: Handler<MembersContract, 'unions'> = async (_input, { db }) => {
  const list = await tables(db).unions.find({}, { limit: 1000 });
  return { items: list.map(unionView).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) };
};

export const unionSetCommittee: Handler<MembersContract, 'unionSetCommittee', ActorContext> = async (input, { db, actor, now }) => {
  const t = tables(db);
  const union = await t.unions.byId(actor.unionId);
  if (!union) throw new Error(`actor's union ${actor.unionId} is missing`);
  if (union.kind === 'committee') throw new AppError('VALIDATION_FAILED', '工委本身不能再隶属于其他工委');
  const committee = input.committeeId ? await t.unions.byId(input.committeeId) : null;
  if (input.committeeId && committee?.kind !== 'committee') throw new AppError('NOT_FOUND', '没有找到这个工委');
  await t.unions.update(union._id, { committeeId: committee?._id ?? null });
  await audit(db, {
    unionId: union._id,
    at: now,
    actor: actorRef(actor),
    action: 'union.committee',
    target: { kind: 'union', id: union._id, label: union.name },
    from: { committeeId: union.committeeId },
    to: { committeeId: committee?._id ?? null, summary: committee ? `隶属：${committee.name}` : '不再隶属任何工委' },
  });
  return { union: unionView({ ...union, committeeId: committee?._id ?? null }), committee: committee ? unionView(committee) : null };
};

export const committeeUnions: Handler<MembersContract, 'committeeUnions', ActorContext> = async (_input, { db, actor }) => {
  const list = await tables(db).unions.find({ committeeId: actor.unionId }, { limit: 1000 });
  return { items: list.map(unionView).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) };
};
