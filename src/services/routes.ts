/**
 * Every page's URL, in one place, so a renamed page breaks the type check instead of a tap. The same paths are
 * registered in app.config.ts (which Taro evaluates on its own at build time and so keeps its own literal list).
 */
export const ROUTES = {
  home: '/pages/index/index',
  inbox: '/pages/inbox/index',
  me: '/pages/me/index',

  identity: '/packages/account/pages/identity/index',
  bind: '/packages/account/pages/bind/index',
  clerk: '/packages/account/pages/clerk/index',
  setup: '/packages/account/pages/setup/index',
  report: '/packages/account/pages/report/index',

  admin: '/packages/admin/pages/index/index',
  roster: '/packages/admin/pages/roster/index',
  member: '/packages/admin/pages/member/index',
  import: '/packages/admin/pages/import/index',
  roles: '/packages/admin/pages/roles/index',
  policy: '/packages/admin/pages/policy/index',
  budget: '/packages/admin/pages/budget/index',
  ledger: '/packages/admin/pages/ledger/index',
  record: '/packages/admin/pages/record/index',
  audit: '/packages/admin/pages/audit/index',
  committee: '/packages/admin/pages/committee/index',
  eventAdmin: '/packages/admin/pages/events/index',
  eventEdit: '/packages/admin/pages/event-edit/index',
  eventRoster: '/packages/admin/pages/event-roster/index',

  events: '/packages/events/pages/list/index',
  // Notices link here as `${eventDetail}?id=<eventId>` (server/events/views.ts builds the same path): keep both.
  eventDetail: '/packages/events/pages/detail/index',
  myEvents: '/packages/events/pages/mine/index',
} as const;

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
