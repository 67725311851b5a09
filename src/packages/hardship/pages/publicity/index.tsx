import { useState } from 'react';
import { View } from '@tarojs/components';
import { yuanText } from '@/core/money';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { EmptyState } from '@/components/EmptyState';
import { FormField, TextArea } from '@/components/Form';
import { InlineButton } from '@/components/InlineButton';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { ROUTES } from '@/services/routes';
import { periodText } from '../../format';
import { useMemberPublicity } from '../../hooks/useMemberPublicity';
import '../../components/hardship.scss';

const PAGE_SIZE = 20;

/** 帮扶公示: who is to receive aid (姓氏加*, department, kind, amount) while the 公示 runs; 提出异议 privately. */
export default function PublicityPage() {
  return <Page path={ROUTES.hardshipPublicity}>{() => <Publicity />}</Page>;
}

function Publicity() {
  const [page, setPage] = useState(1);
  const p = useMemberPublicity(page, PAGE_SIZE);
  return (
    <CallView call={p.list} loadingText='正在读取公示…'>
      {(data) =>
        data.items.length === 0 ? (
          <EmptyState title='目前没有帮扶公示' note='工会审批通过的帮扶会在这里公示，公示期满后不再显示。' />
        ) : (
          <>
            <Notice tone='info'>以下帮扶已经工会审核通过，正在公示。公示只显示姓氏、部门、类别和金额。如有异议，请在公示期内提出，只有帮扶审核人员能看到。</Notice>
            <Card title={`正在公示（${data.total} 项）`}>
              {data.items.map((e) => (
                <View key={e.entryId} className='hs-entry'>
                  <View className='hs-entry__line'>
                    <View className='hs-entry__name'>{e.maskedName}</View>
                    <View className='hs-entry__amount'>{yuanText(e.amountFen)}</View>
                  </View>
                  <View className='hs-entry__meta'>{`${e.department} · ${e.kindLabel} · 公示期 ${periodText(e.period)}`}</View>
                  {p.sent.includes(e.entryId) ? (
                    <View className='hs-entry__meta'>已提交异议，工会正在核实</View>
                  ) : p.objecting === e.entryId ? (
                    <>
                      <FormField label='异议' required hint='请写明事实和理由' error={p.form.errors.text}>
                        <TextArea value={p.form.values.text} onChange={(x) => p.form.set('text', x)} placeholder='例如：据我所知其家庭另有收入' limit={500} />
                      </FormField>
                      {p.form.error && <Notice tone='error'>{p.form.error.message}</Notice>}
                      <ActionButton text={p.busy ? '正在提交…' : '提交异议'} disabled={p.busy} onClick={() => void p.send()} />
                      <InlineButton text='不提了' onClick={() => p.open(null)} />
                    </>
                  ) : (
                    <InlineButton text='提出异议' onClick={() => p.open(e.entryId)} />
                  )}
                </View>
              ))}
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
            </Card>
          </>
        )
      }
    </CallView>
  );
}
