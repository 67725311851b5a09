/**
 * The shapes of the stored documents every function reads: the unions, the roster and the WeChat accounts (the
 * runtime reads the caller's on every call), guess counters and the audit log. Each area's own documents are in
 * its store.ts. Dates are Date (UTC instants); money is integer fen; business days are
 * `YYYY-MM-DD` Shanghai date keys. Every document but `accounts`, `attempts` and `setup_codes` carries its
 * union, and every query of a handler filters by the caller's union.
 */
import type { Role } from '../../src/core/domain/roles';
import type { MemberFields } from '../../src/core/domain/roster';

export interface UnionDoc {
  _id: string;
  name: string;
  shortName: string;
  kind: 'union' | 'committee';
  /** The upper-level committee (工委) a grassroots union belongs to, if any. */
  committeeId: string | null;
  createdAt: Date;
}

export interface MemberDoc extends MemberFields {
  /** `${unionId}:${employeeNo}`: a re-import of the same 工号 updates, never duplicates. */
  _id: string;
  unionId: string;
  /** Granted roles besides the implicit `member`. */
  roles: Role[];
  /**
   * The month and day of `birthDate` ('03-12'), indexed with the union: the birthday job reads the members whose
   * birthday falls in its window, never the roster. Written with `birthDate` on every member write (withBirthMonthDay);
   * absent only on members written before it existed, until the job's backfill sets it.
   */
  birthMonthDay?: string;
  /** The bound WeChat identity, or null. Set only by a conditional update from null. */
  openid: string | null;
  boundAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AccountDoc {
  /** The OPENID: one account per WeChat identity. */
  _id: string;
  kind: 'member' | 'clerk';
  unionId: string;
  memberId: string | null;
  /** Roles of accounts that are not members (clerks); a member's roles live on the member record. */
  roles: Role[];
  name: string;
  /** The designated cake shop a clerk works for. */
  shopName: string | null;
  createdAt: Date;
}

/** Guesses counted under one key (see db/attempts.ts): an identity, a roster member, an event. */
export interface AttemptDoc {
  /** `bind:<OPENID>`, `bind-member:<memberId>`, `checkin:<eventId>:<OPENID>`, `checkin-event:<eventId>` … */
  _id: string;
  count: number;
  /** Locks so far (an escalating lock doubles with each). */
  locks: number;
  lastAt: Date;
  lockedUntil: Date | null;
  /** Bumped by every write that is not an increment, for conditional updates. */
  version: number;
}

export interface ActorRef {
  openid: string;
  memberId: string | null;
  name: string;
}

export interface AuditDoc {
  _id?: string;
  unionId: string;
  at: Date;
  actor: ActorRef;
  action: string;
  target: { kind: string; id: string; label: string };
  from: unknown;
  to: unknown;
}

