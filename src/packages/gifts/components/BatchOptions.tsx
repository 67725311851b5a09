import { Image, View } from '@tarojs/components';
import type { MemberBatchView } from '@/core/contracts/giftsBatches';
import { InlineButton } from '@/components/InlineButton';
import { formatMoney } from '@/core/money';
import { leftText } from '../batchForm';
import './GiftBatches.scss';

export interface BatchOptionsProps {
  batch: MemberBatchView;
  busy: boolean;
  /** Tapped: choose this gift (or change to it). */
  onChoose: (optionId: string) => void;
}

/** The gifts of a batch: photo, name, what it is, its value and what is left; one tap chooses. */
export function BatchOptions({ batch: b, busy, onChoose }: BatchOptionsProps) {
  const mine = b.mine?.status === 'chosen' ? b.mine.optionId : null;
  return (
    <>
      {b.options.map((o) => (
        <View key={o.id} className='gift-option'>
          {o.photoUrl && <Image className='gift-option__photo' src={o.photoUrl} mode='aspectFill' lazyLoad />}
          <View className='gift-option__body'>
            <View className='gift-option__name'>{o.name}</View>
            {o.description !== '' && <View className='gift-option__text'>{o.description}</View>}
            <View className='gift-option__text'>{`价值 ${formatMoney(o.unitFen)} · ${o.formLabel} · ${leftText(o)}`}</View>
            {mine === o.id ? (
              <View className='gift-option__mine'>✓ 已选这份</View>
            ) : (
              b.mayChoose && <InlineButton kind='primary' text={o.soldOut ? '已领完' : mine ? '改选这份' : '选这份'} disabled={busy || o.soldOut} onClick={() => onChoose(o.id)} />
            )}
          </View>
        </View>
      ))}
    </>
  );
}
