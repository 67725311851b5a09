/**
 * 困难帮扶 (hardship aid): the three kinds of aid, the household a member declares, the checks the form, the function
 * and the pages share (checkApplication), the advisory self-check against the local 低保 standard (selfCheck), what a
 * 公示 entry may show (maskName, PUBLICITY_FIELDS) and which separate consents the 个人信息保护法 asks for
 * (sensitiveConsents, CONSENT_TEXTS). Pure: amounts are integer fen, the union's settings are passed in.
 *
 * What this module does not decide: membership status (大病关爱 is for in-service members: the function checks the
 * roster), caps and yearly limits (core/policy), who may read a file (the function, with an access log).
 * No zod here on purpose (see domain/events): the schemas live in the contract.
 */
import type { ErrorIssue } from '../errors';
import { yuan, yuanText, type Fen } from '../money';
import type { Item } from '../policy/items';
import { addDays, type DateKey } from '../time';
import { MEMBER_MAX_AGE, MEMBER_MIN_AGE } from './vocabulary';

/** 困难帮扶, 大病关爱, 金秋助学. */
export const AID_KINDS = ['hardship', 'illness', 'schooling'] as const;
export type AidKind = (typeof AID_KINDS)[number];

export const AID_KIND_LABELS: Record<AidKind, string> = {
  hardship: '困难帮扶',
  illness: '大病关爱',
  schooling: '金秋助学',
};

/**
 * One line under each choice on the form. No amounts: caps are settings of the union's policy profile (e.g. 辽宁省直
 * 大病关爱 ≤ 5 万元, Anhui hardship aid ≤ 2,000 元, 金秋助学 2,000 – 7,200 元 by school level), shown from the policy.
 */
export const AID_KIND_NOTES: Record<AidKind, string> = {
  hardship: '因病、意外事故、子女上学等原因造成家庭生活困难的，一次性帮扶，由本会审核决定',
  illness: '在职会员当年患重大疾病的，一次性救助，每年一次；由本会调查推荐，上级工会工委决定并发放',
  schooling: '困难家庭子女升入高中、中职或大学的，按学段资助；已建档困难家庭优先，不与其他帮扶同时享受',
};

/** The ledger item each kind is paid under (core/policy/items). */
export const AID_ITEMS = {
  hardship: 'hardship_aid',
  illness: 'serious_illness',
  schooling: 'study_aid',
} as const satisfies Record<AidKind, Item>;

/** Relation to the applicant (与本人关系). */
export const RELATIONS = ['self', 'spouse', 'child', 'parent', 'parentInLaw', 'sibling', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Record<Relation, string> = {
  self: '本人',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  parentInLaw: '配偶父母',
  sibling: '兄弟姐妹',
  other: '其他',
};

export const OCCUPATIONS = ['employed', 'flexible', 'unemployed', 'retired', 'student', 'preschool', 'disabled', 'other'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];
export const OCCUPATION_LABELS: Record<Occupation, string> = {
  employed: '在职',
  flexible: '灵活就业',
  unemployed: '失业/无业',
  retired: '退休',
  student: '在校学生',
  preschool: '学龄前',
  disabled: '丧失劳动能力',
  other: '其他',
};

/** 金秋助学 is granted by school level. */
export const SCHOOL_LEVELS = ['highSchool', 'vocational', 'college', 'undergraduate', 'graduate'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
export const SCHOOL_LEVEL_LABELS: Record<SchoolLevel, string> = {
  highSchool: '普通高中',
  vocational: '中职',
  college: '大专',
  undergraduate: '本科',
  graduate: '研究生',
};

export const MAX_HOUSEHOLD = 10;
export const MAX_NAME_CHARS = 30;
/** Sanity caps, not policy: a larger monthly amount is a typo (a misplaced decimal point), not a household's income. */
export const MAX_MONTHLY_INCOME_FEN: Fen = yuan(1_000_000);
export const MAX_MONTHLY_EXPENSE_FEN: Fen = yuan(1_000_000);
/** The cause: enough to say what happened, short enough to read on a phone. Counted in characters (汉字 count one). */
export const CAUSE_MIN_CHARS = 10;
export const CAUSE_MAX_CHARS = 500;
export const SCHOOL_NAME_MIN_CHARS = 2;
export const SCHOOL_NAME_MAX_CHARS = 50;

/**
 * Loose lower bounds of age by relation, to catch slips (a birth year typed as an age, an age of 3 for a parent)
 * without refusing a real household: 本人 is a member (16, the legal working age); marriage needs 20/22 in law, so
 * 18 for a spouse is loose; a parent of a working member is at least 30. Children, siblings and others: any age.
 */
export const MIN_AGE_BY_RELATION: Partial<Record<Relation, number>> = {
  self: MEMBER_MIN_AGE,
  spouse: 18,
  parent: 30,
  parentInLaw: 30,
};
export const MAX_AGE = MEMBER_MAX_AGE;
/** Children start school at 6 or 7; 8 leaves room for a late start. */
export const PRESCHOOL_MAX_AGE = 8;

export interface HouseholdMember {
  name: string;
  relation: Relation;
  /** Whole years. */
  age: number;
  occupation: Occupation;
  monthlyIncomeFen: Fen;
}

/** Monthly rigid expenses (刚性支出) of the household, in fen. */
export interface RigidExpenses {
  medicalFen: Fen;
  schoolingFen: Fen;
  otherFen: Fen;
}

/** What a member declares on the application form. */
export interface AidFacts {
  kind: AidKind;
  household: HouseholdMember[];
  expenses: RigidExpenses;
  cause: string;
  /** 金秋助学 only: the child (an index into `household`, relation 子女) and their school. */
  school?: { childIndex: number; school: string; level: SchoolLevel };
  /** 大病关爱 only: the patient, an index into `household` (normally 本人). */
  patientIndex?: number;
}

export type ApplicationCheck = { ok: true } | { ok: false; issues: ErrorIssue[] };

const charCount = (text: string): number => Array.from(text).length;
const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);
const isIndexOf = (list: readonly unknown[], index: unknown): index is number => typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < list.length;
const wan = (fen: Fen): string => `${fen / 100 / 10_000} 万元`;

function moneyIssue(value: unknown, what: string, max: Fen): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value)) return `${what}请填写金额，最多两位小数`;
  if (value < 0) return `${what}不能是负数`;
  if (value > max) return `${what}超过每月 ${wan(max)}，请核对是否多填了位数`;
  return null;
}

function memberIssues(m: HouseholdMember, i: number): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const who = `第 ${i + 1} 位家庭成员`;
  const at = (field: keyof HouseholdMember, message: string) => issues.push({ path: ['household', i, field], message });

  const name = typeof m.name === 'string' ? m.name.trim() : '';
  if (!name) at('name', `请填写${who}的姓名`);
  else if (charCount(name) > MAX_NAME_CHARS) at('name', `${who}的姓名最多 ${MAX_NAME_CHARS} 个字`);

  const relationOk = isOneOf(RELATIONS, m.relation);
  if (!relationOk) at('relation', `请选择${who}与本人的关系`);
  const occupationOk = isOneOf(OCCUPATIONS, m.occupation);
  if (!occupationOk) at('occupation', `请选择${who}的职业状况`);

  if (typeof m.age !== 'number' || !Number.isInteger(m.age) || m.age < 0 || m.age > MAX_AGE) {
    at('age', `${who}的年龄请填写 0 至 ${MAX_AGE} 之间的整数（周岁）`);
  } else {
    const min = relationOk ? MIN_AGE_BY_RELATION[m.relation] : undefined;
    if (min !== undefined && m.age < min) {
      at('age', `${who}是${RELATION_LABELS[m.relation]}，年龄不应小于 ${min} 周岁，请核对年龄或关系`);
    } else if (occupationOk && m.occupation === 'preschool' && m.age > PRESCHOOL_MAX_AGE) {
      at('age', `${who}已 ${m.age} 周岁，不是学龄前儿童，请核对年龄或职业状况`);
    }
  }

  const income = moneyIssue(m.monthlyIncomeFen, `${who}的月收入`, MAX_MONTHLY_INCOME_FEN);
  if (income) at('monthlyIncomeFen', income);
  return issues;
}

const EXPENSE_LABELS: Record<keyof RigidExpenses, string> = {
  medicalFen: '每月医疗支出',
  schoolingFen: '每月子女上学支出',
  otherFen: '每月其他刚性支出',
};

/**
 * Problems of an application, each at its field (`['household', 2, 'age']`), in Chinese. The same check runs on
 * the phone (before submitting) and in the function (before storing). Loose where a real household could differ:
 * it refuses only what cannot be true or what the committee cannot decide without.
 */
export function checkApplication(facts: AidFacts): ApplicationCheck {
  const issues: ErrorIssue[] = [];
  const { household } = facts;

  if (!isOneOf(AID_KINDS, facts.kind)) issues.push({ path: ['kind'], message: '请选择帮扶类别' });

  if (household.length === 0) {
    issues.push({ path: ['household'], message: '请填写家庭成员，第一位是本人' });
  } else if (household.length > MAX_HOUSEHOLD) {
    issues.push({ path: ['household'], message: `家庭成员最多填写 ${MAX_HOUSEHOLD} 人（共同生活的家庭成员）` });
  }
  if (household.length > 0) {
    const selves = household.flatMap((m, i) => (m.relation === 'self' ? [i] : []));
    if (selves.length === 0) issues.push({ path: ['household'], message: '家庭成员中要有“本人”（申请人自己）' });
    for (const i of selves.slice(1)) {
      issues.push({ path: ['household', i, 'relation'], message: `第 ${i + 1} 位家庭成员：“本人”只能有一位，请改为与本人的关系` });
    }
    const spouses = household.flatMap((m, i) => (m.relation === 'spouse' ? [i] : []));
    for (const i of spouses.slice(1)) {
      issues.push({ path: ['household', i, 'relation'], message: `第 ${i + 1} 位家庭成员：“配偶”只能有一位，请核对关系` });
    }
    household.forEach((m, i) => issues.push(...memberIssues(m, i)));
  }

  for (const key of Object.keys(EXPENSE_LABELS) as (keyof RigidExpenses)[]) {
    const problem = moneyIssue(facts.expenses[key], EXPENSE_LABELS[key], MAX_MONTHLY_EXPENSE_FEN);
    if (problem) issues.push({ path: ['expenses', key], message: problem });
  }

  const cause = typeof facts.cause === 'string' ? facts.cause.trim() : '';
  if (charCount(cause) < CAUSE_MIN_CHARS) {
    issues.push({ path: ['cause'], message: `请写明困难原因，至少 ${CAUSE_MIN_CHARS} 个字：发生了什么、什么时候开始、对家庭生活的影响` });
  } else if (charCount(cause) > CAUSE_MAX_CHARS) {
    issues.push({ path: ['cause'], message: `困难原因最多 ${CAUSE_MAX_CHARS} 个字，请精简；证明材料可以另外上传` });
  }

  if (facts.kind === 'schooling') {
    issues.push(...schoolIssues(facts));
  } else if (facts.school !== undefined) {
    // Data on children is sensitive: keep none that the kind does not need.
    issues.push({ path: ['school'], message: '只有金秋助学需要填写子女就学信息' });
  }

  if (facts.kind === 'illness') {
    if (!isIndexOf(household, facts.patientIndex)) {
      issues.push({ path: ['patientIndex'], message: '请在家庭成员中选择患病的人（一般是本人）' });
    }
  } else if (facts.patientIndex !== undefined) {
    issues.push({ path: ['patientIndex'], message: '只有大病关爱需要选择患者' });
  }

  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}

function schoolIssues(facts: AidFacts): ErrorIssue[] {
  const { school, household } = facts;
  if (!household.some((m) => m.relation === 'child')) {
    return [{ path: ['school'], message: '金秋助学是为家庭中上学的子女申请的：请先在家庭成员中填写子女' }];
  }
  if (school === undefined) return [{ path: ['school'], message: '请填写子女的就学信息：哪位子女、学校名称和学段' }];
  const issues: ErrorIssue[] = [];
  if (!isIndexOf(household, school.childIndex)) {
    issues.push({ path: ['school', 'childIndex'], message: '请选择上学的子女' });
  } else {
    const child = household[school.childIndex];
    if (child.relation !== 'child') {
      issues.push({ path: ['school', 'childIndex'], message: `金秋助学只为子女申请，所选的第 ${school.childIndex + 1} 位家庭成员不是子女` });
    } else if (child.occupation !== 'student') {
      issues.push({ path: ['school', 'childIndex'], message: `请把第 ${school.childIndex + 1} 位家庭成员（子女）的职业状况选为“在校学生”` });
    }
  }
  const name = typeof school.school === 'string' ? school.school.trim() : '';
  if (charCount(name) < SCHOOL_NAME_MIN_CHARS || charCount(name) > SCHOOL_NAME_MAX_CHARS) {
    issues.push({ path: ['school', 'school'], message: `请填写学校全称（${SCHOOL_NAME_MIN_CHARS} 至 ${SCHOOL_NAME_MAX_CHARS} 个字）` });
  }
  if (!isOneOf(SCHOOL_LEVELS, school.level)) issues.push({ path: ['school', 'level'], message: '请选择学段' });
  return issues;
}

/**
 * 相对困难 up to this multiple of the local 低保 standard (per person, per month). Twice the standard is a common
 * local rule, not a national one: it becomes a setting of the union's policy profile later.
 */
export const RELATIVE_HARDSHIP_FACTOR = 2;

export const HARDSHIP_CATEGORIES = ['deep', 'relative', 'accidental', 'none'] as const;
export type HardshipCategory = (typeof HARDSHIP_CATEGORIES)[number];
export const HARDSHIP_CATEGORY_LABELS: Record<HardshipCategory, string> = {
  deep: '深度困难',
  relative: '相对困难',
  accidental: '意外致困',
  none: '未达到困难标准',
};

export interface SelfCheck {
  category: HardshipCategory;
  label: string;
  perCapitaFen: Fen;
  explanation: string;
}

export const SELF_CHECK_NOTE = '以上结果仅供参考，不影响提交申请；是否帮扶、帮扶多少，由工会审核决定。';

/**
 * The household's monthly sums: income, rigid expenses, what is left (never below 0) and that per person, rounded down
 * to the fen (0 for an empty household). The self-check and the 工委's referral package both read these.
 */
export function householdSums(facts: Pick<AidFacts, 'household' | 'expenses'>): { size: number; income: Fen; rigid: Fen; net: Fen; perCapitaFen: Fen } {
  const size = facts.household.length;
  const income = facts.household.reduce((sum, m) => sum + m.monthlyIncomeFen, 0);
  const { medicalFen, schoolingFen, otherFen } = facts.expenses;
  const rigid = medicalFen + schoolingFen + otherFen;
  const net = Math.max(0, income - rigid);
  return { size, income, rigid, net, perCapitaFen: size === 0 ? 0 : Math.floor(net / size) };
}

/**
 * Advisory self-check, never a decision: per-capita monthly income = (household income − rigid expenses) ÷ household
 * size, floored at 0 and rounded down to the fen; 深度困难 at or below the local 低保 standard, 相对困难 at or below
 * RELATIVE_HARDSHIP_FACTOR × the standard, 意外致困 when rigid expenses take at least half of the household income
 * (or there is no income). Expects facts that passed checkApplication; throws RangeError for a standard that is
 * not a positive whole number of fen (the union has not set it: do not offer the check).
 */
export function selfCheck(facts: Pick<AidFacts, 'household' | 'expenses'>, dibaoFenPerPersonMonthly: Fen): SelfCheck {
  const standard = dibaoFenPerPersonMonthly;
  if (!Number.isSafeInteger(standard) || standard <= 0) throw new RangeError(`the local 低保 standard must be positive fen: ${standard}`);
  if (facts.household.length === 0) throw new RangeError('selfCheck needs at least one household member');

  const { size, income, rigid, net, perCapitaFen } = householdSums(facts);
  const { medicalFen, schoolingFen, otherFen } = facts.expenses;
  const relativeLine = standard * RELATIVE_HARDSHIP_FACTOR;

  const parts = rigid > 0 ? `（医疗 ${yuanText(medicalFen)}、子女上学 ${yuanText(schoolingFen)}、其他 ${yuanText(otherFen)}）` : '';
  const division =
    income >= rigid
      ? `（${yuanText(income)} − ${yuanText(rigid)}）÷ ${size} ${net % size === 0 ? '=' : '≈'} ${yuanText(perCapitaFen)}`
      : `按 ${yuanText(0)}计（刚性支出超过收入）`;
  const sums = `家庭月收入 ${yuanText(income)}，每月刚性支出 ${yuanText(rigid)}${parts}，共 ${size} 口人，人均月收入${division}`;
  const relation = (line: Fen) => (perCapitaFen < line ? '低于' : perCapitaFen === line ? '等于' : '高于');
  const relativeText = `低保标准的 ${RELATIVE_HARDSHIP_FACTOR} 倍（${yuanText(relativeLine)}）`;

  let category: HardshipCategory;
  let verdict: string;
  if (perCapitaFen <= standard) {
    category = 'deep';
    verdict = `${relation(standard)}当地低保标准 ${yuanText(standard)}，属于深度困难情形。`;
  } else if (perCapitaFen <= relativeLine) {
    category = 'relative';
    verdict = `高于当地低保标准 ${yuanText(standard)}，${relation(relativeLine)}${relativeText}，属于相对困难情形。`;
  } else if (income === 0 || rigid * 2 >= income) {
    category = 'accidental';
    const share = income === 0 ? '家庭没有收入' : `刚性支出占家庭收入的 ${Math.floor((rigid * 100) / income)}%，达到一半以上`;
    verdict = `高于${relativeText}；但${share}，属于因病、因灾等意外致困情形。`;
  } else {
    category = 'none';
    verdict = `高于${relativeText}，刚性支出不到家庭收入的一半，暂未达到困难标准。`;
  }
  return { category, label: HARDSHIP_CATEGORY_LABELS[category], perCapitaFen, explanation: `${sums}，${verdict}${SELF_CHECK_NOTE}` };
}

/**
 * The 公示 form of a name: the first character and one '*' (张伟 → 张*, 欧阳娜娜 → 欧*, whatever the length, so
 * the length is not shown either); an empty or one-character name → '*'. Counts characters, not UTF-16 units.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length <= 1 ? '*' : `${chars[0]}*`;
}

/** A 公示 entry: never an ID number, illness, address, phone or bank data. */
export interface PublicityEntry {
  maskedName: string;
  department: string;
  /** The kind of aid in words (困难帮扶 / 大病关爱 / 金秋助学). */
  kindLabel: string;
  amountFen: Fen;
  /** The 公示 period (objections are taken until `to`, inclusive). */
  period: { from: DateKey; to: DateKey };
}

/** The only fields a 公示 entry may carry: a reply with any other key is a leak. */
export const PUBLICITY_FIELDS = ['maskedName', 'department', 'kindLabel', 'amountFen', 'period'] as const satisfies readonly (keyof PublicityEntry)[];
export type PublicityField = (typeof PUBLICITY_FIELDS)[number];

/** Builds a 公示 entry from what the function holds, keeping only the allowed fields. */
export function publicityEntry(input: { name: string; department: string; kind: AidKind; amountFen: Fen; period: { from: DateKey; to: DateKey } }): PublicityEntry {
  return {
    maskedName: maskName(input.name),
    department: input.department,
    kindLabel: AID_KIND_LABELS[input.kind],
    amountFen: input.amountFen,
    period: { from: input.period.from, to: input.period.to },
  };
}

/** Under 14, a child's personal information is sensitive (个人信息保护法 Art. 28) and needs a guardian's consent (Art. 31). */
export const MINOR_AGE = 14;

export interface SensitiveConsents {
  /** Health data: the kind is 大病关爱, there are medical expenses, or a member cannot work (丧失劳动能力). */
  health: boolean;
  /** A household member is under 14. */
  minors: boolean;
}

/** Which separate consents (单独同意) the member gives before submitting, besides the purpose statement. */
export function sensitiveConsents(facts: Pick<AidFacts, 'kind' | 'household' | 'expenses'>): SensitiveConsents {
  return {
    health: facts.kind === 'illness' || facts.expenses.medicalFen > 0 || facts.household.some((m) => m.occupation === 'disabled'),
    minors: facts.household.some((m) => m.age < MINOR_AGE),
  };
}

/** What the member reads before submitting: the purpose (always), and each separate consent when it applies. */
export const CONSENT_TEXTS = {
  purpose:
    '您填写的家庭成员、收入、支出、困难原因和证明材料，仅用于本次帮扶申请的审核、发放和困难职工档案。' +
    '只有负责帮扶审核的工会工作人员和工会主席可以查看，每次查看都有记录；大病关爱和金秋助学的申请材料还会报送上级工会审核。' +
    '您可以随时查看自己的档案。档案在家庭脱困后保存 10 年。' +
    '如需公示，只显示姓氏、部门、帮扶类别和金额，不显示身份证号、疾病、住址、电话和银行账户。',
  health:
    '我单独同意：工会为审核本次申请，处理我和家庭成员的健康信息（疾病、医疗支出、劳动能力）。' +
    '健康信息属于敏感个人信息，只有帮扶审核人员和工会主席可以查看（大病关爱还需报上级工会），公示时不显示。',
  minors:
    '我单独同意：工会为审核本次申请，处理家庭中不满 14 周岁子女的姓名、年龄、就学等信息。' +
    '我是他们的父母或其他监护人（或已征得其监护人同意）。未成年人信息属于敏感个人信息，仅用于本次申请，公示时不显示。',
} as const;

// ---------------------------------------------------------------------------------------------------------------
// The application's course: who may do what, in which state.

/**
 * draft → submitted (待初审) → moreRequested (待补充材料) ↔ submitted → visiting (待入户走访) → deciding (待审议) →
 * proposed (待复核: one reviewer proposed an amount) → publicizing (公示中; held while an objection is open) → paid.
 * 大病关爱 goes from deciding to referred (已报上级工会) instead. rejected and withdrawn end it.
 */
export const APPLICATION_STATUSES = ['draft', 'submitted', 'moreRequested', 'visiting', 'deciding', 'proposed', 'publicizing', 'held', 'paid', 'referred', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '待初审',
  moreRequested: '待补充材料',
  visiting: '待入户走访',
  deciding: '待审议',
  proposed: '待复核',
  publicizing: '公示中',
  held: '公示异议处理中',
  paid: '已发放',
  referred: '已报上级工会',
  rejected: '未通过',
  withdrawn: '已撤回',
};

/** Still to be decided: the member may withdraw, a reviewer may refuse. */
export const UNDECIDED: readonly ApplicationStatus[] = ['submitted', 'moreRequested', 'visiting', 'deciding', 'proposed'];

export const MEMBER_ACTIONS = ['save', 'submit', 'supplement', 'withdraw'] as const;
export const REVIEW_ACTIONS = ['check', 'visit', 'propose', 'refer', 'approve', 'sendBack', 'reject', 'resolve'] as const;
export type ApplicationAction = (typeof MEMBER_ACTIONS)[number] | (typeof REVIEW_ACTIONS)[number] | 'object';

const ALLOWED: Record<ApplicationAction, readonly ApplicationStatus[]> = {
  save: ['draft'],
  submit: ['draft'],
  supplement: ['moreRequested'],
  // A draft is discarded the same way.
  withdraw: ['draft', ...UNDECIDED],
  check: ['submitted'],
  visit: ['visiting', 'deciding'],
  propose: ['deciding'],
  // 大病关爱: recommended to the 工委, which decides and pays.
  refer: ['deciding'],
  approve: ['proposed'],
  sendBack: ['proposed'],
  reject: UNDECIDED,
  // Any member of the union, during the 公示 (the dates are checked too: publicityOpen).
  object: ['publicizing', 'held'],
  resolve: ['held'],
};

/** Whether `action` may be taken in `status` (on an application of `kind`: 大病关爱 is referred, the others proposed). */
export function allows(status: ApplicationStatus, action: ApplicationAction, kind?: AidKind): boolean {
  if (kind === 'illness' && action === 'propose') return false;
  if (kind !== undefined && kind !== 'illness' && action === 'refer') return false;
  return ALLOWED[action].includes(status);
}

/** Why `action` cannot be taken in `status`, in words for the person who tried. */
export function refusalOf(status: ApplicationStatus, action: ApplicationAction): string {
  const now = `申请当前${APPLICATION_STATUS_LABELS[status]}`;
  switch (action) {
    case 'save':
    case 'submit':
      return `${now}，已经提交，不能再修改；如需补充，请等工作人员提出后在申请中补充材料`;
    case 'supplement':
      return `${now}，工作人员没有要求补充材料`;
    case 'withdraw':
      return `${now}，已有结果，不能撤回`;
    case 'check':
      return `${now}，不在初审阶段`;
    case 'visit':
      return `${now}：入户走访在初审通过后、审议结束前记录`;
    case 'refer':
      return `${now}：请在初审和入户走访之后，把大病关爱申请推荐给上级工会工委`;
    case 'propose':
      return status === 'proposed' ? '已有审核人员提出帮扶金额，请由另一位审核人员复核' : `${now}：请先完成初审和入户走访`;
    case 'approve':
    case 'sendBack':
      return `${now}，没有待复核的帮扶金额`;
    case 'reject':
      return `${now}，已有结果`;
    case 'object':
      return '这条公示已经结束，不能再提出异议';
    case 'resolve':
      return `${now}，没有待处理的异议`;
  }
}

/** Who the reviewer is, to the application: what four eyes and the household's conflict of interest need. */
export interface ReviewerRef {
  memberId: string;
  name: string;
}

/**
 * Why `reviewer` may not open or decide this application, or null: the applicant never reviews their own, nor does a
 * reviewer named among the applicant's household (a spouse, a parent on the same roster). By name, since a household
 * member is declared by name: a reviewer who merely shares a name steps aside too, which costs another reviewer's time
 * and never lets a relative decide.
 */
export function conflictOf(reviewer: ReviewerRef, application: { applicantId: string; household: readonly Pick<HouseholdMember, 'name' | 'relation'>[] }): string | null {
  if (reviewer.memberId === application.applicantId) return '这是您本人的申请，需由其他审核人员办理';
  const name = reviewer.name.trim();
  if (application.household.some((m) => m.relation !== 'self' && m.name.trim() === name)) return '您与申请人的家庭成员同名（或是其家庭成员），需回避，由其他审核人员办理';
  return null;
}

/**
 * Four eyes: the amount proposed by one reviewer is approved by another. Null when `approver` may approve, else why not.
 */
export function approvalRefusal(approver: ReviewerRef, proposer: ReviewerRef): string | null {
  return approver.memberId === proposer.memberId ? '帮扶金额须由两位不同的审核人员决定：提出金额的人不能自己复核，请由另一位审核人员复核' : null;
}

/** The 公示 period, at least 5 days by the seeds' practice; a union may set more (up to 30). */
export const PUBLICITY_DAYS = { min: 5, max: 30, byDefault: 7 } as const;

/** The first and last day of a 公示 that starts on `from` and lasts `days` days (objections are taken through `to`). */
export function publicityPeriod(from: DateKey, days: number): { from: DateKey; to: DateKey } {
  if (!Number.isInteger(days) || days < PUBLICITY_DAYS.min || days > PUBLICITY_DAYS.max) throw new RangeError(`publicity days out of range: ${days}`);
  return { from, to: addDays(from, days - 1) };
}

/** Whether `today` falls in the 公示 (both ends included): the entry is shown and objections are taken. */
export function publicityOpen(period: { from: DateKey; to: DateKey } | null, today: DateKey): boolean {
  return period !== null && period.from <= today && today <= period.to;
}

/** How a reviewer settles an objection: not founded (the 公示 goes on, the payout follows), or founded (refused). */
export const OBJECTION_OUTCOMES = ['dismissed', 'upheld'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];
export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, string> = {
  dismissed: '异议不成立，继续公示',
  upheld: '异议成立，不予帮扶',
};

/** What the 工委 decides on a referred 大病关爱 case. */
export const REFERRAL_STATUSES = ['pending', 'approved', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  pending: '待工委决定',
  approved: '工委已批准',
  declined: '工委未批准',
};

// ---------------------------------------------------------------------------------------------------------------
// 困难职工档案: one per household.

/** A file's full review is due this many years after the last (the seeds: reviewed fully every year). */
export const FILE_REVIEW_YEARS = 1;
/** A closed file (the household left hardship) is kept this many years after it closed, out of lists, then deleted. */
export const FILE_KEEP_YEARS = 10;

export const FILE_STATUSES = ['active', 'closed'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];
export const FILE_STATUS_LABELS: Record<FileStatus, string> = { active: '在档', closed: '已脱困' };

/** The same calendar day `years` later (29 February becomes 28 February in a common year). */
export function yearsAfter(day: DateKey, years: number): DateKey {
  const [y, m, d] = day.split('-').map(Number);
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const dd = m === 2 && d === 29 && !leap ? 28 : d;
  return `${year}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}
