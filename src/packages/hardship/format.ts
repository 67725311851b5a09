/** How hardship's member pages say things: dates, the course of an application, a 公示's period. Pure. */
import type { ApplicationView } from '@/core/contracts/hardship';
import { yuanText } from '@/core/money';
import { dayZh, formatDateTimeZh, shanghaiDateKey } from '@/core/time';

/** "12月2日", with the year when it is not this year's ("2027年12月2日"). */
export const dayText = (key: string): string => dayZh(key, { now: new Date() });

/** "12月2日至12月8日". */
export const periodText = (p: { from: string; to: string }): string => `${dayText(p.from)}至${dayText(p.to)}`;

/** "2026年12月2日 10:05" of an ISO instant. */
export const whenText = (iso: string): string => formatDateTimeZh(new Date(iso));

/** The outcome in one line, for the applicant: the amount and what happens next. */
export function outcomeText(a: Pick<ApplicationView, 'status' | 'outcome'>): string | null {
  const o = a.outcome;
  if (!o) return null;
  if (o.paidAt) return `帮扶金额 ${yuanText(o.amountFen)}，已于${dayText(shanghaiDateKey(new Date(o.paidAt)))}发放。`;
  if (o.publicity) return `帮扶金额 ${yuanText(o.amountFen)}。公示期为${periodText(o.publicity)}，公示期满无异议后发放。`;
  return `帮扶金额 ${yuanText(o.amountFen)}。`;
}

/** Each step of the course as the applicant reads it: what happened, not the status it left. */
export const STEP_TEXT: Record<ApplicationView['status'], string> = {
  draft: '保存草稿',
  submitted: '提交申请',
  moreRequested: '请您补充材料',
  visiting: '初审通过',
  deciding: '入户走访',
  proposed: '提出帮扶金额',
  publicizing: '审批通过，开始公示',
  held: '公示收到异议',
  paid: '已发放',
  referred: '推荐给上级工会工委',
  rejected: '未通过',
  withdrawn: '已撤回',
};

/** What the applicant is waiting for, by status (null when nothing is pending). */
export const NEXT_STEP: Partial<Record<ApplicationView['status'], string>> = {
  draft: '草稿还没有提交，材料齐了请提交。',
  submitted: '工会帮扶审核人员将进行初审。',
  moreRequested: '请按下面的要求补充材料。',
  visiting: '初审已通过，工会将安排入户走访。',
  deciding: '走访已完成，等待审核人员审议。',
  proposed: '等待另一位审核人员复核。',
  held: '公示期间收到异议，工会正在核实，发放暂停。',
  referred: '已推荐给上级工会工委，由工委决定并发放。',
};
