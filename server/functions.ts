/**
 * The one registry of cloud functions: what `npm run build:functions` bundles into cloudfunctions/<name>/
 * and what the emulator hosts. Timer crons have WeChat's 7 fields: second minute hour day month weekday year,
 * evaluated in China time (UTC+8) as in the cloud.
 */
export interface FunctionSpec {
  entry: string;
  description: string;
  /** Seconds; WeChat's default is 3, the maximum for a normal function is 60. */
  timeout: number;
  triggers?: { name: string; type: 'timer'; config: string }[];
  /** WeChat open APIs the function may call (config.json `permissions.openapi`). */
  openapi?: string[];
}

export const FUNCTIONS: Record<string, FunctionSpec> = {
  members: {
    entry: 'server/members/index.ts',
    description: '会员身份、实名认证、名册、角色、审计日志',
    // A 5,000-member Excel import runs within one call.
    timeout: 60,
  },
  ledger: {
    entry: 'server/ledger/index.ts',
    description: '年度政策、预算、经费台账、经费支出公布',
    timeout: 20,
  },
  events: {
    entry: 'server/events/index.ts',
    description: '文体活动：发布、报名、候补、取消、签到、名单导出、结果与奖品',
    timeout: 20,
    openapi: ['subscribeMessage.send'],
  },
  notices: {
    entry: 'server/notices/index.ts',
    description: '站内消息（收件箱）',
    timeout: 5,
  },
  care: {
    entry: 'server/care/index.ts',
    description: '会员关爱中心：求助与意见建议、即时关爱上报、受理转派答复办结、评价与督办',
    // Up to 6 files of up to 10 MB are checked and copied into a case within the call.
    timeout: 20,
    openapi: ['subscribeMessage.send'],
  },
  gifts: {
    entry: 'server/gifts/index.ts',
    description: '生日与节日慰问：生日蛋糕券（店员核销、商家结算）、节日慰问品批次（选择、库存、领取）',
    // A batch opened for the whole roster reserves its budget and tells every eligible member within the call.
    timeout: 20,
    openapi: ['subscribeMessage.send'],
  },
  hardship: {
    entry: 'server/hardship/index.ts',
    description: '困难帮扶',
    timeout: 5,
  },
  // new-area: functions (`npm run new:area` inserts above this line)
  jobs: {
    entry: 'server/jobs/index.ts',
    description: '每日定时任务（建集合、活动提醒、关爱到期与督办、生日蛋糕券发放与过期、节日慰问品批次截止与结算）',
    timeout: 60,
    triggers: [{ name: 'daily', type: 'timer', config: '0 0 2 * * * *' }],
    openapi: ['subscribeMessage.send'],
  },
};

/** wx-server-sdk's protocol is internal to Tencent: pin it exactly (see the protocol notes). */
export const WX_SERVER_SDK_VERSION = '4.0.2';
