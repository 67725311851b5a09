import { cancelReason, checkAnswers, checkSchedule, ineligibleReason, prizeEntryId, prizeParticipants, signupWindowReason, waitlistPlace, eventDateIssues, type Audience, type EventRules, type ExtraField, type MemberFacts } from './events';

const NOW = new Date('2026-05-10T02:00:00Z'); // 10:00 in Shanghai
const member: MemberFacts = { id: 'u1:A0004', gender: 'male', department: '科技处', birthDate: '1976-11-28', status: 'active' };
const everyone: Audience = { retirees: true };

describe('who may join', () => {
  test.each([
    ['everyone', everyone, member, null],
    ['retirees excluded, member retired', { retirees: false }, { ...member, status: 'retired' }, '本活动限在职会员参加'],
    ['transferred', everyone, { ...member, status: 'transferred' }, '已调离本单位'],
    ['women only', { retirees: true, genders: ['female'] }, member, '本活动限女会员参加'],
    ['one department', { retirees: true, departments: ['办公室'] }, member, '本活动限办公室参加'],
    ['the department', { retirees: true, departments: ['科技处', '办公室'] }, member, null],
    ['under 45 (member is 49)', { retirees: true, maxAge: 45 }, member, '本活动限 45 周岁以下会员参加'],
    ['50 and over (member is 49)', { retirees: true, minAge: 50 }, member, '本活动限 50 周岁以上会员参加'],
    ['on the list', { retirees: true, memberIds: ['u1:A0004'] }, member, null],
    ['not on the list', { retirees: true, memberIds: ['u1:A0001'] }, member, '本活动限指定人员参加'],
  ] as [string, Audience, MemberFacts, string | null][])('%s', (_name, audience, m, reason) => {
    expect(ineligibleReason(audience, m, NOW)).toBe(reason);
  });

  test('age is counted on the Shanghai day: the birthday itself counts', () => {
    const turning50 = { ...member, birthDate: '1976-05-10' };
    expect(ineligibleReason({ retirees: true, minAge: 50 }, turning50, NOW)).toBeNull();
    expect(ineligibleReason({ retirees: true, minAge: 50 }, turning50, new Date('2026-05-09T15:59:59Z'))).toBe('本活动限 50 周岁以上会员参加');
  });
});

const event: EventRules = {
  title: '乒乓球比赛',
  capacity: 50,
  signupOpensAt: new Date('2026-05-01T00:00:00Z'),
  signupClosesAt: new Date('2026-05-20T10:00:00Z'),
  cancelDeadline: new Date('2026-05-19T10:00:00Z'),
  startsAt: new Date('2026-05-22T01:00:00Z'),
  audience: everyone,
  extraFields: [],
  status: 'open',
};

describe('the sign-up window', () => {
  test.each([
    ['open', event, NOW, null],
    ['before it opens', event, new Date('2026-04-30T23:59:59Z'), '报名尚未开始'],
    ['at the deadline', event, new Date('2026-05-20T10:00:00Z'), '报名已截止'],
    ['closed early', { ...event, status: 'closed' }, NOW, '报名已结束'],
    ['cancelled', { ...event, status: 'cancelled' }, NOW, '活动已取消'],
  ] as [string, EventRules, Date, string | null][])('%s', (_n, e, at, reason) => {
    expect(signupWindowReason(e, at)).toBe(reason);
  });

  test('cancelling: until the cancel deadline', () => {
    expect(cancelReason(event, NOW)).toBeNull();
    expect(cancelReason(event, new Date('2026-05-19T10:00:00Z'))).toMatch(/已过取消截止时间/);
  });

  test('dates that do not follow each other are refused, each with its reason', () => {
    expect(checkSchedule(event)).toEqual([]);
    expect(checkSchedule({ ...event, signupClosesAt: event.signupOpensAt, cancelDeadline: new Date('2026-06-01T00:00:00Z') })).toEqual(['报名截止时间应晚于报名开始时间', '取消截止时间不能晚于活动开始时间']);
    expect(checkSchedule({ ...event, startsAt: new Date('2026-05-15T00:00:00Z'), cancelDeadline: new Date('2026-05-14T00:00:00Z') })).toEqual(['报名应在活动开始前截止']);
  });
});

describe('dates an event may have', () => {
  const at = (iso: string) => new Date(iso);
  const now = at('2026-11-20T10:00:00+08:00');
  test.each([
    ['next week', '2026-11-28T09:00:00+08:00', []],
    ['the last day of the two years', '2028-11-20T20:00:00+08:00', []],
    ['a day beyond', '2028-11-21T09:00:00+08:00', ['活动开始时间应在两年以内（不晚于2028年11月20日），请核对年份']],
    ['year 9999', '9999-01-01T09:00:00+08:00', ['活动开始时间应在两年以内（不晚于2028年11月20日），请核对年份']],
    ['before 2000', '1999-12-31T23:00:00+08:00', ['活动开始时间不能早于 2000 年，请核对年份']],
  ])('%s', (_what, startsAt, messages) => {
    const issues = eventDateIssues({ startsAt: at(startsAt), endsAt: at('2026-11-28T11:00:00+08:00') }, now);
    expect(issues).toEqual(messages.map((message) => ({ path: ['startsAt'], message })));
  });
});

describe('where a sign-up would land, said before the tap', () => {
  test.each([
    ['unlimited', { capacity: null, seatsLeft: null, waitlistCount: 0 }, 1, null],
    ['seats left, nobody waiting', { capacity: 10, seatsLeft: 3, waitlistCount: 0 }, 1, null],
    ['the last seat', { capacity: 10, seatsLeft: 1, waitlistCount: 0 }, 1, null],
    ['full: first in line', { capacity: 10, seatsLeft: 0, waitlistCount: 0 }, 1, 1],
    ['full, 4 waiting: fifth in line', { capacity: 10, seatsLeft: 0, waitlistCount: 4 }, 1, 5],
    ['a seat left but people waiting: behind them', { capacity: 10, seatsLeft: 1, waitlistCount: 2 }, 1, 3],
    ['not enough seats for the family', { capacity: 10, seatsLeft: 2, waitlistCount: 0 }, 3, 1],
  ] as [string, { capacity: number | null; seatsLeft: number | null; waitlistCount: number }, number, number | null][])('%s', (_n, card, seats, place) => {
    expect(waitlistPlace(card, seats)).toBe(place);
  });
});

describe('extra questions', () => {
  const fields: ExtraField[] = [
    { key: 'size', label: '衣服尺码', type: 'choice', options: ['M', 'L', 'XL'], required: true },
    { key: 'meal', label: '是否用餐', type: 'yesno', required: true },
    { key: 'family', label: '携带家属人数', type: 'family', max: 2 },
  ];

  test('good answers: the member and their family take seats together', () => {
    expect(checkAnswers(fields, { size: 'L', meal: true, family: 2 })).toEqual({ ok: true, answers: { size: 'L', meal: true, family: 2 }, seats: 3 });
    expect(checkAnswers(fields, { size: 'M', meal: false })).toEqual({ ok: true, answers: { size: 'M', meal: false, family: 0 }, seats: 1 });
    expect(checkAnswers([], {})).toEqual({ ok: true, answers: {}, seats: 1 });
  });

  test.each([
    ['missing answers', {}, ['请选择衣服尺码', '请选择是否用餐']],
    ['a size not offered', { size: 'XXL', meal: true }, ['衣服尺码请从选项中选择']],
    ['over the family limit', { size: 'M', meal: true, family: 3 }, ['携带家属人数每人最多 2 人']],
    ['a fractional family', { size: 'M', meal: true, family: 1.5 }, ['携带家属人数应为 0 或正整数']],
    ['a question the event does not ask', { size: 'M', meal: true, car: true }, ['本活动没有这一项']],
  ])('%s is refused with every problem', (_n, answers, messages) => {
    const r = checkAnswers(fields, answers);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.message)).toEqual(messages);
  });
});

describe('prizes', () => {
  const s = (id: string, status: string, checkedInAt: string | null) => ({ id, status, checkedInAt });
  test('participants are those checked in; with no check-in at all, everyone confirmed', () => {
    const list = [s('a', 'confirmed', '2026-05-10T01:00:00Z'), s('b', 'confirmed', null), s('c', 'waitlisted', null), s('d', 'cancelled', null)];
    expect(prizeParticipants(list).map((x) => x.id)).toEqual(['a']);
    expect(prizeParticipants(list.map((x) => ({ ...x, checkedInAt: null }))).map((x) => x.id)).toEqual(['a', 'b']);
    expect(prizeParticipants([s('c', 'waitlisted', null)])).toEqual([]);
  });

  test('a member given a prize again after a reversal gets a new entry id', () => {
    expect(prizeEntryId('e1', 'u1:A0004', 0)).toBe('e1:prize:u1:A0004');
    expect(prizeEntryId('e1', 'u1:A0004', 1)).toBe('e1:prize:u1:A0004:2');
  });
});
