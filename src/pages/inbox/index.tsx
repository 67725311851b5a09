import { View } from '@tarojs/components';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { NOTICES_PAGE_SIZE, useNotices } from '@/hooks/useNotices';
import { whenText } from '@/services/format';
import { ROUTES } from '@/services/routes';
import './index.scss';

/**
 * 消息: the in-app inbox. WeChat subscribe messages are one-off and may be declined, so every notice also lands
 * here: sign-ups, waitlist promotions, changed or cancelled events. Notices belong to an account, so an unbound
 * caller is asked to bind first (as every service does).
 */
export default function InboxPage() {
  return (
    <Page path={ROUTES.inbox}>
      {() => <Inbox />}
    </Page>
  );
}

function Inbox() {
  const n = useNotices();
  return (
    <CallView call={n.list} loadingText='正在读取消息…'>
      {(data) =>
        data.total === 0 ? (
          <EmptyState title='暂无消息' note='工会的通知和您办理事项的进度会显示在这里。' />
        ) : (
          <>
            <View className='inbox__head'>
              <View className='inbox__count'>{n.unread > 0 ? `${n.unread} 条未读` : '没有未读消息'}</View>
            </View>
            {n.unread > 0 && <ActionButton kind='secondary' text={n.readingAll ? '正在标记…' : '全部已读'} disabled={n.readingAll} onClick={() => void n.readAll()} />}
            <ErrorNotice error={n.error} />
            <View className='inbox__list'>
              {data.items.map((item) => {
                const read = n.isRead(item);
                return (
                  <View
                    key={item.id}
                    className={`inbox__item${read ? '' : ' inbox__item--unread'}`}
                    hoverClass='inbox__item--pressed'
                    ariaRole={item.link ? 'link' : 'button'}
                    ariaLabel={read ? item.title : `未读 ${item.title}`}
                    onClick={() => n.open(item)}
                  >
                    <View className='inbox__title-row'>
                      {!read && <View className='inbox__dot' />}
                      <View className='inbox__title'>{item.title}</View>
                    </View>
                    <View className='inbox__body'>{item.body}</View>
                    <View className='inbox__meta'>
                      <View>{whenText(item.at)}</View>
                      {item.link && <View className='inbox__more'>查看 ›</View>}
                    </View>
                  </View>
                );
              })}
            </View>
            <Pager page={n.page} pageSize={NOTICES_PAGE_SIZE} total={data.total} onChange={n.setPage} />
          </>
        )
      }
    </CallView>
  );
}
