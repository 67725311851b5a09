import { View } from '@tarojs/components';
import type { EventCard } from '@/core/contracts/events';
import { eventTimeText, seatsText } from '../../format';
import './index.scss';

export interface EventFactsProps {
  event: EventCard;
  /** Seats, the waitlist and 含工作餐 too (the list), or only when and where (我的活动). */
  full?: boolean;
}

/** When and where an event is, and on the list how many seats are left: one short line each, label first. */
export function EventFacts({ event: e, full = true }: EventFactsProps) {
  return (
    <View className='ev-facts'>
      <View className='ev-facts__line'>
        <View className='ev-facts__label'>时间</View>
        <View className='ev-facts__value'>{eventTimeText(e.startsAt, e.endsAt)}</View>
      </View>
      <View className='ev-facts__line'>
        <View className='ev-facts__label'>地点</View>
        <View className='ev-facts__value'>{e.place}</View>
      </View>
      {full && (
        <View className='ev-facts__line'>
          <View className='ev-facts__label'>名额</View>
          <View className='ev-facts__value'>
            {seatsText(e)}
            {e.waitlistCount > 0 ? `，候补 ${e.waitlistCount} 人` : ''}
          </View>
        </View>
      )}
      {full && e.workMeal && (
        <View className='ev-facts__line'>
          <View className='ev-facts__label'>用餐</View>
          <View className='ev-facts__value'>含工作餐</View>
        </View>
      )}
    </View>
  );
}
