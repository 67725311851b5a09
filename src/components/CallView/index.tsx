import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { CallResult } from '@/hooks/useCall';
import { ActionButton } from '../ActionButton';
import { BindPrompt } from '../BindPrompt';
import './index.scss';

export interface CallViewProps<T> {
  call: CallResult<T>;
  /** What is being loaded, e.g. "正在读取您的身份…". */
  loadingText?: string;
  children: (data: T) => ReactNode;
}

/**
 * The three faces of a cloud call: loading, a Chinese error with 重试, or the data. NOT_BOUND is not an error to
 * retry: the caller is sent to 实名认证 instead.
 */
export function CallView<T>({ call, loadingText = '正在加载…', children }: CallViewProps<T>) {
  switch (call.status) {
    case 'idle':
      return null;
    case 'loading':
      return (
        <View className='u-call u-call--loading' ariaRole='status'>
          <View className='u-call__spinner' />
          <View className='u-call__text'>{loadingText}</View>
        </View>
      );
    case 'error':
      if (call.error.code === 'NOT_BOUND') return <BindPrompt />;
      return (
        <View className='u-call u-call--error' ariaRole='alert'>
          <View className='u-call__title'>没有加载成功</View>
          <View className='u-call__text'>{call.error.message}</View>
          <ActionButton text='重试' onClick={call.retry} />
        </View>
      );
    case 'ok':
      return <>{children(call.data)}</>;
  }
}
