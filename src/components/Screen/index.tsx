import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import './index.scss';

/** The page body: light grey background, generous side margins. */
export function Screen({ children }: PropsWithChildren) {
  return <View className='u-screen'>{children}</View>;
}
