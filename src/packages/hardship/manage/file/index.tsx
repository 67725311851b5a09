import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { FileView } from '@/core/contracts/hardship';
import { FILE_KEEP_YEARS } from '@/core/domain/hardship';
import { yuanText } from '@/core/money';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { ChoiceField, DateField, FormField, TextArea } from '@/components/Form';
import { Badge, InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { queryParam, ROUTES } from '@/services/routes';
import { useManageFile, type ManageFile } from '../../hooks/useManageFile';
import { HouseholdTable } from '../../components/HouseholdTable';
import { dayText, fileHouseholdLines, householdSummary, momentText } from '../../reviewFormat';
import { FILE_CATEGORY_OPTIONS, NOTE_LIMIT } from '../../reviewForms';
import '../manage.scss';

/** 档案详情 (?id=…): one household's file — household, aid received, yearly reviews — and its review or closing. */
export default function FilePage() {
  const id = queryParam(useRouter().params, 'id');
  return <Page path={ROUTES.hardshipFile}>{() => (id ? <OneFile id={id} /> : <EmptyState title='没有找到这份档案' note='请从「困难职工档案」中打开。' />)}</Page>;
}

function OneFile({ id }: { id: string }) {
  const m = useManageFile(id);
  return (
    <CallView call={m.view} loadingText='正在读取档案…'>
      {() => (m.shown ? <FileBody f={m.shown} m={m} /> : null)}
    </CallView>
  );
}

function FileBody({ f, m }: { f: FileView; m: ManageFile }) {
  const lines = fileHouseholdLines(f.household);
  const total = f.aids.reduce((sum, a) => sum + a.amountFen, 0);
  return (
    <>
      {f.overdue && <Notice tone='warn' title='年度复核已超期'>请核实家庭现状，在下方记录复核。</Notice>}
      <Card title={f.memberName} extra={<Badge tone={f.status === 'active' ? 'ok' : 'muted'} text={f.statusLabel} />}>
        <InfoRow label='部门'>{f.department || '未登记'}</InfoRow>
        <InfoRow label='困难类别'>{f.categoryLabel}</InfoRow>
        <InfoRow label='建档日期'>{dayText(f.openedOn)}</InfoRow>
        {f.reviewDue && <InfoRow label='下次复核'>{`${dayText(f.reviewDue)}${f.overdue ? '（已超期）' : ''}`}</InfoRow>}
        {f.closed && <InfoRow label='脱困日期'>{dayText(f.closed.on)}</InfoRow>}
        {f.closed && <InfoRow label='脱困原因'>{f.closed.reason}</InfoRow>}
        {f.keepUntil && <InfoRow label='保存至'>{`${dayText(f.keepUntil)}，期满删除`}</InfoRow>}
      </Card>

      <Card title='家庭成员'>
        {lines.length === 0 ? (
          <View className='hs-note'>尚未登记家庭成员：会员申请帮扶时填写的家庭成员会记入档案。</View>
        ) : (
          <>
            <HouseholdTable lines={lines} />
            <View className='hs-note'>{householdSummary(f.household)}</View>
          </>
        )}
      </Card>

      <Card title='帮扶记录'>
        {f.aids.length === 0 ? (
          <View className='hs-note'>尚无帮扶记录。</View>
        ) : (
          <>
            {f.aids.map((a, i) => (
              <InfoRow key={i} label={`${a.kindLabel}，${momentText(a.at)}`}>
                {yuanText(a.amountFen)}
              </InfoRow>
            ))}
            <InfoRow label='合计'>{`${f.aids.length} 次，${yuanText(total)}`}</InfoRow>
          </>
        )}
      </Card>

      <Card title='复核记录'>
        {f.reviews.length === 0 ? (
          <View className='hs-note'>还没有复核记录。</View>
        ) : (
          f.reviews.map((r, i) => (
            <View key={i} className='hs-item'>
              <View className='hs-item__head'>
                <View className='hs-item__who'>{r.by}</View>
                <View>{dayText(r.on)}</View>
              </View>
              <View className='hs-text'>{r.note}</View>
            </View>
          ))
        )}
      </Card>

      {f.can.includes('review') && <ReviewCard m={m} />}
      {f.can.includes('close') && <CloseCard f={f} m={m} />}
    </>
  );
}

function ReviewCard({ m }: { m: ManageFile }) {
  const r = m.forms.review;
  return (
    <Card title='年度复核'>
      <View className='hs-note'>核实家庭现状，按复核结果确定困难类别；下次复核在一年后。</View>
      <FormField label='复核后的困难类别' required error={r.errors.category}>
        <ChoiceField options={FILE_CATEGORY_OPTIONS} value={r.values.category} onChange={(x) => r.set('category', x)} />
      </FormField>
      <FormField label='复核情况' required error={r.errors.note}>
        <TextArea value={r.values.note} onChange={(x) => r.set('note', x)} placeholder='例如：电话回访并入户核实，配偶仍在治疗，家庭收入无明显变化' limit={NOTE_LIMIT} />
      </FormField>
      <ErrorNotice error={r.error} listIssues titles={{ FORBIDDEN: '需要回避' }} />
      <ActionButton text={m.busy ? '请稍候…' : '记录复核'} disabled={m.busy} onClick={() => void m.run.review()} />
    </Card>
  );
}

function CloseCard({ f, m }: { f: FileView; m: ManageFile }) {
  const c = m.forms.close;
  return (
    <Card title='脱困，关闭档案'>
      <View className='hs-note'>家庭已经脱离困难时关闭档案。关闭后不再列入名单和年度复核，保存 {FILE_KEEP_YEARS} 年后删除；以后再获帮扶时重新启用。</View>
      <FormField label='脱困日期' required error={c.errors.closedOn}>
        <DateField value={c.values.closedOn} onChange={(x) => c.set('closedOn', x)} start={f.openedOn} end={m.today} />
      </FormField>
      <FormField label='脱困原因' required error={c.errors.reason}>
        <TextArea value={c.values.reason} onChange={(x) => c.set('reason', x)} placeholder='例如：配偶病愈重新就业，家庭人均收入已高于当地低保标准的 2 倍' limit={200} />
      </FormField>
      <ErrorNotice error={c.error} listIssues titles={{ FORBIDDEN: '需要回避' }} />
      <ActionButton kind='secondary' text={m.busy ? '请稍候…' : '关闭档案'} disabled={m.busy} onClick={() => void m.run.close()} />
    </Card>
  );
}
