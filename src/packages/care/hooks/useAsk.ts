import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { HelpCategory } from '@/core/domain/care';
import { randomId } from '@/services/ids';
import { askForCareNotices } from '@/services/subscribe';
import { ROUTES, withQuery } from '@/services/routes';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { ASK_WHEN_EMPTY, askFieldOf, categoryPicked, emptyAsk, submitDraft, type AskValues } from '../askForm';
import { useUploads } from '@/hooks/useUploads';

/**
 * 我要求助 / 提意见建议 (`care.submit`): one form, checked on the phone by the contract; the requestKey is made when
 * the form opens, so a double tap on 提交 makes one case. Sent, the member sees the case.
 */
export function useAsk(openid: string, initial: HelpCategory | null) {
  const form = useForm<AskValues>(() => emptyAsk(initial), { fieldOf: askFieldOf, whenEmpty: ASK_WHEN_EMPTY });
  const [requestKey] = useState(randomId);
  const submit = useAction('care', 'submit', { form, done: (d) => (d.repeated ? '已经提交过了' : '已提交') });
  const { values, set } = form;
  const uploads = useUploads(openid, values.files, (files) => set('files', files));

  const pickCategory = (category: HelpCategory) => {
    const patch = categoryPicked(category);
    for (const key of Object.keys(patch) as (keyof AskValues)[]) set(key, patch[key] as AskValues[keyof AskValues]);
  };

  const send = async () => {
    const { payload, problems } = submitDraft(values, requestKey);
    const checked = form.check('care', 'submit', payload, { problems });
    if (!checked) return;
    // Inside the tap on 提交 (the only moment WeChat allows it): consent to one notice — 已受理, a reply or 已办结.
    await askForCareNotices();
    const done = await submit.run(checked);
    // Replace the form: 返回 from the case goes to the care center, not back to a form already sent.
    if (done) void Taro.redirectTo({ url: withQuery(ROUTES.careCase, { id: done.case.id }) });
  };

  return { values, set, pickCategory, uploads, errors: form.errors, error: form.error, send, busy: submit.busy || uploads.uploading };
}
