import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initCloud } from '@/services/cloud';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // WeChat: connect to the cloud environment before any page calls a function. A no-op in H5.
    initCloud();
  });
  // `children` are the pages Taro renders.
  return children;
}

export default App;
