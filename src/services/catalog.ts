/**
 * What the home page and 工会管理 offer, in one place. An entry belongs here only once its pages exist and its
 * cloud function answers: no screen ever shows a tile that leads nowhere.
 *
 * Planned (each arrives with its own subpackage under src/packages/<area>/): 会员关爱中心 (care), 生日与节日慰问
 * (gifts), 困难帮扶 (hardship).
 */
import { can, type Permission, type Role } from '@/core/domain/roles';
import { ROUTES, type Route } from './routes';

export interface ServiceEntry {
  /** Stable key (also used in tests and analytics). */
  key: string;
  /** Two to six characters: a member reads it at a glance. */
  title: string;
  /** One short line saying what the member can do there. */
  summary: string;
  path: Route;
}

/** The officer's sections of 工会管理, each shown only to roles that may use it (the function checks again). */
export interface AdminSection extends ServiceEntry {
  permission: Permission;
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { key: 'roster', title: '会员名册', summary: '查找、新增、修改会员，导入导出 Excel', path: ROUTES.roster, permission: 'roster.read' },
  { key: 'roles', title: '角色管理', summary: '任命工会干部、经费审查，邀请蛋糕店店员', path: ROUTES.roles, permission: 'roles.read' },
  { key: 'policy', title: '年度政策', summary: '各项慰问的标准、发放形式和依据', path: ROUTES.policy, permission: 'policy.read' },
  { key: 'budget', title: '预算', summary: '各项经费的年度预算和使用进度', path: ROUTES.budget, permission: 'budget.read' },
  { key: 'events', title: '文体活动', summary: '发布活动、报名名单、签到、导出', path: ROUTES.eventAdmin, permission: 'events.manage' },
  { key: 'ledger', title: '经费台账', summary: '每一笔支出的记录、登记与冲正', path: ROUTES.ledger, permission: 'ledger.read' },
  { key: 'audit', title: '审计日志', summary: '谁在什么时候做了什么', path: ROUTES.audit, permission: 'audit.read' },
  { key: 'members-of-committee', title: '下属工会', summary: '查看各下属工会的经费支出公布', path: ROUTES.committee, permission: 'committee.read' },
  { key: 'parent-committee', title: '上级工委', summary: '设置本工会隶属的工委', path: ROUTES.committee, permission: 'union.write' },
];

export function adminSectionsFor(roles: readonly Role[]): AdminSection[] {
  return ADMIN_SECTIONS.filter((s) => can(roles, s.permission));
}

/** Officers, the chair and fund auditors: whoever has at least one section of 工会管理. */
export function isStaff(roles: readonly Role[]): boolean {
  return adminSectionsFor(roles).length > 0;
}

const BIND: ServiceEntry = { key: 'bind', title: '实名认证', summary: '核对会员名册，开通各项服务', path: ROUTES.bind };
const EVENTS: ServiceEntry = { key: 'events', title: '文体活动', summary: '报名参加工会组织的文体活动', path: ROUTES.events };
const REPORT: ServiceEntry = { key: 'report', title: '经费支出公布', summary: '工会经费每年怎么花的', path: ROUTES.report };
const ADMIN: ServiceEntry = { key: 'admin', title: '工会管理', summary: '名册、政策、预算、台账', path: ROUTES.admin };

/**
 * The tiles on the home page for this caller. An unbound caller sees 实名认证 first and may still open the
 * report (its page asks them to bind); a bound caller sees what their roles allow.
 */
export function servicesFor(account: { roles: readonly Role[] } | null): ServiceEntry[] {
  if (!account) return [BIND, REPORT];
  const entries: ServiceEntry[] = [];
  if (can(account.roles, 'events.join')) entries.push(EVENTS);
  if (can(account.roles, 'report.read')) entries.push(REPORT);
  if (isStaff(account.roles)) entries.push(ADMIN);
  return entries;
}
