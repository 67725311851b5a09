/** Every cloud function the client may call, by name: the one registry of contracts. */
import { membersContract } from './members';
import { ledgerContract } from './ledger';
import { eventsContract } from './events';
import { noticesContract } from './notices';

export const contracts = {
  members: membersContract,
  ledger: ledgerContract,
  events: eventsContract,
  notices: noticesContract,
} as const;

export type FunctionName = keyof typeof contracts;
export type { Contract, ActionName, ActionInput, ActionOutput, ParsedInput, Reply } from './contract';
