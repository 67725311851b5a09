import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import type { EventAdminRow } from '@/core/contracts/events';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { EmptyState } from '@/components/EmptyState';
import { Badge } from '@/components/InfoRow';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { useCall } from '@/hooks/useCall';
import { adminStatus, eventTimeText } from '../../format';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

const PAGE_SIZE = 20;

/** 文体活动 (工会管理): every event of the union, newest first; 发布活动; each opens its 报名名单. */
export default function EventAdminPage() {
  return (
    <Page path={ROUTES.eventAdmin}>
      {() => <EventAdmin />}
    </Page>
  );
}

function EventAdmin() {
  const [page, setPage] = useState(1);
  // Back from publishing, editing or a roster: the counts are current.
  const list = useCall('events', 'adminList', { payload: { page, pageSize: PAGE_SIZE }, reloadOnShow: true });
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <>
      <ActionButton text='发布活动' onClick={() => go(ROUTES.eventEdit)} />
      <View className='evadmin__gap' />
      <CallView call={list} loadingText='正在读取活动…'>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title='还没有发布活动' note='点上方「发布活动」发布第一个文体活动，会员即可在小程序中报名。' />
          ) : (
            <>
              <View className='evadmin__count'>共 {data.total} 个活动</View>
              {data.items.map((e) => (
                <EventRow key={e.id} event={e} onOpen={() => go(withQuery(ROUTES.eventRoster, { id: e.id }))} />
              ))}
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
            </>
          )
        }
      </CallView>
    </>
  );
}

function EventRow({ event: e, onOpen }: { event: EventAdminRow; onOpen: () => void }) {
  const status = adminStatus(e);
  return (
    <View className='evadmin__row' hoverClass='evadmin__row--pressed' ariaRole='link' ariaLabel={e.title} onClick={onOpen}>
      {e.coverUrl && <Image className='evadmin__cover u-cover' src={e.coverUrl} mode='aspectFill' lazyLoad webp />}
      <View className='evadmin__main'>
        <View className='evadmin__head'>
          <View className='evadmin__title'>{e.title}</View>
          <Badge tone={status.tone} text={status.text} />
        </View>
        <View className='evadmin__meta'>
          {e.kindLabel} · {eventTimeText(e.startsAt, e.endsAt)}
        </View>
        <View className='evadmin__meta'>{e.place}</View>
        <View className='evadmin__numbers'>
          已确认 {e.confirmedCount} 人 · 名额 {e.capacity === null ? `${e.seatsTaken}（不限）` : `${e.seatsTaken}/${e.capacity}`} · 候补 {e.waitlistCount} 人
        </View>
      </View>
      <View className='evadmin__chevron'>›</View>
    </View>
  );
}
