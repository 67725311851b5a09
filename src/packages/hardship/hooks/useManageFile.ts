import { useState } from 'react';
import type { FileView } from '@/core/contracts/hardship';
import type { ErrorBody } from '@/core/errors';
import { shanghaiDateKey } from '@/core/time';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm } from '@/hooks/useForm';
import { newest, type Latest } from '../reviewFormat';
import { emptyFileClose, emptyFileReview, fileCloseDraft, fileCloseFieldOf, fileCloseQuestion, fileFieldOf, fileReviewDraft, type FileCloseValues, type FileReviewValues } from '../reviewForms';

/**
 * 档案详情: one household's file (`hardship.file`, every opening recorded), its yearly review (`hardship.fileReview`:
 * the category as found and a note) and closing it when the household leaves hardship (`hardship.fileClose`). Each
 * action answers with the file as it is now, shown until a newer read arrives.
 */
export function useManageFile(fileId: string) {
  const view = useCall('hardship', 'file', { payload: { fileId }, reloadOnShow: true });
  const fetched = view.status === 'ok' ? view.data : null;
  const [latest, setLatest] = useState<Latest<FileView>>(null);
  const shown = newest(latest, fetched);
  const today = shanghaiDateKey(new Date());
  const refused = (e: ErrorBody) => {
    if (e.code === 'NOT_ALLOWED') view.refresh();
  };

  const reviewForm = useForm<FileReviewValues>(emptyFileReview, { fieldOf: fileFieldOf, whenEmpty: { note: '请写明复核情况' } });
  const review = useAction('hardship', 'fileReview', { form: reviewForm, done: '已记录复核', refused });

  const closeForm = useForm<FileCloseValues>(() => emptyFileClose(today), { fieldOf: fileCloseFieldOf, whenEmpty: { reason: '请写明脱困原因' } });
  const close = useAction('hardship', 'fileClose', { form: closeForm, confirm: (p) => fileCloseQuestion(shown?.memberName ?? '该', p.closedOn, today), done: '档案已关闭', refused });

  const settled = (f: FileView | null): boolean => {
    if (!f) return false;
    setLatest({ data: f, basis: fetched });
    return true;
  };

  const run = {
    review: async () => {
      const { payload, problems } = fileReviewDraft(fileId, reviewForm.values);
      const checked = reviewForm.check('hardship', 'fileReview', payload, { problems });
      if (checked && settled(await review.run(checked))) reviewForm.replace(emptyFileReview());
    },
    close: async () => {
      const { payload, problems } = fileCloseDraft(fileId, closeForm.values);
      const checked = closeForm.check('hardship', 'fileClose', payload, { problems });
      if (checked && settled(await close.run(checked))) closeForm.replace(emptyFileClose(today));
    },
  };

  return { view, shown, today, forms: { review: reviewForm, close: closeForm }, run, busy: review.busy || close.busy };
}

export type ManageFile = ReturnType<typeof useManageFile>;
