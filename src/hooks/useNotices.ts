import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { NoticeView } from '@/core/contracts/notices';
import { callFunction } from '@/services/cloud';
import { say } from '@/services/dialog';
import { ROUTES } from '@/services/routes';
import { showUnreadBadge } from '@/services/unreadBadge';
import { useAction } from './useAction';
import { useCall } from './useCall';

export const NOTICES_PAGE_SIZE = 20;

const TAB_PAGES: readonly string[] = [ROUTES.home, ROUTES.inbox, ROUTES.me];

/**
 * Open a notice's link: a full route with its query (e.g. an event's detail page). Tab pages take no query and
 * are switched to; a link to a page this version of the app does not have is said so instead of failing quietly.
 */
function openLink(link: string): void {
  const path = link.split('?')[0];
  if (TAB_PAGES.includes(path)) {
    void Taro.switchTab({ url: path });
    return;
  }
  Taro.navigateTo({ url: link }).catch((error: unknown) => {
    console.warn('[notices] cannot open', link, error);
    say('无法打开该页面，请更新小程序后再试');
  });
}

/**
 * 消息: the caller's notices, newest first (`notices.list`). Opening one marks it read (`notices.markRead`) and
 * follows its link; 全部已读 marks them all. A notice opened is shown read at once, before the function answers.
 */
export function useNotices() {
  const [page, setPage] = useState(1);
  // A tab page stays mounted: switching back to 消息 shows what arrived meanwhile.
  const list = useCall('notices', 'list', { payload: { page, pageSize: NOTICES_PAGE_SIZE }, reloadOnShow: true });
  const readAllAction = useAction('notices', 'markRead', { done: '已全部标为已读' });
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(() => new Set());

  const isRead = (n: NoticeView) => n.read || readHere.has(n.id);
  const unreadOnPage = list.status === 'ok' ? list.data.items.filter((n) => !n.read && readHere.has(n.id)).length : 0;
  const unread = list.status === 'ok' ? Math.max(0, list.data.unread - unreadOnPage) : 0;

  // The 消息 tab's badge follows the list (each load, a notice opened, 全部已读): no call of its own.
  const loaded = list.status === 'ok' ? list.data : null;
  useEffect(() => {
    if (loaded) showUnreadBadge(unread);
  }, [loaded, unread]);

  const open = (n: NoticeView) => {
    if (!isRead(n)) {
      setReadHere((s) => new Set(s).add(n.id));
      // Not through useAction: opening a second notice while the first is being marked must mark both.
      void callFunction('notices', 'markRead', { ids: [n.id] }).then((reply) => {
        if (!reply.ok) console.warn('[notices] markRead failed', reply.error);
      });
    }
    if (n.link) openLink(n.link);
  };

  const readAll = async () => {
    if (await readAllAction.run({ all: true })) list.refresh();
  };

  return { page, setPage, list, isRead, unread, open, readAll, readingAll: readAllAction.busy, error: readAllAction.error };
}
