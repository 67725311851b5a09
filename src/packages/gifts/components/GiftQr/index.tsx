import { useMemo } from 'react';
import { Image, View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import './index.scss';

/** Pixels across the image, quiet zone included: about its size on a 2× phone screen (400 design units). */
const TARGET_PX = 420;
const QUIET_ZONE = 4;

function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const cell = Math.max(4, Math.round(TARGET_PX / (qr.getModuleCount() + 2 * QUIET_ZONE)));
  return qr.createDataURL(cell, cell * QUIET_ZONE);
}

export interface GiftQrProps {
  /** What the code holds (core/domain/holidays pickupQrPayload: `gift:<code>`, ASCII). */
  value: string;
  /** The code as people read it, printed large under the QR (ABCD 2345). */
  text: string;
  label: string;
}

/** A holiday gift's pickup code: a QR for the officer's scanner and the code in large type for typing or reading out. */
export function GiftQr({ value, text, label }: GiftQrProps) {
  const src = useMemo(() => qrDataUrl(value), [value]);
  return (
    <View className='gift-qr'>
      <Image className='gift-qr__image' src={src} mode='scaleToFill' ariaLabel={label} />
      <View className='gift-qr__code'>{text}</View>
    </View>
  );
}
