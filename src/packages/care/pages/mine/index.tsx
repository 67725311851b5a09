import { useState } from 'react';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { useCall } from '@/hooks/useCall';
import { ROUTES, withQuery } from '@/services/routes';
import { CaseRowItem } from '../../components/CaseParts';
import '../../components/care.scss';

const PAGE_SIZE = 20;

/** 我的求助: what the member asked and reported (and reports about them), newest first, with status and due date. */
export default function MyCasesPage() {
  return <Page path={ROUTES.careMine}>{() => <MyCases />}</Page>;
}

function MyCases() {
  const [page, setPage] = useState(1);
  const mine = useCall('care', 'mine', { payload: { page, pageSize: PAGE_SIZE }, reloadOnShow: true });
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <CallView call={mine} loadingText='正在读取您的求助…'>
      {(data) =>
        data.items.length === 0 ? (
          <>
            <EmptyState title='还没有求助' note='提交求助、意见建议或即时关爱上报后，会显示在这里，可以随时查看办理进度。' />
            <ActionButton text='我要求助' onClick={() => void Taro.redirectTo({ url: ROUTES.careAsk })} />
          </>
        ) : (
          <>
            {data.items.map((r) => (
              <CaseRowItem key={r.id} row={r} onOpen={() => go(withQuery(ROUTES.careCase, { id: r.id }))} />
            ))}
            <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
          </>
        )
      }
    </CallView>
  );
}
