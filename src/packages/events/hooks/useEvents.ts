import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { EventCard, EventDetail } from '@/core/contracts/events';
import { checkAnswers, parseCheckinText, waitlistPlace, type Answers } from '@/core/domain/events';
import type { ErrorBody } from '@/core/errors';
import { eventTimeText, signupOutcomeText } from '../format';
import { scanQr } from '@/services/scan';
import { askForEventNotices } from '@/services/subscribe';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { issuesToFields, type FieldErrors } from '@/hooks/useForm';

export const EVENTS_PAGE_SIZE = 10;
export type EventScope = 'upcoming' | 'past';

/** What a sign-up came to, shown above the list or the form until the next one. */
export interface SignupOutcome {
  tone: 'ok' | 'warn';
  /** 「报名成功」 or 「名额已满，已进入候补第 N 位」. */
  text: string;
  eventTitle: string;
}

function outcomeOf(signup: { status: 'confirmed' | 'waitlisted' | 'cancelled'; position: number | null }, eventTitle: string): SignupOutcome {
  return { tone: signup.status === 'confirmed' ? 'ok' : 'warn', text: signupOutcomeText(signup), eventTitle };
}

/** Tell the outcome at once wherever the member has scrolled to; the page keeps it in a notice too. */
function toastOutcome(o: SignupOutcome): void {
  void Taro.showToast({ title: o.text, icon: o.tone === 'ok' ? 'success' : 'none', duration: 2500 });
}

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
 * What the card's button and the confirming dialog say: 报名 / 确认报名 while a seat is free, 候补报名 and the place in
 * line when the event is full, so the member knows before the tap. A dialog's buttons take at most four characters
 * (WeChat, and Taro's H5 dialog alike): the place is in the dialog's title.
 */
export function quickSignupWords(card: Pick<EventCard, 'capacity' | 'seatsLeft' | 'waitlistCount'>): { place: number | null; button: string; title: string; confirm: string; note: string } {
  const place = waitlistPlace(card);
  if (place === null) return { place, button: '报名', title: '确认报名', confirm: '确认报名', note: '' };
  return {
    place,
    button: '候补报名',
    title: `候补报名：排在第 ${place} 位`,
    confirm: '确认候补',
    note: `名额已满，报名后排在候补第 ${place} 位；有人取消时按顺序自动递补，并通知您。`,
  };
}

/**
 * 报名 on a card (events without questions): tap 报名, tap 确认报名 in the dialog — two taps, no page to open (a full
 * event: 候补报名, then 确认候补). The subscribe-message consent is asked inside the second tap, the only moment
 * WeChat allows it.
 */
export function useQuickSignup(onDone: () => void) {
  const action = useAction('events', 'signup');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<SignupOutcome | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);

  const signup = async (card: EventCard) => {
    if (busyId) return;
    const words = quickSignupWords(card);
    const confirm = await Taro.showModal({
      title: words.title,
      content: [card.title, eventTimeText(card.startsAt, card.endsAt), words.note].filter(Boolean).join('\n'),
      confirmText: words.confirm,
      cancelText: '取消',
      confirmColor: '#c8161d',
    });
    if (!confirm.confirm) return;
    setBusyId(card.id);
    setError(null);
    setOutcome(null);
    try {
      await askForEventNotices();
      const reply = await action.run({ eventId: card.id });
      if (!reply) return;
      if (!reply.ok) {
        setError(reply.error);
        void Taro.showToast({ title: reply.error.message, icon: 'none', duration: 2500 });
      } else {
        const o = outcomeOf(reply.data.signup, card.title);
        setOutcome(o);
        toastOutcome(o);
      }
      // Either way the card changes: seats, the waitlist, or why it can no longer be joined.
      onDone();
    } finally {
      setBusyId(null);
    }
  };

  return { signup, busyId, outcome, error };
}

/** The initial answers: no family members (0), every other question unanswered. */
function initialAnswers(event: EventDetail): Answers {
  const out: Answers = {};
  for (const f of event.extraFields) if (f.type === 'family') out[f.key] = 0;
  return out;
}

/**
 * 活动详情: the event with the caller's own sign-up; the form with the event's questions (checked on the phone
 * with the same rules as the function, core/domain/events checkAnswers); 取消报名; 现场签到 with the event's code.
 */
export function useEventDetail(eventId: string) {
  const detail = useCall('events', 'get', { payload: { eventId }, reloadOnShow: true });
  const signupAction = useAction('events', 'signup');
  const cancelAction = useAction('events', 'cancelSignup');
  const checkinAction = useAction('events', 'checkinSelf');
  const [answers, setAnswers] = useState<Answers | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const [outcome, setOutcome] = useState<SignupOutcome | null>(null);
  const [cancelError, setCancelError] = useState<ErrorBody | null>(null);
  const [code, setCode] = useState('');
  const [checkinError, setCheckinError] = useState<ErrorBody | null>(null);

  const event = detail.status === 'ok' ? detail.data : null;
  const current: Answers = answers ?? (event ? initialAnswers(event) : {});

  const answer = (key: string, value: string | boolean | number) => {
    setAnswers({ ...current, [key]: value });
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async () => {
    if (!event) return;
    setError(null);
    setOutcome(null);
    const checked = checkAnswers(event.extraFields, current);
    if (!checked.ok) {
      setErrors(issuesToFields(checked.issues, ['answers']));
      setError({ code: 'VALIDATION_FAILED', message: '还有报名问题没有填写，请按提示补充' });
      return;
    }
    setErrors({});
    await askForEventNotices();
    const reply = await signupAction.run({ eventId: event.id, answers: checked.answers });
    if (!reply) return;
    if (!reply.ok) {
      setErrors(issuesToFields(reply.error.issues, ['answers']));
      setError(reply.error);
      detail.refresh();
      return;
    }
    const o = outcomeOf(reply.data.signup, event.title);
    setOutcome(o);
    toastOutcome(o);
    setAnswers(null);
    detail.refresh();
  };

  const cancel = async () => {
    if (!event) return;
    const confirm = await Taro.showModal({
      title: '取消报名',
      content: `确定取消「${event.title}」的报名吗？${event.mySignup?.status === 'confirmed' ? '您的名额会让给候补的会员。' : ''}`,
      confirmText: '取消报名',
      cancelText: '不取消',
      confirmColor: '#c8161d',
    });
    if (!confirm.confirm) return;
    setCancelError(null);
    setOutcome(null);
    const reply = await cancelAction.run({ eventId: event.id });
    if (!reply) return;
    if (!reply.ok) {
      setCancelError(reply.error);
      return;
    }
    void Taro.showToast({ title: '已取消报名', icon: 'success' });
    detail.refresh();
  };

  /** The event's code as typed, or the text of its QR code as scanned; the function judges either. */
  const checkIn = async (raw: string = code) => {
    if (!event) return;
    setCheckinError(null);
    const reply = await checkinAction.run({ eventId: event.id, code: raw.trim() });
    if (!reply) return;
    if (!reply.ok) {
      setCheckinError(reply.error);
      return;
    }
    setCode('');
    void Taro.showToast({ title: '签到成功', icon: 'success' });
    detail.refresh();
  };

  /**
   * WeChat only: the camera reads the event's QR code shown at the door (`event:<eventId>:<code>`) and sends it as
   * read. Something that is no check-in code at all (a web address, a payment code) is told at once.
   */
  const scan = async () => {
    if (!event) return;
    setCheckinError(null);
    const read = await scanQr('events');
    if (!read.ok) {
      if (!read.cancelled) setCheckinError({ code: 'BAD_REQUEST', message: '没有扫到签到二维码，请重试，或输入现场公布的签到码' });
      return;
    }
    const text = read.text;
    const scanned = parseCheckinText(text);
    if (scanned.kind === 'typed' && !/^\d{4,12}$/.test(scanned.code)) {
      setCheckinError({ code: 'BAD_REQUEST', message: '这不是活动签到二维码，请扫描活动现场展示的签到二维码，或输入现场公布的签到码' });
      return;
    }
    await checkIn(text);
  };

  return {
    detail,
    answers: current,
    answer,
    errors,
    error,
    outcome,
    submit,
    submitting: signupAction.busy,
    cancel,
    cancelling: cancelAction.busy,
    cancelError,
    code,
    setCode,
    checkIn,
    scan,
    checkingIn: checkinAction.busy,
    checkinError,
  };
}
