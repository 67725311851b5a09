import { useState } from 'react';
import Taro from '@tarojs/taro';
import { randomId } from '@/services/ids';
import { askForCareNotices } from '@/services/subscribe';
import { ROUTES, withQuery } from '@/services/routes';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { emptyReport, reportDoneText, reportDraft, reportFieldOf, type ReportValues } from '../reportForm';

/** 即时关爱上报 (`care.report`): what happened, to whom, when and where; one case per requestKey. */
export function useReport() {
  const form = useForm<ReportValues>(emptyReport, { fieldOf: reportFieldOf, settles: { who: ['subjectMemberId'], colleague: ['subjectMemberId'] } });
  const [requestKey] = useState(randomId);
  const { values, set } = form;
  const report = useAction('care', 'report', { form, done: (d) => (d.repeated ? '已经上报过了' : reportDoneText(values)) });

  const send = async () => {
    const { payload, problems } = reportDraft(values, requestKey);
    const checked = form.check('care', 'report', payload, { problems });
    if (!checked) return;
    // Inside the tap on 提交 (the only moment WeChat allows it): consent to one notice — 已受理, a reply or 已办结.
    await askForCareNotices();
    const done = await report.run(checked);
    if (done) void Taro.redirectTo({ url: withQuery(ROUTES.careCase, { id: done.case.id }) });
  };

  return { values, set, errors: form.errors, error: form.error, send, busy: report.busy };
}
