import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { CallOutput } from '@/services/cloud';
import { can as holds } from '@/core/domain/roles';
import { yuanText } from '@/core/money';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { DownloadOutcome } from '@/components/DownloadOutcome';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { ChoiceField, FormField, TextArea } from '@/components/Form';
import { Badge } from '@/components/InfoRow';
import { InlineButton } from '@/components/InlineButton';
import { MemberPicker } from '@/components/MemberPicker';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { Tabs } from '@/components/Tabs';
import { queryParam, ROUTES, withQuery } from '@/services/routes';
import { FILES_PAGE_SIZE, useManageFiles } from '../../hooks/useManageFiles';
import { dayText, EMPTY_FILES, FILES_TABS, filesStageOf } from '../../reviewFormat';
import { FILE_CATEGORY_OPTIONS, NOTE_LIMIT } from '../../reviewForms';
import '../manage.scss';

type FileRow = CallOutput<'hardship', 'files'>['items'][number];

const go = (url: string) => void Taro.navigateTo({ url });

/** 困难职工档案: 在档 (by name) / 到期复核 (?stage=due, oldest due first); 导出 Excel; 为会员建档. */
export default function FilesPage() {
  const stage = filesStageOf(queryParam(useRouter().params, 'stage'));
  return <Page path={ROUTES.hardshipFiles}>{({ account }) => <Files initialStage={stage} mayOpen={holds(account.roles, 'roster.read')} />}</Page>;
}

/** `mayOpen`: the caller may search the roster (officers and the chair), which 为会员建档 needs to pick the member. */
function Files({ initialStage, mayOpen }: { initialStage: ReturnType<typeof filesStageOf>; mayOpen: boolean }) {
  const s = useManageFiles(initialStage);
  const busy = s.exporter.busy;
  return (
    <>
      <Tabs options={FILES_TABS} value={s.stage} onChange={s.setStage} />
      <View className='hs-gap' />
      <CallView call={s.list} loadingText='正在读取档案…'>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={EMPTY_FILES[s.stage].title} note={EMPTY_FILES[s.stage].note} />
          ) : (
            <>
              <View className='hs-note'>共 {data.total} 户</View>
              {data.items.map((f) => (
                <Row key={f.id} row={f} onOpen={() => go(withQuery(ROUTES.hardshipFile, { id: f.id }))} />
              ))}
              <Pager page={s.page} pageSize={FILES_PAGE_SIZE} total={data.total} onChange={s.setPage} />
            </>
          )
        }
      </CallView>

      <View className='hs-gap' />
      <ActionButton kind='secondary' text={busy ? '正在导出…' : '导出 Excel'} disabled={busy} onClick={s.download} />
      <View className='hs-note'>导出全部在档的困难职工档案（已脱困的不列入；您本人及家庭的档案不列入）。文件注明导出人，导出会记入审计日志，请妥善保管。</View>
      <DownloadOutcome download={s.exporter} />

      {mayOpen && <OpenFile s={s} />}
    </>
  );
}

function Row({ row, onOpen }: { row: FileRow; onOpen: () => void }) {
  return (
    <View className='hs-row' hoverClass='hs-row--pressed' ariaRole='link' ariaLabel={row.memberName} onClick={onOpen}>
      <View className='hs-row__main'>
        <View className='hs-row__title'>{row.memberName}</View>
        <View className='hs-badges'>
          <Badge tone='primary' text={row.categoryLabel} />
          {row.overdue && <Badge tone='warn' text='已超期' />}
        </View>
        {row.department && <View className='hs-row__meta'>{row.department}</View>}
        {row.reviewDue && <View className={row.overdue ? 'hs-row__late' : 'hs-row__meta'}>下次复核：{dayText(row.reviewDue)}</View>}
        <View className='hs-row__meta'>{row.aidCount > 0 ? `已帮扶 ${row.aidCount} 次，合计 ${yuanText(row.totalFen)}` : '尚无帮扶记录'}</View>
      </View>
      <View className='hs-row__chevron'>›</View>
    </View>
  );
}

/** 为会员建档: a household in hardship known before (or without) an application. */
function OpenFile({ s }: { s: ReturnType<typeof useManageFiles> }) {
  const o = s.fileOpen;
  const f = o.form;
  const submit = async () => {
    const file = await o.submit();
    if (file) go(withQuery(ROUTES.hardshipFile, { id: file.id }));
  };
  return (
    <Card title='为会员建档' extra={<InlineButton text={o.shown ? '收起' : '建档'} onClick={o.toggle} />}>
      {o.shown ? (
        <>
          <View className='hs-note'>不经申请，直接为困难会员建立档案（例如工会走访中了解到的困难家庭）。家庭成员在其申请帮扶时补充。</View>
          <FormField label='会员' required error={f.errors.member}>
            <MemberPicker value={f.values.member} onChange={(m) => f.set('member', m)} />
          </FormField>
          <FormField label='困难类别' required error={f.errors.category}>
            <ChoiceField options={FILE_CATEGORY_OPTIONS} value={f.values.category} onChange={(x) => f.set('category', x)} />
          </FormField>
          <FormField label='建档依据' required error={f.errors.note}>
            <TextArea value={f.values.note} onChange={(x) => f.set('note', x)} placeholder='例如：走访了解到，配偶长期患病，家庭人均收入低于低保标准' limit={NOTE_LIMIT} />
          </FormField>
          <ErrorNotice error={f.error} listIssues titles={{ ALREADY_EXISTS: '已有档案', FORBIDDEN: '需要回避' }} />
          <ActionButton text={o.busy ? '请稍候…' : '建立档案'} disabled={o.busy} onClick={() => void submit()} />
        </>
      ) : (
        <View className='hs-note'>帮扶审批通过后会自动建档；也可以为会员直接建档。</View>
      )}
    </Card>
  );
}
