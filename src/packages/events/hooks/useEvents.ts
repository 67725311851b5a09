import { useState } from 'react';
import type { EventCard } from '@/core/contracts/events';
import type { Answers } from '@/core/domain/events';
import type { ErrorBody } from '@/core/errors';
import { ask, sayRefusal } from '@/services/dialog';
import { scanQr } from '@/services/scan';
import { askForEventNotices } from '@/services/subscribe';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm } from '@/hooks/useForm';
import { signupOutcomeText } from '../format';
import { answersOf, cancelSignupQuestion, outcomeOf, quickSignupQuestion, scannedEventCodeProblem, signupDraft, type SignupOutcome } from '../signup';

export const EVENTS_PAGE_SIZE = 10;
export type EventScope = 'upcoming' | 'past';

/** The line after a sign-up: 报名成功 under a tick, or the place on the waitlist, long enough to be read. */
const saidOutcome = (data: { signup: { status: 'confirmed' | 'waitlisted' | 'cancelled'; position: number | null } }) => signupOutcomeText(data.signup);

/** 文体活动: the union's events, 近期 or 往期, a page at a time, with the two-tap sign-up of the cards. */
export function useEventList() {
  const [scope, setScopeState] = useState<EventScope>('upcoming');
  const [page, setPage] = useState(1);
  // Back from the detail page (signed up or cancelled there): the cards show it.
  const list = useCall('events', 'list', { payload: { scope, page, pageSize: EVENTS_PAGE_SIZE }, reloadOnShow: true });
  const quick = useQuickSignup(list.refresh);
  const setScope = (s: EventScope) => {
    setScopeState(s);
    setPage(1);
  };
  return { scope, setScope, page, setPage, list, quick };
}

/**
 * 报名 on a card (events without questions): tap 报名, tap 确认报名 in the dialog — two taps, no page to open (a full
 * event: 候补报名, then 确认候补). The subscribe-message consent is asked inside the second tap, the only moment
 * WeChat allows it: so the question is asked here, before the consent, and not by the action.
 */
export function useQuickSignup(onDone: () => void) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<SignupOutcome | null>(null);
  const action = useAction('events', 'signup', {
    done: saidOutcome,
    // The notice is at the top of the list and the member may have scrolled far below it: the refusal is told at
    // once too, as plain text (never under a success tick, however short).
    refused: (error: ErrorBody) => sayRefusal(error.message),
  });

  const signup = async (card: EventCard) => {
    if (busyId) return;
    if (!(await ask(quickSignupQuestion(card)))) return;
    setBusyId(card.id);
    setOutcome(null);
    try {
      await askForEventNotices();
      const done = await action.run({ eventId: card.id });
      if (done) setOutcome(outcomeOf(done.signup, card.title));
      // Either way the card changes: seats, the waitlist, or why it can no longer be joined.
      onDone();
    } finally {
      setBusyId(null);
    }
  };

  return { signup, busyId, outcome, error: action.error };
}

/**
 * 活动详情: the event with the caller's own sign-up; the form with the event's questions (checked on the phone
 * with the same rules as the function, core/domain/events checkAnswers); 取消报名; 现场签到 with the event's code.
 */
export function useEventDetail(eventId: string) {
  const detail = useCall('events', 'get', { payload: { eventId }, reloadOnShow: true });
  const event = detail.status === 'ok' ? detail.data : null;
  /** The answers the member picked; the questions' initial answers (no family members) are under them. */
  const form = useForm<Answers>({});
  const [outcome, setOutcome] = useState<SignupOutcome | null>(null);
  const [code, setCode] = useState('');
  const signupAction = useAction('events', 'signup', {
    form,
    prefix: ['answers'],
    done: saidOutcome,
    // The event has changed under the member (full, closed, a question changed): show it as it is now.
    refused: () => detail.refresh(),
  });
  const cancelAction = useAction('events', 'cancelSignup', { confirm: event && cancelSignupQuestion(event), done: '已取消报名', refused: () => setOutcome(null) });
  const checkinAction = useAction('events', 'checkinSelf', { done: '签到成功' });

  const submit = async () => {
    if (!event) return;
    setOutcome(null);
    const { payload, problems } = signupDraft(event, form.values);
    const checked = form.check('events', 'signup', payload, { prefix: ['answers'], problems });
    if (!checked) return;
    await askForEventNotices();
    const done = await signupAction.run(checked);
    if (!done) return;
    setOutcome(outcomeOf(done.signup, event.title));
    form.replace({});
    detail.refresh();
  };

  const cancel = async () => {
    if (!event) return;
    if (!(await cancelAction.run({ eventId: event.id }))) return;
    setOutcome(null);
    detail.refresh();
  };

  /** The event's code as typed, or the text of its QR code as scanned; the function judges either. */
  const checkIn = async (raw: string = code) => {
    if (!event) return;
    if (!(await checkinAction.run({ eventId: event.id, code: raw.trim() }))) return;
    setCode('');
    detail.refresh();
  };

  /**
   * WeChat only: the camera reads the event's QR code shown at the door (`event:<eventId>:<code>`) and sends it as
   * read. Something that is no check-in code at all (a web address, a payment code) is told at once.
   */
  const scan = async () => {
    if (!event) return;
    checkinAction.clear();
    const read = await scanQr('events');
    if (!read.ok) {
      if (!read.cancelled) checkinAction.refuse('没有扫到签到二维码，请重试，或输入现场公布的签到码', 'BAD_REQUEST');
      return;
    }
    const problem = scannedEventCodeProblem(read.text);
    if (problem) {
      checkinAction.refuse(problem, 'BAD_REQUEST');
      return;
    }
    await checkIn(read.text);
  };

  return {
    detail,
    answers: event ? answersOf(event.extraFields, form.values) : form.values,
    answer: (key: string, value: Answers[string]) => form.set(key, value),
    errors: form.errors,
    error: form.error,
    outcome,
    submit,
    submitting: signupAction.busy,
    cancel,
    cancelling: cancelAction.busy,
    cancelError: cancelAction.error,
    code,
    setCode,
    checkIn,
    scan,
    checkingIn: checkinAction.busy,
    checkinError: checkinAction.error,
  };
}
