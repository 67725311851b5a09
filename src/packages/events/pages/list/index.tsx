import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import type { EventCard } from '@/core/contracts/events';
import { CallView } from '@/components/CallView';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Badge } from '@/components/InfoRow';
import { LinkRow } from '@/components/LinkRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { Tabs } from '@/components/Tabs';
import { EVENTS_PAGE_SIZE, useEventList, type EventScope } from '../../hooks/useEvents';
import { quickSignupWords } from '../../signup';
import { myStatusText } from '../../format';
import { ROUTES, withQuery } from '@/services/routes';
import { EventFacts } from '../../components/EventFacts';
import './index.scss';

const SCOPES: { value: EventScope; label: string }[] = [
  { value: 'upcoming', label: '近期活动' },
  { value: 'past', label: '往期活动' },
];

/** 文体活动: the union's events; an event without questions is joined from its card in two taps. */
export default function EventListPage() {
  return (
    <Page path={ROUTES.events}>
      {() => <EventList />}
    </Page>
  );
}

function EventList() {
  const { scope, setScope, page, setPage, list, quick } = useEventList();
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <>
      <LinkRow title='我的活动' note='已报名的活动和签到码' onClick={() => go(ROUTES.myEvents)} />
      <Tabs options={SCOPES} value={scope} onChange={setScope} />
      {quick.outcome && (
        <Notice tone={quick.outcome.tone} title={quick.outcome.text}>
          {quick.outcome.eventTitle}
        </Notice>
      )}
      <ErrorNotice error={quick.error} titles={{ NOT_ALLOWED: '没有报名成功' }} />
      <CallView call={list} loadingText='正在读取活动…'>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={scope === 'upcoming' ? '近期没有活动' : '还没有往期活动'} note={scope === 'upcoming' ? '工会发布文体活动后，会显示在这里。' : undefined} />
          ) : (
            <View className='events__list'>
              {data.items.map((e) => (
                <EventItem key={e.id} event={e} busy={quick.busyId === e.id} onOpen={() => go(withQuery(ROUTES.eventDetail, { id: e.id }))} onSignup={() => void quick.signup(e)} />
              ))}
              <Pager page={page} pageSize={EVENTS_PAGE_SIZE} total={data.total} onChange={setPage} />
            </View>
          )
        }
      </CallView>
    </>
  );
}

interface EventItemProps {
  event: EventCard;
  busy: boolean;
  onOpen: () => void;
  onSignup: () => void;
}

/**
 * One event as a card: tapping it opens the detail page; its button signs up at once (报名, then 确认报名 in the
 * dialog; 候补报名 when the event is full) or, when the event asks questions, opens the form (填写报名). Why an
 * event cannot be joined is said in plain grey words, never as a button that does nothing.
 */
function EventItem({ event: e, busy, onOpen, onSignup }: EventItemProps) {
  const mine = myStatusText(e.mine);
  const words = quickSignupWords(e);
  return (
    <View className='events__card' hoverClass='events__card--pressed' ariaRole='link' ariaLabel={e.title} onClick={onOpen}>
      {e.coverUrl && <Image className='events__cover u-cover' src={e.coverUrl} mode='aspectFill' lazyLoad webp />}
      <View className='events__head'>
        <View className='events__title'>{e.title}</View>
        <Badge tone='primary' text={e.kindLabel} />
      </View>
      <EventFacts event={e} />
      {(mine || e.status === 'cancelled') && (
        <View className='events__badges'>
          {e.status === 'cancelled' && <Badge tone='muted' text='活动已取消' />}
          {mine && <Badge tone={e.mine?.status === 'confirmed' ? 'ok' : 'warn'} text={mine} />}
        </View>
      )}
      {e.joinable ? (
        <View
          className={`events__button${busy ? ' events__button--busy' : ''}`}
          hoverClass='events__button--pressed'
          ariaRole='button'
          onClick={(ev) => {
            // The card around the button opens the detail page; this tap is the button's alone.
            ev.stopPropagation();
            if (busy) return;
            if (e.hasQuestions) onOpen();
            else onSignup();
          }}
        >
          {busy ? '正在报名…' : e.hasQuestions ? (words.place === null ? '填写报名' : '填写候补报名') : words.button}
        </View>
      ) : (
        e.reason && <View className='events__reason'>{e.reason}</View>
      )}
    </View>
  );
}
