import type { Handler } from '../runtime/defineFunction';
import type { MembersContract } from '../../src/core/contracts/members';

export const whoami: Handler<MembersContract, 'whoami'> = async (_input, ctx) => ({
  openid: ctx.openid,
  // Real-name binding to the roster arrives with the roster work; until then no caller is a member.
  member: null,
});
