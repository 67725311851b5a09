import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { RosterEntry } from '@/core/contracts/events';
import { eventCheckinPayload } from '@/core/domain/events';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { EmptyState } from '@/components/EmptyState';
import { DownloadOutcome } from '@/components/DownloadOutcome';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FormField, TextInput } from '@/components/Form';
import { Badge, InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { QrCode } from '../../components/QrCode';
import { Tabs } from '@/components/Tabs';
import { useEventRoster } from '../../hooks/useEventRoster';
import { entriesOf, type RosterTab } from '../../roster';
import { adminStatus, eventTimeText } from '../../format';
import { dateTimeText } from '@/services/format';
import { queryParam, ROUTES, withQuery } from '@/services/routes';
import { ButtonGrid } from '@/components/ButtonGrid';
import { InlineButton } from '@/components/InlineButton';
import { Results } from './Results';
import './index.scss';

const TABS: { value: RosterTab; label: string }[] = [
  { value: 'confirmed', label: '已确认' },
  { value: 'waitlisted', label: '候补' },
  { value: 'checkedIn', label: '已签到' },
  { value: 'cancelled', label: '已取消' },
];

const EMPTY_TEXT: Record<RosterTab, string> = {
  confirmed: '还没有会员报名',
  waitlisted: '没有候补的会员',
  checkedIn: '还没有会员签到',
  cancelled: '没有取消报名的会员',
};

/** 报名名单 (?id=): the live roster of one event, check-in at the door, export, edit, close, cancel. */
export default function EventRosterPage() {
  const id = queryParam(useRouter().params, 'id');
  return (
    <Page path={ROUTES.eventRoster}>
      {() => (id ? <Roster id={id} /> : <Notice tone='error'>没有指定活动，请从「文体活动」列表进入。</Notice>)}
    </Page>
  );
}

function Roster({ id }: { id: string }) {
  const r = useEventRoster(id);
  return (
    <CallView call={r.roster} loadingText='正在读取报名名单…'>
      {({ event: e, entries, counts, tallies, prizes, started, ended }) => {
        const status = adminStatus(e);
        const cancelled = e.status === 'cancelled';
        const canClose = e.status === 'open' && new Date() < new Date(e.signupClosesAt);
        const listed = entriesOf(entries, r.tab);
        return (
          <>
            <Card title={e.title} extra={<Badge tone={status.tone} text={status.text} />}>
              <View className='evroster__facts'>
                <InfoRow label='类型'>{e.kindLabel}</InfoRow>
                <InfoRow label='时间'>{eventTimeText(e.startsAt, e.endsAt)}</InfoRow>
                <InfoRow label='地点'>{e.place}</InfoRow>
                <InfoRow label='报名截止'>{dateTimeText(e.signupClosesAt)}</InfoRow>
                <InfoRow label='参加范围'>{e.audienceText}</InfoRow>
                {e.workMeal && <InfoRow label='用餐'>含工作餐</InfoRow>}
              </View>
            </Card>

            <ButtonGrid>
              <ActionButton text='编辑' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.eventEdit, { id: e.id }) })} />
              <ActionButton kind='secondary' text={r.exporter.busy ? '正在导出…' : '导出 Excel'} disabled={r.exporter.busy} onClick={() => void r.exporter.download({ eventId: e.id })} />
              {canClose && <ActionButton kind='secondary' text={r.closing ? '正在截止…' : '提前截止报名'} disabled={r.closing} onClick={() => void r.close()} />}
            </ButtonGrid>
            <DownloadOutcome download={r.exporter} />
            <ErrorNotice error={r.closeError} />

            <Card title='报名情况'>
              <View className='evroster__count'>
                已确认 {counts.confirmed} 人，占 {counts.seats} 个名额{e.capacity === null ? '（不限名额）' : `（共 ${e.capacity} 个）`}
              </View>
              <View className='evroster__count'>候补 {counts.waitlisted} 人</View>
              <View className='evroster__count'>已签到 {counts.checkedIn} 人</View>
              <View className='evroster__count'>已取消 {counts.cancelled} 人</View>
              <View className='evroster__count'>家属 {counts.family} 人</View>
              {tallies.map((t) => (
                <View key={t.key} className='evroster__tally'>
                  <View className='evroster__tally-label'>{t.label}</View>
                  <View className='evroster__tally-counts'>{t.counts.length === 0 ? '暂无' : t.counts.map((c) => `${c.option}:${c.count}`).join(' ')}</View>
                </View>
              ))}
            </Card>

            {!cancelled && (
              <Card title='现场签到'>
                <View className='evroster__code-box'>
                  <View className='evroster__code-label'>本活动现场签到码</View>
                  <QrCode value={eventCheckinPayload(e.id, e.eventCode)} code={e.eventCode} label='本活动现场签到二维码' size='large' codeClassName='evroster__code' />
                  <View className='evroster__note'>展示在活动现场，会员在「活动详情」中点「扫码签到」扫描二维码，或输入上面的数字，即可自己签到。</View>
                </View>
                <FormField label='为会员签到' hint='会员出示「我的活动」中的签到码，输入后点「签到」'>
                  <View className='evroster__checkin'>
                    <View className='evroster__input'>
                      <TextInput value={r.code} onChange={r.setCode} type='number' placeholder='输入会员签到码' maxlength={12} onConfirm={() => void r.checkIn()} />
                    </View>
                    <InlineButton text={r.checkingIn ? '签到中…' : '签到'} kind='primary' disabled={r.checkingIn} onClick={() => void r.checkIn()} />
                  </View>
                </FormField>
                {process.env.TARO_ENV === 'weapp' && <ActionButton kind='secondary' text='扫码签到' disabled={r.checkingIn} onClick={() => void r.scan()} />}
                {r.checkedIn && (
                  <Notice tone='ok' title={`已签到：${r.checkedIn.name}`}>
                    {[r.checkedIn.department, r.checkedIn.employeeNo, r.checkedIn.seats > 1 ? `共 ${r.checkedIn.seats} 人（含家属 ${r.checkedIn.seats - 1} 人）` : ''].filter(Boolean).join(' · ')}
                  </Notice>
                )}
                <ErrorNotice error={r.checkinError} titles={{ NOT_FOUND: '没有签到', NOT_ALLOWED: '没有签到', ALREADY_EXISTS: '已经签过到了' }} />
              </Card>
            )}

            <Tabs options={TABS} value={r.tab} onChange={r.setTab} />
            {listed.length === 0 ? (
              <EmptyState title={EMPTY_TEXT[r.tab]} />
            ) : (
              <View className='evroster__list'>
                {listed.map((entry) => (
                  <Entry key={entry.memberId} entry={entry} tab={r.tab} />
                ))}
              </View>
            )}

            {!cancelled && started && <Results event={e} entries={entries} prizes={prizes} onSaved={r.roster.refresh} />}

            {/* The function refuses to cancel once anyone has checked in or the event is over. */}
            {!cancelled && !ended && counts.checkedIn === 0 && (
              <Card title='取消本次活动'>
                <View className='evroster__note'>取消后会员不能再报名，已报名和候补的会员都会收到通知。取消后不能恢复。</View>
                <FormField label='取消原因' required hint='会写进给会员的通知'>
                  <TextInput value={r.reason} onChange={r.setReason} placeholder='例如：因天气原因，活动取消' maxlength={100} />
                </FormField>
                <ErrorNotice error={r.cancelError} />
                <ActionButton kind='secondary' text={r.cancelling ? '正在取消…' : '取消活动'} disabled={r.cancelling} onClick={() => void r.cancel()} />
              </Card>
            )}
          </>
        );
      }}
    </CallView>
  );
}

function Entry({ entry: x, tab }: { entry: RosterEntry; tab: RosterTab }) {
  return (
    <View className='evroster__entry'>
      <View className='evroster__entry-head'>
        <View className='evroster__name'>{x.name}</View>
        {tab === 'waitlisted' && x.position !== null && <Badge tone='warn' text={`候补第 ${x.position} 位`} />}
        {tab !== 'checkedIn' && x.checkedInAt && <Badge tone='ok' text='已签到' />}
      </View>
      <View className='evroster__meta'>
        {[x.department, `工号 ${x.employeeNo}`, x.seats > 1 ? `${x.seats} 个名额（含家属 ${x.seats - 1} 人）` : ''].filter(Boolean).join(' · ')}
      </View>
      {x.answersText && <View className='evroster__answers'>{x.answersText}</View>}
      <View className='evroster__meta'>{x.checkedInAt ? `签到时间：${dateTimeText(x.checkedInAt)}` : `报名时间：${dateTimeText(x.signedUpAt)}`}</View>
    </View>
  );
}
