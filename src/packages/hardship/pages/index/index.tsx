import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { EmptyState } from '@/components/EmptyState';
import { InfoRow } from '@/components/InfoRow';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { useCall } from '@/hooks/useCall';
import { yuanText } from '@/core/money';
import { dayZh, formatDateTimeZh } from '@/core/time';
import { queryParam, ROUTES } from '@/services/routes';

const PAGE_SIZE = 20;

/**
 * 困难帮扶: the kinds of aid this year's policy offers and the member's own applications; opened from a notice
 * (?id=…), one application's course. The application form arrives with the rest of the area (issue 15).
 */
export default function HardshipPage() {
  const id = queryParam(useRouter().params, 'id');
  return <Page path={ROUTES.hardship}>{() => (id ? <OneApplication id={id} /> : <HardshipHome />)}</Page>;
}

function HardshipHome() {
  const [page, setPage] = useState(1);
  const setup = useCall('hardship', 'setup');
  const mine = useCall('hardship', 'mine', { payload: { page, pageSize: PAGE_SIZE }, reloadOnShow: true });
  return (
    <>
      <CallView call={setup} loadingText='正在读取…'>
        {(data) => (
          <Card title='帮扶项目'>
            {data.kinds
              .filter((k) => k.offered)
              .map((k) => (
                <InfoRow key={k.kind} label={k.label}>
                  {k.note}
                  {k.capFen !== null ? `（本年度每次最高 ${yuanText(k.capFen)}）` : ''}
                </InfoRow>
              ))}
            {data.kinds.every((k) => !k.offered) && <View>本年度工会政策尚未设置帮扶项目。</View>}
          </Card>
        )}
      </CallView>
      <CallView call={mine} loadingText='正在读取您的申请…'>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title='还没有帮扶申请' note='申请只有您本人和负责帮扶审核的工会工作人员可以看到。' />
          ) : (
            <Card title='我的申请'>
              {data.items.map((r) => (
                <InfoRow key={r.id} label={r.kindLabel}>
                  {r.statusLabel}
                  {r.submittedAt ? `，${formatDateTimeZh(new Date(r.submittedAt))}提交` : ''}
                </InfoRow>
              ))}
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
            </Card>
          )
        }
      </CallView>
    </>
  );
}

function OneApplication({ id }: { id: string }) {
  const one = useCall('hardship', 'get', { payload: { applicationId: id }, reloadOnShow: true });
  return (
    <CallView call={one} loadingText='正在读取申请…'>
      {(a) => (
        <Card title={`${a.kindLabel}申请`}>
          <InfoRow label='状态'>{a.statusLabel}</InfoRow>
          {a.outcome && <InfoRow label='帮扶金额'>{yuanText(a.outcome.amountFen)}</InfoRow>}
          {a.outcome?.publicity && <InfoRow label='公示期'>{`${dayZh(a.outcome.publicity.from)}至${dayZh(a.outcome.publicity.to)}`}</InfoRow>}
          {a.steps.map((s, i) => (
            <InfoRow key={i} label={s.label}>
              {formatDateTimeZh(new Date(s.at))}
              {s.note ? `：${s.note}` : ''}
            </InfoRow>
          ))}
        </Card>
      )}
    </CallView>
  );
}
