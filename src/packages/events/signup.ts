/**
 * A member's side of an event, as words and payloads: the questions before 报名 and 取消报名, the answers ⇄
 * `events.signup`, what a sign-up came to, and a scanned check-in code judged before sending. Pure (no Taro, no
 * React), so it is unit-tested.
 */
import type { EventCard, EventDetail } from '@/core/contracts/events';
import { checkAnswers, parseCheckinText, waitlistPlace, type Answers } from '@/core/domain/events';
import { placeIssues, type FieldErrors } from '@/hooks/useForm';
import type { Confirm } from '@/services/toast';
import { eventTimeText, signupOutcomeText } from './format';

type ExtraField = EventDetail['extraFields'][number];
type SignupState = { status: 'confirmed' | 'waitlisted' | 'cancelled'; position: number | null };

/** What a sign-up came to, shown above the list or the form until the next one. */
export interface SignupOutcome {
  tone: 'ok' | 'warn';
  /** 「报名成功」 or 「名额已满，已进入候补第 N 位」. */
  text: string;
  eventTitle: string;
}

export function outcomeOf(signup: SignupState, eventTitle: string): SignupOutcome {
  return { tone: signup.status === 'confirmed' ? 'ok' : 'warn', text: signupOutcomeText(signup), eventTitle };
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

/** The dialog of a card's 报名: the event, its time, and the place in line when it is full. */
export function quickSignupQuestion(card: Pick<EventCard, 'title' | 'startsAt' | 'endsAt' | 'capacity' | 'seatsLeft' | 'waitlistCount'>): Confirm {
  const words = quickSignupWords(card);
  return {
    title: words.title,
    content: [card.title, eventTimeText(card.startsAt, card.endsAt), words.note].filter(Boolean).join('\n'),
    confirmText: words.confirm,
    // The red of the card's own 报名 button: the same step, confirmed.
    danger: true,
  };
}

/** The question before 取消报名: a confirmed member's seat goes to the waitlist. */
export function cancelSignupQuestion(event: Pick<EventDetail, 'title' | 'mySignup'>): Confirm {
  return {
    title: '取消报名',
    content: `确定取消「${event.title}」的报名吗？${event.mySignup?.status === 'confirmed' ? '您的名额会让给候补的会员。' : ''}`,
    confirmText: '取消报名',
    cancelText: '不取消',
    danger: true,
  };
}

/** The answers before the member touches anything: no family members (0), every other question unanswered. */
export function initialAnswers(fields: readonly ExtraField[]): Answers {
  const out: Answers = {};
  for (const f of fields) if (f.type === 'family') out[f.key] = 0;
  return out;
}

/** The answers the form shows: what the member picked, over the initial ones. */
export function answersOf(fields: readonly ExtraField[], picked: Answers): Answers {
  return { ...initialAnswers(fields), ...picked };
}

/**
 * What `events.signup` is sent, and each question's problem by its key, checked with the function's own rules
 * (core/domain/events checkAnswers): a required question unanswered, a choice not among the options, too many
 * family members.
 */
export function signupDraft(event: Pick<EventDetail, 'id' | 'extraFields'>, picked: Answers): { payload: { eventId: string; answers: Answers }; problems: FieldErrors } {
  const answers = answersOf(event.extraFields, picked);
  const checked = checkAnswers(event.extraFields, answers);
  if (checked.ok) return { payload: { eventId: event.id, answers: checked.answers }, problems: {} };
  return { payload: { eventId: event.id, answers }, problems: placeIssues(checked.issues, answers, ['answers']).fields };
}

/** A stored answer as the member gave it: 是 / 否, "2 人", the option chosen; null when not answered. */
export function answerText(field: ExtraField, value: Answers[string] | undefined): string | null {
  if (value === undefined) return null;
  if (field.type === 'yesno') return value === true ? '是' : '否';
  if (field.type === 'family') return `${String(value)} 人`;
  return String(value);
}

/**
 * Why a code the camera read at the door cannot be the event's (a web address, a payment code), or null: the
 * function judges the rest. The event's QR code reads `event:<eventId>:<code>`; a bare code is 4 to 12 digits.
 */
export function scannedEventCodeProblem(text: string): string | null {
  const scanned = parseCheckinText(text);
  return scanned.kind === 'typed' && !/^\d{4,12}$/.test(scanned.code) ? '这不是活动签到二维码，请扫描活动现场展示的签到二维码，或输入现场公布的签到码' : null;
}
