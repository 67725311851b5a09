import { useRouter } from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import type { EventDetail } from '@/core/contracts/events';
import { memberCheckinPayload, waitlistPlace } from '@/core/domain/events';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { ErrorNotice } from '@/components/ErrorNotice';
import { ChoiceField, FormField, SelectField, TextInput } from '@/components/Form';
import { Badge, InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { QrCode } from '../../components/QrCode';
import { useEventDetail } from '../../hooks/useEvents';
import { answerText } from '../../signup';
import { eventTimeText, isEventDay, seatsText } from '../../format';
import { dateTimeText } from '@/services/format';
import { queryParam, ROUTES } from '@/services/routes';
import './index.scss';

const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

/** 活动详情 (?id=): everything about one event, the member's own sign-up, and the form to join. */
export default function EventDetailPage() {
  const id = queryParam(useRouter().params, 'id');
  return (
    <Page path={ROUTES.eventDetail}>
      {() => (id ? <Detail id={id} /> : <Notice tone='error'>没有指定要查看的活动，请从活动列表进入。</Notice>)}
    </Page>
  );
}

type DetailState = ReturnType<typeof useEventDetail>;

function Detail({ id }: { id: string }) {
  const d = useEventDetail(id);
  return (
    <CallView call={d.detail} loadingText='正在读取活动…'>
      {(e) => {
        const mine = e.mySignup && e.mySignup.status !== 'cancelled' ? e.mySignup : null;
        return (
          <>
            {e.coverUrl && <Image className='detail__cover u-cover' src={e.coverUrl} mode='aspectFill' lazyLoad webp />}
            {e.status === 'cancelled' && <Notice tone='warn' title='活动已取消'>本活动已取消，取消原因已通过「消息」通知报名的会员。</Notice>}
            <Card title={e.title} extra={<Badge tone='primary' text={e.kindLabel} />}>
              <View className='detail__facts'>
                <InfoRow label='时间'>{eventTimeText(e.startsAt, e.endsAt)}</InfoRow>
                <InfoRow label='地点'>{e.place}</InfoRow>
                <InfoRow label='名额'>
                  {seatsText(e)}
                  {e.waitlistCount > 0 ? `，候补 ${e.waitlistCount} 人` : ''}
                </InfoRow>
                <InfoRow label='参加范围'>{e.audienceText}</InfoRow>
                {e.workMeal && <InfoRow label='用餐'>含工作餐</InfoRow>}
                <InfoRow label='报名时间'>
                  {dateTimeText(e.signupOpensAt)} 至 {dateTimeText(e.signupClosesAt)}
                </InfoRow>
                <InfoRow label='取消截止'>{dateTimeText(e.cancelDeadline)}</InfoRow>
              </View>
            </Card>
            {e.results !== '' && (
              <Card title='活动结果'>
                <View className='detail__text'>{e.results}</View>
              </Card>
            )}
            {e.description !== '' && (
              <Card title='活动说明'>
                <View className='detail__text'>{e.description}</View>
              </Card>
            )}
            {d.outcome && (
              <Notice tone={d.outcome.tone} title={d.outcome.text}>
                {d.outcome.eventTitle}
              </Notice>
            )}
            {mine && <MySignup event={e} d={d} />}
            {e.joinable ? (
              <SignupForm event={e} d={d} />
            ) : (
              !mine && e.reason && e.status !== 'cancelled' && <Notice tone='info'>{e.reason}</Notice>
            )}
          </>
        );
      }}
    </CallView>
  );
}

function MySignup({ event: e, d }: { event: EventDetail; d: DetailState }) {
  const s = e.mySignup;
  if (!s) return null;
  const confirmed = s.status === 'confirmed';
  const canCheckIn = confirmed && s.checkedInAt === null && e.status !== 'cancelled' && isEventDay(e.startsAt);
  return (
    <Card title='我的报名' extra={<Badge tone={confirmed ? 'ok' : 'warn'} text={confirmed ? '已报名' : `候补第 ${s.position ?? '-'} 位`} />}>
      {confirmed ? (
        <>
          {s.checkinCode && e.status !== 'cancelled' && new Date() < new Date(e.endsAt) && (
            <View className='detail__code-box'>
              <View className='detail__code-label'>我的签到码</View>
              <QrCode value={memberCheckinPayload(e.id, s.checkinCode)} code={s.checkinCode} label='我的签到二维码' codeClassName='detail__code' />
              <View className='detail__code-note'>到活动现场时出示此签到码，由工会干部扫码或输入数字签到。</View>
            </View>
          )}
          {s.checkedInAt && <Notice tone='ok' title='已签到'>签到时间：{dateTimeText(s.checkedInAt)}</Notice>}
        </>
      ) : (
        <>
          <View className='detail__position'>候补第 {s.position ?? '-'} 位</View>
          <View className='detail__note'>有人取消报名时，候补第一位的会员会自动补上空出的名额，并收到通知。</View>
        </>
      )}
      {s.seats > 1 && <InfoRow label='占用名额'>{`${s.seats} 个（含家属 ${s.seats - 1} 人）`}</InfoRow>}
      {e.extraFields.map((f) => {
        const text = answerText(f, s.answers[f.key]);
        return text === null ? null : (
          <InfoRow key={f.key} label={f.label}>
            {text}
          </InfoRow>
        );
      })}
      <InfoRow label='提交时间'>{dateTimeText(s.signedUpAt)}</InfoRow>

      {canCheckIn && (
        <View className='detail__checkin'>
          <FormField label='现场签到' hint={process.env.TARO_ENV === 'weapp' ? '扫描活动现场展示的签到二维码，或输入现场公布的签到码，即可自己完成签到' : '输入活动现场公布的签到码，即可自己完成签到'}>
            <TextInput value={d.code} onChange={d.setCode} placeholder='输入现场签到码' maxlength={12} onConfirm={() => void d.checkIn()} />
          </FormField>
          <ErrorNotice error={d.checkinError} />
          <ActionButton text={d.checkingIn ? '正在签到…' : '确认签到'} disabled={d.checkingIn || d.code.trim() === ''} onClick={() => void d.checkIn()} />
          {process.env.TARO_ENV === 'weapp' && <ActionButton kind='secondary' text='扫码签到' disabled={d.checkingIn} onClick={() => void d.scan()} />}
        </View>
      )}

      {e.cancellable && (
        <>
          <ErrorNotice error={d.cancelError} />
          <ActionButton kind='secondary' text={d.cancelling ? '正在取消…' : '取消报名'} disabled={d.cancelling} onClick={() => void d.cancel()} />
          <View className='detail__note detail__note--center'>取消截止：{dateTimeText(e.cancelDeadline)}</View>
        </>
      )}
    </Card>
  );
}

function SignupForm({ event: e, d }: { event: EventDetail; d: DetailState }) {
  const family = e.extraFields.find((f) => f.type === 'family');
  const familyCount = family ? Number(d.answers[family.key] ?? 0) : 0;
  // Where this sign-up would land now (the member and their family), told before the tap.
  const place = waitlistPlace(e, 1 + familyCount);
  return (
    <Card title='报名'>
      {e.mySignup?.status === 'cancelled' && <View className='detail__note detail__note--lead'>您曾取消本活动的报名，可以重新报名。</View>}
      {e.extraFields.map((f) => {
        const error = d.errors[f.key];
        if (f.type === 'choice') {
          const value = d.answers[f.key];
          return (
            <FormField key={f.key} label={f.label} required={f.required} error={error}>
              <SelectField options={f.options.map((o) => ({ value: o, label: o }))} value={typeof value === 'string' ? value : null} onChange={(v) => d.answer(f.key, v)} placeholder={`请选择${f.label}`} />
            </FormField>
          );
        }
        if (f.type === 'yesno') {
          const value = d.answers[f.key];
          return (
            <FormField key={f.key} label={f.label} required={f.required} error={error}>
              <ChoiceField options={YES_NO} value={typeof value === 'boolean' ? value : null} onChange={(v) => d.answer(f.key, v)} />
            </FormField>
          );
        }
        const counts = Array.from({ length: f.max + 1 }, (_, n) => ({ value: n, label: `${n} 人` }));
        const value = d.answers[f.key];
        return (
          <FormField key={f.key} label={`${f.label}（最多 ${f.max} 人，计入名额）`} error={error}>
            <ChoiceField options={counts} value={typeof value === 'number' ? value : 0} onChange={(v) => d.answer(f.key, v)} />
          </FormField>
        );
      })}
      {familyCount > 0 && <View className='detail__note'>本次报名共占 {1 + familyCount} 个名额（您本人和 {familyCount} 位家属）。</View>}
      {place !== null && (
        <Notice tone='warn' title={`现在报名将排在候补第 ${place} 位`}>
          {e.seatsLeft === 0 ? '名额已满。' : e.waitlistCount > 0 ? `已有 ${e.waitlistCount} 人在候补。` : `剩余名额不够 ${1 + familyCount} 人。`}有人取消时按顺序自动递补，并通知您。
        </Notice>
      )}
      <ErrorNotice error={d.error} titles={{ NOT_ALLOWED: '没有报名成功' }} />
      <ActionButton text={d.submitting ? '正在提交…' : place === null ? '提交报名' : `提交候补报名（第 ${place} 位）`} disabled={d.submitting} onClick={() => void d.submit()} />
    </Card>
  );
}
