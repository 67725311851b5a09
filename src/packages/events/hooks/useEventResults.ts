import type { EventAdminView, PrizeView, RosterEntry } from '@/core/contracts/events';
import { prizeParticipants } from '@/core/domain/events';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { NO_RESULTS_EDIT, newPrize, prizeCandidates, prizesQuestion, resultsChanged, resultsDoneText, resultsDraft, type PrizeDraft, type ResultsValues } from '../results';

let nextKey = 1;

/**
 * 结果与奖品 of an event, after it has started (`events.results`). The officer publishes the results text members
 * read on the event's page, and writes down the prizes: each winner must have taken part (checked in, or confirmed
 * when nobody was checked in), and each prize is a payout the function checks against the year's policy (the
 * share of winners, the cap, the forms) and the budget — all of them before recording any. Prizes recorded before
 * are listed from the ledger and are not sent again; correcting one is a reversal in 经费台账.
 */
export function useEventResults(event: EventAdminView, entries: readonly RosterEntry[], recorded: readonly PrizeView[], onSaved: () => void) {
  const form = useForm<ResultsValues>(NO_RESULTS_EDIT);
  const { values } = form;
  const drafts = values.prizes;
  const draft = resultsDraft(event.id, values);
  // Built from this render's rows: the count and the total asked about are those the check below lets through.
  const save = useAction('events', 'results', { form, confirm: prizesQuestion(draft.payload.prizes), done: resultsDoneText });

  const participants = prizeParticipants(entries);
  const setPrizes = (prizes: PrizeDraft[]) => form.replace({ ...values, prizes });
  const add = () => setPrizes([...drafts, newPrize(nextKey++)]);
  // Problems of the rows are addressed by index: after a removal they would point at the wrong one.
  const remove = (key: number) => {
    setPrizes(drafts.filter((x) => x.key !== key));
    form.clearErrors();
  };
  const set = <K extends keyof PrizeDraft>(key: number, field: K, value: PrizeDraft[K]) => {
    const index = drafts.findIndex((x) => x.key === key);
    setPrizes(drafts.map((x) => (x.key === key ? { ...x, [field]: value } : x)));
    form.settle((k) => k.startsWith(`prizes.${index}.`) || k === 'prizes');
  };

  const submit = async () => {
    const checked = form.check('events', 'results', draft.payload, { problems: draft.problems });
    if (!checked || !(await save.run(checked))) return;
    form.replace(NO_RESULTS_EDIT);
    onSaved();
  };

  return {
    text: values.results ?? event.results,
    setText: (value: string) => form.set('results', value),
    drafts,
    add,
    remove,
    set,
    candidates: (row: PrizeDraft) => prizeCandidates(participants, recorded, drafts, row),
    participants,
    errors: form.errors,
    error: form.error,
    submit,
    saving: save.busy,
    changed: resultsChanged(values, event.results),
  };
}
