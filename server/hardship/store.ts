/**
 * The hardship area's documents, collections and indexes, and its id builders: applications (困难帮扶, 大病关爱,
 * 金秋助学) with their course and review record, and each union's settings (the local 低保 standard, the 公示 days).
 */
import { createHash } from 'node:crypto';
import type { AidFacts, AidKind, ApplicationStatus, FileStatus, HardshipCategory, ObjectionOutcome, ReferralStatus } from '../../src/core/domain/hardship';
import { PUBLICITY_DAYS } from '../../src/core/domain/hardship';
import type { DateKey } from '../../src/core/time';
import type { ActorRef } from '../db/types';
import type { CollectionSpec } from '../db/collections';
import type { Db } from '../db';
import { table } from '../db/table';

/** A document or photo, copied into the application's own folder (see documents.ts). */
export interface HardshipFile {
  fileID: string;
  name: string;
  isImage: boolean;
  addedAt: Date;
}

export interface ApplicationStep {
  status: ApplicationStatus;
  at: Date;
  /** The reason where there is one (a request for more, a refusal, a withdrawal), as the member reads it. */
  note: string;
}

/** A reviewer's request for more, and the member's answer. */
export interface MoreRequest {
  at: Date;
  message: string;
  by: ActorRef;
  answeredAt: Date | null;
  answer: string;
}

export interface HomeVisit {
  /** A digest of the form's request key: the same form sent twice is one visit. */
  id: string;
  visitedOn: DateKey;
  visitors: string;
  found: string;
  photos: HardshipFile[];
  by: ActorRef;
  at: Date;
}

export interface ApplicationDoc {
  /** applicationId(union, member, requestKey): a double tap on 保存 makes one draft. */
  _id: string;
  unionId: string;
  applicantId: string;
  applicantName: string;
  department: string;
  kind: AidKind;
  facts: AidFacts;
  documents: HardshipFile[];
  status: ApplicationStatus;
  /** Still to be decided (submitted … proposed): the reviewers' 待办 reads this. */
  open: boolean;
  steps: ApplicationStep[];
  requests: MoreRequest[];
  /** When the member consented (at submission): the purpose always; health data and children's data when asked. */
  consents: { purposeAt: Date | null; health: boolean; minors: boolean };
  visits: HomeVisit[];
  /** The review's own record, for reviewers only (a check passed, an amount sent back and why). */
  notes: { at: Date; by: ActorRef; text: string }[];
  proposal: { amountFen: number; note: string; by: ActorRef; at: Date } | null;
  approvedBy: ActorRef | null;
  approvedAt: Date | null;
  publicity: { from: DateKey; to: DateKey } | null;
  /**
   * The 公示's entry, for members: an opaque id (a digest of the application's), and the last day it shows — null
   * once it is refused or paid. The members' list and the daily payout query these through indexes.
   */
  publicityId: string | null;
  publicUntil: DateKey | null;
  /** Objections not yet resolved: while there is one, the case is held (no payout). */
  objectionsOpen: number;
  /** Why the payout after the 公示 did not go through (the policy or the budget changed), for the reviewers. */
  payIssue: string | null;
  paidAt: Date | null;
  /** 大病关爱: the referral to the 工委 (referrals.ts), once recommended. */
  referral: { id: string; committeeId: string; by: ActorRef; at: Date } | null;
  /** Bumped by every change (lifecycle.ts): the change's audit record is `${_id}:v${version}`. */
  version: number;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A member's objection to a 公示, to the reviewers only: one per member and application. */
export interface ObjectionDoc {
  /** objectionId(application, member). */
  _id: string;
  unionId: string;
  applicationId: string;
  memberId: string;
  memberName: string;
  text: string;
  at: Date;
  resolution: { outcome: ObjectionOutcome; reason: string; by: ActorRef; at: Date } | null;
}

/**
 * A 大病关爱 case recommended to the 工委: the package its officers decide on — what is needed to decide, not the whole
 * application (no household names, ages or incomes one by one; the documents, the sums, the cause, the visit's
 * finding and the recommendation) — and the decision.
 */
export interface ReferralDoc {
  /** referralIdOf(application id). */
  _id: string;
  committeeId: string;
  unionId: string;
  unionName: string;
  applicationId: string;
  applicantId: string;
  package: {
    name: string;
    department: string;
    patient: string;
    householdSize: number;
    perCapitaFen: number;
    medicalFen: number;
    cause: string;
    findings: string;
    recommendation: string;
    suggestedFen: number;
    documents: HardshipFile[];
  };
  status: ReferralStatus;
  decision: { amountFen: number; reason: string; by: ActorRef; at: Date; entryId: string | null } | null;
  referredBy: ActorRef;
  referredAt: Date;
  updatedAt: Date;
}

/**
 * A household's 困难职工档案: opened when aid is first approved (or by a reviewer directly), one per household (keyed
 * by the member who applies for it). Reviewed fully every year; closed when the household leaves hardship, then kept,
 * out of lists, for FILE_KEEP_YEARS and deleted by the daily job.
 */
export interface HouseholdFileDoc {
  /** householdFileId(union, member). */
  _id: string;
  unionId: string;
  memberId: string;
  memberName: string;
  department: string;
  category: HardshipCategory;
  /** The household as last declared (an application's, or the reviewer's when opened directly). */
  household: AidFacts['household'];
  /** The aid granted, newest last. */
  aids: { applicationId: string; kind: AidKind; amountFen: number; at: Date }[];
  reviews: { on: DateKey; note: string; by: ActorRef; at: Date }[];
  status: FileStatus;
  openedOn: DateKey;
  /** The day the next full review is due (a year after the last review, or after opening). Null once closed. */
  reviewDue: DateKey | null;
  /** The due day the daily job last reminded the reviewers of: once per due day. */
  remindedFor: DateKey | null;
  closed: { on: DateKey; reason: string; by: ActorRef } | null;
  /** Closed: kept until this day, then deleted. */
  keepUntil: DateKey | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface HardshipSettingsDoc {
  /** The union's id: one per union. */
  _id: string;
  unionId: string;
  /** The local 低保 standard, per person and month, in fen (null: not set, no self-check offered). */
  dibaoFen: number | null;
  publicityDays: number;
  updatedAt: Date;
  updatedBy: ActorRef | null;
}

export const DEFAULT_SETTINGS = { dibaoFen: null, publicityDays: PUBLICITY_DAYS.byDefault } as const;

declare module '../db/collections' {
  /** This area's collection names, so that `table()` and transactions refuse a misspelt one. */
  interface CollectionNames {
    hardship_applications: true;
    hardship_objections: true;
    hardship_referrals: true;
    hardship_files: true;
    hardship_settings: true;
  }
}

export const HARDSHIP_COLLECTIONS: Record<'hardship_applications' | 'hardship_objections' | 'hardship_referrals' | 'hardship_files' | 'hardship_settings', CollectionSpec> = {
  hardship_applications: {
    purpose: '困难帮扶、大病关爱、金秋助学申请（保密）：_id = 工会ID:（会员与提交键的摘要）；家庭成员、收支、原因、证明材料、同意记录、初审与补充、入户走访、金额与两人审批、公示期、发放',
    indexes: [
      // The member's own, newest first.
      { name: 'applicant_created', keys: { applicantId: 1, createdAt: -1 } },
      // The reviewers' lists: still to decide (oldest submitted first), and by status.
      { name: 'union_open_submitted', keys: { unionId: 1, open: 1, submittedAt: 1 } },
      { name: 'union_status_updated', keys: { unionId: 1, status: 1, updatedAt: -1 } },
      { name: 'union_updated', keys: { unionId: 1, updatedAt: -1 } },
      // The 公示 members read (entries still showing), and one entry by its public id.
      { name: 'union_public_until', keys: { unionId: 1, publicUntil: 1, approvedAt: -1 } },
      { name: 'union_publicity', keys: { unionId: 1, publicityId: 1 } },
      // The daily payout: 公示 ended, not held, across unions.
      { name: 'status_public_until', keys: { status: 1, publicUntil: 1 } },
    ],
  },
  hardship_objections: {
    purpose: '公示异议（仅帮扶审核人员可见）：_id = 申请ID:（会员的摘要）；异议内容、处理结果与理由',
    indexes: [{ name: 'application_at', keys: { applicationId: 1, at: 1 } }],
  },
  hardship_referrals: {
    purpose: '大病关爱推荐（工委可见）：_id = 推荐ID；基层工会、患者与家庭概况、证明材料、走访情况与推荐意见，工委的决定与发放',
    indexes: [
      { name: 'committee_status_referred', keys: { committeeId: 1, status: 1, referredAt: 1 } },
      { name: 'committee_referred', keys: { committeeId: 1, referredAt: -1 } },
    ],
  },
  hardship_files: {
    purpose: '困难职工档案（保密）：_id = 工会ID:（会员的摘要），每户一份；困难类别、家庭成员、历次帮扶、年度复核、脱困与保存期限',
    indexes: [
      // The reviewers' lists: files in the 档案 by name, and those whose review is due (also the daily reminder, across unions).
      { name: 'union_status_name', keys: { unionId: 1, status: 1, memberName: 1 } },
      { name: 'status_review_due', keys: { status: 1, reviewDue: 1 } },
      { name: 'union_status_review_due', keys: { unionId: 1, status: 1, reviewDue: 1 } },
      // Closed files past their keeping: deleted by the daily job.
      { name: 'status_keep_until', keys: { status: 1, keepUntil: 1 } },
    ],
  },
  hardship_settings: {
    purpose: '困难帮扶设置：_id = 工会ID；当地低保标准（每人每月，自测用）、公示天数',
    indexes: [],
  },
};

const digest = (text: string, n: number) => createHash('sha256').update(text).digest('hex').slice(0, n);

/**
 * An application's id: the union and a digest of the member and the form's request key — a digest, because the id
 * travels in links and audit records and must not carry the applicant's 工号.
 */
export function applicationId(unionId: string, memberId: string, requestKey: string): string {
  return `${unionId}:${digest(`${memberId}\n${requestKey}`, 24)}`;
}

/** The 公示 entry's id: says nothing of the application's (which the applicant's links carry). */
export const publicityIdOf = (applicationId: string) => `p${digest(`publicity\n${applicationId}`, 20)}`;

export const referralIdOf = (applicationId: string) => `r${digest(`referral\n${applicationId}`, 20)}`;

export const householdFileId = (unionId: string, memberId: string) => `${unionId}:f${digest(`file\n${memberId}`, 20)}`;

export const objectionId = (applicationId: string, memberId: string) => `${applicationId}:o${digest(memberId, 12)}`;

export function hardshipTables(db: Db) {
  return {
    applications: table<ApplicationDoc>(db, 'hardship_applications'),
    objections: table<ObjectionDoc>(db, 'hardship_objections'),
    referrals: table<ReferralDoc>(db, 'hardship_referrals'),
    files: table<HouseholdFileDoc>(db, 'hardship_files'),
    settings: table<HardshipSettingsDoc>(db, 'hardship_settings'),
  };
}
