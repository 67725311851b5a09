import { formatYuan, yuan } from '../money';
import { startOfShanghaiDay } from '../time';
import { type BudgetFacts, type Decision, type LedgerFact, type MemberFacts, type PayoutProposal, type RefusalCode, effectiveEntries, evaluatePayout } from './engine';
import { type Holiday, type Item } from './items';
import { type ItemRule, type PolicyProfile, RULE_ITEMS, validatePolicy } from './profile';
import { policyTemplate } from './profiles';

const CHINESE = /[\u4e00-\u9fff]/;

function template(id: string): PolicyProfile {
  const t = policyTemplate(id);
  if (!t) throw new Error(`missing template ${id}`);
  return t;
}

/** A variant of a template, checked by the validator so no test runs against a profile that could not be stored. */
function variant(id: string, change: (p: PolicyProfile) => void): PolicyProfile {
  const p = structuredClone(template(id));
  change(p);
  const result = validatePolicy(p);
  if (!result.ok) throw new Error(`invalid test profile: ${JSON.stringify(result.issues)}`);
  return result.policy;
}

const ZIBO = template('zibo-kjj-2017');
const LIAONING = template('liaoning-szjg-2019');
const JIANGSU = template('jiangsu-szjg-2011');

/** 10:00 on a Shanghai calendar day, unless another hour is given. */
function on(day: string, hour = 10, minute = 0): Date {
  return new Date(startOfShanghaiDay(day).getTime() + (hour * 60 + minute) * 60_000);
}

const ACTIVE: MemberFacts = { id: 'm1', status: 'active', duesPaid: true };
const RETIRED: MemberFacts = { ...ACTIVE, status: 'retired' };
const TRANSFERRED: MemberFacts = { ...ACTIVE, status: 'transferred' };
const UNPAID: MemberFacts = { ...ACTIVE, duesPaid: false };
const AMPLE: BudgetFacts = { amountFen: yuan(1_000_000), spentFen: 0 };

interface Context {
  member?: MemberFacts | null;
  history?: LedgerFact[];
  budget?: BudgetFacts | null;
}
type Proposal = Omit<PayoutProposal, 'at'> & { at?: Date };

function evaluate(policy: PolicyProfile, proposal: Proposal, ctx: Context = {}): Decision {
  return evaluatePayout({
    policy,
    proposal: { at: on(`${policy.year}-06-15`), ...proposal },
    member: ctx.member === undefined ? ACTIVE : ctx.member,
    history: ctx.history ?? [],
    budget: ctx.budget === undefined ? AMPLE : ctx.budget,
  });
}

let seq = 0;
function paid(item: Item, amountFen: number, day: string, extra: Partial<LedgerFact> = {}): LedgerFact {
  seq += 1;
  return { id: `e${seq}`, item, amountFen, at: on(day), ...extra };
}
function gift(holiday: Holiday, amountFen: number, day: string): LedgerFact {
  return paid('holiday_gift', amountFen, day, { holiday });
}
function reversal(of: LedgerFact, day: string, amountFen = -of.amountFen): LedgerFact {
  return paid(of.item, amountFen, day, { reverses: of.id, holiday: of.holiday, illnessKey: of.illnessKey });
}

function expectAllowed(d: Decision, ruleId?: string): void {
  if (!d.allowed) throw new Error(`expected allowed, got ${d.code}: ${d.reason}`);
  if (ruleId) expect(d.rule.id).toBe(ruleId);
}

function expectRefused(d: Decision, code: RefusalCode, ...mentions: string[]): void {
  if (d.allowed) throw new Error(`expected ${code}, got allowed`);
  expect(d.code).toBe(code);
  expect(d.reason).toMatch(CHINESE);
  for (const m of mentions) expect(d.reason).toContain(m);
}

describe('every cap of the 淄博 2017 profile', () => {
  test.each([
    ['端午', 'dragonBoat', yuan(300), '端午节慰问品每人不超过 300.00 元，本次 300.01 元（淄科党委字〔2017〕18号 六、（端午节向全体会员发放 300 元的节日慰问品））'],
    ['中秋', 'midAutumn', yuan(300), '中秋节慰问品每人不超过 300.00 元，本次 300.01 元（淄科党委字〔2017〕18号 六、（中秋节向全体会员发放 300 元的节日慰问品））'],
    ['春节', 'springFestival', yuan(400), '春节慰问品每人不超过 400.00 元，本次 400.01 元（淄科党委字〔2017〕18号 六、（春节向全体会员发放 400 元的节日慰问品））'],
  ] as const)('%s gift: the cap itself is allowed, one fen more is refused', (_name, holiday, cap, reason) => {
    expectAllowed(evaluate(ZIBO, { item: 'holiday_gift', holiday, amountFen: cap, form: 'in_kind' }), `holidays.${holiday}`);
    const d = evaluate(ZIBO, { item: 'holiday_gift', holiday, amountFen: cap + 1, form: 'in_kind' });
    expectRefused(d, 'OVER_CAP');
    if (!d.allowed) {
      expect(d.reason).toBe(reason);
      expect(d.rule).toEqual({ id: `holidays.${holiday}`, source: expect.stringMatching(/^淄科党委字〔2017〕18号 六、（.+节向全体会员发放 \d+ 元的节日慰问品）$/) });
    }
  });

  test.each([
    ['生日蛋糕', 'birthday', 'cake_voucher', yuan(200), '生日蛋糕每人每次不超过 200.00 元'],
    ['优秀学员奖励', 'study_award', 'in_kind', yuan(500), '优秀学员奖励每人每次不超过 500.00 元'],
  ] as const)('%s: the seed cap', (_name, item, form, cap, reason) => {
    expectAllowed(evaluate(ZIBO, { item, amountFen: cap, form }), `items.${item}`);
    expectRefused(evaluate(ZIBO, { item, amountFen: cap + 1, form }), 'OVER_CAP', reason, formatYuan(cap + 1));
  });

  // The defaults too: every rule with a cap, generated from the profile so a rule added later is covered.
  const capped = RULE_ITEMS.flatMap((item) => {
    const rule = ZIBO.items[item];
    return rule && rule.capFen !== null ? [[item, rule] as [Item, ItemRule]] : [];
  });
  test.each(capped)('%s: cap allowed, cap + 1 fen refused', (item, rule) => {
    const cap = rule.capFen ?? 0;
    const base: Proposal = { item, amountFen: cap, form: rule.allowedForms[0], illnessKey: 'case-1', prize: { winners: 1, participants: 3 } };
    expectAllowed(evaluate(ZIBO, base));
    expectRefused(evaluate(ZIBO, { ...base, amountFen: cap + 1 }), 'OVER_CAP', `${formatYuan(cap)} 元`);
  });

  test('event work meals have no per-person cap, only the budget', () => {
    const d = evaluate(ZIBO, { item: 'event_expense', amountFen: yuan(8000), form: 'service' }, { member: null, budget: { amountFen: yuan(8000), spentFen: 0 } });
    expectAllowed(d, 'items.event_expense');
  });

  test.each([
    ['清明 gift', { item: 'holiday_gift', holiday: 'qingming', amountFen: 100, form: 'in_kind' }, '清明节慰问品'],
    ['大病关爱', { item: 'serious_illness', amountFen: 100, form: 'cash' }, '大病关爱'],
    ['金秋助学', { item: 'study_aid', amountFen: 100, form: 'cash' }, '金秋助学'],
  ] as const)('%s is not in the 淄博 policy', (_what, proposal, label) => {
    const d = evaluate(ZIBO, proposal);
    expectRefused(d, 'NOT_IN_POLICY', label, '2017');
    if (!d.allowed) expect(d.rule).toBeNull();
  });
});

describe('the annual holiday cap (江苏 2011: 800 + 500 + 500 ≤ 1,800)', () => {
  // 江苏 plus a 国庆 gift, so that once the 1,800 are used a further holiday exists to be refused by the annual cap.
  const JIANGSU_NATIONAL_DAY = variant('jiangsu-szjg-2011', (p) => {
    p.holidays.nationalDay = { capFen: yuan(200), allowedForms: ['in_kind'], source: '测试：国庆慰问品' };
  });
  const springFestival = gift('springFestival', yuan(800), '2011-01-30');
  const dragonBoat = gift('dragonBoat', yuan(500), '2011-06-03');
  const midAutumn = gift('midAutumn', yuan(500), '2011-09-10');

  test('春节 800 + 端午 500, then 中秋 500 makes exactly 1,800: allowed', () => {
    expectAllowed(evaluate(JIANGSU, { item: 'holiday_gift', holiday: 'midAutumn', amountFen: yuan(500), form: 'in_kind' }, { history: [springFestival, dragonBoat] }));
  });

  test('after 1,800 any more is refused, and the reason says nothing is left', () => {
    const d = evaluate(
      JIANGSU_NATIONAL_DAY,
      { item: 'holiday_gift', holiday: 'nationalDay', amountFen: 1, form: 'in_kind' },
      { history: [springFestival, dragonBoat, midAutumn] },
    );
    expectRefused(d, 'ANNUAL_CAP', '1,800.00 元', '已领取 1,800.00 元', '还可发放 0.00 元');
    if (!d.allowed) expect(d.rule?.id).toBe('holidayAnnualCapFen');
  });

  test('the annual cap binds before the holiday cap does: 800 + 500 + 国庆 200 leaves 300 for 中秋', () => {
    const history = [springFestival, dragonBoat, gift('nationalDay', yuan(200), '2011-09-29')];
    const proposal = { item: 'holiday_gift', holiday: 'midAutumn', form: 'in_kind' } as const;
    expectRefused(evaluate(JIANGSU_NATIONAL_DAY, { ...proposal, amountFen: yuan(500) }, { history }), 'ANNUAL_CAP', '还可发放 300.00 元');
    expectAllowed(evaluate(JIANGSU_NATIONAL_DAY, { ...proposal, amountFen: yuan(300) }, { history }));
  });

  test('gifts of other years do not count', () => {
    const history = [gift('springFestival', yuan(800), '2010-02-13'), gift('nationalDay', yuan(1000), '2012-10-01'), springFestival, dragonBoat];
    expectAllowed(evaluate(JIANGSU_NATIONAL_DAY, { item: 'holiday_gift', holiday: 'midAutumn', amountFen: yuan(500), form: 'in_kind' }, { history }));
  });

  test('a reversed gift makes room again', () => {
    const history = [springFestival, dragonBoat, midAutumn, reversal(midAutumn, '2011-09-20')];
    expectAllowed(evaluate(JIANGSU_NATIONAL_DAY, { item: 'holiday_gift', holiday: 'nationalDay', amountFen: yuan(200), form: 'in_kind' }, { history }));
  });
});

describe('forms', () => {
  test.each([
    ['cash as a 淄博 holiday gift', ZIBO, { item: 'holiday_gift', holiday: 'midAutumn', amountFen: yuan(100), form: 'cash' }, 'holidays.midAutumn', ['实物', '现金']],
    ['a shopping card as a 淄博 holiday gift', ZIBO, { item: 'holiday_gift', holiday: 'springFestival', amountFen: yuan(100), form: 'shopping_card' }, 'forbiddenForms', ['购物卡', '淄科党委字〔2017〕18号']],
    ['a pickup voucher as a 淄博 holiday gift', ZIBO, { item: 'holiday_gift', holiday: 'dragonBoat', amountFen: yuan(100), form: 'pickup_voucher' }, 'holidays.dragonBoat', ['提货券']],
    ['cash for a 淄博 birthday', ZIBO, { item: 'birthday', amountFen: yuan(100), form: 'cash' }, 'items.birthday', ['蛋糕券']],
    ['a shopping card for a 江苏 wedding', JIANGSU, { item: 'care_marriage', amountFen: yuan(100), form: 'shopping_card' }, 'forbiddenForms', ['购物卡']],
  ] as const)('%s is refused', (_what, policy, proposal, ruleId, mentions) => {
    const d = evaluate(policy, proposal);
    expectRefused(d, 'FORM_FORBIDDEN', ...mentions);
    if (!d.allowed) expect(d.rule?.id).toBe(ruleId);
  });

  test.each([
    ['慰问金 at hospitalisation (淄博)', ZIBO, { item: 'care_hospitalisation', amountFen: yuan(500), form: 'cash', illnessKey: 'case-1' }],
    ['慰问金 at a relative’s death (淄博)', ZIBO, { item: 'care_relative_death', amountFen: yuan(500), form: 'cash' }],
    ['a pickup voucher as a 江苏 holiday gift', JIANGSU, { item: 'holiday_gift', holiday: 'springFestival', amountFen: yuan(800), form: 'pickup_voucher' }],
    ['大病关爱 as money (辽宁)', LIAONING, { item: 'serious_illness', amountFen: yuan(50_000), form: 'cash' }],
  ] as const)('%s is allowed', (_what, policy, proposal) => {
    expectAllowed(evaluate(policy, proposal));
  });
});

describe('eligibility', () => {
  const RETIREES_TOO = variant('zibo-kjj-2017', (p) => void (p.eligibility.retireesEligible = true));
  const DUES_NOT_REQUIRED = variant('zibo-kjj-2017', (p) => void (p.eligibility.requireDuesPaid = false));
  const LIAONING_RETIREES_TOO = variant('liaoning-szjg-2019', (p) => void (p.eligibility.retireesEligible = true));
  const birthday: Proposal = { item: 'birthday', amountFen: yuan(200), form: 'cake_voucher' };
  const seriousIllness: Proposal = { item: 'serious_illness', amountFen: yuan(50_000), form: 'cash' };

  test.each([
    ['a transferred member', ZIBO, birthday, TRANSFERRED, 'eligibility', '调离'],
    ['a transferred member even where retirees are eligible', RETIREES_TOO, birthday, TRANSFERRED, 'eligibility', '调离'],
    ['a retiree where retirees are not eligible', ZIBO, birthday, RETIRED, 'eligibility', '退休'],
    ['a member with dues unpaid', ZIBO, birthday, UNPAID, 'eligibility', '会费'],
    ['a retiree for an in-service-only item, although retirees are eligible', LIAONING_RETIREES_TOO, seriousIllness, RETIRED, 'items.serious_illness', '仅限在职'],
  ] as const)('%s is NOT_ELIGIBLE', (_what, policy, proposal, member, ruleId, mention) => {
    const d = evaluate(policy, proposal, { member });
    expectRefused(d, 'NOT_ELIGIBLE', mention);
    if (!d.allowed) expect(d.rule?.id).toBe(ruleId);
  });

  test.each([
    ['a retiree where retirees are eligible', RETIREES_TOO, birthday, RETIRED],
    ['a member with dues unpaid where dues are not required', DUES_NOT_REQUIRED, birthday, UNPAID],
    ['an in-service member for 大病关爱', LIAONING, seriousIllness, ACTIVE],
    ['a retiring member for the retirement souvenir, although retirees are not eligible', ZIBO, { item: 'care_retirement', amountFen: yuan(500), form: 'in_kind' }, RETIRED],
  ] as const)('%s is allowed', (_what, policy, proposal, member) => {
    expectAllowed(evaluate(policy, proposal, { member }));
  });

  test('a per-member item without a member is INVALID', () => {
    expectRefused(evaluate(ZIBO, birthday, { member: null }), 'INVALID', '会员');
  });
});

describe('once a year', () => {
  const HARDSHIP_TWICE = variant('zibo-kjj-2017', (p) => {
    const r = p.items.hardship_aid;
    if (r) r.perYear = 2;
  });
  const birthday: Proposal = { item: 'birthday', amountFen: yuan(200), form: 'cake_voucher', at: on('2017-09-01') };
  const dragonBoatGift: Proposal = { item: 'holiday_gift', holiday: 'dragonBoat', amountFen: yuan(300), form: 'in_kind' };
  const seriousIllness: Proposal = { item: 'serious_illness', amountFen: yuan(10_000), form: 'cash' };
  const hardship: Proposal = { item: 'hardship_aid', amountFen: yuan(1000), form: 'cash' };

  test.each([
    ['a second birthday cake in 2017', ZIBO, birthday, [paid('birthday', yuan(150), '2017-03-01')], ['最多 1 次', '2017 年已领取 1 次']],
    ['a second 端午 gift', ZIBO, dragonBoatGift, [gift('dragonBoat', yuan(300), '2017-05-28')], ['端午节慰问品', '最多 1 次']],
    ['a second 大病关爱 in 2019', LIAONING, seriousIllness, [paid('serious_illness', yuan(20_000), '2019-02-01')], ['大病关爱', '2019 年已领取 1 次']],
    ['a third hardship aid where two a year are allowed', HARDSHIP_TWICE, hardship, [paid('hardship_aid', 100, '2017-01-05'), paid('hardship_aid', 100, '2017-03-05')], ['最多 2 次', '已领取 2 次']],
  ] as const)('%s is ALREADY_PAID', (_what, policy, proposal, history, mentions) => {
    expectRefused(evaluate(policy, proposal, { history: [...history] }), 'ALREADY_PAID', ...mentions);
  });

  test.each([
    ['a birthday cake when last year’s was paid', ZIBO, birthday, [paid('birthday', yuan(200), '2016-09-01')]],
    ['a birthday cake on 1 January when last year’s was paid on 31 December', ZIBO, { ...birthday, at: on('2017-01-01', 0, 30) }, [paid('birthday', yuan(200), '2016-12-31')]],
    ['a 中秋 gift after the 端午 gift', ZIBO, { ...dragonBoatGift, holiday: 'midAutumn' }, [gift('dragonBoat', yuan(300), '2017-05-28')]],
    ['大病关爱 when last year’s was paid', LIAONING, seriousIllness, [paid('serious_illness', yuan(50_000), '2018-11-01')]],
    ['a second hardship aid where two a year are allowed', HARDSHIP_TWICE, hardship, [paid('hardship_aid', 100, '2017-01-05')]],
    ['a birthday cake when only other items were paid', ZIBO, birthday, [gift('springFestival', yuan(400), '2017-01-20'), paid('study_award', yuan(500), '2017-04-01')]],
  ] as const)('%s is allowed', (_what, policy, proposal, history) => {
    expectAllowed(evaluate(policy, proposal, { history: [...history] }));
  });
});

describe('hospitalisation: once per illness per year', () => {
  const visit = (illnessKey: string | undefined, at = on('2017-08-01')): Proposal => ({
    item: 'care_hospitalisation',
    amountFen: yuan(500),
    form: 'cash',
    illnessKey,
    at,
  });
  const first = paid('care_hospitalisation', yuan(500), '2017-03-10', { illnessKey: 'case-7' });

  test('the same illness again in the same year is ALREADY_PAID', () => {
    const d = evaluate(ZIBO, visit('case-7'), { history: [first] });
    expectRefused(d, 'ALREADY_PAID', '同一疾病每年只慰问 1 次', '2017');
    if (!d.allowed) expect(d.rule?.id).toBe('items.care_hospitalisation');
  });

  const ZIBO_2018 = variant('zibo-kjj-2017', (p) => void (p.year = 2018));
  test.each([
    ['a different illness the same year', ZIBO, visit('case-8'), [first]],
    ['the same illness the next year', ZIBO_2018, visit('case-7', on('2018-02-01')), [first]],
    ['the same illness after the first payment was reversed', ZIBO, visit('case-7'), [first, reversal(first, '2017-03-12')]],
  ] as const)('%s is allowed', (_what, policy, proposal, history) => {
    expectAllowed(evaluate(policy, proposal, { history: [...history] }));
  });

  test.each([
    ['missing', undefined],
    ['blank', '  '],
  ])('an illness key %s is INVALID', (_what, key) => {
    expectRefused(evaluate(ZIBO, visit(key)), 'INVALID', '疾病');
  });
});

describe('reversals', () => {
  const cake = paid('birthday', yuan(200), '2017-03-01');
  const birthday: Proposal = { item: 'birthday', amountFen: yuan(200), form: 'cake_voucher' };

  test('a reversed birthday cake makes room for the corrected one', () => {
    expectRefused(evaluate(ZIBO, birthday, { history: [cake] }), 'ALREADY_PAID');
    expectAllowed(evaluate(ZIBO, birthday, { history: [cake, reversal(cake, '2017-03-02')] }));
  });

  test('a reversal filed next year still frees this year', () => {
    const december = paid('birthday', yuan(200), '2017-12-30');
    expectAllowed(evaluate(ZIBO, birthday, { history: [december, reversal(december, '2018-01-03')] }));
  });

  test('a partial correction leaves the payout standing', () => {
    expectRefused(evaluate(ZIBO, birthday, { history: [cake, reversal(cake, '2017-03-02', -yuan(50))] }), 'ALREADY_PAID');
  });

  test.each([
    ['no reversals', (a: LedgerFact, b: LedgerFact) => [a, b], [yuan(200), yuan(300)]],
    ['one full reversal', (a: LedgerFact, b: LedgerFact) => [a, b, reversal(a, '2017-05-01')], [yuan(300)]],
    ['one partial reversal', (a: LedgerFact, b: LedgerFact) => [a, b, reversal(b, '2017-05-01', -yuan(100))], [yuan(200), yuan(200)]],
    ['a full reversal in two steps', (a: LedgerFact, b: LedgerFact) => [a, reversal(a, '2017-05-01', -yuan(50)), reversal(a, '2017-05-02', -yuan(150)), b], [yuan(300)]],
    ['a reversal whose original is not in the list', (_a: LedgerFact, b: LedgerFact) => [b, paid('birthday', -yuan(200), '2017-05-01', { reverses: 'elsewhere' })], [yuan(300)]],
  ])('effectiveEntries with %s', (_what, build, amounts) => {
    const a = paid('birthday', yuan(200), '2017-03-01');
    const b = paid('study_award', yuan(300), '2017-04-01');
    expect(effectiveEntries(build(a, b)).map((e) => e.amountFen)).toEqual(amounts);
  });
});

describe('event prizes: winners at most a share of participants', () => {
  const ONE_THIRD = variant('zibo-kjj-2017', (p) => {
    const r = p.items.event_prize;
    if (r) r.maxWinnerShare = { num: 1, den: 3 };
  });
  const TWO_THIRDS = variant('zibo-kjj-2017', (p) => {
    const r = p.items.event_prize;
    if (r) r.maxWinnerShare = { num: 2, den: 3 };
  });
  const prize = (winners: number, participants: number): Proposal => ({ item: 'event_prize', amountFen: yuan(100), form: 'in_kind', prize: { winners, participants } });

  test.each([
    ['1/3', ONE_THIRD, 30, 10],
    ['1/3', ONE_THIRD, 10, 3],
    ['2/3', TWO_THIRDS, 30, 20],
    ['2/3', TWO_THIRDS, 10, 6],
  ] as const)('share %s: %d participants, %d winners allowed, one more refused', (share, policy, participants, most) => {
    expectAllowed(evaluate(policy, prize(most, participants)), 'items.event_prize');
    expectRefused(evaluate(policy, prize(most + 1, participants)), 'PRIZE_SHARE', share, `${participants} 人参加最多 ${most} 人获奖`, `本次 ${most + 1} 人`);
  });

  test('more winners than participants is PRIZE_SHARE', () => {
    expectRefused(evaluate(TWO_THIRDS, prize(5, 4)), 'PRIZE_SHARE');
  });

  test.each([
    ['missing', undefined],
    ['no participants', { winners: 1, participants: 0 }],
    ['fractional winners', { winners: 1.5, participants: 9 }],
  ])('prize numbers %s are INVALID', (_what, numbers) => {
    expectRefused(evaluate(ONE_THIRD, { item: 'event_prize', amountFen: yuan(100), form: 'in_kind', prize: numbers }), 'INVALID', '人数');
  });
});

describe('budget', () => {
  const gift300: Proposal = { item: 'holiday_gift', holiday: 'dragonBoat', amountFen: yuan(300), form: 'in_kind' };

  test('no budget: NO_BUDGET, naming the line', () => {
    const d = evaluate(ZIBO, gift300, { budget: null });
    expectRefused(d, 'NO_BUDGET');
    if (!d.allowed) expect(d.reason).toBe('节日慰问尚未编制 2017 年度预算，不能支出');
  });

  test('over budget: OVER_BUDGET says what remains', () => {
    expectRefused(evaluate(ZIBO, gift300, { budget: { amountFen: yuan(1000), spentFen: yuan(800) } }), 'OVER_BUDGET', '1,000.00 元', '仅剩 200.00 元', '本次 300.00 元');
  });

  test('one fen over the budget is refused', () => {
    expectRefused(evaluate(ZIBO, gift300, { budget: { amountFen: yuan(1000), spentFen: yuan(700) + 1 } }), 'OVER_BUDGET', '仅剩 299.99 元');
  });

  test('the budget line is the item’s: a birthday over the birthday budget names 生日慰问', () => {
    expectRefused(evaluate(ZIBO, { item: 'birthday', amountFen: yuan(200), form: 'cake_voucher' }, { budget: { amountFen: yuan(100), spentFen: 0 } }), 'OVER_BUDGET', '生日慰问');
  });

  test.each([
    ['79.99%', yuan(1000), yuan(499) + 99, []],
    ['exactly 80%', yuan(1000), yuan(500), ['节日慰问预算已使用 80%']],
    ['85%', yuan(1000), yuan(550), ['节日慰问预算已使用 85%']],
    ['the whole budget', yuan(1000), yuan(700), ['节日慰问预算已使用 100%']],
  ])('after the payout %s used: warnings %p', (_what, amountFen, spentFen, messages) => {
    const d = evaluate(ZIBO, gift300, { budget: { amountFen, spentFen } });
    expectAllowed(d);
    if (d.allowed) {
      expect(d.warnings.map((w) => w.message)).toEqual(messages);
      for (const w of d.warnings) expect(w.code).toBe('BUDGET_80');
    }
  });
});

describe('the year is the Shanghai year of the payout', () => {
  const birthday = (at: Date): Proposal => ({ item: 'birthday', amountFen: yuan(200), form: 'cake_voucher', at });

  test.each([
    ['00:30 on 1 January 2018 in Shanghai', on('2018-01-01', 0, 30), 2018, 2017],
    ['23:30 on 31 December 2016 in Shanghai', on('2016-12-31', 23, 30), 2016, 2016],
  ])('%s is WRONG_YEAR for the 2017 policy', (_what, at, year, utcYear) => {
    // The first row is still 2017 in UTC: only the Shanghai year can refuse it.
    expect(at.getUTCFullYear()).toBe(utcYear);
    const d = evaluate(ZIBO, birthday(at));
    expectRefused(d, 'WRONG_YEAR', `${year} 年`, '2017 年度');
    if (!d.allowed) expect(d.rule).toBeNull();
  });

  test('00:30 on 1 January 2017 in Shanghai (still 2016 in UTC) is in the 2017 policy', () => {
    const at = on('2017-01-01', 0, 30);
    expect(at.getUTCFullYear()).toBe(2016);
    expectAllowed(evaluate(ZIBO, birthday(at)));
  });
});

describe('malformed proposals are INVALID', () => {
  test.each([
    ['a zero amount', { item: 'birthday', amountFen: 0, form: 'cake_voucher' }],
    ['a negative amount', { item: 'birthday', amountFen: -100, form: 'cake_voucher' }],
    ['a fraction of a fen', { item: 'birthday', amountFen: 100.5, form: 'cake_voucher' }],
    ['NaN', { item: 'birthday', amountFen: Number.NaN, form: 'cake_voucher' }],
    ['a holiday gift without its holiday', { item: 'holiday_gift', amountFen: 100, form: 'in_kind' }],
    ['a holiday on a birthday', { item: 'birthday', holiday: 'springFestival', amountFen: 100, form: 'cake_voucher' }],
    ['an invalid date', { item: 'birthday', amountFen: 100, form: 'cake_voucher', at: new Date('not a date') }],
  ] as const)('%s', (_what, proposal) => {
    const d = evaluate(ZIBO, proposal);
    expectRefused(d, 'INVALID');
    if (!d.allowed) expect(d.rule).toBeNull();
  });
});
