import type { PropsWithChildren } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ROUTES } from '@/services/routes';
import './index.scss';

export interface ScreenProps {
  /** The page's title, shown in the H5 title bar (`<Page>` passes the registry's, core/pages.ts). */
  title: string;
}

/**
 * The page body: light grey background, generous side margins. In the H5 app a sub-page also gets a title bar with
 * 返回: a browser has no navigation bar of WeChat's, and its own back button is easy to miss on a phone. Tab pages
 * (首页, 消息, 我的) have the tab bar instead; the weapp has WeChat's navigation bar on every page.
 */
export function Screen({ title, children }: PropsWithChildren<ScreenProps>) {
  return (
    <View className='u-screen'>
      {process.env.TARO_ENV === 'h5' && <H5Header title={title} />}
      {children}
    </View>
  );
}

/** What the H5 build knows of its tab bar: Taro's app config. */
interface H5AppConfig {
  tabBar?: { list: { pagePath: string }[] };
}

function bare(path: string): string {
  return path.replace(/^\//, '').replace(/[?#].*$/, '');
}

function H5Header({ title }: { title: string }) {
  const path = bare(useRouter().path);
  const config = (window as unknown as { __taroAppConfig?: H5AppConfig }).__taroAppConfig;
  if (!config || config.tabBar?.list.some((t) => bare(t.pagePath) === path)) return null;
  // Opened directly (a link, a reload): nothing to go back to in the app, so 返回 goes home.
  const back = () => void (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.switchTab({ url: ROUTES.home }));
  return (
    <View className='u-screen__bar'>
      <View className='u-screen__back' hoverClass='u-screen__back--pressed' ariaRole='button' ariaLabel='返回上一页' onClick={back}>
        ‹ 返回
      </View>
      <View className='u-screen__title' ariaRole='heading'>
        {title}
      </View>
    </View>
  );
}
