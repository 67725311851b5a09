import { appPages } from './core/appPages';

/**
 * The app's pages come from the page registry (core/pages.ts), which Taro evaluates here at build time; the main
 * package holds only what a member needs first, every area its own subpackage.
 * Tab icons are 81×81 stroke drawings (under 1 KB each) so the bar reads at a glance, not only by its small label.
 */
export default defineAppConfig({
  ...appPages(),
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f4f4',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '工会会员服务',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#555555',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/inbox/index', text: '消息', iconPath: 'assets/tabbar/inbox.png', selectedIconPath: 'assets/tabbar/inbox-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  // WeChat Cloud Development: functions are called with Taro.cloud (see services/cloud.ts).
  ...(process.env.TARO_ENV === 'weapp' ? { cloud: true } : {}),
});
