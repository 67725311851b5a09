/**
 * What the home page and 工会管理 offer: the tiles of the page registry (core/pages.ts) that this caller may use.
 * A tile belongs there only once its pages exist and its cloud function answers: no screen ever shows a tile that
 * leads nowhere.
 */
import { isStaff, tilesFor, type PageTile } from '@/core/pages';
import type { Role } from '@/core/domain/roles';

export type ServiceEntry = PageTile;
export { isStaff };

/**
 * The tiles on the home page for this caller. An unbound caller sees 实名认证 first and may still open the
 * report (its page asks them to bind); a bound caller sees what their roles allow.
 */
export function servicesFor(account: { roles: readonly Role[] } | null): ServiceEntry[] {
  return tilesFor('home', account);
}

/** The officer's sections of 工会管理, each shown only to roles that may use it (the function checks again). */
export function adminSectionsFor(roles: readonly Role[]): ServiceEntry[] {
  return tilesFor('admin', { roles });
}
