import type { EventDetail } from '@/core/contracts/events';
import { checkPayload } from '@/services/check';
import { answerText, answersOf, cancelSignupQuestion, initialAnswers, outcomeOf, quickSignupQuestion, quickSignupWords, scannedEventCodeProblem, signupDraft } from './signup';

const fields: EventDetail['extraFields'] = [
  { key: 'size', label: '衣服尺码', type: 'choice', options: ['S', 'M', 'L'], required: true },
  { key: 'meal', label: '是否用餐', type: 'yesno', required: false },
  { key: 'family', label: '携带家属人数', type: 'family', max: 2 },
];
const event = { id: 'ev-1', extraFields: fields };

describe('a card’s two-tap sign-up', () => {
  test('a free seat: 报名, then 确认报名, nothing said about a waitlist', () => {
    expect(quickSignupWords({ capacity: 30, seatsLeft: 3, waitlistCount: 0 })).toEqual({ place: null, button: '报名', title: '确认报名', confirm: '确认报名', note: '' });
    expect(quickSignupWords({ capacity: null, seatsLeft: null, waitlistCount: 0 }).place).toBeNull();
  });

  test('a full event: 候补报名 and the place in line, in the title (a button holds four characters)', () => {
    const words = quickSignupWords({ capacity: 30, seatsLeft: 0, waitlistCount: 2 });
    expect(words).toMatchObject({ place: 3, button: '候补报名', title: '候补报名：排在第 3 位', confirm: '确认候补' });
    expect(words.note).toContain('候补第 3 位');
    expect([...words.confirm].length).toBeLessThanOrEqual(4);
  });

  test('the dialog names the event and its time, and the waitlist when full', () => {
    const card = { title: '乒乓球友谊赛', startsAt: '2026-06-10T01:00:00.000Z', endsAt: '2026-06-10T03:00:00.000Z', capacity: 30, seatsLeft: 0, waitlistCount: 0 };
    const q = quickSignupQuestion(card);
    expect(q.title).toBe('候补报名：排在第 1 位');
    expect(q.confirmText).toBe('确认候补');
    expect(q.content.split('\n')).toEqual(['乒乓球友谊赛', '2026年6月10日 09:00–11:00', expect.stringContaining('候补第 1 位')]);
    expect(quickSignupQuestion({ ...card, seatsLeft: 5 }).content.split('\n')).toHaveLength(2);
  });
});

describe('what a sign-up came to', () => {
  test('a seat is told as a success, a waitlist place as a warning with its number', () => {
    expect(outcomeOf({ status: 'confirmed', position: null }, '羽毛球赛')).toEqual({ tone: 'ok', text: '报名成功', eventTitle: '羽毛球赛' });
    expect(outcomeOf({ status: 'waitlisted', position: 4 }, '羽毛球赛')).toEqual({ tone: 'warn', text: '名额已满，已进入候补第 4 位', eventTitle: '羽毛球赛' });
    expect(outcomeOf({ status: 'waitlisted', position: null }, '羽毛球赛').text).toBe('名额已满，已进入候补');
  });

  test('cancelling a seat says it goes to the waitlist; cancelling a waitlist place does not', () => {
    const confirmed = cancelSignupQuestion({ title: '羽毛球赛', mySignup: { status: 'confirmed' } as EventDetail['mySignup'] });
    expect(confirmed).toMatchObject({ title: '取消报名', confirmText: '取消报名', cancelText: '不取消', danger: true });
    expect(confirmed.content).toBe('确定取消「羽毛球赛」的报名吗？您的名额会让给候补的会员。');
    expect(cancelSignupQuestion({ title: '羽毛球赛', mySignup: { status: 'waitlisted' } as EventDetail['mySignup'] }).content).toBe('确定取消「羽毛球赛」的报名吗？');
  });
});

describe('answers ⇄ events.signup', () => {
  test('before any answer: no family members, nothing else answered', () => {
    expect(initialAnswers(fields)).toEqual({ family: 0 });
    expect(answersOf(fields, { size: 'M' })).toEqual({ family: 0, size: 'M' });
    expect(answersOf(fields, { family: 2 })).toEqual({ family: 2 });
  });

  test('complete answers are sent clean, and pass the contract', () => {
    const { payload, problems } = signupDraft(event, { size: 'L', meal: false, family: 1 });
    expect(problems).toEqual({});
    expect(payload).toEqual({ eventId: 'ev-1', answers: { size: 'L', meal: false, family: 1 } });
    expect(checkPayload('events', 'signup', payload).ok).toBe(true);
  });

  test('an optional question may be left out', () => {
    expect(signupDraft(event, { size: 'S' })).toEqual({ payload: { eventId: 'ev-1', answers: { size: 'S', family: 0 } }, problems: {} });
  });

  test('each problem is said at its question: a required one unanswered, too many family members', () => {
    expect(signupDraft(event, { family: 3 }).problems).toEqual({ size: '请选择衣服尺码', family: '携带家属人数每人最多 2 人' });
    expect(signupDraft(event, { size: 'XL' }).problems).toEqual({ size: '衣服尺码请从选项中选择' });
  });

  test('a stored answer reads as the member gave it', () => {
    expect(answerText(fields[0], 'M')).toBe('M');
    expect(answerText(fields[1], true)).toBe('是');
    expect(answerText(fields[1], false)).toBe('否');
    expect(answerText(fields[2], 2)).toBe('2 人');
    expect(answerText(fields[0], undefined)).toBeNull();
  });
});

describe('a code scanned at the door', () => {
  test('the event’s QR code and bare digits go to the function; anything else is told at once', () => {
    expect(scannedEventCodeProblem('event:ev-1:123456')).toBeNull();
    expect(scannedEventCodeProblem(' 123456 ')).toBeNull();
    expect(scannedEventCodeProblem('https://example.com/pay')).toMatch(/不是活动签到二维码/);
    expect(scannedEventCodeProblem('12')).toMatch(/不是活动签到二维码/);
  });
});
