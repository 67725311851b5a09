import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { memberCheckinPayload } from '@/core/domain/events';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { EmptyState } from '@/components/EmptyState';
import { Badge } from '@/components/InfoRow';
import { Page } from '@/components/Page';
import { QrCode } from '../../components/QrCode';
import { useCall } from '@/hooks/useCall';
import { myStatusText } from '../../format';
import { dateTimeText } from '@/services/format';
import { ROUTES, withQuery } from '@/services/routes';
import { EventFacts } from '../../components/EventFacts';
import './index.scss';

/** 我的活动: the member's sign-ups, soonest first, each confirmed one with its check-in QR code and digits. */
export default function MyEventsPage() {
  return (
    <Page path={ROUTES.myEvents}>
      {() => <MyEvents />}
    </Page>
  );
}

function MyEvents() {
  // Back from a detail page where the member cancelled or checked in: the list shows it.
  const mine = useCall('events', 'mine', { reloadOnShow: true });
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <CallView call={mine} loadingText='正在读取您报名的活动…'>
      {(data) =>
        data.items.length === 0 ? (
          <>
            <EmptyState title='还没有报名的活动' note='在「文体活动」中报名后，活动和签到码会显示在这里。' />
            <ActionButton text='去看看文体活动' onClick={() => void Taro.redirectTo({ url: ROUTES.events })} />
          </>
        ) : (
          <>
            {data.items.map(({ event: e, signup: s }) => {
              const status = myStatusText(s) ?? '';
              const confirmed = s.status === 'confirmed';
              return (
                <View key={e.id} className='mine__card' hoverClass='mine__card--pressed' ariaRole='link' ariaLabel={e.title} onClick={() => go(withQuery(ROUTES.eventDetail, { id: e.id }))}>
                  <View className='mine__head'>
                    <View className='mine__title'>{e.title}</View>
                    <Badge tone={confirmed ? 'ok' : 'warn'} text={status} />
                  </View>
                  <EventFacts event={e} full={false} />
                  {e.status === 'cancelled' && <View className='mine__warn'>活动已取消</View>}
                  {confirmed && s.checkinCode && e.status !== 'cancelled' && (
                    <View className='mine__code-box'>
                      <View className='mine__code-label'>到现场出示签到码</View>
                      <QrCode value={memberCheckinPayload(e.id, s.checkinCode)} code={s.checkinCode} label='我的签到二维码' codeClassName='mine__code' />
                    </View>
                  )}
                  {s.checkedInAt && <View className='mine__done'>已签到 · {dateTimeText(s.checkedInAt)}</View>}
                  {s.status === 'waitlisted' && <View className='mine__note'>有人取消时，候补第一位自动补上并收到通知。</View>}
                  <View className='mine__more'>查看详情 ›</View>
                </View>
              );
            })}
          </>
        )
      }
    </CallView>
  );
}
