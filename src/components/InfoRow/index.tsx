import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './index.scss';

export interface InfoRowProps {
  label: string;
  children: ReactNode;
}

/** "label: value" on one line when it fits, value below the label when it does not. */
export function InfoRow({ label, children }: InfoRowProps) {
  return (
    <View className='u-info'>
      <View className='u-info__label'>{label}</View>
      <View className='u-info__value'>{children}</View>
    </View>
  );
}

export interface BadgeProps {
  /** `primary`: a kind rather than a status (the type of an event). */
  tone: 'ok' | 'warn' | 'muted' | 'primary';
  text: string;
}

/** A short status word in a soft pill, e.g. "尚未认证". */
export function Badge({ tone, text }: BadgeProps) {
  return <View className={`u-badge u-badge--${tone}`}>{text}</View>;
}
