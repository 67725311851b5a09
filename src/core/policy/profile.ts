/**
 * A union's policy for one year: every cap, form and eligibility rule as a setting, each with the document it
 * comes from. The engine (engine.ts) decides payouts from this profile alone, so a profile that contradicts
 * itself must never be stored — `validatePolicy` refuses it with one Chinese sentence per problem.
 */
import { type ErrorIssue } from '../errors';
import { formatYuan } from '../money';
import { toIssues, z } from '../zod';
import { FORM_LABELS, FORMS, HOLIDAY_LABELS, HOLIDAYS, ITEM_INFO, ITEMS, type Form, type Holiday, type Item } from './items';

/** The national rules that bind every grassroots union, whatever its own profile says. */
export const NATIONAL_RULES_SOURCE = '全国总工会《基层工会经费收支管理办法》（总工办发〔2017〕32号）';

/** Items whose rule lives in `items`. Holiday gifts are ruled per holiday instead, since each holiday has its own cap. */
export type RuleItem = Exclude<Item, 'holiday_gift'>;
export const RULE_ITEMS: readonly RuleItem[] = ITEMS.filter((i): i is RuleItem => i !== 'holiday_gift');

/**
 * National rules name these benefits 慰问品 / 纪念品 / 生日蛋糕, never money: only sickness, death and aid may
 * be paid as 慰问金. A union may be stricter (forbiddenForms, allowedForms) but never looser.
 */
const NO_CASH_ITEMS: ReadonlySet<Item> = new Set<Item>(['holiday_gift', 'birthday', 'care_marriage', 'care_childbirth', 'care_retirement']);

/** "端午节慰问品", "春节慰问品", "元旦慰问品": the name an officer reads for a holiday's gift. */
export function holidayGiftLabel(holiday: Holiday): string {
  const name = HOLIDAY_LABELS[holiday];
  return `${name.endsWith('节') || holiday === 'newYear' ? name : `${name}节`}慰问品`;
}

/** The label of a rule: the holiday's gift for holiday rules, the item's label otherwise. */
export function ruleLabel(item: Item, holiday?: Holiday): string {
  return item === 'holiday_gift' && holiday ? holidayGiftLabel(holiday) : ITEM_INFO[item].label;
}

const nonEmpty = (what: string) => z.string().trim().min(1, { error: `请填写${what}` });
const sourceText = z.string().trim().min(1, { error: '请注明依据（文件名称和条款），否则无法核对这条规定' });

/**
 * A whole number that reports its problem without hiding the others: zod's own `.int()` aborts the parse, so
 * the cross-field checks below would stay silent until the officer fixed this one field first.
 */
const wholeNumber = (notNumber: string, notWhole: string) =>
  z.number({ error: notNumber }).refine((n) => Number.isSafeInteger(n), { error: notWhole });

const capFenSchema = wholeNumber('上限必须是金额（以分为单位的数字）', '上限必须是整数分，不能有不足一分的零头').min(0, {
  error: '上限不能为负数',
});

export const itemRuleSchema = z.strictObject({
  /** Per member per payout, in fen. null only for event_expense, which only its budget line limits. */
  capFen: capFenSchema.nullable(),
  allowedForms: z.array(z.enum(FORMS)).min(1, { error: '至少要允许一种发放形式，否则此项无法发放' }),
  /** Max payouts per member per calendar year (Asia/Shanghai). Absent: no count limit, only the cap. */
  perYear: wholeNumber('每年次数必须是数字', '每年次数必须是整数').min(1, { error: '每年次数至少为 1；本工会不发放的项目请直接删除' }).optional(),
  /** Hospitalisation: one payment per illness per year (Anhui 2025). */
  onePerIllnessPerYear: z.boolean().optional(),
  /** Only in-service members (e.g. 大病关爱 in 辽宁省直), whatever the union-wide retiree setting. */
  inServiceOnly: z.boolean().optional(),
  /** Who grants it: 大病关爱 is granted by the 工委 after the grassroots union recommends. */
  fundedBy: z.enum(['union', 'committee']).optional(),
  /** event_prize: winners / participants at most num/den. */
  maxWinnerShare: z
    .strictObject({
      num: wholeNumber('比例必须是数字', '比例必须是整数之比，例如 1/3'),
      den: wholeNumber('比例必须是数字', '比例必须是整数之比，例如 1/3'),
    })
    .optional(),
  source: sourceText,
});
export type ItemRule = z.infer<typeof itemRuleSchema>;

const policyShape = z.strictObject({
  id: nonEmpty('政策编号'),
  name: nonEmpty('政策名称'),
  year: wholeNumber('年度必须是数字', '年度必须是整数')
    .min(2000, { error: '年度须在 2000 至 2100 年之间' })
    .max(2100, { error: '年度须在 2000 至 2100 年之间' }),
  /** The template this profile was copied from, if any. */
  basedOn: nonEmpty('模板编号').optional(),
  sources: z.array(z.strictObject({ id: nonEmpty('依据文件编号'), title: nonEmpty('依据文件名称') })),
  /** Union-wide: a form listed here may appear in no rule. Each rule's allowedForms narrows further. */
  forbiddenForms: z.strictObject({ forms: z.array(z.enum(FORMS)), source: z.string().trim() }),
  /** A holiday absent = no gifts at that holiday. */
  holidays: z.partialRecord(z.enum(HOLIDAYS), itemRuleSchema),
  /** Per member per year, all holiday gifts together; null = only the per-holiday caps apply. */
  holidayAnnualCapFen: z.strictObject({ capFen: capFenSchema, source: sourceText }).nullable(),
  /** An item absent = not paid by this union. */
  items: z.partialRecord(z.enum(ITEMS).exclude(['holiday_gift']), itemRuleSchema),
  eligibility: z.strictObject({ requireDuesPaid: z.boolean(), retireesEligible: z.boolean(), source: sourceText }),
});

type PolicyShape = z.infer<typeof policyShape>;
type Path = (string | number)[];

/** Every rule of a profile with its path, item and holiday, so the checks below are written once. */
function rulesOf(p: PolicyShape): { path: Path; item: Item; holiday?: Holiday; rule: ItemRule }[] {
  const out: { path: Path; item: Item; holiday?: Holiday; rule: ItemRule }[] = [];
  for (const holiday of HOLIDAYS) {
    const rule = p.holidays[holiday];
    if (rule) out.push({ path: ['holidays', holiday], item: 'holiday_gift', holiday, rule });
  }
  for (const item of RULE_ITEMS) {
    const rule = p.items[item];
    if (rule) out.push({ path: ['items', item], item, rule });
  }
  return out;
}

/** Cross-field rules: a profile whose settings contradict each other or the national rules is refused. */
function checkConsistency(p: PolicyShape, ctx: z.RefinementCtx): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });

  const seenSources = new Set<string>();
  p.sources.forEach((s, i) => {
    if (seenSources.has(s.id)) issue(['sources', i, 'id'], `依据文件编号「${s.id}」重复，引用时会分不清是哪一份文件`);
    seenSources.add(s.id);
  });

  if (p.forbiddenForms.forms.length > 0 && p.forbiddenForms.source === '') {
    issue(['forbiddenForms', 'source'], '请注明禁止这些发放形式的依据（文件名称和条款）');
  }

  const annual = p.holidayAnnualCapFen;
  if (annual) {
    if (annual.capFen === 0) issue(['holidayAnnualCapFen', 'capFen'], '全年节日慰问品合计上限为 0 等于不发节日慰问品；不发放请删除各节日，不限总额请取消此项');
    if (Object.keys(p.holidays).length === 0) {
      issue(['holidayAnnualCapFen'], '本工会未安排任何节日慰问品，全年合计上限无从适用；请先设置节日，或取消全年合计上限');
    }
  }

  for (const { path, item, holiday, rule } of rulesOf(p)) {
    const label = ruleLabel(item, holiday);
    const perMember = ITEM_INFO[item].perMember;

    if (rule.capFen === null && item !== 'event_expense') {
      issue([...path, 'capFen'], `${label}必须设置每人上限；只有文体活动经费可以不设上限（由预算控制）`);
    }
    if (rule.capFen === 0) issue([...path, 'capFen'], `${label}上限为 0 等于不发放；本工会不发放的项目请直接删除此项`);
    if (holiday && annual && rule.capFen !== null && rule.capFen > annual.capFen) {
      issue(
        [...path, 'capFen'],
        `${label}上限 ${formatYuan(rule.capFen)} 元超过了全年节日慰问品合计上限 ${formatYuan(annual.capFen)} 元，两者矛盾`,
      );
    }

    const seenForms = new Set<Form>();
    rule.allowedForms.forEach((form, i) => {
      if (seenForms.has(form)) issue([...path, 'allowedForms', i], `发放形式「${FORM_LABELS[form]}」重复`);
      seenForms.add(form);
      if (p.forbiddenForms.forms.includes(form)) {
        issue(
          [...path, 'allowedForms', i],
          `本工会已禁止以「${FORM_LABELS[form]}」发放（${p.forbiddenForms.source || '本工会规定'}），${label}不能再允许这种形式`,
        );
      }
      if (form === 'cash' && NO_CASH_ITEMS.has(item)) {
        issue([...path, 'allowedForms', i], `${label}不能发放现金：只有生病住院、去世慰问和帮扶可以发放慰问金（${NATIONAL_RULES_SOURCE}）`);
      }
    });

    if (item === 'birthday') {
      if (!rule.allowedForms.includes('cake_voucher') && !rule.allowedForms.includes('in_kind')) {
        issue([...path, 'allowedForms'], '生日慰问应是生日蛋糕或指定蛋糕店的蛋糕券：请至少允许「蛋糕券」或「实物」');
      }
      if (rule.perYear !== undefined && rule.perYear > 1) issue([...path, 'perYear'], '每人每年只有一个生日，生日慰问每年最多 1 次');
    }
    if (holiday && rule.perYear !== undefined && rule.perYear > 1) {
      issue([...path, 'perYear'], `同一节日每人每年只发放一次，${label}不能设置每年 ${rule.perYear} 次`);
    }

    if (rule.onePerIllnessPerYear && item !== 'care_hospitalisation') {
      issue([...path, 'onePerIllnessPerYear'], '「同一疾病每年一次」只适用于生病住院慰问');
    }

    if (!perMember) {
      // Not paid to a person: a per-member limit would have nobody to count against.
      if (rule.perYear !== undefined) issue([...path, 'perYear'], `${label}不发给个人，不能按人设置每年次数`);
      if (rule.inServiceOnly) issue([...path, 'inServiceOnly'], `${label}不发给个人，不能设置「仅限在职会员」`);
    }

    const share = rule.maxWinnerShare;
    if (item === 'event_prize' && !share) {
      issue([...path, 'maxWinnerShare'], '文体活动奖品须设置获奖比例上限（获奖人数占参加人数的比例，各地为 1/3 至 2/3）');
    }
    if (share) {
      if (item !== 'event_prize') issue([...path, 'maxWinnerShare'], '获奖比例只适用于文体活动奖品');
      if (share.den <= 0) issue([...path, 'maxWinnerShare', 'den'], '获奖比例的分母（参加人数份数）必须大于 0');
      if (share.num <= 0) issue([...path, 'maxWinnerShare', 'num'], '获奖比例不能为 0：没有人能获奖就不应设置奖品');
      if (share.den > 0 && share.num > share.den) {
        issue([...path, 'maxWinnerShare'], `获奖比例 ${share.num}/${share.den} 大于 1：获奖人数不能超过参加人数`);
      }
    }
  }
}

export const policyProfileSchema = policyShape.superRefine(checkConsistency);
export type PolicyProfile = z.infer<typeof policyProfileSchema>;

export type PolicyValidation = { ok: true; policy: PolicyProfile } | { ok: false; issues: ErrorIssue[] };

/** Parse and check a profile (e.g. typed by an officer); every problem comes back with its path and reason. */
export function validatePolicy(input: unknown): PolicyValidation {
  const parsed = policyProfileSchema.safeParse(input);
  return parsed.success ? { ok: true, policy: parsed.data } : { ok: false, issues: toIssues(parsed.error) };
}
