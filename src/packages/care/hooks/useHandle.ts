import { useState } from 'react';
import type { CaseView } from '@/core/contracts/care';
import { shanghaiDateKey } from '@/core/time';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm } from '@/hooks/useForm';
import { randomId } from '@/services/ids';
import { emptyMessage, messageDraft, messageFieldOf, type MessageValues } from '../askForm';
import { newer } from '../format';
import { acceptQuestion, assignQuestion, closeQuestion, reasonFieldOf, revealQuestion, sendBackQuestion } from '../handling';
import { AMOUNT_PROBLEM, emptyVisit, paidSwitched, paymentTerms, visitDoneText, visitFieldOf, visitPayload, visitProblems, visitQuestion, visitYear, type VisitValues } from '../visitForm';
import { useUploads } from '@/hooks/useUploads';

/** The form open under the case's buttons (one at a time), or none. */
export type HandlePanel = 'visit' | 'reply' | 'note' | 'assign' | 'sendBack' | 'close' | 'reveal' | null;

interface ReasonValues {
  text: string;
  handlerId: string | null;
}
const emptyReason = (): ReasonValues => ({ text: '', handlerId: null });

/**
 * 办理求助: the case with its messages and internal notes (`care.get`), and what the caller may do now — 受理, 转派,
 * 答复, 备注, 退回, 办结, for a 即时关爱 report 记录慰问 (the visit, and with `mayPay` — the caller holds ledger.write
 * — its 慰问 under the year's policy, read with `ledger.policyGet`), and for the chair 查看匿名提交人. Each action
 * answers with the case as it is now.
 */
export function useHandle(caseId: string, openid: string, mayPay: boolean) {
  const view = useCall('care', 'get', { payload: { caseId }, reloadOnShow: true });
  const [latest, setLatest] = useState<CaseView | null>(null);
  const shown = newer(latest, view.status === 'ok' ? view.data : null);
  const [panel, setPanelState] = useState<HandlePanel>(null);
  const [revealed, setRevealed] = useState<{ name: string; department: string } | null>(null);

  const message = useForm<MessageValues>(emptyMessage, { fieldOf: messageFieldOf, whenEmpty: { text: '请写下内容' } });
  const uploads = useUploads(openid, message.values.files, (files) => message.set('files', files));
  const reason = useForm<ReasonValues>(emptyReason, { fieldOf: reasonFieldOf });
  const handlers = useCall('care', 'handlers', { enabled: panel === 'assign' });

  // 记录慰问: one ledger entry per form (its requestKey), a new key once it is recorded.
  const today = shanghaiDateKey(new Date());
  const visitForm = useForm<VisitValues>(() => emptyVisit(today), { fieldOf: visitFieldOf, whenEmpty: { visitors: '请填写慰问人员', amount: AMOUNT_PROBLEM } });
  const visitUploads = useUploads(openid, visitForm.values.files, (files) => visitForm.set('files', files));
  const [visitKey, setVisitKey] = useState(randomId);
  const policyYear = visitYear(visitForm.values, today);
  const policy = useCall('ledger', 'policyGet', { payload: { year: policyYear }, enabled: panel === 'visit' && mayPay });
  const terms = shown && policy.status === 'ok' ? paymentTerms(policy.data.policy, shown.category, policyYear) : null;

  const title = shown ? { title: shown.title, kind: shown.kind } : { title: '', kind: 'help' as const };
  const accept = useAction('care', 'accept', { confirm: acceptQuestion(title), done: shown?.kind === 'instant' ? '已确认' : '已受理', refused: () => view.refresh() });
  const reply = useAction('care', 'reply', { form: message, done: '已答复，会员会收到通知' });
  const note = useAction('care', 'note', { form: message, done: '已记下备注' });
  const handlerName = (id: string) => (handlers.status === 'ok' ? handlers.data.items.find((h) => h.memberId === id)?.name : undefined) ?? '所选的人';
  const assign = useAction('care', 'assign', { form: reason, confirm: (p) => assignQuestion(handlerName(p.handlerId)), done: '已转派' });
  const sendBack = useAction('care', 'sendBack', { form: reason, confirm: sendBackQuestion(title), done: '已退回' });
  const close = useAction('care', 'close', { form: reason, confirm: closeQuestion(title), done: '已办结' });
  const reveal = useAction('care', 'reveal', { form: reason, confirm: revealQuestion });
  const visit = useAction('care', 'visit', { form: visitForm, confirm: (p) => visitQuestion({ subjectName: shown?.subjectName ?? null }, p, today), done: visitDoneText });

  const setPanel = (p: HandlePanel) => {
    setPanelState((now) => (now === p ? null : p));
    message.clearErrors();
    reason.replace(emptyReason());
    reason.clearErrors();
    visitForm.clearErrors();
  };
  const settled = (c: CaseView | null) => {
    if (!c) return;
    setLatest(c);
    setPanelState(null);
    uploads.reset();
    message.replace(emptyMessage());
    reason.replace(emptyReason());
  };
  const visited = (c: CaseView | null) => {
    if (!c) return;
    settled(c);
    visitUploads.reset();
    visitForm.replace(emptyVisit(today));
    setVisitKey(randomId());
  };

  const run = {
    accept: async () => settled(await accept.run({ caseId })),
    visit: async () => {
      const checked = visitForm.check('care', 'visit', visitPayload(caseId, visitForm.values, visitKey), { problems: visitProblems(visitForm.values, terms) });
      const done = checked && (await visit.run(checked));
      if (done) visited(done.case);
    },
    reply: async () => {
      const checked = message.check('care', 'reply', messageDraft(caseId, message.values));
      if (checked) settled(await reply.run(checked));
    },
    note: async () => {
      const checked = message.check('care', 'note', { caseId, text: message.values.text.trim() });
      if (checked) settled(await note.run(checked));
    },
    assign: async () => {
      const problems = reason.values.handlerId ? {} : { handlerId: '请选择转派给谁' };
      const checked = reason.check('care', 'assign', { caseId, handlerId: reason.values.handlerId ?? 'none', reason: reason.values.text.trim() }, { problems });
      if (checked) settled(await assign.run(checked));
    },
    sendBack: async () => {
      const checked = reason.check('care', 'sendBack', { caseId, reason: reason.values.text.trim() });
      if (checked) settled(await sendBack.run(checked));
    },
    close: async () => {
      const checked = reason.check('care', 'close', { caseId, summary: reason.values.text.trim() });
      if (checked) settled(await close.run(checked));
    },
    reveal: async () => {
      const checked = reason.check('care', 'reveal', { caseId, reason: reason.values.text.trim() });
      const who = checked && (await reveal.run(checked));
      if (who) {
        setRevealed(who);
        setPanelState(null);
        reason.replace(emptyReason());
      }
    },
  };

  const busy = accept.busy || reply.busy || note.busy || assign.busy || sendBack.busy || close.busy || reveal.busy || visit.busy || uploads.uploading || visitUploads.uploading;
  const visitPanel = {
    form: visitForm,
    uploads: visitUploads,
    today,
    mayPay,
    /** The year's policy (read while the panel is open, for whoever may pay): its terms for this report, or why none. */
    policy,
    terms,
    switchPaid: (on: boolean) => visitForm.replace(paidSwitched(visitForm.values, on, terms)),
  };
  return { view, shown, panel, setPanel, message, uploads, reason, handlers, visit: visitPanel, run, busy, acceptError: accept.error, revealed };
}

export type Handle = ReturnType<typeof useHandle>;
