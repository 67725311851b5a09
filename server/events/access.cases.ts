/**
 * The events function's access matrix (run by server/access.test.ts). Every member may browse and sign up
 * (another union's officer sees only their own union's events); officers and the chair run them. A clerk is not
 * a member.
 */
import { MEMBERS, STAFF, type AccessCases } from '../testing/access';
import type { CallInput } from '../testing/contracts';

const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
/** An event to publish (times relative to the real clock): open for sign-up now, starting in two days. */
export const accessEventFields = (key: string): CallInput<'events', 'publish'> => ({
  title: '门禁测试活动',
  kind: 'other',
  place: '会议室',
  startsAt: hours(48),
  endsAt: hours(50),
  capacity: 10,
  signupOpensAt: hours(-1),
  signupClosesAt: hours(24),
  cancelDeadline: hours(30),
  requestKey: key,
});

export const eventsAccess: AccessCases<'events'> = {
  list: { payload: () => ({}), allowed: MEMBERS },
  get: { payload: (x) => ({ eventId: x.eventA }), allowed: MEMBERS },
  signup: { payload: (x) => ({ eventId: x.eventA }), allowed: MEMBERS },
  mine: { payload: () => undefined, allowed: MEMBERS },
  checkinSelf: { payload: (x) => ({ eventId: x.eventA, code: '000000' }), allowed: MEMBERS },
  cancelSignup: { payload: (x) => ({ eventId: x.eventA }), allowed: MEMBERS },
  adminList: { payload: () => ({}), allowed: STAFF },
  adminGet: { payload: (x) => ({ eventId: x.eventA }), allowed: STAFF },
  roster: { payload: (x) => ({ eventId: x.eventA }), allowed: STAFF },
  checkin: { payload: (x) => ({ eventId: x.eventA, code: '001234' }), allowed: STAFF },
  export: { payload: (x) => ({ eventId: x.eventA }), allowed: STAFF },
  results: { payload: (x) => ({ eventId: x.eventA, results: '测试' }), allowed: STAFF },
  update: { payload: (x) => ({ eventId: x.eventA, changes: { description: '门禁测试' } }), allowed: STAFF },
  publish: { payload: (_x, who) => accessEventFields(`access-publish-${who}`), allowed: STAFF },
  close: { payload: (x) => ({ eventId: x.eventA }), allowed: STAFF },
  cancel: { payload: (x) => ({ eventId: x.eventA, reason: '门禁测试' }), allowed: STAFF },
};
