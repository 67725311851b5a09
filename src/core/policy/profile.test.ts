import { AppError } from '../errors';
import { yuan } from '../money';
import { HOLIDAYS, type Item } from './items';
import { type ItemRule, type PolicyProfile, RULE_ITEMS, holidayGiftLabel, validatePolicy } from './profile';
import { POLICY_TEMPLATES, policyTemplate, startFromTemplate } from './profiles';

const CHINESE = /[\u4e00-\u9fff]/;

function template(id: string): PolicyProfile {
  const t = policyTemplate(id);
  if (!t) throw new Error(`missing template ${id}`);
  return t;
}

/** A mutable copy of the 淄博 template, the base every contradiction below is made from. */
function zibo(): PolicyProfile {
  return structuredClone(template('zibo-kjj-2017'));
}

function rule(p: PolicyProfile, item: Exclude<Item, 'holiday_gift'>): ItemRule {
  const r = p.items[item];
  if (!r) throw new Error(`no rule for ${item}`);
  return r;
}

describe('shipped templates', () => {
  test.each(POLICY_TEMPLATES.map((t) => [t.id, t] as const))('%s is valid by the schema', (_id, t) => {
    const result = validatePolicy(t);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.policy).toEqual(t);
  });

  test('template ids are unique', () => {
    const ids = POLICY_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each([
    ['淄博 端午', template('zibo-kjj-2017').holidays.dragonBoat?.capFen, yuan(300)],
    ['淄博 中秋', template('zibo-kjj-2017').holidays.midAutumn?.capFen, yuan(300)],
    ['淄博 春节', template('zibo-kjj-2017').holidays.springFestival?.capFen, yuan(400)],
    ['淄博 生日蛋糕', template('zibo-kjj-2017').items.birthday?.capFen, yuan(200)],
    ['淄博 优秀学员', template('zibo-kjj-2017').items.study_award?.capFen, yuan(500)],
    ['淄博 工作餐（按预算）', template('zibo-kjj-2017').items.event_expense?.capFen, null],
    ['辽宁 大病关爱', template('liaoning-szjg-2019').items.serious_illness?.capFen, yuan(50_000)],
    ['江苏 春节', template('jiangsu-szjg-2011').holidays.springFestival?.capFen, yuan(800)],
    ['江苏 端午', template('jiangsu-szjg-2011').holidays.dragonBoat?.capFen, yuan(500)],
    ['江苏 中秋', template('jiangsu-szjg-2011').holidays.midAutumn?.capFen, yuan(500)],
    ['江苏 全年合计', template('jiangsu-szjg-2011').holidayAnnualCapFen?.capFen, yuan(1800)],
  ])('%s carries the seed number', (_what, actual, expected) => {
    expect(actual).toBe(expected);
  });

  test('淄博: gifts in kind only, no shopping cards anywhere, cash still possible for hospitalisation', () => {
    const t = template('zibo-kjj-2017');
    for (const h of ['dragonBoat', 'midAutumn', 'springFestival'] as const) expect(t.holidays[h]?.allowedForms).toEqual(['in_kind']);
    expect(Object.keys(t.holidays).sort()).toEqual(['dragonBoat', 'midAutumn', 'springFestival']);
    expect(t.forbiddenForms.forms).toContain('shopping_card');
    expect(t.items.birthday?.allowedForms).toContain('cake_voucher');
    expect(t.items.care_hospitalisation?.allowedForms).toContain('cash');
  });

  test('辽宁: 大病关爱 once a year, in-service only, granted by the 工委', () => {
    const r = rule(structuredClone(template('liaoning-szjg-2019')), 'serious_illness');
    expect(r).toMatchObject({ perYear: 1, inServiceOnly: true, fundedBy: 'committee' });
    expect(r.source).toContain('三、8');
  });

  test('淄博: the seed’s own numbers cite the seed; every other number is marked as an adjustable default', () => {
    const t = template('zibo-kjj-2017');
    const fromSeed: ItemRule[] = [];
    const defaults: ItemRule[] = [];
    for (const [key, r] of [...Object.entries(t.holidays), ...Object.entries(t.items)]) {
      if (!r) continue;
      (['dragonBoat', 'midAutumn', 'springFestival', 'birthday', 'event_expense', 'study_award'].includes(key) ? fromSeed : defaults).push(r);
    }
    expect(fromSeed).toHaveLength(6);
    expect(defaults.length).toBeGreaterThan(0);
    for (const r of fromSeed) expect(r.source).toMatch(/^淄科党委字〔2017〕18号 六、/);
    for (const r of defaults) expect(r.source).toMatch(/默认设置.*本工会可调整/);
  });

  test('every source of every template says what it cites: none ends on a bare section number (「六、」)', () => {
    for (const t of POLICY_TEMPLATES) {
      const sources = [
        t.forbiddenForms.source,
        t.holidayAnnualCapFen?.source,
        t.eligibility.source,
        ...Object.values(t.holidays).map((r) => r?.source),
        ...Object.values(t.items).map((r) => r?.source),
      ].filter((x): x is string => x !== undefined);
      for (const source of sources) expect(source).not.toMatch(/[一二三四五六七八九十]、$/);
    }
  });

  test('templates are frozen: a caller cannot change what the next caller gets', () => {
    const t = template('zibo-kjj-2017');
    expect(() => {
      (t.holidays.dragonBoat as { capFen: number | null }).capFen = 1;
    }).toThrow(TypeError);
    expect(template('zibo-kjj-2017').holidays.dragonBoat?.capFen).toBe(yuan(300));
  });

  test('holiday gift labels read as people say them', () => {
    expect(HOLIDAYS.map(holidayGiftLabel)).toEqual(['元旦慰问品', '春节慰问品', '清明节慰问品', '劳动节慰问品', '端午节慰问品', '中秋节慰问品', '国庆节慰问品']);
  });
});

describe('startFromTemplate copies a template for a union and a year', () => {
  test('the copy has the union name, the year, the template as basedOn and the same rules', () => {
    const p = startFromTemplate('zibo-kjj-2017', 2025, '  某局机关工会 ');
    expect(p).toMatchObject({ id: 'policy-2025', name: '某局机关工会 2025', year: 2025, basedOn: 'zibo-kjj-2017' });
    expect(p.holidays).toEqual(template('zibo-kjj-2017').holidays);
    expect(validatePolicy(p).ok).toBe(true);
  });

  test('the copy is the union’s own: editing it leaves the template alone', () => {
    const p = startFromTemplate('jiangsu-szjg-2011', 2024, '某厅工会');
    const dragonBoat = p.holidays.dragonBoat;
    if (!dragonBoat) throw new Error('no dragonBoat');
    dragonBoat.capFen = yuan(100);
    expect(template('jiangsu-szjg-2011').holidays.dragonBoat?.capFen).toBe(yuan(500));
  });

  test('an unknown template is NOT_FOUND', () => {
    expect(() => startFromTemplate('nope', 2024, '某工会')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  test.each([
    [1999, '某工会', 'year'],
    [2101, '某工会', 'year'],
    [2024, '  ', 'unionName'],
  ])('year %d / name %p is refused with an issue at %s', (year, name, path) => {
    let error: unknown;
    try {
      startFromTemplate('zibo-kjj-2017', year, name);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const app = error as AppError;
    expect(app.code).toBe('VALIDATION_FAILED');
    expect(app.issues?.map((i) => i.path.join('.'))).toContain(path);
    expect(app.issues?.every((i) => CHINESE.test(i.message))).toBe(true);
  });
});

describe('validatePolicy refuses a profile that contradicts itself', () => {
  type Row = [string, (p: PolicyProfile) => void, (string | number)[], RegExp];
  const rows: Row[] = [
    ['a negative cap', (p) => void (rule(p, 'birthday').capFen = -100), ['items', 'birthday', 'capFen'], /负数/],
    ['a cap with a fraction of a fen', (p) => void (rule(p, 'birthday').capFen = 199.5), ['items', 'birthday', 'capFen'], /整数分/],
    ['a cap of zero', (p) => void (rule(p, 'birthday').capFen = 0), ['items', 'birthday', 'capFen'], /等于不发放/],
    ['no cap on a per-member item', (p) => void (rule(p, 'birthday').capFen = null), ['items', 'birthday', 'capFen'], /必须设置每人上限/],
    [
      'no cap on a holiday',
      (p) => void ((p.holidays.dragonBoat as ItemRule).capFen = null),
      ['holidays', 'dragonBoat', 'capFen'],
      /端午节慰问品必须设置每人上限/,
    ],
    [
      'a rule allowing a form the union forbids',
      (p) => void (rule(p, 'care_marriage').allowedForms = ['in_kind', 'shopping_card']),
      ['items', 'care_marriage', 'allowedForms', 1],
      /已禁止以「购物卡」发放/,
    ],
    [
      'cash as a holiday gift (national rule)',
      (p) => void ((p.holidays.springFestival as ItemRule).allowedForms = ['in_kind', 'cash']),
      ['holidays', 'springFestival', 'allowedForms', 1],
      /春节慰问品不能发放现金/,
    ],
    [
      'cash as a birthday gift (national rule)',
      (p) => void (rule(p, 'birthday').allowedForms = ['cake_voucher', 'cash']),
      ['items', 'birthday', 'allowedForms', 1],
      /生日蛋糕不能发放现金/,
    ],
    [
      'a holiday cap above the annual holiday cap',
      (p) => void ((p.holidays.springFestival as ItemRule).capFen = yuan(1200)),
      ['holidays', 'springFestival', 'capFen'],
      /1,200\.00 元超过了全年节日慰问品合计上限 1,000\.00 元/,
    ],
    [
      'an annual holiday cap of zero',
      (p) => void (p.holidayAnnualCapFen = { capFen: 0, source: '某文件' }),
      ['holidayAnnualCapFen', 'capFen'],
      /为 0/,
    ],
    [
      'an annual holiday cap with no holiday at all',
      (p) => void (p.holidays = {}),
      ['holidayAnnualCapFen'],
      /未安排任何节日慰问品/,
    ],
    [
      'a birthday rule allowing neither cake voucher nor in kind',
      (p) => void (rule(p, 'birthday').allowedForms = ['pickup_voucher']),
      ['items', 'birthday', 'allowedForms'],
      /蛋糕券/,
    ],
    ['two birthdays a year', (p) => void (rule(p, 'birthday').perYear = 2), ['items', 'birthday', 'perYear'], /只有一个生日/],
    [
      'the same holiday twice a year',
      (p) => void ((p.holidays.midAutumn as ItemRule).perYear = 2),
      ['holidays', 'midAutumn', 'perYear'],
      /同一节日每人每年只发放一次/,
    ],
    ['perYear below one', (p) => void (rule(p, 'care_retirement').perYear = 0), ['items', 'care_retirement', 'perYear'], /至少为 1/],
    ['perYear not whole', (p) => void (rule(p, 'care_retirement').perYear = 1.5), ['items', 'care_retirement', 'perYear'], /整数/],
    [
      'a winner share above one',
      (p) => void (rule(p, 'event_prize').maxWinnerShare = { num: 3, den: 2 }),
      ['items', 'event_prize', 'maxWinnerShare'],
      /3\/2 大于 1/,
    ],
    [
      'a winner share over zero',
      (p) => void (rule(p, 'event_prize').maxWinnerShare = { num: 1, den: 0 }),
      ['items', 'event_prize', 'maxWinnerShare', 'den'],
      /分母/,
    ],
    [
      'a winner share of nobody',
      (p) => void (rule(p, 'event_prize').maxWinnerShare = { num: 0, den: 3 }),
      ['items', 'event_prize', 'maxWinnerShare', 'num'],
      /不能为 0/,
    ],
    [
      'event prizes without a winner share',
      (p) => void delete rule(p, 'event_prize').maxWinnerShare,
      ['items', 'event_prize', 'maxWinnerShare'],
      /获奖比例上限/,
    ],
    [
      'a winner share on another item',
      (p) => void (rule(p, 'study_award').maxWinnerShare = { num: 1, den: 3 }),
      ['items', 'study_award', 'maxWinnerShare'],
      /只适用于文体活动奖品/,
    ],
    [
      'once per illness on another item',
      (p) => void (rule(p, 'care_member_death').onePerIllnessPerYear = true),
      ['items', 'care_member_death', 'onePerIllnessPerYear'],
      /只适用于生病住院慰问/,
    ],
    ['a per-member count on event expenses', (p) => void (rule(p, 'event_expense').perYear = 1), ['items', 'event_expense', 'perYear'], /不发给个人/],
    [
      'in-service only on event expenses',
      (p) => void (rule(p, 'event_expense').inServiceOnly = true),
      ['items', 'event_expense', 'inServiceOnly'],
      /不发给个人/,
    ],
    ['a year before 2000', (p) => void (p.year = 1999), ['year'], /2000 至 2100/],
    ['a year after 2100', (p) => void (p.year = 2101), ['year'], /2000 至 2100/],
    ['a year with a fraction', (p) => void (p.year = 2017.5), ['year'], /整数/],
    ['no allowed form', (p) => void (rule(p, 'birthday').allowedForms = []), ['items', 'birthday', 'allowedForms'], /至少要允许一种/],
    ['a form listed twice', (p) => void (rule(p, 'care_childbirth').allowedForms = ['in_kind', 'in_kind']), ['items', 'care_childbirth', 'allowedForms', 1], /重复/],
    ['an empty rule source', (p) => void (rule(p, 'birthday').source = ''), ['items', 'birthday', 'source'], /依据/],
    ['a blank holiday source', (p) => void ((p.holidays.dragonBoat as ItemRule).source = '   '), ['holidays', 'dragonBoat', 'source'], /依据/],
    ['an empty eligibility source', (p) => void (p.eligibility.source = ''), ['eligibility', 'source'], /依据/],
    [
      'an empty annual cap source',
      (p) => void (p.holidayAnnualCapFen = { capFen: yuan(1000), source: '' }),
      ['holidayAnnualCapFen', 'source'],
      /依据/,
    ],
    [
      'forbidden forms without a source',
      (p) => void (p.forbiddenForms = { forms: ['shopping_card'], source: ' ' }),
      ['forbiddenForms', 'source'],
      /依据/,
    ],
    ['two documents with one id', (p) => void p.sources.push({ id: 'zkdw-2017-18', title: '另一份文件' }), ['sources', 2, 'id'], /重复/],
    ['an empty name', (p) => void (p.name = ''), ['name'], /请填写政策名称/],
  ];

  test.each(rows)('%s', (_what, mutate, path, message) => {
    const p = zibo();
    expect(validatePolicy(p).ok).toBe(true);
    mutate(p);
    const result = validatePolicy(p);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const atPath = result.issues.filter((i) => i.path.join('.') === path.join('.'));
    expect(atPath.map((i) => i.message)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    for (const i of result.issues) expect(i.message).toMatch(CHINESE);
  });

  test.each([
    ['a misspelt limit (would silently mean no limit)', ['items', 'birthday'], { ...template('zibo-kjj-2017').items.birthday, peryear: 1 }],
    ['a holiday gift filed under items', ['items'], { capFen: 100, allowedForms: ['in_kind'], source: 'x' }],
  ] as const)('%s is refused, not dropped', (_what, path, value) => {
    const p = zibo() as unknown as { items: Record<string, unknown> };
    if (path.length === 2) p.items.birthday = value;
    else p.items.holiday_gift = value;
    const result = validatePolicy(p);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.some((i) => i.path.join('.') === path.join('.') && CHINESE.test(i.message))).toBe(true);
  });

  test('several problems are reported together, so an officer can fix them in one go', () => {
    const p = zibo();
    rule(p, 'birthday').capFen = -5.5;
    (p.holidays.dragonBoat as ItemRule).allowedForms = ['cash'];
    p.year = 2017.5;
    const result = validatePolicy(p);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['items.birthday.capFen', 'holidays.dragonBoat.allowedForms.0', 'year']));
    const birthdayCap = result.issues.filter((i) => i.path.join('.') === 'items.birthday.capFen').map((i) => i.message);
    expect(birthdayCap).toEqual(expect.arrayContaining([expect.stringMatching(/整数分/), expect.stringMatching(/负数/)]));
  });

  test.each([null, 'policy', 42, {}])('%p is not a profile', (input) => {
    const result = validatePolicy(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
  });

  test('a union may be stricter than the nation: cash forbidden union-wide and allowed in no rule', () => {
    const p = zibo();
    p.forbiddenForms = { forms: ['cash', 'shopping_card'], source: '本工会规定' };
    for (const item of RULE_ITEMS) {
      const r = p.items[item];
      if (r) r.allowedForms = r.allowedForms.filter((f) => f !== 'cash');
    }
    expect(validatePolicy(p).ok).toBe(true);
  });
});
