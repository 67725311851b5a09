/**
 * What members and handlers are told about a case, in the inbox and (clipped to WeChat's limits) on the care
 * subscribe template. An anonymous sender is never named: notices to staff use the masked name.
 */
import { CATEGORY_LABELS, isInstantCategory, statusLabel } from '../../src/core/domain/care';
import { dayZh } from '../../src/core/time';
import { clip, type NewNotice, type NoticeKind } from '../notices/api';
import { caseLink, givenText, maskedRequester } from './views';
import type { CareVisit, CaseDoc } from './store';

/** Template fields: thing1 事项, phrase2 办理状态, thing3 温馨提示. */
function notice(c: CaseDoc, to: string, kind: NoticeKind, title: string, body: string, hint: string, forStaff: boolean, id?: string): NewNotice {
  return {
    ...(id ? { id } : {}),
    unionId: c.unionId,
    memberId: to,
    kind,
    title,
    body,
    link: caseLink(c._id, forStaff),
    push: { template: 'care', fields: { thing1: clip(c.title), phrase2: clip(statusLabel(c.category, c.status), 5), thing3: clip(hint) } },
  };
}

/** To the member who asked: each of these is about their own case. */
export function acceptedNotice(c: CaseDoc): NewNotice {
  const what = statusLabel(c.category, 'accepted');
  const verb = isInstantCategory(c.category) ? '确认' : '受理';
  const due = c.closeDueDate ? `，预计${dayZh(c.closeDueDate, { weekday: true })}前办结` : '';
  return notice(c, c.requesterId, 'care_accepted', `${what}：${c.title}`, `您的「${c.title}」已由${c.handlerName ?? '工会'}${verb}${due}。`, `处理人 ${c.handlerName ?? ''}`, false);
}

export function repliedNotice(c: CaseDoc): NewNotice {
  return notice(c, c.requesterId, 'care_replied', `有新答复：${c.title}`, `${c.handlerName ?? '处理人'}答复了您的「${c.title}」，请在小程序中查看。`, '请查看答复', false);
}

export function returnedNotice(c: CaseDoc, reason: string): NewNotice {
  return notice(c, c.requesterId, 'care_returned', `已退回：${c.title}`, `您的「${c.title}」已退回。原因：${reason}`, reason, false);
}

export function closedNotice(c: CaseDoc): NewNotice {
  const ask = isInstantCategory(c.category) ? '' : '请您对办理结果作出评价。';
  return notice(c, c.requesterId, 'care_closed', `已办结：${c.title}`, `您的「${c.title}」已办结。办理结果：${c.summary}${ask ? `\n${ask}` : ''}`, ask ? '请评价办理结果' : '已办结', false);
}

/** To the handler a case was given to. */
export function assignedNotice(c: CaseDoc, handlerId: string, reason: string): NewNotice {
  const by = c.closeDueDate ? `请于${dayZh(c.closeDueDate, { weekday: true })}前办结` : '';
  return notice(c, handlerId, 'care_assigned', `转派给您：${c.title}`, `${CATEGORY_LABELS[c.category]}「${c.title}」（${maskedRequester(c)}）已转派给您${by ? `，${by}` : ''}。转派原因：${reason}`, by || '请及时办理', true);
}

/** To each chair: the member was not satisfied (督办), once per rating. */
export function supervisedNotice(c: CaseDoc, chairId: string, comment: string): NewNotice {
  const reopened = c.status === 'in_progress' ? '，已重新办理' : '';
  return notice(
    c,
    chairId,
    'care_supervised',
    `督办：${c.title}`,
    `${maskedRequester(c)}对「${c.title}」的办理结果不满意${reopened}。${comment ? `评价：${comment}。` : ''}处理人：${c.handlerName ?? '无'}。`,
    '会员不满意，请督办',
    true,
    `${c._id}:supervise:${c.ratings.length}:${chairId}`,
  );
}

/**
 * 即时关爱, after a visit: the member concerned is told the union visited them (and the 慰问 they were given, their
 * own benefit); a colleague who reported it is told that the union visited, nothing more. Once per visit and member
 * (a retried call tells no one twice). On the `care_replied` kind: the visit is the union's answer to the report.
 */
const WISHES: Record<string, string> = {
  hospitalised: '祝您早日康复。',
  bereavement: '请节哀保重。',
  marriage: '祝您新婚快乐。',
  childbirth: '祝您阖家幸福。',
  retirement: '祝您退休生活愉快。',
};

export function visitedNotices(c: CaseDoc, v: CareVisit): NewNotice[] {
  const day = dayZh(v.visitedOn);
  const out: NewNotice[] = [];
  if (c.subjectId) {
    const given = v.payment ? givenText(v.payment) : '';
    out.push(notice(c, c.subjectId, 'care_replied', `工会看望了您：${c.title}`, `工会于${day}看望了您${given}。${WISHES[c.category] ?? ''}`, `工会于${day}看望了您`, false, `${c._id}:visit:${v.id}:${c.subjectId}`));
  }
  if (c.requesterId !== c.subjectId) {
    const whom = c.subjectName ?? '您的同事';
    out.push(notice(c, c.requesterId, 'care_replied', `工会已看望${whom}`, `您上报的「${c.title}」，工会已于${day}看望了${whom}。谢谢您的关心。`, `工会已于${day}看望`, false, `${c._id}:visit:${v.id}:${c.requesterId}`));
  }
  return out;
}

/** What a deadline of the daily job (`accept:2026-10-08`) asks for, in words: 受理 (即时关爱: 确认) or 办结. */
function deadlineWords(c: CaseDoc, key: string): { what: string; due: string } {
  const [stage, due] = key.split(':');
  return { what: stage === 'accept' ? (isInstantCategory(c.category) ? '确认' : '受理') : '办结', due };
}

/**
 * From the daily job (reminders.ts), to whoever must act — the handler, or for a case nobody took yet the officers
 * (a private one: the chair): the deadline ends with the next working day (明天, or after a holiday the day it names).
 * Once per case, deadline and recipient.
 */
export function dueSoonNotice(c: CaseDoc, to: string, key: string, days: { today: string; tomorrow: string }): NewNotice {
  const { what, due } = deadlineWords(c, key);
  const when = due === days.today ? '今天' : due === days.tomorrow ? '明天' : dayZh(due);
  const whenText = due === days.today ? `今天（${dayZh(due)}）` : due === days.tomorrow ? `明天（${dayZh(due)}）` : `${dayZh(due)}（下一个工作日）`;
  const waiting = c.handlerId ? `由您办理` : `尚无人${what}`;
  return notice(
    c,
    to,
    'care_due_soon',
    `${when}到期：${c.title}`,
    `${CATEGORY_LABELS[c.category]}「${c.title}」（${maskedRequester(c)}）${waiting}，${what}期限${whenText}到期，请及时${what}。`,
    `${when}到期，请及时${what}`,
    true,
    `${c._id}:due:${key}:${to}`,
  );
}

/** From the daily job, to each chair: the deadline passed and the case is before them (督办). Once per case, deadline and chair. */
export function overdueNotice(c: CaseDoc, chairId: string, key: string): NewNotice {
  const { what, due } = deadlineWords(c, key);
  return notice(
    c,
    chairId,
    'care_overdue',
    `督办：${c.title}（已逾期）`,
    `${CATEGORY_LABELS[c.category]}「${c.title}」（${maskedRequester(c)}）的${what}期限 ${due} 已过，尚未${what}。处理人：${c.handlerName ?? '尚无人受理'}。请督促办理。`,
    `${what}期限已过，请督办`,
    true,
    `${c._id}:overdue:${key}:${chairId}`,
  );
}
