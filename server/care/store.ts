/**
 * The care area's documents, collections and indexes, and its id builders: cases (a request for help, a
 * suggestion or a 即时关爱 report), the lines of a case's conversation, and each union's care settings.
 */
import { createHash } from 'node:crypto';
import type { CareCategory, CaseStatus, ContactWay, Rating } from '../../src/core/domain/care';
import type { Form, Item } from '../../src/core/policy/items';
import type { DateKey } from '../../src/core/time';
import type { ActorRef } from '../db/types';
import type { CollectionSpec } from '../db/collections';
import type { Db } from '../db';
import { table } from '../db/table';

/** A file of a case or of a message: copied into the case's own folder (see attachments.ts). */
export interface CareFile {
  fileID: string;
  /** The name the member's phone gave it, for the page and the download. */
  name: string;
  isImage: boolean;
}

/** A step of the timeline (已提交 → 已受理 …), with the reason where there is one; who took it stays in the audit log. */
export interface CaseStep {
  status: CaseStatus;
  at: Date;
  note: string;
}

/** A rating, kept for each answer rated (不满意 reopens once, so a case may carry two). */
export interface CaseRating {
  rating: Rating;
  comment: string;
  at: Date;
}

/**
 * A 即时关爱 visit (看望) recorded on its case (visits.ts): the day, who went, what was brought, photos, and the 慰问
 * paid through the ledger with it (the entry itself, with its rule, is the ledger's).
 */
export interface CareVisit {
  /** A digest of the form's request key: the same form sent twice is one visit (and one ledger entry). */
  id: string;
  visitedOn: DateKey;
  visitors: string;
  brought: string;
  photos: CareFile[];
  payment: { entryId: string; item: Item; amountFen: number; form: Form; illnessKey: string | null } | null;
  by: ActorRef;
  at: Date;
}

export interface CaseDoc {
  /** careCaseId(union, member, requestKey): a double tap on 提交 makes one case. */
  _id: string;
  unionId: string;
  kind: 'help' | 'instant';
  category: CareCategory;
  title: string;
  body: string;
  contact: ContactWay;
  urgent: boolean;
  /**
   * An anonymous suggestion keeps its sender in `requesterId`/`requesterName` (abuse can be traced by the chair's
   * audited reveal), and every view and notice for staff shows ANONYMOUS_NAME instead.
   */
  anonymous: boolean;
  /** 心理疏导 and 法律咨询: only the assigned handler and the chair see the case (stored for the queue's filter). */
  private: boolean;
  status: CaseStatus;
  /** Whether the case is still to be handled (not closed, withdrawn or returned): the queues and the daily job read this. */
  open: boolean;
  /** Who asked, or who reported (即时关爱). */
  requesterId: string;
  requesterName: string;
  /** 即时关爱: the member the report is about (the requester when they reported about themself). */
  subjectId: string | null;
  subjectName: string | null;
  /** The members who see the case as theirs ("my requests"): the requester and the member a report is about. */
  involved: string[];
  eventDate: DateKey | null;
  place: string;
  handlerId: string | null;
  handlerName: string | null;
  /** Shanghai date keys, counted in working days (domain/workdays); `closeDueDate` is set on 受理. */
  acceptDueDate: DateKey;
  closeDueDate: DateKey | null;
  /**
   * The instant the next deadline passes while the case is open (accepting, then closing; dueInstant of the date
   * key), null once it has ended: "overdue" and "due soon" and the daily job query this through an index instead
   * of reading every case.
   */
  dueAt: Date | null;
  attachments: CareFile[];
  steps: CaseStep[];
  /** The latest answer's rating (null until rated, and again after 不满意 reopened it); every rating in `ratings`. */
  rating: Rating | null;
  ratingComment: string;
  ratings: CaseRating[];
  summary: string;
  /** 即时关爱: the visits recorded (absent on a case never visited). */
  visits?: CareVisit[];
  reopened: boolean;
  /** Before the chair (督办): rated 不满意 (and, from the daily job, overdue). */
  supervised: boolean;
  supervisedAt: Date | null;
  /**
   * The deadline the daily job last put before the chair as overdue (reminders.ts: `accept:2026-10-08`), set in the
   * same transaction as `supervised` and its audit record: a second run, or one at the same time, does it once.
   * Absent on a case never overdue.
   */
  overdueFor?: string | null;
  /** Messages so far: the next message's number. */
  messageCount: number;
  /** Bumped by every change (lifecycle.ts): the change's audit record is `${_id}:v${version}`. */
  version: number;
  acceptedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A line of a case's conversation: the member's, a handler's (a reply, or an internal note) or the system's. */
export interface CareMessageDoc {
  /** `${caseId}:${number}` (the case's messageCount when it was written, in the same transaction). */
  _id: string;
  caseId: string;
  unionId: string;
  at: Date;
  from: 'member' | 'handler' | 'system';
  /** The real author (for an anonymous sender too: views mask it). Null for a system line. */
  author: ActorRef | null;
  /** Internal notes and internal system lines (转派 and its reason) reach handlers only. */
  internal: boolean;
  text: string;
  attachments: CareFile[];
}

/** A union's care settings: deadlines per category and the 放假安排 of years the calendar library does not know. */
export interface CareSettingsDoc {
  /** The union's id: one per union. */
  _id: string;
  unionId: string;
  deadlines: Partial<Record<CareCategory, { accept: number; close: number }>>;
  /** By year ("2027"); the transaction replaces the whole map (see settings.ts). */
  arrangements: Record<string, { off: DateKey[]; on: DateKey[] }>;
  updatedAt: Date;
  updatedBy: ActorRef | null;
}

declare module '../db/collections' {
  /** This area's collection names, so that `table()` and transactions refuse a misspelt one. */
  interface CollectionNames {
    care_cases: true;
    care_messages: true;
    care_settings: true;
  }
}

export const CARE_COLLECTIONS: Record<'care_cases' | 'care_messages' | 'care_settings', CollectionSpec> = {
  care_cases: {
    purpose: '会员关爱：求助、意见建议与即时关爱上报；_id = 工会ID:（会员与提交键的摘要），状态、处理人、受理与办结期限（工作日）、附件、时间线、评价',
    indexes: [
      // The queue: new / all, by status, newest activity first; by category.
      { name: 'union_status_updated', keys: { unionId: 1, status: 1, updatedAt: -1 } },
      { name: 'union_category_updated', keys: { unionId: 1, category: 1, updatedAt: -1 } },
      // Mine, due soon, overdue: open cases by their next deadline, per handler and per union.
      { name: 'union_handler_open_due', keys: { unionId: 1, handlerId: 1, open: 1, dueAt: 1 } },
      { name: 'union_open_due', keys: { unionId: 1, open: 1, dueAt: 1 } },
      { name: 'union_supervised_updated', keys: { unionId: 1, supervised: 1, updatedAt: -1 } },
      // My requests: the requester and the member a report is about (an array field, indexed per element).
      { name: 'involved_created', keys: { involved: 1, createdAt: -1 } },
      // Statistics and the Excel (stats.ts): a union's cases received in a period, paged in the order received.
      { name: 'union_created', keys: { unionId: 1, createdAt: 1 } },
      // The daily job (reminders.ts): open cases whose deadline comes or just passed, across unions, without reading every case.
      { name: 'open_due', keys: { open: 1, dueAt: 1 } },
    ],
  },
  care_messages: {
    purpose: '会员关爱：事项的对话（会员、处理人、系统）与内部备注；_id = 事项ID:序号',
    indexes: [{ name: 'case_at', keys: { caseId: 1, at: 1 } }],
  },
  care_settings: {
    purpose: '会员关爱设置：_id = 工会ID；各类别的受理、办结期限（工作日），日历库尚未收录年份的放假安排',
    indexes: [],
  },
};

/**
 * A case's id: the union and a digest of the member and the form's request key, so the same form sent twice is
 * one case. Digested rather than spelt out because the id travels in links and lists, and must not name the
 * sender of an anonymous suggestion (a member id carries the 工号).
 */
export function careCaseId(unionId: string, memberId: string, requestKey: string): string {
  return `${unionId}:${createHash('sha256').update(`${memberId}\n${requestKey}`).digest('hex').slice(0, 24)}`;
}

export const careMessageId = (caseId: string, n: number) => `${caseId}:${String(n).padStart(4, '0')}`;

export function careTables(db: Db) {
  return {
    cases: table<CaseDoc>(db, 'care_cases'),
    messages: table<CareMessageDoc>(db, 'care_messages'),
    settings: table<CareSettingsDoc>(db, 'care_settings'),
  };
}
