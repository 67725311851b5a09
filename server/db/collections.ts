/**
 * Every collection the functions use, with the indexes its queries need. This is the checklist for the
 * WeChat Cloud console (README "部署"): create each collection, set its permission to "仅管理端可读写"
 * (clients never read the database directly), and add the listed indexes. The `jobs` function's setup
 * creates the collections; indexes are console-only in WeChat Cloud.
 */
export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface CollectionSpec {
  /** What it holds, for the people reading the console. */
  purpose: string;
  indexes: IndexSpec[];
}

export const COLLECTIONS = {
  unions: {
    purpose: '基层工会与工委（租户）：名称、上级工委',
    indexes: [],
  },
  members: {
    purpose: '会员名册：_id = 工会ID:工号；姓名、部门、性别、出生日期、手机号、状态、会费、角色、绑定的微信',
    indexes: [
      { name: 'union_employeeNo', keys: { unionId: 1, employeeNo: 1 }, unique: true },
      { name: 'union_name', keys: { unionId: 1, name: 1 } },
      { name: 'union_roles', keys: { unionId: 1, roles: 1 } },
      { name: 'employeeNo_name', keys: { employeeNo: 1, name: 1 } },
    ],
  },
  accounts: {
    purpose: '微信身份：_id = OPENID；绑定的会员，或工委干部、蛋糕店店员账号（一个微信只对应一个账号）',
    indexes: [{ name: 'union_kind', keys: { unionId: 1, kind: 1 } }],
  },
  attempts: {
    purpose: '猜测次数与锁定时间（实名认证按微信和按会员、初始化码与邀请码、活动签到码按人和按活动）：_id = 用途:对象',
    indexes: [],
  },
  setup_codes: {
    purpose: '已使用的部署初始化码（只存哈希）',
    indexes: [],
  },
  invites: {
    purpose: '工委干部、蛋糕店店员的一次性邀请码（只存哈希）',
    indexes: [{ name: 'union_createdAt', keys: { unionId: 1, createdAt: -1 } }],
  },
  policies: {
    purpose: '各工会年度政策：_id = 工会ID:年度',
    indexes: [],
  },
  budgets: {
    purpose: '年度预算与已支出：_id = 工会ID:年度:预算科目；已支出与笔数随台账在同一事务内更新',
    indexes: [{ name: 'union_year', keys: { unionId: 1, year: 1 } }],
  },
  ledger: {
    purpose: '经费台账（只追加）：每笔支出或实物，冲正为一笔反向记录',
    indexes: [
      { name: 'union_year_at', keys: { unionId: 1, year: 1, at: -1 } },
      { name: 'union_member_year', keys: { unionId: 1, memberId: 1, year: 1 } },
      { name: 'union_year_line', keys: { unionId: 1, year: 1, line: 1 } },
      { name: 'union_event', keys: { unionId: 1, eventId: 1 } },
    ],
  },
  member_years: {
    purpose: '会员年度享受记录摘要：_id = 工会ID:会员ID:年度；政策上限在同一事务内检查',
    indexes: [],
  },
  events: {
    purpose: '文体活动：时间地点、名额、报名与取消截止、参加范围、报名问题；已占名额与候补人数随报名在同一事务内更新',
    indexes: [
      { name: 'union_startsAt', keys: { unionId: 1, startsAt: -1 } },
      { name: 'status_startsAt', keys: { status: 1, startsAt: 1 } },
    ],
  },
  event_signups: {
    purpose: '活动报名：_id = 活动ID:会员ID；已确认/候补/已取消、报名顺序、签到码、签到时间',
    indexes: [
      { name: 'event_status_seq', keys: { eventId: 1, status: 1, seq: 1 } },
      { name: 'event_code', keys: { eventId: 1, checkinCode: 1 } },
      { name: 'member_event', keys: { memberId: 1, eventId: 1 } },
    ],
  },
  notices: {
    purpose: '站内消息：每条通知都进收件箱（订阅消息是一次性的，不一定能送达）',
    indexes: [
      { name: 'member_at', keys: { memberId: 1, at: -1 } },
      { name: 'openid_at', keys: { openid: 1, at: -1 } },
    ],
  },
  audit_log: {
    purpose: '审计日志：谁在何时把什么从何状态改为何状态（只追加）',
    indexes: [{ name: 'union_at', keys: { unionId: 1, at: -1 } }],
  },
} satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;
