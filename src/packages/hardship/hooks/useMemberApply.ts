import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm } from '@/hooks/useForm';
import { useUploads } from '@/hooks/useUploads';
import { randomId } from '@/services/ids';
import { ROUTES, withQuery } from '@/services/routes';
import { applyFieldOf, emptyApply, MAX_DOCUMENTS, savePayload, selfCheckOf, submitProblems, valuesOf, withoutKept, type ApplyValues } from '../applyForm';

/**
 * 申请帮扶 (`hardship.save`, then `hardship.submit`): one form kept as a draft — 保存草稿 any time, 提交申请 once the
 * area's checks, a document and the consents are there (all problems shown at once, on the phone). A new draft is
 * made under a request key made when the form opens, so a double tap makes one; an existing one (?id=) is edited.
 */
export function useMemberApply(openid: string, myName: string, editing: string | null) {
  const form = useForm<ApplyValues>(() => emptyApply(myName), { fieldOf: applyFieldOf });
  const [requestKey] = useState(randomId);
  const [draftId, setDraftId] = useState<string | null>(editing);
  const setup = useCall('hardship', 'setup');
  const existing = useCall('hardship', 'get', { payload: { applicationId: editing ?? '' }, enabled: editing !== null });
  const loaded = useRef(false);
  useEffect(() => {
    if (existing.status === 'ok' && !loaded.current) {
      loaded.current = true;
      form.replace(valuesOf(existing.data));
    }
  }, [existing, form]);

  const { values, set } = form;
  const uploads = useUploads(openid, values.files, (files) => set('files', files), MAX_DOCUMENTS - values.kept.length);
  const save = useAction('hardship', 'save', { form });
  const submit = useAction('hardship', 'submit', {
    form,
    confirm: { title: '提交申请', content: '提交后由工会负责帮扶审核的工作人员审核，审核期间不能修改；如需补充，工作人员会通知您。', confirmText: '提交' },
    done: '已提交',
  });

  /** Save the draft; the uploads become the draft's documents. The draft's id, or null when refused. */
  const keep = async (): Promise<string | null> => {
    const { payload, problems } = savePayload(values, requestKey, draftId);
    const checked = form.check('hardship', 'save', payload, { problems });
    if (!checked) return null;
    const saved = await save.run(checked);
    if (!saved) return null;
    setDraftId(saved.id);
    uploads.reset();
    form.replace({ ...values, kept: saved.documents, removed: [], files: [] });
    return saved.id;
  };

  const saveDraft = async () => {
    if (await keep()) void Taro.showToast({ title: '草稿已保存', icon: 'success' });
  };

  const send = async () => {
    const problems = submitProblems(values);
    if (Object.keys(problems).length > 0) {
      form.check('hardship', 'save', savePayload(values, requestKey, draftId).payload, { problems });
      return;
    }
    const id = await keep();
    if (!id) return;
    const done = await submit.run({ applicationId: id, consents: { purpose: true, health: values.consentHealth, minors: values.consentMinors } });
    if (done) void Taro.redirectTo({ url: withQuery(ROUTES.hardshipApplication, { id: done.id }) });
  };

  const removeKept = (fileID: string) => {
    const next = withoutKept(values, fileID);
    set('kept', next.kept);
    set('removed', next.removed);
  };

  const dibaoFen = setup.status === 'ok' ? setup.data.dibaoFen : null;
  return {
    form,
    values,
    set,
    setup,
    existing,
    uploads,
    removeKept,
    selfCheck: selfCheckOf(values, dibaoFen),
    saveDraft,
    send,
    busy: save.busy || submit.busy || uploads.uploading,
  };
}
