/**
 * WeChat subscribe messages are one-time: each consent lets the functions send one message. The member is asked
 * inside the tap that starts what the message will be about (WeChat shows the dialog only in answer to a tap):
 * a sign-up (报名成功 / 候补转正 / 活动变更), a request to the care center (已受理 / 新答复 / 已办结), choosing a holiday
 * gift, or 生日券到账时通知我 on a cake voucher (the next gift notice: a batch opens, next year's voucher). Each area has
 * its own template, so a care notice never goes out under the event template's title. Declining changes nothing: every notice also lands in
 * the in-app inbox (消息).
 */
import Taro from '@tarojs/taro';

/**
 * Ask for consent to one message on a template, if this build has it: whether the member accepted. Never rejects;
 * a no-op (false) in H5.
 */
async function askFor(templateId: string | undefined): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || !templateId) return false;
  try {
    // Taro's typing also demands Alipay's `entityIds`; WeChat reads only `tmplIds`.
    const answer = (await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] })) as unknown as Record<string, string>;
    return answer[templateId] === 'accept';
  } catch (error) {
    // Declined, or "switched off in settings", or an old WeChat: the action goes ahead all the same.
    console.warn('[subscribe] requestSubscribeMessage failed', error);
    return false;
  }
}

/** Whether this build can ask for gift notices at all (WeChat, with the template configured). */
export const giftNoticesAskable = process.env.TARO_ENV === 'weapp' && Boolean(process.env.TARO_APP_GIFT_TEMPLATE_ID);

/** Before a sign-up: one event notice (TARO_APP_EVENT_TEMPLATE_ID, see config/). */
export function askForEventNotices(): Promise<boolean> {
  return askFor(process.env.TARO_APP_EVENT_TEMPLATE_ID);
}

/** On 提交 of a request for help or a report: one care notice — 已受理, a reply or 已办结 (TARO_APP_CARE_TEMPLATE_ID). */
export function askForCareNotices(): Promise<boolean> {
  return askFor(process.env.TARO_APP_CARE_TEMPLATE_ID);
}

/**
 * On choosing a holiday gift, or 生日券到账时通知我 on a cake voucher: one gift notice — the next batch that opens, or
 * next year's birthday voucher (TARO_APP_GIFT_TEMPLATE_ID).
 */
export function askForGiftNotices(): Promise<boolean> {
  return askFor(process.env.TARO_APP_GIFT_TEMPLATE_ID);
}
