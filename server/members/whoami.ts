import type { Handler } from '../runtime/defineFunction';
import type { MembersContract } from '../../src/core/contracts/members';
import { tables } from '../db/tables';
import { memberSelfView, unionView } from './views';

export const whoami: Handler<MembersContract, 'whoami'> = async (_input, { openid, actor, db }) => {
  if (!actor) return { openid, account: null, member: null };
  const union = await tables(db).unions.byId(actor.unionId);
  if (!union) return { openid, account: null, member: null };
  const account = { kind: actor.kind, name: actor.name, roles: actor.roles, union: unionView(union), shopName: actor.shopName };
  return { openid, account, member: actor.member ? memberSelfView(actor.member) : null };
};
