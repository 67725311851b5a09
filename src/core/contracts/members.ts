import { z } from '../zod';
import { defineContract } from './contract';

/** The `members` cloud function: who is calling and, once the roster exists, which member they are. */
export const membersContract = defineContract('members', {
  whoami: {
    summary: "The caller's WeChat identity and their bound member record.",
    input: z.object({}).strict().default({}),
    output: z.object({
      openid: z.string().min(1),
      // The roster (and real-name binding) lands in the next issue; until then nobody is bound.
      member: z.null(),
    }),
  },
});

export type MembersContract = typeof membersContract;
