import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { MembersContract } from '../../src/core/contracts/members';
import { describeAudit } from '../../src/core/domain/audit';
import { tables } from '../db/tables';

export const auditList: Handler<MembersContract, 'auditList', ActorContext> = async (input, { db, actor }) => {
  const { items: page, total } = await tables(db).audit.findPage({ unionId: actor.unionId }, ['at', 'desc'], input.page, input.pageSize);
  const items = page.map((e) => {
    const d = describeAudit(e.action, e.from, e.to);
    return { id: e._id, at: e.at, actorName: e.actor.name, action: e.action, actionLabel: d.label, targetLabel: e.target.label, summary: d.summary };
  });
  return { items, total, page: input.page, pageSize: input.pageSize };
};
