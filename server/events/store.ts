/** The events area's documents, collections and ids: events and their sign-ups. */
import type { Answers, Audience, EventKind, ExtraField } from '../../src/core/domain/events';
import type { ActorRef } from '../db/types';
import type { CollectionSpec } from '../db/collections';
import type { Db } from '../db';
import { table } from '../db/table';

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
   * The counters below count the places taken: a sign-up takes its place with one conditional update of this
   * document and then writes its record; every other change happens in a transaction on this document together
   * with the sign-ups it moves. So no two sign-ups can take the last seat, and the counters equal the sign-ups
   * except for the moment between a place and its record (see seats.ts).
   */
  seatsTaken: number;
  confirmedCount: number;
  waitlistCount: number;
  checkedInCount: number;
  /** The order in which sign-ups were accepted: each takes the next number. */
  nextSeq: number;
  /** When a sign-up last took a place (see seats.ts: claims and their records). */
  lastClaimAt?: Date | null;
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

declare module '../db/collections' {
  /** This area's collection names, so that `table()` and transactions refuse a misspelt one. */
  interface CollectionNames {
    events: true; event_signups: true;
  }
}

export const EVENTS_COLLECTIONS: Record<'events' | 'event_signups', CollectionSpec> = {
  events: {
    purpose: '文体活动：时间地点、名额、报名与取消截止、参加范围、报名问题；已占名额与候补人数（报名以条件更新占位后写报名记录，取消、递补在事务内更新）',
    indexes: [
      { name: 'union_startsAt', keys: { unionId: 1, startsAt: -1 } },
      { name: 'status_startsAt', keys: { status: 1, startsAt: 1 } },
      { name: 'lastClaimAt', keys: { lastClaimAt: 1 } },
    ],
  },
  event_signups: {
    purpose: '活动报名：_id = 活动ID:会员ID；已确认/候补/已取消、报名顺序、签到码、签到时间',
    indexes: [
      { name: 'event_status_seq', keys: { eventId: 1, status: 1, seq: 1 } },
      { name: 'event_code', keys: { eventId: 1, checkinCode: 1 } },
      { name: 'member_event', keys: { memberId: 1, eventId: 1 } },
    ],
  },
};

export function eventsTables(db: Db) {
  return {
    events: table<EventDoc>(db, 'events'),
    signups: table<SignupDoc>(db, 'event_signups'),
  };
}

export const signupId = (eventId: string, memberId: string) => `${eventId}:${memberId}`;
