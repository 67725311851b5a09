import { View } from '@tarojs/components';
import type { ClaimView } from '@/core/contracts/giftsBatches';
import { Card } from '@/components/Card';
import { Badge, InfoRow } from '@/components/InfoRow';
import { formatMoney } from '@/core/money';
import { dayZh } from '@/core/time';
import { dateTimeText } from '@/services/format';
import { GiftQr } from './GiftQr';
import './GiftBatches.scss';

const TONE = { chosen: 'ok', picked: 'muted', reversed: 'warn' } as const;

/**
 * A member's holiday gift: what, where and until when, and while it waits the pickup code — a QR for the officer's
 * scanner and the code in large type (a family member may pick up with it).
 */
export function ClaimCard({ claim: c, title = '我的慰问品' }: { claim: ClaimView; title?: string }) {
  return (
    <Card title={title} extra={<Badge tone={TONE[c.status]} text={c.statusLabel} />}>
      <InfoRow label='礼品'>{`${c.optionName}（${formatMoney(c.unitFen)}）`}</InfoRow>
      <InfoRow label='领取方式'>{c.wayLabel}</InfoRow>
      {c.placeName && <InfoRow label='领取地点'>{c.placeName}</InfoRow>}
      {c.placeTimes && <InfoRow label='领取时间'>{c.placeTimes}</InfoRow>}
      {c.address && <InfoRow label='送货地址'>{`${c.address.name} ${c.address.phone} ${c.address.address}`}</InfoRow>}
      {c.byDefault && <InfoRow label='说明'>您未在截止前选择，按工会规定默认发放</InfoRow>}
      {c.status === 'chosen' && (
        <View className='gift-claim__code-box'>
          <GiftQr value={c.qr} text={c.codeText} label='我的领取码' />
          <View className='gift-claim__hint'>
            {c.way === 'pickup' ? `请在 ${dayZh(c.pickupEndsOn, { weekday: true })} 前凭此码领取，家人也可以凭此码代领。` : '送货时请出示此码，家人也可以凭此码代收。'}
          </View>
        </View>
      )}
      {c.status === 'picked' && c.pickedAt && <InfoRow label='领取时间'>{dateTimeText(c.pickedAt)}</InfoRow>}
      {c.status === 'reversed' && <View className='gift-claim__hint'>这份慰问品逾期未领取，已由工会收回。</View>}
    </Card>
  );
}
