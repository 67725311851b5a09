/** The notices function's access matrix (run by server/access.test.ts). Notices are every account's own, clerks' included. */
import { MEMBERS, type AccessCases } from '../testing/access';

export const noticesAccess: AccessCases<'notices'> = {
  list: { payload: () => ({}), allowed: [...MEMBERS, 'clerk'] },
  unread: { payload: () => undefined, allowed: [...MEMBERS, 'clerk'] },
  markRead: { payload: () => ({ all: true }), allowed: [...MEMBERS, 'clerk'] },
};
