import { PAGES, type PageKey } from '@/core/pages';

/**
 * Every page's URL by name, from the page registry (core/pages.ts), so a renamed page breaks the type check instead
 * of a tap.
 */
export const ROUTES = Object.fromEntries(Object.entries(PAGES).map(([key, page]) => [key, page.path])) as {
  readonly [K in PageKey]: (typeof PAGES)[K]['path'];
};

export type Route = (typeof ROUTES)[keyof typeof ROUTES];

/** A page URL with its query string, e.g. withQuery(ROUTES.member, { id: 'u1:A0001' }). */
export function withQuery(route: Route, query: Record<string, string | number | undefined>): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length > 0 ? `${route}?${parts.join('&')}` : route;
}

/**
 * A query parameter as the page received it. WeChat hands query values to the page still percent-encoded, H5
 * decodes them; decoding once more is harmless for our ids, which never contain '%'.
 */
export function queryParam(params: Partial<Record<string, string>>, key: string): string | undefined {
  const raw = params[key];
  if (raw === undefined || raw === '') return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
