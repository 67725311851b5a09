import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ReferralView } from '@/core/contracts/hardship';
import { yuanText } from '@/core/money';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Attachments } from '@/components/Files';
import { ChoiceField, FormField, TextArea, TextInput } from '@/components/Form';
import { Badge, InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { queryParam, ROUTES } from '@/services/routes';
import { useReferral } from '../../hooks/useReferral';
import { momentText, referralTone, ruleText } from '../../reviewFormat';
import { DECIDE_OPTIONS } from '../../reviewForms';
import '../manage.scss';

/** 大病关爱推荐详情 (?id=…): the package a union referred, and the 工委's decision — approve an amount, or decline. */
export default function ReferralPage() {
  const id = queryParam(useRouter().params, 'id');
  return <Page path={ROUTES.hardshipReferral}>{() => (id ? <Referral id={id} /> : <EmptyState title='没有找到这份推荐' note='请从「大病关爱推荐」中打开。' />)}</Page>;
}

function Referral({ id }: { id: string }) {
  const r = useReferral(id);
  return (
    <CallView call={r.view} loadingText='正在读取推荐材料…'>
      {() => (r.shown ? <ReferralBody x={r.shown} r={r} /> : null)}
    </CallView>
  );
}

function ReferralBody({ x, r }: { x: ReferralView; r: ReturnType<typeof useReferral> }) {
  return (
    <>
      <Card title='推荐材料' extra={<Badge tone={referralTone(x.status)} text={x.statusLabel} />}>
        <InfoRow label='推荐工会'>{x.unionName}</InfoRow>
        <InfoRow label='申请人'>{x.name}</InfoRow>
        <InfoRow label='部门'>{x.department || '未登记'}</InfoRow>
        <InfoRow label='患者'>{x.patient || '未填写'}</InfoRow>
        <InfoRow label='家庭人口'>{`${x.householdSize} 人`}</InfoRow>
        <InfoRow label='人均月收入'>{`${yuanText(x.perCapitaFen)}（已扣除刚性支出）`}</InfoRow>
        <InfoRow label='每月医疗支出'>{yuanText(x.medicalFen)}</InfoRow>
      </Card>

      <Card title='困难原因'>
        <View className='hs-text'>{x.cause || '未填写'}</View>
      </Card>

      <Card title='入户走访情况'>
        <View className='hs-text'>{x.findings || '未填写'}</View>
      </Card>

      <Card title='推荐意见'>
        <View className='hs-text'>{x.recommendation}</View>
        <View className='hs-gap' />
        <InfoRow label='建议金额'>{yuanText(x.suggestedFen)}</InfoRow>
        <InfoRow label='推荐人'>{`${x.referredBy}，${momentText(x.referredAt)}`}</InfoRow>
      </Card>

      <Card title='证明材料'>{x.documents.length > 0 ? <Attachments items={x.documents} /> : <View className='hs-note'>没有证明材料。</View>}</Card>

      {x.decision && (
        <Card title='工委决定'>
          {x.status === 'approved' && <InfoRow label='批准金额'>{`${yuanText(x.decision.amountFen)}，已发放`}</InfoRow>}
          <InfoRow label='决定理由'>{x.decision.reason}</InfoRow>
          <InfoRow label='决定人'>{`${x.decision.by}，${momentText(x.decision.at)}`}</InfoRow>
        </Card>
      )}

      {x.can.includes('decide') && <DecideCard x={x} r={r} />}
    </>
  );
}

function DecideCard({ x, r }: { x: ReferralView; r: ReturnType<typeof useReferral> }) {
  const f = r.form;
  const rule = ruleText(x.rule, '大病关爱');
  return (
    <Card title='工委决定'>
      {rule && x.rule ? (
        <Notice tone='info' title={rule}>
          依据：{x.rule.source || '未注明'}
        </Notice>
      ) : (
        <Notice tone='warn'>本工委本年度政策没有大病关爱项目，批准发放会被拒绝。请先在「年度政策」中设置。</Notice>
      )}
      <FormField label='决定' required error={f.errors.outcome}>
        <ChoiceField options={DECIDE_OPTIONS} value={f.values.outcome} onChange={(v) => f.set('outcome', v)} />
      </FormField>
      {f.values.outcome === 'approve' && (
        <FormField label='批准金额（元）' required hint={`建议金额 ${yuanText(x.suggestedFen)}；批准后由本工委经费立即发放`} error={f.errors.amount}>
          <TextInput type='digit' value={f.values.amount} onChange={(v) => f.set('amount', v)} placeholder='例如 10000' maxlength={12} />
        </FormField>
      )}
      {f.values.outcome && (
        <FormField label='决定理由' required hint={`${x.unionName}和申请人会看到决定理由`} error={f.errors.reason}>
          <TextArea value={f.values.reason} onChange={(v) => f.set('reason', v)} placeholder={f.values.outcome === 'approve' ? '例如：符合大病关爱条件，按本工委标准批准' : '例如：本年度已获大病关爱，不再重复救助'} limit={200} />
        </FormField>
      )}
      <ErrorNotice error={f.error} listIssues titles={{ POLICY_REFUSED: '不符合本工委经费使用规定，没有发放', NOT_ALLOWED: '现在不能决定' }} />
      <ActionButton text={r.busy ? '请稍候…' : '提交决定'} disabled={r.busy} onClick={() => void r.submit()} />
    </Card>
  );
}
