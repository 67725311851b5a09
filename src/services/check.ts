/**
 * The contract check the phone makes before sending anything (callFunction's first step), kept apart from the
 * transport so forms and unit tests use it without Taro.
 */
import { contracts, type ActionOf, type CallInput, type FunctionName, type Reply } from '@/core/contracts';
import type { ActionSpec } from '@/core/contracts/contract';
import { ERROR_MESSAGES, type ErrorBody, type ErrorCode, type ErrorIssue } from '@/core/errors';
import { toIssues } from '@/core/zod';

/** A refused reply with the code's Chinese sentence unless a better one is given. */
export function fail(code: ErrorCode, message?: string, issues?: ErrorIssue[]): { ok: false; error: ErrorBody } {
  const error: ErrorBody = { code, message: message ?? ERROR_MESSAGES[code] };
  if (issues && issues.length > 0) error.issues = issues;
  return { ok: false, error };
}

/**
 * Check a payload against the action's contract without sending it — the same check callFunction makes first —
 * so a form can keep a draft in its own shape (e.g. no gender chosen yet) and show every field's problem at once.
 * Valid: the payload, typed as the action's input.
 */
export function checkPayload<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, payload: unknown): Reply<CallInput<F, A>> {
  const spec = (contracts[fn].actions as Record<string, ActionSpec | undefined>)[action];
  if (!spec) return fail('UNKNOWN_ACTION');
  const parsed = spec.input.safeParse(payload);
  return parsed.success ? { ok: true, data: payload as CallInput<F, A> } : fail('VALIDATION_FAILED', undefined, toIssues(parsed.error));
}

