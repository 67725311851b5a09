import { View } from '@tarojs/components';
import './index.scss';

export interface EmptyStateProps {
  title: string;
  note?: string;
}

/** "Nothing here yet", said plainly, with one line on what will appear. */
export function EmptyState({ title, note }: EmptyStateProps) {
  return (
    <View className='u-empty'>
      <View className='u-empty__mark' />
      <View className='u-empty__title'>{title}</View>
      {note && <View className='u-empty__note'>{note}</View>}
    </View>
  );
}
