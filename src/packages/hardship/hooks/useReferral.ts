import { useState } from 'react';
import type { ReferralView } from '@/core/contracts/hardship';
import type { ErrorBody } from '@/core/errors';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm } from '@/hooks/useForm';
import { newest, type Latest } from '../reviewFormat';
import { decideDoneText, decideDraft, decideFieldOf, decideQuestion, emptyDecide, type DecideValues } from '../reviewForms';

/**
 * 大病关爱推荐详情 (工委): the package a union referred (`hardship.referral`, the opening recorded) and, while it is
 * pending, the 工委's decision (`hardship.decideReferral`): approve an amount (paid at once from the 工委's budget)
 * or decline, with the reason.
 */
export function useReferral(referralId: string) {
  const view = useCall('hardship', 'referral', { payload: { referralId }, reloadOnShow: true });
  const fetched = view.status === 'ok' ? view.data : null;
  const [latest, setLatest] = useState<Latest<ReferralView>>(null);
  const shown = newest(latest, fetched);
  // Decided meanwhile by another officer of the 工委: read it again.
  const refused = (e: ErrorBody) => {
    if (e.code === 'NOT_ALLOWED') view.refresh();
  };

  const form = useForm<DecideValues>(emptyDecide, { fieldOf: decideFieldOf, whenEmpty: { reason: '请写明决定理由' } });
  const decide = useAction('hardship', 'decideReferral', {
    form,
    confirm: (p) => decideQuestion(p, { name: shown?.name ?? '申请人', unionName: shown?.unionName ?? '' }),
    done: (v) => decideDoneText(v.status),
    refused,
  });

  const submit = async () => {
    const { payload, problems } = decideDraft(referralId, form.values, shown?.rule?.capFen ?? null);
    const checked = form.check('hardship', 'decideReferral', payload, { problems });
    const after = checked && (await decide.run(checked));
    if (!after) return;
    setLatest({ data: after, basis: fetched });
    form.replace(emptyDecide());
  };

  return { view, shown, form, submit, busy: decide.busy };
}
