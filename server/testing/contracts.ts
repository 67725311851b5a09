/**
 * The contract registry's types for function tests, as src/services/cloud.ts has them for the client (which the
 * server may not import): an action's input, its output, and the reply a test receives.
 */
import type { contracts, ActionInput, ActionName, ActionOutput, FunctionName } from '../../src/core/contracts';
import type { ErrorBody } from '../../src/core/errors';

export type { FunctionName };
type ContractOf<F extends FunctionName> = (typeof contracts)[F];
export type ActionOf<F extends FunctionName> = ActionName<ContractOf<F>>;
export type CallInput<F extends FunctionName, A extends ActionOf<F>> = ActionInput<ContractOf<F>, A>;
export type CallOutput<F extends FunctionName, A extends ActionOf<F>> = ActionOutput<ContractOf<F>, A>;
/** The payload may be left out exactly when the action's schema accepts a missing payload (e.g. `whoami`). */
export type PayloadArgs<F extends FunctionName, A extends ActionOf<F>> =
  undefined extends CallInput<F, A> ? [payload?: CallInput<F, A>] : [payload: CallInput<F, A>];

/**
 * A reply as a test sees it: the contract's envelope, with the other branch's field present as `undefined` so an
 * assertion may read `r.error?.code` or `r.data?.x` without narrowing first.
 */
export type TestReply<T> = { ok: true; data: T; error?: undefined } | { ok: false; data?: undefined; error: ErrorBody };
