import type { PropsWithChildren, ReactNode } from 'react';
import { View } from '@tarojs/components';
import './index.scss';

export interface CardProps {
  title?: ReactNode;
  /** A short word or badge on the right of the title. */
  extra?: ReactNode;
}

/** A white block with an optional heading; the one container pages build with. */
export function Card({ title, extra, children }: PropsWithChildren<CardProps>) {
  return (
    <View className='u-card'>
      {title !== undefined && (
        <View className='u-card__head'>
          <View className='u-card__title'>{title}</View>
          {extra !== undefined && <View className='u-card__extra'>{extra}</View>}
        </View>
      )}
      <View className='u-card__body'>{children}</View>
    </View>
  );
}
