/**
 * The contract check the phone makes before sending anything (callFunction's first step), kept apart from the
 * transport so forms and unit tests use it without Taro.
 *
 * In the mini-program the contracts (their zod schemas, ~150 KB with zod) are not in the main package: the forms'
 * hook (hooks/useForm.ts), which only subpackage pages use, brings them along and makes them known here with
 * `knowContracts`, so they ship in the subpackages. Until a form has been opened, a payload whose contract is not
 * known is sent unchecked: the function checks it with the same contract and is the authority either way, and
 * replies VALIDATION_FAILED with the same field issues. Everywhere else (the H5 app, unit tests) every contract is
 * known from the start.
 */
import type { ActionOf, CallInput, FunctionName, Reply, contracts as Registry } from '@/core/contracts';
import type { ActionSpec, Contract } from '@/core/contracts/contract';
import { ERROR_MESSAGES, issuesOf, type ErrorBody, type ErrorCode, type ErrorIssue } from '@/core/errors';

/** A refused reply with the code's Chinese sentence unless a better one is given. */
export function fail(code: ErrorCode, message?: string, issues?: ErrorIssue[]): { ok: false; error: ErrorBody } {
  const error: ErrorBody = { code, message: message ?? ERROR_MESSAGES[code] };
  if (issues && issues.length > 0) error.issues = issues;
  return { ok: false, error };
}

const known: Partial<Record<FunctionName, Contract>> = {};

/** Make contracts known to the check (a subpackage's forms do, see the top of this file). */
export function knowContracts(contracts: Partial<typeof Registry>): void {
  Object.assign(known, contracts);
}

// Not in the mini-program: webpack folds the constant and leaves the require out of the weapp build.
if (process.env.TARO_ENV !== 'weapp') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  knowContracts((require('@/core/contracts') as { contracts: typeof Registry }).contracts);
}

/**
 * Check a payload against the action's contract without sending it — the same check callFunction makes first —
 * so a form can keep a draft in its own shape (e.g. no gender chosen yet) and show every field's problem at once.
 * Valid (or, in the mini-program before any form was opened, not known here): the payload, typed as the action's input.
 */
export function checkPayload<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, payload: unknown): Reply<CallInput<F, A>> {
  const contract = known[fn];
  if (!contract) return { ok: true, data: payload as CallInput<F, A> };
  const spec = (contract.actions as Record<string, ActionSpec | undefined>)[action];
  if (!spec) return fail('UNKNOWN_ACTION');
  const parsed = spec.input.safeParse(payload);
  return parsed.success ? { ok: true, data: payload as CallInput<F, A> } : fail('VALIDATION_FAILED', undefined, issuesOf(parsed.error));
}
