/**
 * The camera and WeChat's choosers: closing them without picking anything is the person's choice, not an error.
 */
import Taro from '@tarojs/taro';

/** WeChat's reply when the person closes a chooser or the camera (`…:fail cancel`). */
export function isUserCancel(error: unknown): boolean {
  const msg = typeof error === 'object' && error !== null ? (error as { errMsg?: unknown }).errMsg : undefined;
  return typeof msg === 'string' && /cancel/i.test(msg);
}

export type ScanResult = { ok: true; text: string } | { ok: false; cancelled: boolean };

/** WeChat only: read a QR code with the camera. A failure is logged under `tag`; the caller words it. */
export async function scanQr(tag: string): Promise<ScanResult> {
  try {
    return { ok: true, text: (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result };
  } catch (error) {
    if (isUserCancel(error)) return { ok: false, cancelled: true };
    console.warn(`[${tag}] scanCode failed`, error);
    return { ok: false, cancelled: false };
  }
}
