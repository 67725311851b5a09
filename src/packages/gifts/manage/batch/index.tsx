import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { AdminBatchView } from '@/core/contracts/giftsBatches';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { DownloadOutcome } from '@/components/DownloadOutcome';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FormField, TextInput } from '@/components/Form';
import { Badge, InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { useCall } from '@/hooks/useCall';
import { formatMoney } from '@/core/money';
import { dayZh } from '@/core/time';
import { currentYear, dateTimeText } from '@/services/format';
import { queryParam, ROUTES } from '@/services/routes';
import { BatchEditor } from '../../components/BatchEditor';
import { BatchTallies } from '../../components/BatchTallies';
import { useBatchAdmin } from '../../hooks/useBatchAdmin';
import { useBatchEditor } from '../../hooks/useBatchEditor';
import '../../components/GiftBatches.scss';

/** 慰问品批次 (?id=): a new batch (no id), or one batch — edit and open a draft; tallies, pickups, the list, the unpicked. */
export default function GiftBatchAdminPage() {
  const id = queryParam(useRouter().params, 'id');
  return <Page path={ROUTES.giftBatchAdmin}>{({ openid }) => (id ? <Batch id={id} openid={openid} /> : <New openid={openid} />)}</Page>;
}

function New({ openid }: { openid: string }) {
  const e = useBatchEditor(openid, currentYear(), null);
  return <BatchEditor e={e} editing={false} />;
}

function Batch({ id, openid }: { id: string; openid: string }) {
  const call = useCall('gifts', 'batchGet', { payload: { batchId: id }, reloadOnShow: true });
  return <CallView call={call} loadingText='正在读取批次…'>{(b) => <Loaded key={`${b.status}:${b.options.map((o) => o.id).join()}`} batch={b} openid={openid} refresh={call.refresh} />}</CallView>;
}

function Loaded({ batch: b, openid, refresh }: { batch: AdminBatchView; openid: string; refresh: () => void }) {
  const [editing, setEditing] = useState(false);
  const e = useBatchEditor(openid, b.year, b, () => {
    setEditing(false);
    refresh();
  });
  const a = useBatchAdmin(b, refresh);
  if (editing) return <BatchEditor e={e} editing />;
  return (
    <>
      <Card title={b.title} extra={<Badge tone={b.status === 'open' ? 'primary' : 'muted'} text={b.statusLabel} />}>
        <InfoRow label='节日'>{`${b.holidayLabel}（${dayZh(b.holidayDate, { weekday: true })}）`}</InfoRow>
        <InfoRow label='选择截止'>{dateTimeText(b.closesAt)}</InfoRow>
        <InfoRow label='领取截止'>{dayZh(b.pickupEndsOn, { weekday: true })}</InfoRow>
        <InfoRow label='礼品'>{b.options.map((o) => `${o.name} ${formatMoney(o.unitFen)}${o.stock === null ? '' : ` ×${o.stock}`}`).join('；')}</InfoRow>
        <InfoRow label='领取方式'>{[...b.places.map((p) => `${p.name}（${p.times}）`), ...(b.delivery ? ['送货上门'] : [])].join('；')}</InfoRow>
        <InfoRow label='未选择的会员'>{b.fallbackText}</InfoRow>
        {b.policyCapFen !== null && <InfoRow label='政策标准'>{`每人不超过 ${formatMoney(b.policyCapFen)}`}</InfoRow>}
      </Card>
      {b.can.includes('edit') && (
        <>
          <ErrorNotice error={a.open.error} />
          <ActionButton text={a.open.busy ? '正在开放…' : '开放选择并通知会员'} disabled={a.open.busy} onClick={() => void a.doOpen()} />
          <ActionButton kind='secondary' text='修改' onClick={() => setEditing(true)} />
        </>
      )}
      {b.status !== 'draft' && <BatchTallies batch={b} />}
      {b.can.includes('pickup') && (
        <Card title='登记领取'>
          <FormField label='领取码' hint='会员或家人出示的 8 位领取码'>
            <TextInput value={a.code} onChange={a.setCode} placeholder='例如 ABCD 2345' maxlength={20} onConfirm={() => void a.mark(a.code)} />
          </FormField>
          <ErrorNotice error={a.pickup.error} />
          {a.last && <Notice tone={a.last.tone}>{a.last.text}</Notice>}
          <ActionButton text={a.pickup.busy ? '正在登记…' : '登记领取'} disabled={a.pickup.busy} onClick={() => void a.mark(a.code)} />
          {process.env.TARO_ENV === 'weapp' && <ActionButton kind='secondary' text='扫码登记' disabled={a.pickup.busy} onClick={() => void a.scan()} />}
        </Card>
      )}
      {b.can.includes('export') && (
        <Card title='发放名单'>
          <View className='gift-note'>Excel 名单含每位会员的礼品、领取地点或送货地址和签名栏，可打印后现场签收。送货地址仅供发放使用。</View>
          <ErrorNotice error={a.list.error} />
          <DownloadOutcome download={a.list} />
          <ActionButton kind='secondary' text={a.list.busy ? '正在生成…' : '导出发放名单'} disabled={a.list.busy} onClick={() => void a.list.download({ batchId: b.id })} />
        </Card>
      )}
      {b.can.includes('unpicked') && (
        <CallView call={a.unpicked} loadingText='正在读取未领取名单…'>
          {(u) => (
            <Card title={`未领取（${u.total} 份）`}>
              {u.items.map((r) => (
                <InfoRow key={r.claimId} label={r.name}>{`${r.department} · ${r.optionName} · ${r.placeName || r.wayLabel}${r.byDefault ? ' · 默认发放' : ''}`}</InfoRow>
              ))}
              <Pager page={u.page} pageSize={u.pageSize} total={u.total} onChange={a.setPage} />
              {b.can.includes('reverseUnpicked') && u.total > 0 && (
                <>
                  <FormField label='收回原因'>
                    <TextInput value={a.reason} onChange={a.setReason} maxlength={200} />
                  </FormField>
                  <ErrorNotice error={a.reverse.error} />
                  <ActionButton kind='secondary' text={a.reverse.busy ? '正在收回…' : '收回未领取的礼品并结束'} disabled={a.reverse.busy} onClick={() => void a.doReverse()} />
                </>
              )}
              {!u.pickupEnded && <View className='gift-note'>领取截止后，可由工会决定是否收回未领取的礼品（在经费台账中冲正）。</View>}
            </Card>
          )}
        </CallView>
      )}
    </>
  );
}
