import type { PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { initCloud } from '@/services/cloud';
import { refreshUnreadBadgeOnAppShow } from '@/services/unreadBadge';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // WeChat: connect to the cloud environment before any page calls a function. A no-op in H5.
    initCloud();
  });
  // Back in the foreground (and at launch, after useLaunch): notices may have arrived meanwhile.
  useDidShow(() => refreshUnreadBadgeOnAppShow());
  // `children` are the pages Taro renders.
  return children;
}

export default App;
