/**
 * The member services shown on the home page, in one place. An entry belongs here only once its pages exist and
 * its cloud function answers: the home page never shows a tile that leads nowhere.
 *
 * Planned (each arrives with its own subpackage under src/packages/<area>/): 会员关爱中心 (care), 生日与节日慰问
 * (gifts), 困难帮扶 (hardship), 文体活动报名 (events).
 */
export interface ServiceEntry {
  /** Stable key (also used in tests and analytics). */
  key: string;
  /** Two to six characters: a member reads it at a glance. */
  title: string;
  /** One short line saying what the member can do there. */
  summary: string;
  /** Page path without the leading slash, e.g. 'packages/care/pages/index/index'. */
  path: string;
}

export const SERVICE_CATALOG: readonly ServiceEntry[] = [];
