/**
 * What members and handlers are told about a case, in the inbox and (clipped to WeChat's limits) on the care
 * subscribe template. An anonymous sender is never named: notices to staff use the masked name.
 */
import { CATEGORY_LABELS, isInstantCategory, statusLabel } from '../../src/core/domain/care';
import { clip, type NewNotice, type NoticeKind } from '../notices/api';
import { caseLink, maskedRequester } from './views';
import type { CaseDoc } from './store';

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
  const due = c.closeDueDate ? `，预计 ${c.closeDueDate} 前办结` : '';
  return notice(c, c.requesterId, 'care_accepted', `${what}：${c.title}`, `您的「${c.title}」已由${c.handlerName ?? ''}${what}${due}。`, `处理人 ${c.handlerName ?? ''}`, false);
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
  const due = c.closeDueDate ? `，请于 ${c.closeDueDate} 前办结` : '';
  return notice(c, handlerId, 'care_assigned', `转派给您：${c.title}`, `${CATEGORY_LABELS[c.category]}「${c.title}」（${maskedRequester(c)}）已转派给您${due}。转派原因：${reason}`, `请于 ${c.closeDueDate ?? ''} 前办结`, true);
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
    `${c._id}:supervise:${c.ratings.length}`,
  );
}
