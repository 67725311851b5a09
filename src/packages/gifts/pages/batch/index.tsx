import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { MemberBatchView } from '@/core/contracts/giftsBatches';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { ChoiceField, FormField, TextInput } from '@/components/Form';
import { Badge, InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { useCall } from '@/hooks/useCall';
import { dayZh } from '@/core/time';
import { dateTimeText } from '@/services/format';
import { queryParam, ROUTES } from '@/services/routes';
import { WAY_TEXT } from '../../batchForm';
import { BatchOptions } from '../../components/BatchOptions';
import { ClaimCard } from '../../components/ClaimCard';
import { useGiftChoice } from '../../hooks/useGiftBatch';
import '../../components/GiftBatches.scss';

/** 选择慰问品 (?id=): where a batch's notice leads — the gifts, one tap to choose, the member's pickup code. */
export default function GiftBatchPage() {
  const id = queryParam(useRouter().params, 'id');
  return <Page path={ROUTES.giftBatch}>{() => (id ? <Batch id={id} /> : <Notice tone='error'>没有指定慰问品批次，请从「我的福利」进入。</Notice>)}</Page>;
}

function Batch({ id }: { id: string }) {
  const detail = useCall('gifts', 'claimBatch', { payload: { batchId: id }, reloadOnShow: true });
  return (
    <CallView call={detail} loadingText='正在读取慰问品…'>
      {(b) => <Choose key={JSON.stringify([b.mine?.optionId, b.mine?.way, b.mine?.placeId, b.mine?.address])} batch={b} onChanged={detail.refresh} />}
    </CallView>
  );
}

function Choose({ batch: b, onChanged }: { batch: MemberBatchView; onChanged: () => void }) {
  const c = useGiftChoice(b, onChanged);
  const ways = [...(b.places.length ? (['pickup'] as const) : []), ...(b.delivery ? (['delivery'] as const) : [])];
  const wayChanged = b.mine !== null && (c.values.way !== b.mine.way || (c.values.way === 'pickup' && c.values.placeId !== b.mine.placeId) || c.values.way === 'delivery');
  return (
    <>
      <Card title={b.title} extra={<Badge tone={b.mayChoose ? 'primary' : 'muted'} text={b.statusLabel} />}>
        <InfoRow label='节日'>{`${b.holidayLabel}（${dayZh(b.holidayDate, { weekday: true })}）`}</InfoRow>
        <InfoRow label='选择截止'>{dateTimeText(b.closesAt)}</InfoRow>
        <InfoRow label='领取截止'>{dayZh(b.pickupEndsOn, { weekday: true })}</InfoRow>
        {b.note !== '' && <View className='gift-note'>{b.note}</View>}
        <View className='gift-note'>{b.fallbackText}</View>
      </Card>
      {c.outcome && <Notice tone={c.outcome.tone}>{c.outcome.text}</Notice>}
      {b.mine && <ClaimCard claim={b.mine} />}
      {b.mayChoose && (
        <Card title='领取方式'>
          {ways.length > 1 && (
            <FormField label='怎么领'>
              <ChoiceField options={ways.map((w) => ({ value: w, label: WAY_TEXT[w] }))} value={c.values.way} onChange={(w) => c.set('way', w)} />
            </FormField>
          )}
          {c.values.way === 'pickup' && (
            <FormField label='领取地点' error={c.errors.placeId}>
              <ChoiceField options={b.places.map((p) => ({ value: p.id, label: `${p.name}（${p.times}）` }))} value={c.values.placeId} onChange={(p) => c.set('placeId', p)} />
            </FormField>
          )}
          {c.values.way === 'delivery' && (
            <>
              <FormField label='收件人' required error={c.errors.name}>
                <TextInput value={c.values.name} onChange={(v) => c.set('name', v)} placeholder='收件人姓名' maxlength={20} />
              </FormField>
              <FormField label='手机号' required error={c.errors.phone}>
                <TextInput value={c.values.phone} onChange={(v) => c.set('phone', v)} type='number' placeholder='11 位手机号' maxlength={11} />
              </FormField>
              <FormField label='送货地址' required hint='只有办理发放的工会干部能看到' error={c.errors.address}>
                <TextInput value={c.values.address} onChange={(v) => c.set('address', v)} placeholder='区、街道、门牌号' maxlength={100} />
              </FormField>
            </>
          )}
          {wayChanged && <ActionButton kind='secondary' text={c.busy ? '正在保存…' : '保存领取方式'} disabled={c.busy} onClick={() => void c.saveWay()} />}
        </Card>
      )}
      {c.error && <Notice tone='error'>{c.error.message}</Notice>}
      <Card title={b.mayChoose ? (b.mine ? '更换礼品（截止前可以更换）' : '请选择一份礼品') : '本次慰问品'}>
        <BatchOptions batch={b} busy={c.busy} onChoose={(o) => void c.pick(o)} />
      </Card>
    </>
  );
}
