import { useState } from 'react';
import type { CaseView } from '@/core/contracts/care';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm } from '@/hooks/useForm';
import { emptyMessage, emptyRate, messageDraft, messageFieldOf, rateDraft, type MessageValues, type RateValues } from '../askForm';
import { newer } from '../format';
import { withdrawQuestion } from '../handling';
import { useUploads } from '@/hooks/useUploads';

/**
 * A member's case: the view (`care.get`), 补充信息 (text and photos), 撤回 before it is accepted, and the rating after
 * the answer. Every action answers with the case as it is now, which replaces what is shown.
 */
export function useCase(caseId: string, openid: string) {
  const view = useCall('care', 'get', { payload: { caseId }, reloadOnShow: true });
  const [latest, setLatest] = useState<CaseView | null>(null);
  const shown = newer(latest, view.status === 'ok' ? view.data : null);

  const info = useForm<MessageValues>(emptyMessage, { fieldOf: messageFieldOf, whenEmpty: { text: '请写下要补充的内容' } });
  const uploads = useUploads(openid, info.values.files, (files) => info.set('files', files));
  const addInfo = useAction('care', 'addInfo', { form: info, done: '已补充' });
  const withdraw = useAction('care', 'withdraw', { confirm: shown && withdrawQuestion(shown), done: '已撤回' });
  const rating = useForm<RateValues>(emptyRate, {});
  // Said by what the member chose: a 不满意 comes back with the rating cleared (the case is reopened for a new answer).
  const rate = useAction('care', 'rate', { form: rating, done: () => (rating.values.rating === 'unsatisfied' ? '已评价，将重新办理并报告工会主席' : '谢谢您的评价') });

  const show = (c: CaseView | null) => {
    if (c) setLatest(c);
    return c !== null;
  };

  const sendInfo = async () => {
    const checked = info.check('care', 'addInfo', messageDraft(caseId, info.values));
    if (checked && show(await addInfo.run(checked))) {
      uploads.reset();
      info.replace(emptyMessage());
    }
  };
  const sendRating = async () => {
    const checked = rating.check('care', 'rate', rateDraft(caseId, rating.values));
    if (checked && show(await rate.run(checked))) rating.replace(emptyRate());
  };
  const sendWithdraw = async () => {
    show(await withdraw.run({ caseId, reason: '' }));
  };

  return {
    view,
    shown,
    info: { form: info, uploads, send: sendInfo, busy: addInfo.busy || uploads.uploading },
    rating: { form: rating, send: sendRating, busy: rate.busy },
    withdraw: { run: sendWithdraw, busy: withdraw.busy, error: withdraw.error },
  };
}
