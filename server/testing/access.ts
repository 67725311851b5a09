/**
 * The access matrix's shape. Each area lists, in `server/<area>/access.cases.ts`, one case per action of its
 * contract: which roles of the test world get past the door, and a payload to send (valid, so that what is
 * tested is the door). `server/access.test.ts` runs every case for every role, and fails when an action of any
 * contract has no case.
 */
import type { ActionOf, CallInput, FunctionName } from './contracts';
import { EVERYONE, type Who, type World } from './world';

/** The world the matrix runs in: the test world plus what the cases refer to (made before the matrix runs). */
export interface AccessWorld extends World {
  /** An event of union A, published and open for sign-up. */
  eventA: string;
}

export interface AccessCase<F extends FunctionName, A extends ActionOf<F>> {
  /** Who gets past the door; everyone else is refused there. */
  allowed: readonly Who[];
  payload: (x: AccessWorld, who: Who) => CallInput<F, A>;
}

/** An area's rows: one case for every action of its contract (the type checker and the completeness test both insist). */
export type AccessCases<F extends FunctionName> = { [A in ActionOf<F>]: AccessCase<F, A> };

export { EVERYONE };
/** Officers of union A (the chair is one) and union B's chair, who holds the same permissions in their own union. */
export const STAFF: readonly Who[] = ['otherOfficer', 'officer', 'chair'];
/**
 * Every member of a union (a clerk is not a member; a 关爱专员 or a 帮扶审核 is a member with one more role; a 工委
 * officer is a member of the committee's own roster).
 */
export const MEMBERS: readonly Who[] = ['member', ...STAFF, 'auditor', 'careHandler', 'reviewer', 'committee'];
