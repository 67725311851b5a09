/** Every cloud function the client may call, by name: the one registry of contracts. */
import { membersContract } from './members';
import { ledgerContract } from './ledger';
import { eventsContract } from './events';
import { noticesContract } from './notices';
// new-area: imports (`npm run new:area` inserts above this line)

export const contracts = {
  members: membersContract,
  ledger: ledgerContract,
  events: eventsContract,
  notices: noticesContract,
  // new-area: contracts
} as const;

export type FunctionName = keyof typeof contracts;
export type { Contract, ActionName, ActionInput, ActionOutput, ParsedInput, Reply } from './contract';
