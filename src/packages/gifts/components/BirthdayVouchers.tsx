import { Image, View } from '@tarojs/components';
import { Card } from '@/components/Card';
import { InlineButton } from '@/components/InlineButton';
import { Badge, InfoRow } from '@/components/InfoRow';
import { formatMoney } from '@/core/money';
import { useCall } from '@/hooks/useCall';
import { dayZh, shanghaiDateKey } from '@/core/time';
import { say } from '@/services/dialog';
import { askForGiftNotices, giftNoticesAskable } from '@/services/subscribe';
import './VoucherCard.scss';

type Tone = 'ok' | 'warn' | 'muted';
const TONE: Record<'issued' | 'redeemed' | 'expired', Tone> = { issued: 'ok', redeemed: 'muted', expired: 'warn' };

/**
 * WeChat's consent is for one message: asked here, in the member's tap, it lets next year's voucher (or the next
 * holiday batch) reach them as a WeChat message, not only in 消息.
 */
async function remindMe(): Promise<void> {
  if (await askForGiftNotices()) say('好的，到时通知您');
}

/**
 * 我的福利's birthday part: the member's cake vouchers, newest first — the greeting, the amount, the shop, the last
 * day, and while it may be used the QR code and the short code to show at the shop (the QR is drawn by the function).
 * Nothing at all while the member has none, or while it loads (the page around it has its own state).
 */
export function BirthdayVouchers() {
  const call = useCall('gifts', 'myVouchers', { reloadOnShow: true });
  if (call.status !== 'ok' || call.data.items.length === 0) return null;
  const now = new Date();
  return (
    <>
      {call.data.items.map((v) => (
        <Card key={v.year} title={`${v.year}年生日蛋糕券`} extra={<Badge tone={TONE[v.status]} text={v.statusLabel} />}>
          {v.status === 'issued' && <View className='voucher__greeting'>{v.greeting}</View>}
          <View className='voucher__amount'>{formatMoney(v.amountFen)}</View>
          <InfoRow label='蛋糕店'>{v.shopName}</InfoRow>
          <InfoRow label='有效期至'>{dayZh(v.lastDay, { now, weekday: true })}</InfoRow>
          {v.status === 'issued' && v.qr && (
            <View className='voucher__qr'>
              <Image className='voucher__qr-image' src={v.qr} mode='scaleToFill' ariaLabel='蛋糕券二维码' />
              <View className='voucher__code'>{v.code}</View>
              <View className='voucher__note'>到店后请出示二维码，或把券码念给店员。每张券只能使用一次。</View>
            </View>
          )}
          {v.status === 'redeemed' && <View className='voucher__note'>已于{v.redeemedAt ? dayZh(shanghaiDateKey(new Date(v.redeemedAt)), { now }) : ''}在{v.shopName}使用。</View>}
          {v.status === 'expired' && <View className='voucher__note'>这张蛋糕券已过有效期，不能再使用。</View>}
          {giftNoticesAskable && <InlineButton text='下次到账时微信通知我' onClick={() => void remindMe()} />}
        </Card>
      ))}
    </>
  );
}
