/**
 * WeChat subscribe messages are one-time: each consent lets the functions send one message. The member is asked
 * right before a sign-up, inside the tap that confirms it (WeChat shows the dialog only in answer to a tap), so
 * the 报名成功 / 候补转正 / 活动变更 message can reach them. Declining changes nothing: every notice also lands in
 * the in-app inbox (消息).
 */
import Taro from '@tarojs/taro';

/**
 * Ask for consent to one event notice, if this build has the template (TARO_APP_EVENT_TEMPLATE_ID, see config/).
 * Resolves whatever the member answers and never rejects; a no-op in H5 and without a template.
 */
export async function askForEventNotices(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  const templateId = process.env.TARO_APP_EVENT_TEMPLATE_ID;
  if (!templateId) return;
  try {
    // Taro's typing also demands Alipay's `entityIds`; WeChat reads only `tmplIds`.
    await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] });
  } catch (error) {
    // Declined, or "switched off in settings", or an old WeChat: the sign-up goes ahead all the same.
    console.warn('[subscribe] requestSubscribeMessage failed', error);
  }
}
