import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { yuanText } from '@/core/money';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { EmptyState } from '@/components/EmptyState';
import { LinkRow } from '@/components/LinkRow';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { useCall } from '@/hooks/useCall';
import { ROUTES, withQuery } from '@/services/routes';
import { whenText } from '../../format';
import '../../components/hardship.scss';

const PAGE_SIZE = 20;

/** 困难帮扶: what the union offers this year, 申请帮扶, the member's own applications, the 公示 and their file. */
export default function HardshipPage() {
  return <Page path={ROUTES.hardship}>{() => <HardshipHome />}</Page>;
}

function HardshipHome() {
  const [page, setPage] = useState(1);
  const setup = useCall('hardship', 'setup');
  const mine = useCall('hardship', 'mine', { payload: { page, pageSize: PAGE_SIZE }, reloadOnShow: true });
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <>
      <CallView call={setup} loadingText='正在读取…'>
        {(data) => {
          const offered = data.kinds.filter((k) => k.offered);
          return (
            <Card title='帮扶项目'>
              {offered.map((k) => (
                <View key={k.kind} className='hs-entry'>
                  <View className='hs-entry__name'>{k.label}</View>
                  <View className='hs-entry__meta'>
                    {k.note}
                    {k.capFen !== null ? `。本年度每次不超过 ${yuanText(k.capFen)}` : ''}
                  </View>
                </View>
              ))}
              {offered.length === 0 && <View className='hs-note'>本年度工会政策尚未设置帮扶项目。</View>}
              {offered.length > 0 && <ActionButton text='申请帮扶' onClick={() => go(ROUTES.hardshipApply)} />}
            </Card>
          );
        }}
      </CallView>
      <CallView call={mine} loadingText='正在读取您的申请…'>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title='还没有帮扶申请' note='申请只有您本人和负责帮扶审核的工会工作人员可以看到。' />
          ) : (
            <Card title='我的申请'>
              {data.items.map((r) => (
                <LinkRow key={r.id} title={`${r.kindLabel} · ${r.statusLabel}`} note={r.submittedAt ? `${whenText(r.submittedAt)}提交` : '草稿，尚未提交'} onClick={() => go(withQuery(ROUTES.hardshipApplication, { id: r.id }))} />
              ))}
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
            </Card>
          )
        }
      </CallView>
      <Card title='更多'>
        <LinkRow title='帮扶公示' note='正在公示的帮扶，可以提出异议' onClick={() => go(ROUTES.hardshipPublicity)} />
        <LinkRow title='我的困难职工档案' note='家庭的困难类别、历次帮扶和年度复核' onClick={() => go(ROUTES.hardshipMyFile)} />
      </Card>
    </>
  );
}
