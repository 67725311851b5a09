import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import './index.scss';

export interface NoticeProps {
  tone: 'error' | 'warn' | 'ok' | 'info';
  title?: string;
  /** Lines listed under the text, e.g. every problem of an import file. */
  items?: readonly string[];
}

/** A tinted box for what a person must read: a refusal and its reason, a warning, a success, a plain note. */
export function Notice({ tone, title, items, children }: PropsWithChildren<NoticeProps>) {
  return (
    <View className={`u-notice u-notice--${tone}`} ariaRole={tone === 'error' ? 'alert' : undefined}>
      {title && <View className='u-notice__title'>{title}</View>}
      {children !== undefined && <View className='u-notice__text'>{children}</View>}
      {items && items.length > 0 && (
        <View className='u-notice__items'>
          {items.map((item, i) => (
            <View key={i} className='u-notice__item'>
              {item}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
