import { useState } from 'react';
import { View } from '@tarojs/components';
import { CallView } from '@/components/CallView';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { useCall } from '@/hooks/useCall';
import { dateTimeText } from '@/services/format';
import { ROUTES } from '@/services/routes';
import './index.scss';

const PAGE_SIZE = 20;

/** 审计日志: who did what, when, to whom — newest first. */
export default function AuditPage() {
  return (
    <Page path={ROUTES.audit}>
      {() => <AuditLog />}
    </Page>
  );
}

function AuditLog() {
  const [page, setPage] = useState(1);
  const log = useCall('members', 'auditList', { payload: { page, pageSize: PAGE_SIZE } });
  return (
    <CallView call={log} loadingText='正在读取日志…'>
      {(data) => (
        <>
          <View className='audit__count'>共 {data.total} 条，最新的在前</View>
          {data.items.length === 0 && <EmptyState title='还没有记录' />}
          {data.items.map((e) => (
            <View key={e.id} className='audit__entry'>
              <View className='audit__head'>
                <View className='audit__action'>{e.actionLabel}</View>
                <View className='audit__time'>{dateTimeText(e.at)}</View>
              </View>
              <View className='audit__line'>
                {e.actorName} → {e.targetLabel}
              </View>
              {e.summary && <View className='audit__summary'>{e.summary}</View>}
            </View>
          ))}
          <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
        </>
      )}
    </CallView>
  );
}
