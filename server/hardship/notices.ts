/**
 * What the applicant is told, in the inbox only: the application is theirs, but a WeChat message on a shared phone's
 * lock screen would say "困难帮扶" to whoever picks it up. Nobody else is ever told about an application.
 */
import { AID_KIND_LABELS } from '../../src/core/domain/hardship';
import { yuanText } from '../../src/core/money';
import { PAGES } from '../../src/core/pages';
import { dayZh } from '../../src/core/time';
import type { NewNotice } from '../notices/api';
import { shortNumber } from './lifecycle';
import type { ApplicationDoc, ObjectionDoc, ReferralDoc } from './store';

const link = (a: ApplicationDoc) => `${PAGES.hardshipApplication.path}?id=${encodeURIComponent(a._id)}`;
const what = (a: ApplicationDoc) => `${AID_KIND_LABELS[a.kind]}申请`;

export function moreNotice(a: ApplicationDoc, message: string): NewNotice {
  return { unionId: a.unionId, memberId: a.applicantId, kind: 'hardship_more', title: `请补充材料：${what(a)}`, body: `工会审核您的${what(a)}时，请您补充：${message}`, link: link(a) };
}

export function rejectedNotice(a: ApplicationDoc, reason: string): NewNotice {
  return { unionId: a.unionId, memberId: a.applicantId, kind: 'hardship_decided', title: `未通过：${what(a)}`, body: `您的${what(a)}经工会审核未通过。原因：${reason}\n如有疑问，可以联系工会。`, link: link(a) };
}

export function approvedNotice(a: ApplicationDoc): NewNotice {
  const amount = a.proposal ? yuanText(a.proposal.amountFen) : '';
  const period = a.publicity ? `公示期为${dayZh(a.publicity.from, { now: a.approvedAt ?? undefined })}至${dayZh(a.publicity.to, { now: a.approvedAt ?? undefined })}，公示只显示姓氏（如张*）、部门、类别和金额；` : '';
  return { unionId: a.unionId, memberId: a.applicantId, kind: 'hardship_decided', title: `已审批：${what(a)}`, body: `您的${what(a)}已审批通过，帮扶金额 ${amount}。${period}公示期满无异议后发放。`, link: link(a) };
}

export function paidNotice(a: ApplicationDoc): NewNotice {
  const amount = a.proposal ? yuanText(a.proposal.amountFen) : '';
  return { unionId: a.unionId, memberId: a.applicantId, kind: 'hardship_paid', title: `已发放：${what(a)}`, body: `您的${what(a)}公示期满，帮扶金 ${amount} 已发放。`, link: link(a) };
}

/** To each reviewer: an objection to a 公示, by the case's number only (the notice may be read on a shared screen). */
export function objectionNotice(a: ApplicationDoc, to: string): NewNotice {
  return { unionId: a.unionId, memberId: to, kind: 'hardship_objection', title: '帮扶公示收到异议', body: `${what(a)}（${shortNumber(a._id)}）的公示收到一条异议，发放暂停，请核实处理。`, link: `${PAGES.hardshipReview.path}?id=${encodeURIComponent(a._id)}` };
}

/** To the member who objected: how it was resolved. */
export function objectionResolvedNotice(o: ObjectionDoc, reason: string): NewNotice {
  return { unionId: o.unionId, memberId: o.memberId, kind: 'hardship_objection', title: '您的公示异议已处理', body: `您对帮扶公示提出的异议已经核实处理：${reason}\n感谢您的监督。`, link: null };
}

/** To the applicant: the 工委's decision on their 大病关爱. */
export function referralDecidedNotice(a: ApplicationDoc, r: ReferralDoc): NewNotice {
  const d = r.decision;
  const body = r.status === 'approved' && d ? `您的大病关爱申请经上级工会工委批准，关爱金 ${yuanText(d.amountFen)} 已发放。` : `您的大病关爱申请经上级工会工委审核未批准。原因：${d?.reason ?? ''}\n如有疑问，可以联系工会。`;
  return { unionId: a.unionId, memberId: a.applicantId, kind: 'hardship_decided', title: `${r.status === 'approved' ? '已批准' : '未批准'}：${what(a)}`, body, link: link(a) };
}
