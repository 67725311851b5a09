import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { RELATION_LABELS } from '@/core/domain/hardship';
import { yuanText } from '@/core/money';
import { ActionButton } from '@/components/ActionButton';
import { Attachments, FilesField } from '@/components/Files';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FormField, TextArea } from '@/components/Form';
import { InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { queryParam, ROUTES, withQuery } from '@/services/routes';
import { NEXT_STEP, outcomeText, STEP_TEXT, whenText } from '../../format';
import { useMemberApplication } from '../../hooks/useMemberApplication';
import '../../components/hardship.scss';

/** 我的帮扶申请 (?id=…): where it stands, what was asked and answered, the outcome; 补充材料, 撤回, or the draft's 继续填写. */
export default function ApplicationPage() {
  const id = queryParam(useRouter().params, 'id');
  return <Page path={ROUTES.hardshipApplication}>{({ openid }) => (id ? <Application id={id} openid={openid} /> : <EmptyState title='没有找到这份申请' note='请从「困难帮扶」的“我的申请”中打开。' />)}</Page>;
}

function Application({ id, openid }: { id: string; openid: string }) {
  const h = useMemberApplication(openid, id);
  return (
    <CallView call={h.view} loadingText='正在读取申请…'>
      {(a) => {
        const next = NEXT_STEP[a.status];
        const outcome = outcomeText(a);
        const open = a.requests.at(-1);
        return (
          <>
            <Card title={`${a.kindLabel}申请`}>
              <InfoRow label='状态'>{a.statusLabel}</InfoRow>
              {a.submittedAt && <InfoRow label='提交时间'>{whenText(a.submittedAt)}</InfoRow>}
              {next && <View className='hs-note'>{next}</View>}
              {outcome && <Notice tone='ok'>{outcome}</Notice>}
              {a.status === 'rejected' && <Notice tone='warn'>{a.steps.at(-1)?.note || '经审核未通过。'}</Notice>}
            </Card>

            {a.can.includes('supplement') && open && (
              <Card title='请补充材料'>
                <Notice tone='info' title='工作人员的要求'>
                  {open.message}
                </Notice>
                <FormField label='说明' required error={h.more.errors.text}>
                  <TextArea value={h.more.values.text} onChange={(x) => h.more.set('text', x)} placeholder='例如：已上传近三个月的收入证明' limit={500} />
                </FormField>
                <FilesField label='补充的材料' uploads={h.uploads} error={h.more.errors.files} />
                {h.more.error && <Notice tone='error'>{h.more.error.message}</Notice>}
                <ActionButton text={h.busy ? '请稍候…' : '提交补充材料'} disabled={h.busy} onClick={() => void h.sendMore()} />
              </Card>
            )}

            <Card title='办理经过'>
              {a.steps.map((s, i) => (
                <InfoRow key={i} label={STEP_TEXT[s.status]}>
                  {whenText(s.at)}
                  {s.note ? `：${s.note}` : ''}
                </InfoRow>
              ))}
            </Card>

            <Card title='申请内容'>
              {a.facts.household.map((m, i) => (
                <InfoRow key={i} label={RELATION_LABELS[m.relation]}>{`${m.name}，${m.age} 岁，月收入 ${yuanText(m.monthlyIncomeFen)}`}</InfoRow>
              ))}
              <InfoRow label='每月医疗支出'>{yuanText(a.facts.expenses.medicalFen)}</InfoRow>
              <InfoRow label='每月上学支出'>{yuanText(a.facts.expenses.schoolingFen)}</InfoRow>
              <InfoRow label='困难原因'>{a.facts.cause || '（未填写）'}</InfoRow>
              {a.selfCheck && <InfoRow label='自测（仅供参考）'>{a.selfCheck.label}</InfoRow>}
              <Attachments items={a.documents} />
            </Card>

            {a.can.includes('save') && <ActionButton text='继续填写' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.hardshipApply, { id: a.id }) })} />}
            {a.can.includes('withdraw') && <ActionButton text={a.status === 'draft' ? '放弃草稿' : '撤回申请'} kind='secondary' disabled={h.busy} onClick={() => void h.takeBack(a.status === 'draft')} />}
            <ErrorNotice error={h.error} />
          </>
        );
      }}
    </CallView>
  );
}
