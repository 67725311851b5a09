import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CallView } from '@/components/CallView';
import { EmptyState } from '@/components/EmptyState';
import { SelectField, TextInput } from '@/components/Form';
import { InlineButton } from '@/components/InlineButton';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { Tabs } from '@/components/Tabs';
import { ROUTES, withQuery } from '@/services/routes';
import { CaseRowItem } from '../../components/CaseParts';
import { CATEGORY_FILTER, EMPTY_QUEUE, queueTabs } from '../../handling';
import { QUEUE_PAGE_SIZE, useQueue } from '../../hooks/useQueue';
import '../../components/care.scss';

/** 会员求助 (工会管理): 新收到 / 我处理的 / 即将到期 / 已超期 / 督办 / 全部, by category, searched by title. */
export default function QueuePage() {
  return <Page path={ROUTES.careQueue}>{() => <Queue />}</Page>;
}

function Queue() {
  const q = useQueue();
  const counts = q.list.status === 'ok' ? q.list.data.counts : null;
  const tabs = queueTabs(counts);
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <>
      {/* Six tabs: two rows of three, each large enough to tap. */}
      <View className='care-tabs'>
        <Tabs options={tabs.slice(0, 3)} value={q.view} onChange={q.setView} />
        <Tabs options={tabs.slice(3)} value={q.view} onChange={q.setView} />
      </View>
      <View className='care-search'>
        <View className='care-search__input'>
          <SelectField options={CATEGORY_FILTER} value={q.category} onChange={q.setCategory} />
        </View>
      </View>
      <View className='care-search'>
        <View className='care-search__input'>
          <TextInput value={q.text} onChange={q.setText} placeholder='按标题查找' maxlength={30} onConfirm={q.search} />
        </View>
        <InlineButton text='查找' kind='primary' onClick={q.search} />
        {q.q && <InlineButton text='清除' onClick={q.clearSearch} />}
      </View>
      <View className='care-gap' />
      <CallView call={q.list} loadingText='正在读取求助…'>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={q.q ? `没有标题含「${q.q}」的求助` : EMPTY_QUEUE[q.view]} />
          ) : (
            <>
              <View className='care-note'>共 {data.total} 件</View>
              {data.items.map((r) => (
                <CaseRowItem key={r.id} row={r} requester={r.requesterName} onOpen={() => go(withQuery(ROUTES.careHandle, { id: r.id }))} />
              ))}
              <Pager page={q.page} pageSize={QUEUE_PAGE_SIZE} total={data.total} onChange={q.setPage} />
            </>
          )
        }
      </CallView>
    </>
  );
}
