/** Check-in at the door: the officer enters or scans a member's code. */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { EventsContract } from '../../src/core/contracts/events';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError } from '../../src/core/errors';
import { parseCheckinText } from '../../src/core/domain/events';
import { checkIn, eventOf } from './seats';
import { rosterEntryView } from './views';
import { eventsTables } from './store';

type H<K extends ActionName<EventsContract>> = Handler<EventsContract, K, ActorContext>;

/** The code as typed, or as scanned from a member's QR code (see parseCheckinText). */
function parseCode(raw: string, eventId: string): string {
  const read = parseCheckinText(raw);
  if (read.kind === 'event') throw new AppError('NOT_ALLOWED', '这是活动的现场签到码，请扫描会员在「我的活动」中出示的二维码', [{ path: ['code'], message: '不是会员的签到码' }]);
  if (read.kind === 'member' && read.eventId !== eventId) throw new AppError('NOT_ALLOWED', '这是另一个活动的签到码', [{ path: ['code'], message: '不是本活动的签到码' }]);
  return read.code;
}

export const checkin: H<'checkin'> = async (input, { db, actor, now }) => {
  const e = await eventOf(db, input.eventId, actor.unionId);
  const code = parseCode(input.code, e._id);
  const [found] = await eventsTables(db).signups.find({ eventId: e._id, checkinCode: code }, { limit: 1 });
  if (!found) throw new AppError('NOT_FOUND', '签到码不正确，请核对后重试', [{ path: ['code'], message: '没有这个签到码' }]);
  const { event, signup } = await checkIn(db, { eventId: e._id, unionId: actor.unionId, signupId: found._id, by: actor.openid, now });
  return { entry: rosterEntryView(event, signup, null) };
};

