/**
 * Shipped policy templates, built from the seed documents. A union starts from one and adjusts it.
 *
 * Where a seed fixes a number, the rule cites the seed. Where it does not, the number is a default taken from
 * the national rule or from common local caps, and its source says so ("默认设置……本工会可调整"), so an officer
 * can tell a default from a documented number before adopting it.
 */
import { AppError } from '../errors';
import { yuan } from '../money';
import { toIssues } from '../zod';
import { type ItemRule, NATIONAL_RULES_SOURCE, type PolicyProfile, policyProfileSchema, type RuleItem } from './profile';

const DEFAULT_NOTE = '本工会可调整';

/** A default's source: what it is based on, plus the marker that it is not the seed's own number. */
function byDefault(basis: string, seedRef?: string): string {
  return seedRef ? `${seedRef}；金额为默认设置：${basis}（${DEFAULT_NOTE}）` : `默认设置：${basis}（${DEFAULT_NOTE}）`;
}

/**
 * Defaults for the items the seeds do not put a number on, from DOMAIN.md's table. The lower end of each
 * common range is used: a union that pays more raises its cap; a default that is too high would let a payout
 * through that the union's own rules forbid.
 */
function defaultItems(seedRefs: Partial<Record<RuleItem, string>> = {}): Partial<Record<RuleItem, ItemRule>> {
  return {
    birthday: {
      capFen: yuan(300),
      allowedForms: ['cake_voucher', 'in_kind'],
      perYear: 1,
      source: byDefault('生日蛋糕或指定蛋糕店蛋糕券，多数省份每人不超过 300 元', seedRefs.birthday),
    },
    care_hospitalisation: {
      capFen: yuan(500),
      allowedForms: ['cash', 'in_kind'],
      onePerIllnessPerYear: true,
      source: byDefault(`${NATIONAL_RULES_SOURCE}允许发放慰问金；各地 500–2,000 元；同一疾病每年一次（参照安徽 2025 年规定）`, seedRefs.care_hospitalisation),
    },
    care_member_death: {
      capFen: yuan(1000),
      allowedForms: ['cash', 'in_kind'],
      source: byDefault(`${NATIONAL_RULES_SOURCE}允许发放慰问金；各地 1,000–3,000 元`, seedRefs.care_member_death),
    },
    care_relative_death: {
      capFen: yuan(500),
      allowedForms: ['cash', 'in_kind'],
      source: byDefault(`${NATIONAL_RULES_SOURCE}允许发放慰问金；各地 500–2,000 元`, seedRefs.care_relative_death),
    },
    care_marriage: {
      capFen: yuan(600),
      allowedForms: ['in_kind'],
      perYear: 1,
      source: byDefault('结婚慰问发放慰问品；各地 600–2,000 元', seedRefs.care_marriage),
    },
    care_childbirth: {
      capFen: yuan(600),
      allowedForms: ['in_kind'],
      source: byDefault('生育慰问发放慰问品；各地 600–2,000 元', seedRefs.care_childbirth),
    },
    care_retirement: {
      capFen: yuan(500),
      allowedForms: ['in_kind'],
      perYear: 1,
      source: byDefault('退休发放纪念品；各地 500–2,000 元', seedRefs.care_retirement),
    },
    hardship_aid: {
      capFen: yuan(2000),
      allowedForms: ['cash', 'in_kind'],
      source: byDefault('因病、意外、子女就学等一次性帮扶，参照安徽 2025 年每次不超过 2,000 元', seedRefs.hardship_aid),
    },
    event_prize: {
      capFen: yuan(300),
      allowedForms: ['in_kind'],
      maxWinnerShare: { num: 2, den: 3 },
      source: byDefault('获奖人数不超过参加人数的 2/3（宁夏为 1/3），奖品各地 300–800 元', seedRefs.event_prize),
    },
    event_expense: {
      capFen: null,
      allowedForms: ['service'],
      source: byDefault('场地、交通、工作餐等按预算列支，不设每人上限', seedRefs.event_expense),
    },
  };
}

const ZIBO_DOC = '淄科党委字〔2017〕18号';

const zibo2017: PolicyProfile = {
  id: 'zibo-kjj-2017',
  name: '淄博市科技局机关工会 2017',
  year: 2017,
  sources: [
    { id: 'zkdw-2017-18', title: `关于加强市科技局机关工会建设的实施意见（${ZIBO_DOC}）` },
    { id: 'acftu-2017-32', title: NATIONAL_RULES_SOURCE },
  ],
  // The seed's ban "不能发放现金和购物卡" is about holiday gifts; cash stays possible union-wide because the
  // national rule allows 慰问金 at hospitalisation and bereavement, which the seed also asks for (四、).
  // The holiday rules allow in kind only, which keeps cash out of gifts.
  forbiddenForms: { forms: ['shopping_card'], source: `${ZIBO_DOC} 六、（不能发放现金和购物卡）` },
  holidays: {
    dragonBoat: { capFen: yuan(300), allowedForms: ['in_kind'], source: `${ZIBO_DOC} 六、（端午节向全体会员发放 300 元的节日慰问品）` },
    midAutumn: { capFen: yuan(300), allowedForms: ['in_kind'], source: `${ZIBO_DOC} 六、（中秋节向全体会员发放 300 元的节日慰问品）` },
    springFestival: { capFen: yuan(400), allowedForms: ['in_kind'], source: `${ZIBO_DOC} 六、（春节向全体会员发放 400 元的节日慰问品）` },
  },
  holidayAnnualCapFen: { capFen: yuan(1000), source: `${ZIBO_DOC} 六、（端午 300 元、中秋 300 元、春节 400 元，三节合计）` },
  items: {
    ...defaultItems({
      care_hospitalisation: `${ZIBO_DOC} 四、（生病住院走访慰问）`,
      care_relative_death: `${ZIBO_DOC} 四、（亲人去世走访慰问）`,
      hardship_aid: `${ZIBO_DOC} 四、（困难干部职工帮扶救助）`,
      event_prize: `${ZIBO_DOC} 三、（乒乓球、羽毛球、趣味项目比赛）`,
    }),
    birthday: { capFen: yuan(200), allowedForms: ['cake_voucher', 'in_kind'], perYear: 1, source: `${ZIBO_DOC} 六、（选择确定一家蛋糕店）` },
    event_expense: { capFen: null, allowedForms: ['service'], source: `${ZIBO_DOC} 六、（确需安排用餐的，可按规定安排工作餐）` },
    study_award: {
      capFen: yuan(500),
      allowedForms: ['in_kind', 'cash'],
      source: `${ZIBO_DOC} 六、（优秀学员每人每次不超过 500 元；发放形式为默认设置，${DEFAULT_NOTE}）`,
    },
  },
  eligibility: {
    requireDuesPaid: true,
    retireesEligible: false,
    source: `${ZIBO_DOC} 五、（会员按基本工资 0.5% 缴纳会费）；退休人员不享受为默认设置（各地规定不同，${DEFAULT_NOTE}）`,
  },
};

const LIAONING_DOC = '省直机关工会工委2019年工作要点';

const liaoning2019: PolicyProfile = {
  id: 'liaoning-szjg-2019',
  name: '辽宁省直机关工会工委 2019',
  year: 2019,
  sources: [
    { id: 'ln-szgw-2019', title: `辽宁省直属机关工会工作委员会《${LIAONING_DOC}》（2019年2月18日）` },
    { id: 'acftu-2017-32', title: NATIONAL_RULES_SOURCE },
  ],
  forbiddenForms: { forms: ['shopping_card'], source: byDefault('党政机关不发放购物卡') },
  holidays: {
    springFestival: {
      capFen: yuan(400),
      allowedForms: ['in_kind', 'pickup_voucher'],
      source: byDefault('传统节日慰问品，参照淄博春节 400 元；全国规定允许指定商家提货券', `${LIAONING_DOC} 三、9`),
    },
    dragonBoat: {
      capFen: yuan(300),
      allowedForms: ['in_kind', 'pickup_voucher'],
      source: byDefault('传统节日慰问品，参照淄博端午 300 元；全国规定允许指定商家提货券', `${LIAONING_DOC} 三、9`),
    },
    midAutumn: {
      capFen: yuan(300),
      allowedForms: ['in_kind', 'pickup_voucher'],
      source: byDefault('传统节日慰问品，参照淄博中秋 300 元；全国规定允许指定商家提货券', `${LIAONING_DOC} 三、9`),
    },
  },
  holidayAnnualCapFen: null,
  items: {
    ...defaultItems({ hardship_aid: `${LIAONING_DOC} 三、10（送困难帮扶金）` }),
    serious_illness: {
      capFen: yuan(50_000),
      allowedForms: ['cash'],
      perYear: 1,
      inServiceOnly: true,
      fundedBy: 'committee',
      source: `${LIAONING_DOC} 三、8（当年发生大病的在职会员，一次性不超过 5 万元）`,
    },
    study_aid: {
      capFen: yuan(7200),
      allowedForms: ['cash'],
      perYear: 1,
      fundedBy: 'committee',
      source: byDefault('金秋助学按学段 2,000–7,200 元，此处为最高档；困难职工建档户优先', `${LIAONING_DOC} 三、10（子女当年升入高中以上的困难职工）`),
    },
  },
  eligibility: {
    requireDuesPaid: true,
    retireesEligible: false,
    source: byDefault('会员按规定缴纳会费；退休人员不由基层工会经费慰问（各地规定不同）'),
  },
};

const JIANGSU_STANDARD = '江苏省直机关节日慰问品标准（每人春节 800 元、端午 500 元、中秋 500 元，全年不超过 1,800 元）';

const jiangsu2011: PolicyProfile = {
  id: 'jiangsu-szjg-2011',
  name: '江苏省直机关工会 2011',
  year: 2011,
  sources: [
    { id: 'js-holiday-standard', title: JIANGSU_STANDARD },
    { id: 'swgz-2011-2', title: '2011年省直机关工会工作要点（苏委工直[2011]2号）' },
    { id: 'acftu-2017-32', title: NATIONAL_RULES_SOURCE },
  ],
  forbiddenForms: { forms: ['shopping_card'], source: byDefault('党政机关不发放购物卡') },
  holidays: {
    springFestival: { capFen: yuan(800), allowedForms: ['in_kind', 'pickup_voucher'], source: JIANGSU_STANDARD },
    dragonBoat: { capFen: yuan(500), allowedForms: ['in_kind', 'pickup_voucher'], source: JIANGSU_STANDARD },
    midAutumn: { capFen: yuan(500), allowedForms: ['in_kind', 'pickup_voucher'], source: JIANGSU_STANDARD },
  },
  holidayAnnualCapFen: { capFen: yuan(1800), source: JIANGSU_STANDARD },
  items: defaultItems({
    hardship_aid: '苏委工直[2011]2号 二、（做好对困难职工的帮扶工作）',
    event_prize: '苏委工直[2011]2号 二、（组织开展干部职工丰富多彩的文体活动）',
  }),
  eligibility: {
    requireDuesPaid: true,
    retireesEligible: false,
    source: byDefault('会员按规定缴纳会费；退休人员不由基层工会经费慰问（各地规定不同）'),
  },
};

/** Templates are shared by every caller: freeze them so an edit to one union's copy cannot leak into another's. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export const POLICY_TEMPLATES: readonly PolicyProfile[] = deepFreeze([zibo2017, liaoning2019, jiangsu2011]);

/** A shipped template by id (read-only: use startFromTemplate for a union's own copy). */
export function policyTemplate(id: string): PolicyProfile | undefined {
  return POLICY_TEMPLATES.find((t) => t.id === id);
}

/**
 * A union's own profile for `year`, copied from a template: the rules and their sources as they are, the id
 * `policy-<year>` (the caller may replace it with its storage key), the name "<unionName> <year>" and
 * `basedOn` = the template. Parsing through the schema both checks the result and makes a deep, unfrozen copy.
 * Throws AppError NOT_FOUND for an unknown template and VALIDATION_FAILED (with issues) for a bad year or name.
 */
export function startFromTemplate(templateId: string, year: number, unionName: string): PolicyProfile {
  const template = policyTemplate(templateId);
  if (!template) throw new AppError('NOT_FOUND', '没有找到这个政策模板');
  const name = unionName.trim();
  if (name === '') throw new AppError('VALIDATION_FAILED', undefined, [{ path: ['unionName'], message: '请填写工会名称' }]);
  const parsed = policyProfileSchema.safeParse({
    ...template,
    id: `policy-${year}`,
    name: `${name} ${year}`,
    year,
    basedOn: template.id,
  });
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', undefined, toIssues(parsed.error));
  return parsed.data;
}
