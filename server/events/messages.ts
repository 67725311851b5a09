/** What members are told about an event, in the inbox and (clipped to WeChat's limits) as a subscribe message. */
import { formatDateTimeZh } from '../../src/core/time';
import type { NewNotice } from '../notices/api';
import { clip } from '../notices/api';
import { eventLink } from './views';
import type { EventDoc, SignupDoc } from './store';
import type { NoticeKind } from '../notices/api';

/** Template fields: thing1 活动名称, time2 活动时间, phrase3 状态, thing4 温馨提示. */
function pushData(e: EventDoc, status: string, hint: string): NonNullable<NewNotice['push']> {
  return { template: 'events', fields: { thing1: clip(e.title), time2: formatDateTimeZh(e.startsAt), phrase3: clip(status, 5), thing4: clip(hint) } };
}

function notice(e: EventDoc, s: Pick<SignupDoc, 'memberId' | 'unionId'>, kind: NoticeKind, title: string, body: string, status: string, hint: string, id?: string): NewNotice {
  return { ...(id ? { id } : {}), unionId: s.unionId, memberId: s.memberId, kind, title, body, link: eventLink(e._id), push: pushData(e, status, hint) };
}

const when = (e: EventDoc) => `${formatDateTimeZh(e.startsAt)}，${e.place}`;

export function confirmedNotice(e: EventDoc, s: SignupDoc): NewNotice {
  return notice(e, s, 'event_confirmed', `报名成功：${e.title}`, `您已报名「${e.title}」（${when(e)}）。签到码 ${s.checkinCode}，请在活动现场出示。${formatDateTimeZh(e.cancelDeadline)} 前可取消。`, '报名成功', `签到码 ${s.checkinCode}`);
}

export function waitlistedNotice(e: EventDoc, s: SignupDoc, position: number): NewNotice {
  return notice(e, s, 'event_waitlisted', `已进入候补：${e.title}`, `「${e.title}」名额已满，您是候补第 ${position} 位。有人取消时，候补第一位自动递补并通知您。`, '候补中', `候补第 ${position} 位`);
}

export function promotedNotice(e: EventDoc, s: SignupDoc): NewNotice {
  return notice(e, s, 'event_promoted', `候补成功：${e.title}`, `有会员取消报名，您已从候补转为正式报名「${e.title}」（${when(e)}）。签到码 ${s.checkinCode}。如不能参加，请在 ${formatDateTimeZh(e.cancelDeadline)} 前取消，把名额让给下一位。`, '候补转正', `签到码 ${s.checkinCode}`);
}

export function cancelledSignupNotice(e: EventDoc, s: SignupDoc): NewNotice {
  return { ...notice(e, s, 'event_cancelled_signup', `已取消报名：${e.title}`, `您已取消报名「${e.title}」。报名截止前可以重新报名。`, '已取消', '可在截止前重新报名'), push: undefined };
}

export function changedNotice(e: EventDoc, s: SignupDoc, what: string[]): NewNotice {
  return notice(e, s, 'event_changed', `活动有变更：${e.title}`, `「${e.title}」的${what.join('、')}有变更，现为：${when(e)}，取消截止 ${formatDateTimeZh(e.cancelDeadline)}。`, '活动变更', clip(`${what.join('、')}有变更`));
}

export function eventCancelledNotice(e: EventDoc, s: SignupDoc, reason: string): NewNotice {
  return notice(e, s, 'event_cancelled', `活动取消：${e.title}`, `很抱歉，「${e.title}」（${when(e)}）已取消。原因：${reason}`, '活动取消', clip(reason));
}

export function reminderNotice(e: EventDoc, s: SignupDoc): NewNotice {
  return notice(e, s, 'event_reminder', `明天参加：${e.title}`, `提醒您：「${e.title}」将于${when(e)}开始。签到码 ${s.checkinCode}。`, '明日开始', `签到码 ${s.checkinCode}`, `${s._id}:reminder`);
}

/** To a winner, once per prize (its ledger entry): inbox only — the subscribe template's statuses are about sign-ups. */
export function prizeNotice(e: EventDoc, s: SignupDoc, prize: { entryId: string; what: string }): NewNotice {
  return { ...notice(e, s, 'event_prize', `获奖通知：${e.title}`, `恭喜您在「${e.title}」中获奖。奖品：${prize.what}。领取方式请留意工会通知。`, '获奖', prize.what, `${prize.entryId}:notice`), push: undefined };
}
