/**
 * The hardship function's access matrix (run by server/access.test.ts): one row per action of the contract. Every
 * member applies and follows their own (a clerk is not a member); only the 帮扶审核 role and the chair review — not
 * other officers, not the fund auditor, not a 关爱专员. Past the door the application decides (its applicant, a
 * reviewer of its union who is not of the household): the payloads name one that does not exist, so what is tested
 * here is the door alone; server/hardship/*.test.ts test who gets what past it.
 */
import { MEMBERS, type AccessCases } from '../testing/access';

const NONE = 'no-such-application';
const key = (who: string) => `access-${who}-${Math.random().toString(36).slice(2, 10)}`;
/** The reviewers of union A and union B's chair (a reviewer in their own union). */
const REVIEWERS = ['reviewer', 'chair', 'otherOfficer'] as const;
const facts = { kind: 'hardship' as const, household: [], expenses: { medicalFen: 0, schoolingFen: 0, otherFen: 0 }, cause: '' };

export const hardshipAccess: AccessCases<'hardship'> = {
  setup: { payload: () => undefined, allowed: MEMBERS },
  save: { payload: (_x, who) => ({ requestKey: key(who), facts }), allowed: MEMBERS },
  submit: { payload: () => ({ applicationId: NONE, consents: { purpose: true } }), allowed: MEMBERS },
  mine: { payload: () => ({}), allowed: MEMBERS },
  get: { payload: () => ({ applicationId: NONE }), allowed: MEMBERS },
  supplement: { payload: () => ({ applicationId: NONE, text: '补充' }), allowed: MEMBERS },
  withdraw: { payload: () => ({ applicationId: NONE }), allowed: MEMBERS },
  settingsSave: { payload: () => ({ dibaoFen: 80_000, publicityDays: 7 }), allowed: REVIEWERS },
  queue: { payload: () => ({}), allowed: REVIEWERS },
  open: { payload: () => ({ applicationId: NONE }), allowed: REVIEWERS },
  check: { payload: () => ({ applicationId: NONE, outcome: 'pass' }), allowed: REVIEWERS },
  visit: { payload: () => ({ applicationId: NONE, visitedOn: '2026-11-18', visitors: '门禁测试', found: '门禁测试情况', requestKey: key('visit') }), allowed: REVIEWERS },
  propose: { payload: () => ({ applicationId: NONE, amountFen: 100_000 }), allowed: REVIEWERS },
  approve: { payload: () => ({ applicationId: NONE }), allowed: REVIEWERS },
  sendBack: { payload: () => ({ applicationId: NONE, reason: '门禁测试' }), allowed: REVIEWERS },
  reject: { payload: () => ({ applicationId: NONE, reason: '门禁测试' }), allowed: REVIEWERS },
  resolve: { payload: () => ({ applicationId: NONE, objectionId: 'no-such-objection', outcome: 'dismissed', reason: '门禁测试' }), allowed: REVIEWERS },
  refer: { payload: () => ({ applicationId: NONE, recommendation: '门禁测试推荐意见', suggestedFen: 1_000_000 }), allowed: REVIEWERS },
  // The 工委's officers only: not the grassroots union's reviewers, officers or chair.
  referrals: { payload: () => ({}), allowed: ['committee'] },
  referral: { payload: () => ({ referralId: 'r-no-such-referral' }), allowed: ['committee'] },
  decideReferral: { payload: () => ({ referralId: 'r-no-such-referral', outcome: 'decline', reason: '门禁测试' }), allowed: ['committee'] },
  files: { payload: () => ({}), allowed: REVIEWERS },
  file: { payload: () => ({ fileId: 'no-such-file' }), allowed: REVIEWERS },
  fileOpen: { payload: () => ({ memberId: 'no-such-member', category: 'relative', note: '门禁测试' }), allowed: REVIEWERS },
  fileReview: { payload: () => ({ fileId: 'no-such-file', category: 'relative', note: '门禁测试' }), allowed: REVIEWERS },
  fileClose: { payload: () => ({ fileId: 'no-such-file', closedOn: '2026-11-01', reason: '门禁测试' }), allowed: REVIEWERS },
  // Exports are reviewers' only (a union B chair exports union B's, empty).
  filesExport: { payload: () => undefined, allowed: REVIEWERS },
  myFile: { payload: () => undefined, allowed: MEMBERS },
  publicity: { payload: () => ({}), allowed: MEMBERS },
  object: { payload: () => ({ entryId: 'p-no-such-entry', text: '门禁测试异议内容' }), allowed: MEMBERS },
};
