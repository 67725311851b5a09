import { useState } from 'react';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { EmptyState } from '@/components/EmptyState';
import { LinkRow } from '@/components/LinkRow';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { useCall } from '@/hooks/useCall';
import { dayZh } from '@/core/time';
import { ROUTES, withQuery } from '@/services/routes';

/** 节日慰问品 (officers): the union's batches, newest first, and a new one. */
export default function GiftBatchesPage() {
  return <Page path={ROUTES.giftBatches}>{() => <Batches />}</Page>;
}

function Batches() {
  const [page, setPage] = useState(1);
  const list = useCall('gifts', 'batchList', { payload: { page, pageSize: 20 }, reloadOnShow: true });
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <>
      <ActionButton text='新建慰问品批次' note='选择节日，设置礼品、领取地点和截止日期' onClick={() => go(ROUTES.giftBatchAdmin)} />
      <CallView call={list} loadingText='正在读取批次…'>
        {(data) =>
          data.total === 0 ? (
            <EmptyState title='还没有慰问品批次' note='端午、中秋、春节前新建批次，开放后会员即可选择' />
          ) : (
            <>
              {data.items.map((b) => (
                <LinkRow key={b.id} title={b.title} note={`${b.holidayLabel} ${dayZh(b.holidayDate)} · ${b.statusLabel} · ${b.optionCount} 种礼品`} onClick={() => go(withQuery(ROUTES.giftBatchAdmin, { id: b.id }))} />
              ))}
              <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
            </>
          )
        }
      </CallView>
    </>
  );
}
