import { View } from '@tarojs/components';
import './index.scss';

export interface LinkRowProps {
  title: string;
  note?: string;
  onClick: () => void;
}

/** One tappable row that opens another page (title, optional second line, chevron). */
export function LinkRow({ title, note, onClick }: LinkRowProps) {
  return (
    <View className='u-link' hoverClass='u-link--pressed' ariaRole='link' ariaLabel={title} onClick={onClick}>
      <View className='u-link__main'>
        <View className='u-link__title'>{title}</View>
        {note && <View className='u-link__note'>{note}</View>}
      </View>
      <View className='u-link__chevron'>›</View>
    </View>
  );
}
