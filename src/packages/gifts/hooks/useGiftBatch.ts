import { useState } from 'react';
import type { MemberBatchView } from '@/core/contracts/giftsBatches';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { askForGiftNotices } from '@/services/subscribe';
import { choiceDraft, choiceFieldOf, choiceOf, type ChoiceValues } from '../batchForm';

/**
 * 选择慰问品: the way to get the gift (a place, or delivery with an address), started from the member's own choice,
 * and one tap on a gift to choose it or change to it. A gone gift is an answer shown beside the others, not an error.
 * The page mounts it afresh (by key) whenever the member's claim changes.
 */
export function useGiftChoice(batch: MemberBatchView, onChanged: () => void) {
  const form = useForm<ChoiceValues>(() => choiceOf(batch.mine, batch.places[0]?.id ?? null, batch.places.length === 0), { fieldOf: choiceFieldOf });
  const [outcome, setOutcome] = useState<{ tone: 'ok' | 'warn'; text: string } | null>(null);
  const choose = useAction('gifts', 'claimChoose', { form });

  const pick = async (optionId: string) => {
    const checked = form.check('gifts', 'claimChoose', choiceDraft(batch.id, form.values, optionId));
    if (!checked) return;
    setOutcome(null);
    // Inside the tap, as WeChat requires: consent to one gift notice (the next batch, the next birthday voucher).
    await askForGiftNotices();
    const done = await choose.run(checked);
    if (!done) return;
    setOutcome({ tone: done.result === 'soldOut' ? 'warn' : 'ok', text: done.message });
    onChanged();
  };

  /** Save a new place or address for the gift already chosen. */
  const saveWay = () => (batch.mine ? pick(batch.mine.optionId) : Promise.resolve());

  return { values: form.values, set: form.set, errors: form.errors, error: form.error, pick, saveWay, busy: choose.busy, outcome };
}
