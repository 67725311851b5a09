/**
 * What the app says to a person outside the page: the question before an action that cannot be taken back, and the
 * short line after one that succeeded. One look and one rule for every area (see hooks/useAction).
 */
import Taro from '@tarojs/taro';
import { toastOf, type Confirm } from './toast';

export type { Confirm };

/** Ask before acting; true only when the person taps the confirming button. */
export async function ask(question: Confirm): Promise<boolean> {
  const answer = await Taro.showModal({
    title: question.title,
    content: question.content,
    confirmText: question.confirmText,
    cancelText: question.cancelText ?? '取消',
    ...(question.danger ? { confirmColor: '#c8161d' } : {}),
  });
  return answer.confirm;
}

/** Say what just happened in a toast (see toastOf for how it looks). */
export function say(text: string): void {
  void Taro.showToast(toastOf(text));
}

/** Say why something did not happen, where the page has no better place for it: plain text, never under a tick. */
export function sayRefusal(text: string): void {
  void Taro.showToast({ title: text, icon: 'none', duration: 2500 });
}
