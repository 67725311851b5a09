/** Every cloud function the client may call, by name: the one registry of contracts. */
import { membersContract } from './members';
import { ledgerContract } from './ledger';
import { eventsContract } from './events';
import { noticesContract } from './notices';
import type { ActionInput, ActionName, ActionOutput } from './contract';
import { careContract } from './care';
import { giftsContract } from './gifts';
import { hardshipContract } from './hardship';
// new-area: imports (`npm run new:area` inserts above this line)

export const contracts = {
  members: membersContract,
  ledger: ledgerContract,
  events: eventsContract,
  notices: noticesContract,
  care: careContract,
  gifts: giftsContract,
  hardship: hardshipContract,
  // new-area: contracts
} as const;

export type FunctionName = keyof typeof contracts;
export type { Contract, ActionName, ActionInput, ActionOutput, ParsedInput, Reply } from './contract';

/** A function's actions, an action's input and output, by function name (the client and the test client). */
type ContractOf<F extends FunctionName> = (typeof contracts)[F];
export type ActionOf<F extends FunctionName> = ActionName<ContractOf<F>>;
export type CallInput<F extends FunctionName, A extends ActionOf<F>> = ActionInput<ContractOf<F>, A>;
export type CallOutput<F extends FunctionName, A extends ActionOf<F>> = ActionOutput<ContractOf<F>, A>;
/** The payload may be left out exactly when the action's schema accepts a missing payload (e.g. `whoami`). */
export type PayloadArgs<F extends FunctionName, A extends ActionOf<F>> =
  undefined extends CallInput<F, A> ? [payload?: CallInput<F, A>] : [payload: CallInput<F, A>];
