/**
 * What the reviewers' and the 工委's pages of the hardship area say: the tabs of the lists and what an empty tab says,
 * the household and its expenses as lines, the consents, the policy's rule, the status badges, and which copy of a
 * record to show (the one an action answered with, or the one read since). Pure (no Taro, no React), unit-tested
 * in reviewForms.test.ts.
 */
import {
  OCCUPATION_LABELS,
  RELATION_LABELS,
  SCHOOL_LEVEL_LABELS,
  sensitiveConsents,
  type AidFacts,
  type ApplicationStatus,
  type HouseholdMember,
  type ReferralStatus,
  type RigidExpenses,
} from '@/core/domain/hardship';
import { yuanText } from '@/core/money';
import { dayZh, formatDateTimeZh } from '@/core/time';

export type BadgeTone = 'ok' | 'warn' | 'muted' | 'primary';

// ---------------------------------------------------------------------------------------------------------------
// The lists.

export type QueueStage = 'todo' | 'publicizing' | 'done' | 'all';
export const QUEUE_TABS: { value: QueueStage; label: string }[] = [
  { value: 'todo', label: '待办' },
  { value: 'publicizing', label: '公示中' },
  { value: 'done', label: '已办结' },
  { value: 'all', label: '全部' },
];
export const EMPTY_QUEUE: Record<QueueStage, { title: string; note: string }> = {
  todo: { title: '没有待办的帮扶申请', note: '会员提交申请后，会出现在这里，提交早的在前。' },
  publicizing: { title: '没有正在公示的帮扶', note: '复核同意后开始公示；公示期满无异议即发放。' },
  done: { title: '还没有办结的帮扶申请', note: '已发放、已报上级工会、未通过和已撤回的申请列在这里。' },
  all: { title: '还没有会员提交帮扶申请', note: '' },
};

export type FilesStage = 'active' | 'due';
export const FILES_TABS: { value: FilesStage; label: string }[] = [
  { value: 'active', label: '在档' },
  { value: 'due', label: '到期复核' },
];
export const EMPTY_FILES: Record<FilesStage, { title: string; note: string }> = {
  active: { title: '还没有困难职工档案', note: '帮扶审批通过后自动建档，也可以为会员直接建档。' },
  due: { title: '没有到期复核的档案', note: '档案每年复核一次，到期后列在这里。' },
};

export type ReferralStage = 'pending' | 'decided';
export const REFERRAL_TABS: { value: ReferralStage; label: string }[] = [
  { value: 'pending', label: '待决定' },
  { value: 'decided', label: '已决定' },
];
export const EMPTY_REFERRALS: Record<ReferralStage, { title: string; note: string }> = {
  pending: { title: '没有待决定的推荐', note: '下属工会推荐大病关爱后，会出现在这里，推荐早的在前。' },
  decided: { title: '还没有决定过的推荐', note: '' },
};

/** The files page opened with ?stage=due (the reminder's link) opens on 到期复核. */
export function filesStageOf(param: string | undefined): FilesStage {
  return param === 'due' ? 'due' : 'active';
}

// ---------------------------------------------------------------------------------------------------------------
// Dates and badges.

/** "2026年11月19日 09:05" from an instant the function sent (ISO text). */
export function momentText(iso: string): string {
  return formatDateTimeZh(new Date(iso));
}

/** "11月19日", with the year when it is not this year's. */
export function dayText(key: string, now: Date = new Date()): string {
  return dayZh(key, { now });
}

/** "11月19日至11月25日". */
export function periodText(p: { from: string; to: string }, now: Date = new Date()): string {
  return `${dayText(p.from, now)}至${dayText(p.to, now)}`;
}

const STATUS_TONES: Record<ApplicationStatus, BadgeTone> = {
  draft: 'muted',
  submitted: 'warn',
  moreRequested: 'muted',
  visiting: 'warn',
  deciding: 'warn',
  proposed: 'warn',
  publicizing: 'primary',
  held: 'warn',
  paid: 'ok',
  referred: 'primary',
  rejected: 'muted',
  withdrawn: 'muted',
};
/** Amber while a reviewer has something to do, green once paid, grey when it waits for others or has ended. */
export const statusTone = (status: ApplicationStatus): BadgeTone => STATUS_TONES[status];

const REFERRAL_TONES: Record<ReferralStatus, BadgeTone> = { pending: 'warn', approved: 'ok', declined: 'muted' };
export const referralTone = (status: ReferralStatus): BadgeTone => REFERRAL_TONES[status];

// ---------------------------------------------------------------------------------------------------------------
// The household and its money.

/** One line of the household table, every value as text. */
export interface HouseholdLine {
  key: string;
  name: string;
  relation: string;
  age: string;
  occupation: string;
  income: string;
}

/** The household as the member declared it (an application's facts). */
export function householdLines(household: readonly HouseholdMember[]): HouseholdLine[] {
  return household.map((m, i) => ({
    key: String(i),
    name: m.name.trim() || `第 ${i + 1} 位`,
    relation: RELATION_LABELS[m.relation],
    age: `${m.age} 岁`,
    occupation: OCCUPATION_LABELS[m.occupation],
    income: yuanText(m.monthlyIncomeFen),
  }));
}

/** The household as a file keeps it (labels already given). */
export function fileHouseholdLines(household: readonly { name: string; relationLabel: string; age: number; occupationLabel: string; monthlyIncomeFen: number }[]): HouseholdLine[] {
  return household.map((m, i) => ({
    key: String(i),
    name: m.name.trim() || `第 ${i + 1} 位`,
    relation: m.relationLabel,
    age: `${m.age} 岁`,
    occupation: m.occupationLabel,
    income: yuanText(m.monthlyIncomeFen),
  }));
}

/** "共 4 口人，家庭月收入合计 6,000.00 元". */
export function householdSummary(household: readonly { monthlyIncomeFen: number }[]): string {
  const income = household.reduce((sum, m) => sum + m.monthlyIncomeFen, 0);
  return `共 ${household.length} 口人，家庭月收入合计 ${yuanText(income)}`;
}

/** The monthly rigid expenses, each with its label, then the total. */
export function expenseLines(e: RigidExpenses): { label: string; value: string }[] {
  return [
    { label: '医疗', value: yuanText(e.medicalFen) },
    { label: '子女上学', value: yuanText(e.schoolingFen) },
    { label: '其他刚性支出', value: yuanText(e.otherFen) },
    { label: '合计', value: yuanText(e.medicalFen + e.schoolingFen + e.otherFen) },
  ];
}

/** 金秋助学: "李小明（子女，17 岁）：沈阳市第二中学，普通高中", or null for another kind. */
export function schoolText(facts: Pick<AidFacts, 'school' | 'household'>): string | null {
  const s = facts.school;
  if (!s) return null;
  const child = facts.household[s.childIndex];
  const who = child ? `${child.name.trim() || `第 ${s.childIndex + 1} 位家庭成员`}（${RELATION_LABELS[child.relation]}，${child.age} 岁）` : `第 ${s.childIndex + 1} 位家庭成员`;
  return `${who}：${s.school.trim() || '学校未填写'}，${SCHOOL_LEVEL_LABELS[s.level]}`;
}

/** 大病关爱: "张三（本人，45 岁）", or null for another kind. */
export function patientText(facts: Pick<AidFacts, 'patientIndex' | 'household'>): string | null {
  if (facts.patientIndex === undefined) return null;
  const p = facts.household[facts.patientIndex];
  if (!p) return `第 ${facts.patientIndex + 1} 位家庭成员`;
  return `${p.name.trim() || `第 ${facts.patientIndex + 1} 位家庭成员`}（${RELATION_LABELS[p.relation]}，${p.age} 岁）`;
}

/** The consents the member gave on submitting, each as a line; a separate consent the data did not need is said so. */
export function consentLines(consents: { purposeAt: string | null; health: boolean; minors: boolean }, facts: Pick<AidFacts, 'kind' | 'household' | 'expenses'>): { label: string; value: string }[] {
  const needed = sensitiveConsents(facts);
  const separate = (given: boolean, need: boolean) => (given ? '已单独同意' : need ? '未同意' : '不涉及');
  return [
    { label: '个人信息使用说明', value: consents.purposeAt ? `已阅读并同意（${momentText(consents.purposeAt)}）` : '未同意' },
    { label: '健康信息', value: separate(consents.health, needed.health) },
    { label: '不满 14 周岁子女的信息', value: separate(consents.minors, needed.minors) },
  ];
}

/**
 * The year's rule for the kind, for whoever proposes or decides an amount: "本年度政策：困难帮扶每次最高 2,000.00 元，
 * 每人每年最多 1 次"; null when the policy has no such item.
 */
export function ruleText(rule: { capFen: number | null; perYear?: number | null } | null, kindLabel: string): string | null {
  if (!rule) return null;
  const cap = rule.capFen === null ? `${kindLabel}不设每次上限` : `${kindLabel}每次最高 ${yuanText(rule.capFen)}`;
  const times = rule.perYear ? `，每人每年最多 ${rule.perYear} 次` : '';
  return `本年度政策：${cap}${times}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Which copy of a record to show.

/** The record an action answered with, and the copy read from the function when it did (to tell a newer read). */
export type Latest<T> = { data: T; basis: T | null } | null;

/**
 * What the page shows: the record the last action answered with, until a newer read arrives. With `isNewer` (an
 * application's updatedAt) the two are compared; without, any read made after the action (a new object) wins.
 */
export function newest<T>(latest: Latest<T>, fetched: T | null, isNewer?: (a: T, b: T) => boolean): T | null {
  if (!latest) return fetched;
  if (!fetched) return latest.data;
  if (isNewer) return isNewer(latest.data, fetched) ? latest.data : fetched;
  return fetched === latest.basis ? latest.data : fetched;
}
