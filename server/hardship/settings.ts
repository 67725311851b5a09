/** A union's hardship settings: the local 低保 standard (for the members' self-check) and the 公示 days. */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { HardshipContract } from '../../src/core/contracts/hardship';
import { actorRef, audit } from '../db/audit';
import type { Db } from '../db';
import { DEFAULT_SETTINGS, hardshipTables } from './store';

export async function settingsOf(db: Db, unionId: string): Promise<{ dibaoFen: number | null; publicityDays: number }> {
  const doc = await hardshipTables(db).settings.byId(unionId);
  return doc && doc.unionId === unionId ? { dibaoFen: doc.dibaoFen, publicityDays: doc.publicityDays } : { ...DEFAULT_SETTINGS };
}

export const settingsSave: Handler<HardshipContract, 'settingsSave', ActorContext> = async (input, { db, actor, now }) => {
  const before = await settingsOf(db, actor.unionId);
  await hardshipTables(db).settings.set(actor.unionId, { unionId: actor.unionId, dibaoFen: input.dibaoFen, publicityDays: input.publicityDays, updatedAt: now, updatedBy: actorRef(actor) });
  await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'hardship.settings', target: { kind: 'hardship_settings', id: actor.unionId, label: '困难帮扶设置' }, from: before, to: { dibaoFen: input.dibaoFen, publicityDays: input.publicityDays } });
  return { dibaoFen: input.dibaoFen, publicityDays: input.publicityDays };
};
