/**
 * The shapes of stored documents. Dates are Date (UTC instants); money is integer fen; business days are
 * `YYYY-MM-DD` Shanghai date keys. Every document but `accounts`, `attempts` and `setup_codes` carries its
 * union, and every query of a handler filters by the caller's union.
 */
import type { Role } from '../../src/core/domain/roles';
import type { MemberFields } from '../../src/core/domain/roster';
import type { BudgetLine, Form, Holiday, Item } from '../../src/core/policy/items';
import type { Answers, Audience, EventKind, ExtraField } from '../../src/core/domain/events';
import type { NOTICE_KINDS } from '../../src/core/contracts/notices';
import type { PolicyProfile } from '../../src/core/policy/profile';

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

export interface InviteDoc {
  /** sha256 of the code: the code itself is shown once to the officer and never stored. */
  _id: string;
  unionId: string;
  kind: 'clerk';
  name: string;
  shopName: string | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedBy: string | null;
  usedAt: Date | null;
}

export interface PolicyDoc {
  _id: string;
  unionId: string;
  year: number;
  profile: PolicyProfile;
  updatedAt: Date;
  updatedBy: string;
}

export interface BudgetDoc {
  _id: string;
  unionId: string;
  year: number;
  line: BudgetLine;
  amountFen: number;
  /** Net spending recorded in the ledger (reversals subtract), kept in the same transaction as each entry. */
  spentFen: number;
  /** Payouts not reversed. */
  count: number;
  updatedAt: Date;
}

export interface ActorRef {
  openid: string;
  memberId: string | null;
  name: string;
}

export interface LedgerDoc {
  _id: string;
  unionId: string;
  year: number;
  line: BudgetLine;
  item: Item;
  holiday: Holiday | null;
  memberId: string | null;
  memberName: string | null;
  eventId: string | null;
  amountFen: number;
  form: Form;
  rule: { id: string; source: string };
  approvedBy: ActorRef;
  note: string;
  illnessKey: string | null;
  /** The entry this one reverses (a correction); its amount is the negated original. */
  reverses: string | null;
  at: Date;
  recordedAt: Date;
}

/** A member's entries of one year, compact: what the policy engine needs, read and written in one transaction. */
export interface MemberYearDoc {
  _id: string;
  unionId: string;
  memberId: string;
  year: number;
  facts: { id: string; item: Item; holiday: Holiday | null; amountFen: number; at: Date; illnessKey: string | null; reverses: string | null }[];
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

export interface EventDoc {
  _id: string;
  unionId: string;
  title: string;
  kind: EventKind;
  description: string;
  coverFileID: string | null;
  place: string;
  startsAt: Date;
  endsAt: Date;
  /** Seats including family members; null = unlimited. */
  capacity: number | null;
  signupOpensAt: Date;
  signupClosesAt: Date;
  cancelDeadline: Date;
  audience: Audience;
  extraFields: ExtraField[];
  workMeal: boolean;
  status: 'open' | 'closed' | 'cancelled';
  cancelReason: string | null;
  /**
   * The counters below change only inside a transaction on this document, together with the sign-up they
   * count: so they always equal the sign-ups, and no two sign-ups can take the last seat.
   */
  seatsTaken: number;
  confirmedCount: number;
  waitlistCount: number;
  checkedInCount: number;
  /** The order in which sign-ups were accepted: each takes the next number. */
  nextSeq: number;
  /** The code members scan or type to check themselves in. */
  eventCode: string;
  results: string;
  /** Bumped with every recording of prizes, so two officers' prizes are worked out one after the other. */
  prizeVersion?: number;
  remindedAt: Date | null;
  createdBy: ActorRef;
  createdAt: Date;
  updatedAt: Date;
}

export interface SignupDoc {
  /** `${eventId}:${memberId}`: one sign-up per member and event, whatever the number of taps. */
  _id: string;
  unionId: string;
  eventId: string;
  memberId: string;
  openid: string;
  name: string;
  employeeNo: string;
  department: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  seats: number;
  answers: Answers;
  /** The event's sequence number when this sign-up was accepted (the waitlist order). */
  seq: number;
  checkinCode: string;
  signedUpAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  checkedInAt: Date | null;
  checkedInBy: string | null;
  updatedAt: Date;
}

export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface NoticeDoc {
  /** Deterministic where a notice must be sent once (e.g. the reminder of one event to one member). */
  _id: string;
  unionId: string;
  /**
   * The member the notice is for: their inbox, whatever WeChat they bind now or later. Notices stored before
   * this rule also carry the OPENID of the time, which is never read for a member.
   */
  memberId: string | null;
  /** Only for an account that is not a member (a clerk): the inbox is that identity's. */
  openid: string | null;
  kind: NoticeKind;
  title: string;
  body: string;
  link: string | null;
  at: Date;
  readAt: Date | null;
  /** Whether a WeChat subscribe message went out too (false: no consent left, or no template configured). */
  pushed: boolean;
}
