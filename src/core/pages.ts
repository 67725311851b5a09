/**
 * THE page registry: every page of the app, once — its path, its title, who may open it and its tile, if any.
 * `app.config.ts` (pages and subpackages), `services/routes.ts` (ROUTES), the home grid and 工会管理's
 * sections, each page's title and gates (`components/Page`) and the links in notices (server/events/views.ts) all
 * come from here; `npm run check:weapp` fails when the built app.json lists other pages than these.
 *
 * Pure TypeScript (no Taro): Taro evaluates app.config.ts (through core/appPages.ts) on its own at build time, and the
 * functions import it too.
 */
import { can, type Permission, type Role } from './domain/roles';

/**
 * Who may open a page. The function checks again on every call; the gate spares everyone else a page of errors.
 * - `anyone`: whoever is signed in (in WeChat, everyone), bound or not.
 * - `unbound`: the binding and invitation pages; a caller who already has an account is told so.
 * - `account`: a bound member or a cake-shop clerk; anyone else is asked to bind first.
 * - `staff`: an account holding the permission of at least one section of 工会管理.
 * - a list of permissions: an account holding at least one of them (core/domain/roles.ts).
 */
export type Access = 'anyone' | 'unbound' | 'account' | 'staff' | readonly Permission[];

/** Where a page shows as a tile: the home grid, or the list of sections in 工会管理. */
export type TileGroup = 'home' | 'admin';

export interface Tile {
  /** Stable key (also used in tests and analytics). */
  key: string;
  group: TileGroup;
  /** Two to six characters, a member reads it at a glance; the page's title when left out. */
  label?: string;
  /** One short line saying what the member can do there. */
  summary: string;
  /**
   * Shown to whoever may open the page; a tile with its own `access` is shown to those only (one page, two tiles:
   * 上级工委 and 下属工会). `unboundToo` also shows it to a caller without an account, whom the page asks to bind.
   */
  access?: Access;
  unboundToo?: true;
}

export interface PageEntry {
  /** The page's URL, e.g. '/packages/events/pages/detail/index'. */
  path: string;
  /** Its title in WeChat's navigation bar and the H5 title bar. */
  title: string;
  access: Access;
  tiles?: readonly Tile[];
}

/** Subpackage roots, with what each holds (app.config.ts lists them in this order). */
export const SUBPACKAGES = {
  // 工会管理: the officers' hub (each section lives in its area's subpackage, under manage/).
  admin: 'packages/admin',
  // 会员: for members (pages/) identity, binding, a clerk's invitation, setting up a union; for officers (manage/) the
  // roster with its import, a member's record, roles, the audit log, 上级工委 and 下属工会.
  members: 'packages/members',
  // 经费: for members (pages/) the yearly spending report; for officers (manage/) the year's policy, budgets, the
  // ledger and recording a payout.
  ledger: 'packages/ledger',
  // 文体活动: for members the list (two-tap sign-up), an event's detail and form, 我的活动 with check-in codes; for
  // officers (manage/) publishing, the roster with check-in, results and prizes.
  events: 'packages/events',
  // 会员关爱中心: for members (pages/) the center with 我要求助 / 提意见建议 / 即时关爱上报, 我的求助 and a case with its
  // timeline and conversation; for officers and 关爱专员 (manage/) the queue, handling a case, the settings
  // (deadlines, 放假安排) and, for officers and the chair, the figures with the Excel of the cases (关爱统计).
  care: 'packages/care',
  // 生日与节日慰问: for members (pages/) 我的福利 — birthday vouchers and holiday gifts, choosing one; for officers
  // (manage/) the birthday settings and holiday batches with tallies and pickups; for the shop's clerk, redeeming.
  gifts: 'packages/gifts',
  // 困难帮扶, 大病关爱, 金秋助学: for members (pages/) applying, following, the 公示 and their own file; for reviewers
  // (manage/) the list, the review, the household files and the settings; for a 工委's officers, the referrals.
  hardship: 'packages/hardship',
} as const;

const sub = (root: keyof typeof SUBPACKAGES, page: string) => `/${SUBPACKAGES[root]}/pages/${page}/index` as const;
/** An officer's page of an area: it lives in the area's subpackage, under manage/. */
const manage = (root: keyof typeof SUBPACKAGES, page: string) => `/${SUBPACKAGES[root]}/manage/${page}/index` as const;

/**
 * Every page. The main package holds only what a member needs first (home, messages, me); every area lives in its
 * own subpackage so the main package stays small as the app grows. Tiles show in this order.
 *
 * Every area has its own subpackage under src/packages/<area>/. A tile belongs here only once its page exists and its
 * cloud function answers.
 */
export const PAGES = {
  home: { path: '/pages/index/index', title: '工会会员服务', access: 'anyone' },
  inbox: { path: '/pages/inbox/index', title: '消息', access: 'account' },
  me: { path: '/pages/me/index', title: '我的', access: 'anyone' },

  identity: { path: sub('members', 'identity'), title: '我的身份', access: 'anyone' },
  bind: {
    path: sub('members', 'bind'),
    title: '实名认证',
    access: 'unbound',
    tiles: [{ key: 'bind', group: 'home', summary: '核对会员名册，开通各项服务' }],
  },
  clerk: { path: sub('members', 'clerk'), title: '店员加入', access: 'unbound' },
  setup: { path: sub('members', 'setup'), title: '建立工会', access: 'anyone' },

  events: {
    path: sub('events', 'list'),
    title: '文体活动',
    access: ['events.join'],
    tiles: [{ key: 'events', group: 'home', summary: '报名参加工会组织的文体活动' }],
  },
  eventDetail: { path: sub('events', 'detail'), title: '活动详情', access: ['events.join'] },
  myEvents: { path: sub('events', 'mine'), title: '我的活动', access: ['events.join'] },

  care: {
    path: sub('care', 'index'),
    title: '会员关爱中心',
    access: ['care.ask'],
    tiles: [{ key: 'care', group: 'home', label: '关爱中心', summary: '遇到困难找工会，提意见建议，上报生病住院等' }],
  },
  careAsk: { path: sub('care', 'ask'), title: '我要求助', access: ['care.ask'] },
  careReport: { path: sub('care', 'report'), title: '即时关爱上报', access: ['care.ask'] },
  careMine: { path: sub('care', 'mine'), title: '我的求助', access: ['care.ask'] },
  careCase: { path: sub('care', 'case'), title: '求助详情', access: ['care.ask'] },

  // 我的福利 (gifts): birthday vouchers and holiday gifts; a holiday batch's page is where a notice leads (two taps).
  gifts: {
    path: sub('gifts', 'index'),
    title: '我的福利',
    access: ['gifts.receive'],
    tiles: [{ key: 'gifts', group: 'home', summary: '生日蛋糕券，节日慰问品选择与领取' }],
  },
  giftBatch: { path: sub('gifts', 'batch'), title: '选择慰问品', access: ['gifts.receive'] },
  giftBatches: {
    path: manage('gifts', 'batches'),
    title: '节日慰问品',
    access: ['gifts.manage'],
    tiles: [{ key: 'gift-batches', group: 'admin', summary: '端午、中秋、春节慰问品：礼品选项、开放选择、领取核销、发放名单' }],
  },
  giftBatchAdmin: { path: manage('gifts', 'batch'), title: '慰问品批次', access: ['gifts.manage'] },

  // 困难帮扶: members apply, follow, read the 公示 and their own file.
  hardship: {
    path: sub('hardship', 'index'),
    title: '困难帮扶',
    access: ['hardship.apply'],
    tiles: [{ key: 'hardship', group: 'home', summary: '困难帮扶、大病关爱、金秋助学：申请与进度，帮扶公示' }],
  },
  hardshipApply: { path: sub('hardship', 'apply'), title: '申请帮扶', access: ['hardship.apply'] },
  hardshipApplication: { path: sub('hardship', 'application'), title: '我的帮扶申请', access: ['hardship.apply'] },
  hardshipPublicity: { path: sub('hardship', 'publicity'), title: '帮扶公示', access: ['hardship.apply'] },
  hardshipMyFile: { path: sub('hardship', 'file'), title: '我的困难职工档案', access: ['hardship.apply'] },
  report: {
    path: sub('ledger', 'report'),
    title: '经费支出公布',
    access: ['report.read'],
    tiles: [{ key: 'report', group: 'home', summary: '工会经费每年怎么花的', unboundToo: true }],
  },

  admin: {
    path: sub('admin', 'index'),
    title: '工会管理',
    access: 'staff',
    tiles: [{ key: 'admin', group: 'home', summary: '名册、政策、预算、台账' }],
  },
  roster: {
    path: manage('members', 'roster'),
    title: '会员名册',
    access: ['roster.read'],
    tiles: [{ key: 'roster', group: 'admin', summary: '查找、新增、修改会员，导入导出 Excel' }],
  },
  member: { path: manage('members', 'member'), title: '会员信息', access: ['roster.write'] },
  import: { path: manage('members', 'import'), title: '导入名册', access: ['roster.write'] },
  roles: {
    path: manage('members', 'roles'),
    title: '角色管理',
    access: ['roles.read'],
    tiles: [{ key: 'roles', group: 'admin', summary: '任命工会干部、经费审查，邀请蛋糕店店员' }],
  },
  policy: {
    path: manage('ledger', 'policy'),
    title: '年度政策',
    access: ['policy.read'],
    tiles: [{ key: 'policy', group: 'admin', summary: '各项慰问的标准、发放形式和依据' }],
  },
  budget: {
    path: manage('ledger', 'budget'),
    title: '预算',
    access: ['budget.read'],
    tiles: [{ key: 'budget', group: 'admin', summary: '各项经费的年度预算和使用进度' }],
  },
  eventAdmin: {
    path: manage('events', 'list'),
    title: '文体活动',
    access: ['events.manage'],
    tiles: [{ key: 'events', group: 'admin', summary: '发布活动、报名名单、签到、导出' }],
  },
  eventEdit: { path: manage('events', 'edit'), title: '发布活动', access: ['events.manage'] },
  eventRoster: { path: manage('events', 'roster'), title: '报名名单', access: ['events.manage'] },
  ledger: {
    path: manage('ledger', 'list'),
    title: '经费台账',
    access: ['ledger.read'],
    tiles: [{ key: 'ledger', group: 'admin', summary: '每一笔支出的记录、登记与冲正' }],
  },
  record: { path: manage('ledger', 'record'), title: '登记支出', access: ['ledger.write'] },
  audit: {
    path: manage('members', 'audit'),
    title: '审计日志',
    access: ['audit.read'],
    tiles: [{ key: 'audit', group: 'admin', summary: '谁在什么时候做了什么' }],
  },
  committee: {
    path: manage('members', 'committee'),
    title: '上级工委与下属工会',
    // The page shows each part to whoever may use it: 下属工会 to a 工委's officers, 上级工委 to a union's chair.
    access: ['committee.read', 'union.write'],
    tiles: [
      { key: 'members-of-committee', group: 'admin', label: '下属工会', summary: '查看各下属工会的经费支出公布', access: ['committee.read'] },
      { key: 'parent-committee', group: 'admin', label: '上级工委', summary: '设置本工会隶属的工委', access: ['union.write'] },
    ],
  },
  careQueue: {
    path: manage('care', 'queue'),
    title: '会员求助',
    access: ['care.handle'],
    tiles: [{ key: 'care', group: 'admin', summary: '受理、转派、答复会员的求助和意见建议' }],
  },
  careHandle: { path: manage('care', 'case'), title: '办理求助', access: ['care.handle'] },
  careStats: {
    path: manage('care', 'stats'),
    title: '关爱统计',
    access: ['care.stats'],
    tiles: [{ key: 'care-stats', group: 'admin', summary: '每月收到、按时受理办结、满意率，导出 Excel' }],
  },
  careSettings: {
    path: manage('care', 'settings'),
    title: '关爱中心设置',
    access: ['care.settings'],
    tiles: [{ key: 'care-settings', group: 'admin', label: '关爱设置', summary: '各类求助的办理时限，放假安排' }],
  },
  // 生日蛋糕券 (gifts, birthdays half): the clerk's redeeming, the officers' settings and the shops' statement.
  giftsRedeem: {
    path: manage('gifts', 'redeem'),
    title: '核销蛋糕券',
    access: ['gifts.redeem'],
    tiles: [{ key: 'gifts-redeem', group: 'home', summary: '扫描或输入会员出示的蛋糕券码' }],
  },
  giftsBirthdays: {
    path: manage('gifts', 'birthdays'),
    title: '生日慰问设置',
    access: ['gifts.manage'],
    tiles: [{ key: 'gifts-birthdays', group: 'admin', label: '生日慰问', summary: '发放时间、指定蛋糕店、蛋糕券金额和祝福语' }],
  },
  giftsStatement: {
    path: manage('gifts', 'statement'),
    title: '蛋糕店结算',
    access: ['gifts.statement'],
    tiles: [{ key: 'gifts-statement', group: 'admin', summary: '每月各蛋糕店核销的蛋糕券和金额，导出结算单' }],
  },
  hardshipQueue: {
    path: manage('hardship', 'queue'),
    title: '帮扶审核',
    access: ['hardship.review'],
    tiles: [{ key: 'hardship', group: 'admin', summary: '困难帮扶申请的初审、入户走访、两人审批、公示异议' }],
  },
  hardshipReview: { path: manage('hardship', 'review'), title: '审核帮扶申请', access: ['hardship.review'] },
  hardshipFiles: {
    path: manage('hardship', 'files'),
    title: '困难职工档案',
    access: ['hardship.review'],
    tiles: [{ key: 'hardship-files', group: 'admin', summary: '每户一份档案，年度复核、脱困，导出 Excel' }],
  },
  hardshipFile: { path: manage('hardship', 'file'), title: '档案详情', access: ['hardship.review'] },
  hardshipSettings: {
    path: manage('hardship', 'settings'),
    title: '帮扶设置',
    access: ['hardship.review'],
    tiles: [{ key: 'hardship-settings', group: 'admin', label: '帮扶设置', summary: '当地低保标准（会员自测用）、公示天数' }],
  },
  hardshipReferrals: {
    path: manage('hardship', 'referrals'),
    title: '大病关爱推荐',
    access: ['hardship.committee'],
    tiles: [{ key: 'hardship-referrals', group: 'admin', summary: '下属工会推荐的大病关爱：审核材料，决定并发放' }],
  },
  hardshipReferral: { path: manage('hardship', 'referral'), title: '大病关爱推荐详情', access: ['hardship.committee'] },
} as const satisfies Record<string, PageEntry>;

export type PageKey = keyof typeof PAGES;
export type PagePath = (typeof PAGES)[PageKey]['path'];

const ENTRIES: readonly PageEntry[] = Object.values(PAGES);

/** The registry entry of a page by its path (with or without a leading '/', query ignored). */
export function pageAt(path: string): PageEntry | undefined {
  const bare = `/${path.replace(/^\/+/, '').replace(/[?#].*$/, '')}`;
  return ENTRIES.find((p) => p.path === bare);
}

/** A tile with the page it opens and who may use it. */
export interface PageTile extends Tile {
  label: string;
  path: string;
  access: Access;
}

/** The tiles of one group, in registry order. */
export function tilesOf(group: TileGroup): PageTile[] {
  return ENTRIES.flatMap((p) =>
    (p.tiles ?? []).filter((t) => t.group === group).map((t) => ({ ...t, label: t.label ?? p.title, path: p.path, access: t.access ?? p.access })),
  );
}

/** The permissions that give a section of 工会管理: whoever holds one of them is staff. */
export function staffPermissions(): Permission[] {
  return [...new Set(tilesOf('admin').flatMap((t) => (typeof t.access === 'string' ? [] : t.access)))];
}

/** Officers, the chair, fund auditors and 工委 officers: whoever has at least one section of 工会管理. */
export function isStaff(roles: readonly Role[]): boolean {
  return staffPermissions().some((p) => can(roles, p));
}

/** Whether an account (null: none yet) may open a page of this access. */
export function mayOpen(access: Access, account: { roles: readonly Role[] } | null): boolean {
  if (access === 'anyone') return true;
  if (access === 'unbound') return account === null;
  if (account === null) return false;
  if (access === 'account') return true;
  if (access === 'staff') return isStaff(account.roles);
  return access.some((p) => can(account.roles, p));
}

/** The tiles of a group this caller may use (a caller without an account also sees those marked `unboundToo`). */
export function tilesFor(group: TileGroup, account: { roles: readonly Role[] } | null): PageTile[] {
  return tilesOf(group).filter((t) => (!account && t.unboundToo) || mayOpen(t.access, account));
}

/** The registry entry of a registered path (ROUTES.x). */
export function pageEntry(path: PagePath): PageEntry {
  const entry = pageAt(path);
  if (!entry) throw new Error(`page not registered: ${path}`);
  return entry;
}
