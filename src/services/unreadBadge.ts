/**
 * The unread count on the 消息 tab (Taro.setTabBarBadge / removeTabBarBadge; WeChat and the H5 tab bar both have
 * them). Refreshed by one `notices.unread` call when the app or a tab page shows; the inbox sets it from the list it
 * has just read, without a call of its own. Quiet by design: a badge that cannot be set (the page on screen is not
 * a tab page, no tab bar, not signed in or not bound yet, offline) is left off, never an error on screen.
 */
import Taro from '@tarojs/taro';
import { callFunction } from './cloud';
import { ROUTES } from './routes';
import { isSignedIn } from './session';

/** 消息's place in app.config.ts tabBar.list (首页, 消息, 我的). */
const INBOX_TAB = 1;
const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.inbox, ROUTES.me];

/** WeChat refuses tab bar calls on other pages; the next tab page shown sets the badge again. */
function quiet(error: unknown): void {
  console.debug('[badge] not set', error);
}

function apply(unread: number): void {
  const call = unread > 0 ? Taro.setTabBarBadge({ index: INBOX_TAB, text: unread > 99 ? '99+' : String(unread) }) : Taro.removeTabBarBadge({ index: INBOX_TAB });
  // Taro returns a promise on both platforms; guard anyway so a platform without one cannot throw here.
  void Promise.resolve(call).catch(quiet);
}

let inFlight: Promise<void> | null = null;
/** Bumped by every count shown from elsewhere (the inbox), so an older call's answer does not overwrite it. */
let generation = 0;

/** Show `unread` on the 消息 tab (99+ beyond 99), or no badge at all for 0: the inbox, from the list it read. */
export function showUnreadBadge(unread: number): void {
  generation += 1;
  apply(unread);
}

/**
 * Ask `notices.unread` and show the answer (tab pages, when they show). The app's show and the first tab page's
 * show come together: calls made while one is under way share it, so that is one call, not two.
 */
export function refreshUnreadBadge(): Promise<void> {
  if (!isSignedIn()) {
    apply(0);
    return Promise.resolve();
  }
  const asked = generation;
  inFlight ??= callFunction('notices', 'unread')
    .then((reply) => {
      if (asked !== generation) return;
      // Offline: keep what is shown. Refused (not bound yet, account removed): no badge.
      if (reply.ok) apply(reply.data.unread);
      else if (reply.error.code !== 'NETWORK') apply(0);
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/**
 * The app comes to the foreground: refresh when a tab page is on screen (or none yet, at launch). On any other page
 * the badge cannot be set, and the next tab page shown refreshes it.
 */
export function refreshUnreadBadgeOnAppShow(): void {
  const pages = Taro.getCurrentPages();
  const route = pages.length > 0 ? pages[pages.length - 1].route : undefined;
  if (route && !TAB_ROUTES.includes(`/${route.replace(/^\//, '')}`)) return;
  void refreshUnreadBadge();
}
