/** Every cloud function the client may call, by name: the one registry of contracts. */
import { membersContract } from './members';

export const contracts = {
  members: membersContract,
} as const;

export type FunctionName = keyof typeof contracts;
export type { Contract, ActionName, ActionInput, ActionOutput, ParsedInput, Reply } from './contract';
