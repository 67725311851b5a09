import { useState } from 'react';
import type { ReviewView } from '@/core/contracts/hardship';
import type { ErrorBody } from '@/core/errors';
import { shanghaiDateKey } from '@/core/time';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm } from '@/hooks/useForm';
import { useUploads } from '@/hooks/useUploads';
import { randomId } from '@/services/ids';
import { newest, type Latest } from '../reviewFormat';
import {
  approveQuestion,
  checkDoneText,
  checkDraft,
  checkFieldOf,
  checkQuestion,
  emptyCheck,
  emptyPropose,
  emptyReason,
  emptyRefer,
  emptyResolve,
  emptyVisit,
  MAX_VISIT_PHOTOS,
  proposeDraft,
  proposeFieldOf,
  proposeQuestion,
  reasonFieldOf,
  reasonPayload,
  referDraft,
  referFieldOf,
  referQuestion,
  rejectQuestion,
  resolveDraft,
  resolveFieldOf,
  resolveQuestion,
  sendBackQuestion,
  visitDraft,
  visitFieldOf,
  type CheckValues,
  type ProposeValues,
  type ReasonValues,
  type ReferValues,
  type ResolveValues,
  type VisitValues,
} from '../reviewForms';

type Action = ReviewView['can'][number];

/** A refusal because the application changed meanwhile (another reviewer acted): read it again. */
const isStale = (e: ErrorBody) => e.code === 'NOT_ALLOWED' || e.code === 'CONFLICT';

const updatedLater = (a: ReviewView, b: ReviewView) => a.updatedAt > b.updatedAt;

/**
 * 审核帮扶申请: the application, whole (`hardship.open`, every opening recorded), and the forms of what the caller may
 * do now (its `can`): 初审, 入户走访, 提出金额, 推荐给工委, 复核同意 or 退回, 不予帮扶. Each action answers with the
 * application as it is now, which the page shows until a newer read arrives.
 */
export function useManageReview(applicationId: string, openid: string) {
  const view = useCall('hardship', 'open', { payload: { applicationId }, reloadOnShow: true });
  const fetched = view.status === 'ok' ? view.data : null;
  const [latest, setLatest] = useState<Latest<ReviewView>>(null);
  const shown = newest(latest, fetched, updatedLater);
  const today = shanghaiDateKey(new Date());
  const can = (a: Action) => shown?.can.includes(a) ?? false;
  const applicant = shown?.applicantName ?? '申请人';
  const refused = (e: ErrorBody) => {
    if (isStale(e)) view.refresh();
  };

  // The union's 公示 days, for the question before approving.
  const setup = useCall('hardship', 'setup', { enabled: can('approve') });
  const publicityDays = setup.status === 'ok' ? setup.data.publicityDays : null;

  const checkForm = useForm<CheckValues>(emptyCheck, { fieldOf: checkFieldOf });
  const check = useAction('hardship', 'check', { form: checkForm, confirm: (p) => checkQuestion(p.outcome, applicant), done: (v) => checkDoneText(v.status), refused });

  // 入户走访: one visit per form (its requestKey), a new key once it is recorded.
  const visitForm = useForm<VisitValues>(() => emptyVisit(today), { fieldOf: visitFieldOf, whenEmpty: { visitors: '请填写走访人员', found: '请写明走访了解到的情况' } });
  const visitUploads = useUploads(openid, visitForm.values.files, (files) => visitForm.set('files', files), MAX_VISIT_PHOTOS);
  const [visitKey, setVisitKey] = useState(randomId);
  const visit = useAction('hardship', 'visit', { form: visitForm, done: '已记录走访', refused });

  const proposeForm = useForm<ProposeValues>(emptyPropose, { fieldOf: proposeFieldOf });
  const propose = useAction('hardship', 'propose', { form: proposeForm, confirm: (p) => proposeQuestion(p.amountFen, applicant), done: '已提出，等待复核', refused });

  const referForm = useForm<ReferValues>(emptyRefer, { fieldOf: referFieldOf, whenEmpty: { recommendation: '请写明推荐意见' } });
  const refer = useAction('hardship', 'refer', { form: referForm, confirm: (p) => referQuestion(p.suggestedFen, applicant), done: '已推荐给工委', refused });

  const approve = useAction('hardship', 'approve', {
    confirm: () => (shown?.proposal ? approveQuestion(shown.proposal, applicant, today, publicityDays) : null),
    done: '已同意，公示开始',
    refused,
  });

  const sendBackForm = useForm<ReasonValues>(emptyReason, { fieldOf: reasonFieldOf, whenEmpty: { text: '请写明退回的原因' } });
  const sendBack = useAction('hardship', 'sendBack', { form: sendBackForm, confirm: () => sendBackQuestion(shown?.proposal ?? null), done: '已退回', refused });

  const rejectForm = useForm<ReasonValues>(emptyReason, { fieldOf: reasonFieldOf, whenEmpty: { text: '请写明不予帮扶的原因' } });
  const reject = useAction('hardship', 'reject', { form: rejectForm, confirm: rejectQuestion(applicant), done: '已告知会员不予帮扶', refused });

  /** The application as the action left it: shown at once, every form back to empty. */
  const settled = (v: ReviewView | null): boolean => {
    if (!v) return false;
    setLatest({ data: v, basis: fetched });
    return true;
  };

  const run = {
    check: async () => {
      const { payload, problems } = checkDraft(applicationId, checkForm.values);
      const checked = checkForm.check('hardship', 'check', payload, { problems });
      if (checked && settled(await check.run(checked))) checkForm.replace(emptyCheck());
    },
    visit: async () => {
      const { payload, problems } = visitDraft(applicationId, visitForm.values, visitKey);
      const checked = visitForm.check('hardship', 'visit', payload, { problems });
      if (checked && settled(await visit.run(checked))) {
        visitUploads.reset();
        visitForm.replace(emptyVisit(today));
        setVisitKey(randomId());
      }
    },
    propose: async () => {
      const { payload, problems } = proposeDraft(applicationId, proposeForm.values, shown?.rule?.capFen ?? null);
      const checked = proposeForm.check('hardship', 'propose', payload, { problems });
      if (checked && settled(await propose.run(checked))) proposeForm.replace(emptyPropose());
    },
    refer: async () => {
      const { payload, problems } = referDraft(applicationId, referForm.values);
      const checked = referForm.check('hardship', 'refer', payload, { problems });
      if (checked && settled(await refer.run(checked))) referForm.replace(emptyRefer());
    },
    approve: async () => {
      settled(await approve.run({ applicationId }));
    },
    sendBack: async () => {
      const checked = sendBackForm.check('hardship', 'sendBack', reasonPayload(applicationId, sendBackForm.values));
      if (checked && settled(await sendBack.run(checked))) sendBackForm.replace(emptyReason());
    },
    reject: async () => {
      const checked = rejectForm.check('hardship', 'reject', reasonPayload(applicationId, rejectForm.values));
      if (checked && settled(await reject.run(checked))) rejectForm.replace(emptyReason());
    },
  };

  const busy = check.busy || visit.busy || propose.busy || refer.busy || approve.busy || sendBack.busy || reject.busy || visitUploads.uploading;
  return {
    view,
    shown,
    today,
    can,
    run,
    busy,
    /** After an objection is resolved (its own form, useManageResolve). */
    settled,
    refused,
    forms: { check: checkForm, visit: visitForm, propose: proposeForm, refer: referForm, sendBack: sendBackForm, reject: rejectForm },
    visitUploads,
    approveError: approve.error,
  };
}

export type ManageReview = ReturnType<typeof useManageReview>;

/**
 * 处理公示异议: one unresolved objection's form (`hardship.resolve`) — not founded (the 公示 goes on) or founded (the
 * application is refused), with the reason. `onDone` takes the application as it is now.
 */
export function useManageResolve(applicationId: string, objectionId: string, applicant: string, onDone: (v: ReviewView | null) => boolean, refused: (e: ErrorBody) => void) {
  const form = useForm<ResolveValues>(emptyResolve, { fieldOf: resolveFieldOf, whenEmpty: { reason: '请写明处理理由' } });
  const resolve = useAction('hardship', 'resolve', { form, confirm: (p) => resolveQuestion(p.outcome, applicant), done: (v) => (v.status === 'rejected' ? '已处理，不予帮扶' : '已处理'), refused });
  const submit = async () => {
    const { payload, problems } = resolveDraft(applicationId, objectionId, form.values);
    const checked = form.check('hardship', 'resolve', payload, { problems });
    if (checked && onDone(await resolve.run(checked))) form.replace(emptyResolve());
  };
  return { form, submit, busy: resolve.busy };
}
