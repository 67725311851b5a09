/**
 * What each person reads of an application. The applicant: what they declared, the course and the requests to
 * answer — never a reviewer's name, the visit's findings or an amount before it is decided. A reviewer: everything,
 * on an opening that is recorded (review.ts). Documents are handed out as temporary links, read per reply.
 */
import type { applicationRow, applicationView as applicationSchema, reviewView as reviewSchema } from '../../src/core/contracts/hardship';
import type { z } from '../../src/core/zod';
import {
  AID_ITEMS,
  AID_KIND_LABELS,
  AID_KIND_NOTES,
  AID_KINDS,
  APPLICATION_STATUS_LABELS,
  allows,
  approvalRefusal,
  checkApplication,
  MEMBER_ACTIONS,
  OBJECTION_OUTCOME_LABELS,
  REFERRAL_STATUS_LABELS,
  REVIEW_ACTIONS,
  selfCheck,
} from '../../src/core/domain/hardship';
import type { PolicyProfile } from '../../src/core/policy/profile';
import { tempUrls } from '../db/files';
import type { Actor } from '../runtime/actor';
import type { ApplicationDoc, HardshipFile, ObjectionDoc, ReferralDoc } from './store';
import type { Standing } from './lifecycle';


/** The files with temporary links, read in one call for all of them. */
async function linksOf(files: readonly HardshipFile[]) {
  const urls = await tempUrls(files.map((f) => f.fileID));
  return files.map((f) => ({ fileID: f.fileID, url: urls.get(f.fileID) ?? '', name: f.name, isImage: f.isImage, addedAt: f.addedAt }));
}

const DECIDED = ['publicizing', 'held', 'paid'] as const;

/** What every view of an application starts with: its id, kind and status, with their labels. */
const heading = (a: ApplicationDoc) => ({ id: a._id, kind: a.kind, kindLabel: AID_KIND_LABELS[a.kind], status: a.status, statusLabel: APPLICATION_STATUS_LABELS[a.status] });

function common(a: ApplicationDoc, dibaoFen: number | null) {
  const checked = dibaoFen !== null && checkApplication(a.facts).ok;
  const decided = (DECIDED as readonly string[]).includes(a.status) && a.proposal !== null;
  return {
    ...heading(a),
    facts: a.facts,
    steps: a.steps.map((s) => ({ status: s.status, label: APPLICATION_STATUS_LABELS[s.status], at: s.at, note: s.note })),
    requests: a.requests.map((r) => ({ at: r.at, message: r.message, answeredAt: r.answeredAt, answer: r.answer })),
    selfCheck: checked ? selfCheck(a.facts, dibaoFen) : null,
    outcome: decided ? { amountFen: (a.proposal as NonNullable<ApplicationDoc['proposal']>).amountFen, publicity: a.publicity, paidAt: a.paidAt } : null,
    createdAt: a.createdAt,
    submittedAt: a.submittedAt,
    updatedAt: a.updatedAt,
  };
}

export async function applicationView(a: ApplicationDoc, dibaoFen: number | null): Promise<z.input<typeof applicationSchema>> {
  return { ...common(a, dibaoFen), documents: await linksOf(a.documents), can: MEMBER_ACTIONS.filter((x) => allows(a.status, x)) };
}

export async function reviewView(a: ApplicationDoc, objections: readonly ObjectionDoc[], referral: ReferralDoc | null, actor: Actor, standing: Standing, dibaoFen: number | null, policy: PolicyProfile | null): Promise<z.input<typeof reviewSchema>> {
  const visitPhotos = a.visits.flatMap((v) => v.photos);
  const all = await linksOf([...a.documents, ...visitPhotos]);
  const documents = all.slice(0, a.documents.length);
  const photoLinks = new Map(all.slice(a.documents.length).map((p) => [p.fileID, p]));
  const rule = policy?.items[AID_ITEMS[a.kind]];
  const me = { memberId: actor.memberId ?? '', name: actor.name };
  const fourEyes = a.proposal ? approvalRefusal(me, { memberId: a.proposal.by.memberId ?? '', name: a.proposal.by.name }) : null;
  const stepAside = standing.conflict ?? (a.status === 'proposed' ? fourEyes : null);
  return {
    ...common(a, dibaoFen),
    documents,
    applicantName: a.applicantName,
    department: a.department,
    consents: a.consents,
    visits: a.visits.map((v) => ({ id: v.id, visitedOn: v.visitedOn, visitors: v.visitors, found: v.found, photos: v.photos.map((p) => photoLinks.get(p.fileID) as (typeof all)[number]), recordedBy: v.by.name, at: v.at })),
    notes: a.notes.map((n) => ({ at: n.at, by: n.by.name, text: n.text })),
    proposal: a.proposal ? { amountFen: a.proposal.amountFen, note: a.proposal.note, by: a.proposal.by.name, at: a.proposal.at } : null,
    approvedBy: a.approvedBy?.name ?? null,
    rule: rule ? { capFen: rule.capFen, source: rule.source, perYear: rule.perYear ?? null } : null,
    stepAside,
    objections: objections.map((o) => ({
      id: o._id,
      at: o.at,
      memberName: o.memberName,
      text: o.text,
      resolution: o.resolution ? { outcome: o.resolution.outcome, outcomeLabel: OBJECTION_OUTCOME_LABELS[o.resolution.outcome], reason: o.resolution.reason, by: o.resolution.by.name, at: o.resolution.at } : null,
    })),
    payIssue: a.payIssue,
    referral: referral
      ? {
          status: referral.status,
          statusLabel: REFERRAL_STATUS_LABELS[referral.status],
          suggestedFen: referral.package.suggestedFen,
          recommendation: referral.package.recommendation,
          referredBy: referral.referredBy.name,
          at: referral.referredAt,
          decision: referral.decision ? { amountFen: referral.decision.amountFen, reason: referral.decision.reason, by: referral.decision.by.name, at: referral.decision.at } : null,
        }
      : null,
    can: standing.reviewer ? REVIEW_ACTIONS.filter((x) => allows(a.status, x, a.kind) && !(x === 'approve' && fourEyes)) : [],
  };
}

export function rowView(a: ApplicationDoc): z.input<typeof applicationRow> {
  return {
    ...heading(a),
    applicantName: a.applicantName,
    department: a.department,
    submittedAt: a.submittedAt,
    updatedAt: a.updatedAt,
  };
}

/**
 * Per kind, what this year's policy says (offered or not, the cap and its source), for the form. 大病关爱 is decided and
 * paid by the union's 工委, under the 工委's policy: offered when the union belongs to one whose policy has it.
 */
export function kindsOffered(policy: PolicyProfile | null, committeePolicy: PolicyProfile | null) {
  return AID_KINDS.map((kind) => {
    const rule = (kind === 'illness' ? committeePolicy : policy)?.items[AID_ITEMS[kind]];
    return { kind, label: AID_KIND_LABELS[kind], note: AID_KIND_NOTES[kind], offered: rule !== undefined, capFen: rule?.capFen ?? null, source: rule?.source ?? '' };
  });
}
