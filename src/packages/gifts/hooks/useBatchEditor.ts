import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { AdminBatchView } from '@/core/contracts/giftsBatches';
import type { Holiday } from '@/core/policy/items';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm } from '@/hooks/useForm';
import { chooseAndUploadImage } from '@/services/files';
import { randomId } from '@/services/ids';
import { ROUTES, withQuery } from '@/services/routes';
import { BATCH_WHEN_EMPTY, batchDraft, batchFieldOf, batchValuesOf, emptyBatch, emptyOption, emptyPlace, withoutOption, type BatchValues, type OptionDraft, type PlaceDraft } from '../batchForm';

/**
 * A holiday batch's form (`gifts.batchSave`): a new batch, or a draft edited before it opens. Picking a holiday and
 * year asks the function for its day (lunar calendar), the default window and what the policy allows; the window
 * fills in while the officer has not set one. Saved, a new batch opens on its own page.
 */
export function useBatchEditor(openid: string, year: number, draft: AdminBatchView | null, onSaved?: () => void) {
  const form = useForm<BatchValues>(() => (draft ? batchValuesOf(draft) : emptyBatch(year)), { fieldOf: batchFieldOf, whenEmpty: BATCH_WHEN_EMPTY });
  const [requestKey] = useState(randomId);
  const { values, set } = form;
  const save = useAction('gifts', 'batchSave', { form, done: draft ? '已保存' : '已创建' });
  const defaults = useCall('gifts', 'batchDefaults', { payload: { holiday: values.holiday ?? 'midAutumn', year: values.year }, enabled: values.holiday !== null });
  const known = defaults.status === 'ok' ? defaults.data : null;
  const [uploading, setUploading] = useState<number | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);

  // The default window once the holiday's day is known, unless the officer set one (or the draft has one).
  useEffect(() => {
    if (!known || draft) return;
    if (known.closesOn) set('closesOn', known.closesOn);
    if (known.pickupEndsOn) set('pickupEndsOn', known.pickupEndsOn);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per holiday and year answered
  }, [known?.holiday, known?.year]);

  const setOption = (i: number, patch: Partial<OptionDraft>) => {
    set('options', values.options.map((o, k) => (k === i ? { ...o, ...patch } : o)));
    form.settle((key) => key.startsWith(`options.${i}.`) || key === 'options');
  };
  const addOption = () => set('options', [...values.options, emptyOption()]);
  const removeOption = (i: number) => {
    const next = withoutOption(values, i);
    set('options', next.options);
    set('fallbackOption', next.fallbackOption);
    form.settle((key) => key.startsWith('options'));
  };
  const setPlace = (i: number, patch: Partial<PlaceDraft>) => {
    set('places', values.places.map((p, k) => (k === i ? { ...p, ...patch } : p)));
    form.settle((key) => key.startsWith(`places.${i}.`) || key === 'places');
  };
  const addPlace = () => set('places', [...values.places, emptyPlace()]);
  const removePlace = (i: number) => set('places', values.places.filter((_, k) => k !== i));

  const addPhoto = async (i: number) => {
    setPhotoError(null);
    setUploading(i);
    try {
      const reply = await chooseAndUploadImage(openid);
      if (!reply.ok) setPhotoError(reply.error.message);
      else if (reply.data) setOption(i, { photo: reply.data.fileID, photoUrl: reply.data.previewUrl });
    } finally {
      setUploading(null);
    }
  };

  const pickHoliday = (h: Holiday) => {
    set('holiday', h);
    if (!draft) {
      set('closesOn', null);
      set('pickupEndsOn', null);
    }
  };

  const submit = async () => {
    const { payload, problems } = batchDraft(values, requestKey, draft?.id);
    const checked = form.check('gifts', 'batchSave', payload, { problems });
    if (!checked) return;
    const done = await save.run(checked);
    if (!done) return;
    if (draft) onSaved?.();
    else void Taro.redirectTo({ url: withQuery(ROUTES.giftBatchAdmin, { id: done.id }) });
  };

  return { values, set, errors: form.errors, error: form.error, known, pickHoliday, setOption, addOption, removeOption, setPlace, addPlace, removePlace, addPhoto, uploading, photoError, submit, busy: save.busy || uploading !== null };
}
