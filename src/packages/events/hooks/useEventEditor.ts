import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { EventAdminView } from '@/core/contracts/events';
import type { ErrorBody } from '@/core/errors';
import { say } from '@/services/dialog';
import { chooseAndUploadImage, releasePreview } from '@/services/files';
import { randomId } from '@/services/ids';
import { ROUTES, withQuery } from '@/services/routes';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import {
  SETTLES,
  datePicked,
  eventFieldOf,
  newQuestion,
  problemList,
  publishDraft,
  updateDoneText,
  updateDraft,
  valuesOf,
  type EventFormValues,
  type QuestionDraft,
  type QuestionType,
} from '../eventForm';

/**
 * 发布活动 / 修改活动 (`events.publish` with a requestKey made when the form opens, so a double tap publishes once;
 * `events.update` with only the fields that changed, so members are told of a change only when there is one).
 * Problems show beside their fields and, all together, above the button (the form is long).
 */
export function useEventEditor(original: EventAdminView | null, openid: string) {
  const form = useForm<EventFormValues>(() => valuesOf(original, new Date()), { fieldOf: eventFieldOf, settles: SETTLES });
  const [requestKey] = useState(randomId);
  const [coverUploading, setCoverUploading] = useState(false);
  // The picture chooser's own reply (a file too large, no access to the album): not a function's refusal.
  const [coverError, setCoverError] = useState<ErrorBody | null>(null);
  const publish = useAction('events', 'publish', { form, done: '已发布' });
  const update = useAction('events', 'update', { form, prefix: ['changes'], done: updateDoneText });
  const { values, set } = form;

  /** Several values at once (each settles its own problems, as when typed). */
  const setAll = (patch: Partial<EventFormValues>) => {
    for (const key of Object.keys(patch) as (keyof EventFormValues)[]) set(key, patch[key] as EventFormValues[keyof EventFormValues]);
  };
  const setDate = (date: string) => setAll(datePicked(values, date));

  // A local preview (a browser's blob: address) is let go when another replaces it and when the form closes.
  const preview = useRef(values.coverPreview);
  preview.current = values.coverPreview;
  useEffect(() => () => releasePreview(preview.current), []);
  const setCover = (fileID: string | null, previewUrl: string | null) => {
    releasePreview(values.coverPreview);
    setAll({ coverFileID: fileID, coverPreview: previewUrl });
  };

  /** 上传封面 / 更换: pick a picture and upload it to the officer's own folder; the function checks and keeps it on 发布 / 保存. */
  const uploadCover = async () => {
    if (coverUploading) return;
    setCoverError(null);
    setCoverUploading(true);
    try {
      const reply = await chooseAndUploadImage(openid);
      if (!reply.ok) setCoverError(reply.error);
      else if (reply.data) setCover(reply.data.fileID, reply.data.previewUrl);
    } finally {
      setCoverUploading(false);
    }
  };
  const removeCover = () => {
    setCoverError(null);
    setCover(null, null);
  };

  const addQuestion = (type: QuestionType) => set('questions', [...values.questions, newQuestion(values.questions, type)]);
  const setQuestion = (index: number, patch: Partial<QuestionDraft>) => {
    set('questions', values.questions.map((q, i) => (i === index ? { ...q, ...patch } : q)));
    form.settle(['extraFields', ...Object.keys(patch).map((k) => `extraFields.${index}.${k}`)]);
  };
  // Problems of the questions are addressed by index: after a removal they would point at the wrong one.
  const removeQuestion = (index: number) => {
    set('questions', values.questions.filter((_, i) => i !== index));
    form.settle((k) => k.startsWith('extraFields.'));
  };

  const submit = async () => {
    const now = new Date();
    if (!original) {
      const { payload, problems } = publishDraft(values, requestKey, now);
      const checked = form.check('events', 'publish', payload, { problems });
      const published = checked && (await publish.run(checked));
      // Replace the form: 返回 from the roster goes to the list, not back to a form already published.
      if (published) void Taro.redirectTo({ url: withQuery(ROUTES.eventRoster, { id: published.event.id }) });
      return;
    }
    const { payload, problems, unchanged } = updateDraft(values, original, now);
    if (unchanged) {
      form.clearErrors();
      say('没有修改任何内容');
      return;
    }
    const checked = form.check('events', 'update', payload, { prefix: ['changes'], problems });
    if (checked && (await update.run(checked))) void Taro.navigateBack();
  };

  return {
    values,
    set,
    setDate,
    cover: { url: values.coverPreview, uploading: coverUploading, error: coverError, upload: uploadCover, remove: removeCover },
    addQuestion,
    setQuestion,
    removeQuestion,
    errors: form.errors,
    error: form.error,
    problems: problemList(form.errors, form.error),
    submit,
    busy: publish.busy || update.busy || coverUploading,
    editing: original !== null,
  };
}

export type EventEditor = ReturnType<typeof useEventEditor>;
