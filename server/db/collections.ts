/**
 * How a collection is described (each area's store.ts lists its own; server/collections.ts gathers them), and
 * the collections every function shares. The list is the checklist for the WeChat Cloud console (README "部署"):
 * create each collection, set its permission to "仅管理端可读写" (clients never read the database directly), and
 * add the listed indexes. The `jobs` function's setup creates the collections; indexes are console-only in
 * WeChat Cloud.
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

/**
 * Every collection's name. The shared ones are here; each area's store.ts adds its own by declaration merging
 * (`declare module '../db/collections'`), so `table()` and transactions refuse a misspelt name at type check
 * without server/db importing any area.
 */
export interface CollectionNames {
  unions: true;
  members: true;
  accounts: true;
  attempts: true;
  audit_log: true;
  stock_shards: true;
}
export type CollectionName = keyof CollectionNames;

export const SHARED_COLLECTIONS: Record<'unions' | 'members' | 'accounts' | 'attempts' | 'audit_log' | 'stock_shards', CollectionSpec> = {
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
      // The birthday job (gifts/birthdays.ts): the members whose birthday falls in its window, and the backfill.
      { name: 'union_birthMonthDay', keys: { unionId: 1, birthMonthDay: 1 } },
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
  audit_log: {
    purpose: '审计日志：谁在何时把什么从何状态改为何状态（只追加）',
    indexes: [{ name: 'union_at', keys: { unionId: 1, at: -1 } }],
  },
  stock_shards: {
    purpose: '分片库存（礼品选项的库存、发放批次预算预留的份数）：_id = 库存编号#序号；每次领取只写其中一片，每片都领完才算领完（db/stock.ts）',
    indexes: [{ name: 'stock', keys: { stock: 1 } }],
  },
};
