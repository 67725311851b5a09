/** The question asked before an action (Taro.showModal's texts). */
export interface Confirm {
  title: string;
  content: string;
  /**
   * The confirming button says what happens: 截止报名, 解除, 登记 — never just 确定. At most 4 characters (WeChat's
   * limit: a longer one fails the dialog, and the action with it; tools/dialog-texts.test checks every one in src).
   */
  confirmText: string;
  /** Default 取消; say 不截止 / 不取消 where 取消 would be ambiguous. At most 4 characters too. */
  cancelText?: string;
  /** Red confirming button: what it does cannot be taken back, or others are told. */
  danger?: boolean;
}

/** WeChat's success toast shows at most 7 Chinese characters under its tick. */
const TICK_MAX = 7;

/**
 * How a line after an action shows: a short one (已保存, 签到成功) under a tick for the usual 1.5 s; a longer one
 * (活动已取消，已通知 12 人) as plain text for 2.5 s, so it can be read whole.
 */
export function toastOf(text: string): { title: string; icon: 'success' | 'none'; duration: number } {
  return [...text].length <= TICK_MAX ? { title: text, icon: 'success', duration: 1500 } : { title: text, icon: 'none', duration: 2500 };
}
