/**
 * The app's pages. The main package holds only what a member needs first (home, messages, me); every area lives in
 * its own subpackage under packages/<area>/ so the main package stays small as the app grows.
 * Tab icons are 81×81 stroke drawings (under 1 KB each) so the bar reads at a glance, not only by its small label.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/inbox/index', 'pages/me/index'],
  subPackages: [
    {
      // A member's own things: identity, binding (and a clerk's invitation), the yearly spending report.
      root: 'packages/account',
      pages: ['pages/identity/index', 'pages/bind/index', 'pages/clerk/index', 'pages/setup/index', 'pages/report/index'],
    },
    {
      // 工会管理: everything an officer, the chair or a fund auditor uses.
      root: 'packages/admin',
      pages: [
        'pages/index/index',
        'pages/roster/index',
        'pages/member/index',
        'pages/import/index',
        'pages/roles/index',
        'pages/policy/index',
        'pages/budget/index',
        'pages/ledger/index',
        'pages/record/index',
        'pages/audit/index',
        'pages/committee/index',
        'pages/events/index',
        'pages/event-edit/index',
        'pages/event-roster/index',
      ],
    },
    {
      // 文体活动 for members: the list (two-tap sign-up), an event's detail and form, 我的活动 with check-in codes.
      root: 'packages/events',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/mine/index'],
    },
  ],
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
