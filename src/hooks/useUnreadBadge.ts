import { useEffect } from 'react';
import { useDidShow } from '@tarojs/taro';
import { refreshUnreadBadge } from '@/services/unreadBadge';
import { useSession } from './useSession';

/**
 * A tab page (首页, 我的) keeps the 消息 tab's unread badge current: when it shows, and when the signed-in account
 * changes (H5 demo sign-in). The inbox sets the badge from its own list instead (useNotices).
 */
export function useUnreadBadge(): void {
  const { session } = useSession();
  const account = session?.openid ?? '';
  useEffect(() => {
    void refreshUnreadBadge();
  }, [account]);
  useDidShow(() => {
    void refreshUnreadBadge();
  });
}
