import { useMemo } from 'react';
import { Image, View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import './index.scss';

/**
 * Pixels across the generated image, quiet zone included, by size: about the size the image is shown at on a phone
 * with a 2× screen (400 and 520 design units), so a scanner sees sharp modules and the data URL stays small (7–10 KB
 * for a check-in payload).
 */
const TARGET_PX = { normal: 420, large: 560 } as const;
/** Blank modules on each side, as the QR standard asks, so a camera finds the code on any background. */
const QUIET_ZONE = 4;

/**
 * A GIF data URL of the QR code of `text` (error correction M: readable off a phone screen with some glare).
 * Byte mode: `text` must be ASCII (check-in payloads are).
 */
function qrDataUrl(text: string, targetPx: number): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const cell = Math.max(4, Math.round(targetPx / (qr.getModuleCount() + 2 * QUIET_ZONE)));
  return qr.createDataURL(cell, cell * QUIET_ZONE);
}

export interface QrCodeProps {
  /** What the code holds (e.g. core/domain/events memberCheckinPayload). */
  value: string;
  /** The digits printed under the code in large type, for the officer (or member) who types them instead. */
  code: string;
  /** What the image is, for screen readers: 「我的签到二维码」. */
  label: string;
  /** `large`: shown to a room (the event's code on the officer's phone). */
  size?: 'normal' | 'large';
  /** An extra class for the digits, for the page's own type size. */
  codeClassName?: string;
}

/**
 * A QR code drawn as an image (a GIF data URL, which WeChat's <image> and the browser both show), with its digits
 * under it. Only events shows QR codes (check-in), so it and the QR library live in the events subpackage.
 */
export function QrCode({ value, code, label, size = 'normal', codeClassName }: QrCodeProps) {
  const src = useMemo(() => qrDataUrl(value, TARGET_PX[size]), [value, size]);
  return (
    <View className={`u-qr u-qr--${size}`}>
      {/* scaleToFill: the image is exactly as square as its box (H5's aspectFit places it off-centre in a centred block). */}
      <Image className='u-qr__image' src={src} mode='scaleToFill' ariaLabel={label} />
      <View className={codeClassName ? `u-qr__code ${codeClassName}` : 'u-qr__code'}>{code}</View>
    </View>
  );
}
