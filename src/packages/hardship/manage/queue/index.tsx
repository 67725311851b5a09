import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ApplicationRow } from '@/core/contracts/hardship';
import { CallView } from '@/components/CallView';
import { EmptyState } from '@/components/EmptyState';
import { Badge } from '@/components/InfoRow';
import { LinkRow } from '@/components/LinkRow';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { Tabs } from '@/components/Tabs';
import { ROUTES, withQuery } from '@/services/routes';
import { QUEUE_PAGE_SIZE, useManageQueue } from '../../hooks/useManageQueue';
import { EMPTY_QUEUE, momentText, QUEUE_TABS, statusTone } from '../../reviewFormat';
import '../manage.scss';

/** 帮扶审核: the union's applications — 待办 (oldest submitted first) / 公示中 / 已办结 / 全部; the files and the settings. */
export default function QueuePage() {
  return <Page path={ROUTES.hardshipQueue}>{() => <Queue />}</Page>;
}

function Queue() {
  const q = useManageQueue();
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <>
      <Tabs options={QUEUE_TABS} value={q.stage} onChange={q.setStage} />
      <View className='hs-gap' />
      <CallView call={q.list} loadingText='正在读取申请…'>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={EMPTY_QUEUE[q.stage].title} note={EMPTY_QUEUE[q.stage].note || undefined} />
          ) : (
            <>
              <View className='hs-note'>共 {data.total} 份</View>
              {data.items.map((r) => (
                <Row key={r.id} row={r} onOpen={() => go(withQuery(ROUTES.hardshipReview, { id: r.id }))} />
              ))}
              <Pager page={q.page} pageSize={QUEUE_PAGE_SIZE} total={data.total} onChange={q.setPage} />
            </>
          )
        }
      </CallView>
      <View className='hs-gap' />
      <LinkRow title='困难职工档案' note='每户一份档案，年度复核、脱困，导出 Excel' onClick={() => go(ROUTES.hardshipFiles)} />
      <LinkRow title='帮扶设置' note='当地低保标准（会员自测用）、公示天数' onClick={() => go(ROUTES.hardshipSettings)} />
    </>
  );
}

function Row({ row, onOpen }: { row: ApplicationRow; onOpen: () => void }) {
  return (
    <View className='hs-row' hoverClass='hs-row--pressed' ariaRole='link' ariaLabel={`${row.kindLabel} ${row.applicantName}`} onClick={onOpen}>
      <View className='hs-row__main'>
        <View className='hs-row__title'>{row.kindLabel}</View>
        <View className='hs-badges'>
          <Badge tone={statusTone(row.status)} text={row.statusLabel} />
        </View>
        <View className='hs-row__meta'>
          {row.applicantName}
          {row.department ? ` · ${row.department}` : ''}
        </View>
        {row.submittedAt && <View className='hs-row__meta'>{momentText(row.submittedAt)}提交</View>}
      </View>
      <View className='hs-row__chevron'>›</View>
    </View>
  );
}
