/**
 * What a route module hands the dispatcher in emulator.ts: which requests a route serves, what the guard checks
 * for them, and how it answers. No framework: the routes are few and fixed, and no two of them match one request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteKind } from '../guard';

export interface Route {
  /** The method it answers; absent, every method (the clock reads on GET and also sets on POST). */
  method?: string;
  /** The whole path, or a pattern whose capture groups `handle` receives as `params`. */
  path: string | RegExp;
  /** What it takes, which decides the guard's checks (guard.ts); absent, a POST takes JSON and anything else reads. */
  kind?: RouteKind;
  handle(req: IncomingMessage, res: ServerResponse, url: URL, params: string[]): void | Promise<void>;
}

/** The route serving `method pathname`, with its pattern's captures, or null when none does. */
export function findRoute(routes: readonly Route[], method: string, pathname: string): { route: Route; params: string[] } | null {
  for (const route of routes) {
    if (route.method !== undefined && route.method !== method) continue;
    if (typeof route.path === 'string') {
      if (route.path === pathname) return { route, params: [] };
      continue;
    }
    const m = route.path.exec(pathname);
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}

/** The checks a request gets: its route's, or for a request no route serves, what its method implies. */
export function kindOf(route: Route | undefined, method: string): RouteKind {
  return route?.kind ?? (method === 'POST' ? 'json' : 'read');
}
