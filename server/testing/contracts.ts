/** The contract registry's types for function tests (from src/core/contracts, as the client has them) and the reply a test receives. */
import type { ActionOf, CallInput, CallOutput, FunctionName, PayloadArgs } from '../../src/core/contracts';
import type { ErrorBody } from '../../src/core/errors';

export type { ActionOf, CallInput, CallOutput, FunctionName, PayloadArgs };

/**
 * A reply as a test sees it: the contract's envelope, with the other branch's field present as `undefined` so an
 * assertion may read `r.error?.code` or `r.data?.x` without narrowing first.
 */
export type TestReply<T> = { ok: true; data: T; error?: undefined } | { ok: false; data?: undefined; error: ErrorBody };
