import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ReviewView } from '@/core/contracts/hardship';
import { yuanText } from '@/core/money';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Attachments, FilesField } from '@/components/Files';
import { ChoiceField, DateField, FormField, TextArea, TextInput } from '@/components/Form';
import { Badge, InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { queryParam, ROUTES } from '@/services/routes';
import { HouseholdTable } from '../../components/HouseholdTable';
import { useManageResolve, useManageReview, type ManageReview } from '../../hooks/useManageReview';
import { consentLines, expenseLines, householdLines, householdSummary, momentText, patientText, periodText, referralTone, ruleText, schoolText, statusTone, dayText } from '../../reviewFormat';
import {
  CHECK_MESSAGE,
  CHECK_MESSAGE_LIMIT,
  CHECK_OPTIONS,
  FOUND_LIMIT,
  NOTE_LIMIT,
  RECOMMENDATION_LIMIT,
  RESOLVE_OPTIONS,
  VISITORS_LIMIT,
  visitRange,
  MAX_VISIT_PHOTOS,
} from '../../reviewForms';
import '../manage.scss';

/** The refusals a reviewer reads with a heading. */
const TITLES = { POLICY_REFUSED: '不符合本工会经费使用规定', FORBIDDEN: '需要回避', NOT_ALLOWED: '现在不能办理' } as const;

/** 审核帮扶申请 (?id=…): the application, whole, its record, and the forms of what the caller may do now. */
export default function ReviewPage() {
  const id = queryParam(useRouter().params, 'id');
  return (
    <Page path={ROUTES.hardshipReview}>
      {({ openid }) => (id ? <Review id={id} openid={openid} /> : <EmptyState title='没有找到这份申请' note='请从「帮扶审核」中打开。' />)}
    </Page>
  );
}

function Review({ id, openid }: { id: string; openid: string }) {
  const r = useManageReview(id, openid);
  return (
    <CallView call={r.view} loadingText='正在读取申请…'>
      {() => (r.shown ? <ReviewBody a={r.shown} r={r} /> : null)}
    </CallView>
  );
}

function ReviewBody({ a, r }: { a: ReviewView; r: ManageReview }) {
  const { facts } = a;
  const school = schoolText(facts);
  const patient = patientText(facts);
  const unresolved = a.objections.filter((o) => o.resolution === null);
  return (
    <>
      {a.stepAside && (
        <Notice tone='info' title='请由其他审核人员办理'>
          {a.stepAside}
        </Notice>
      )}
      {a.payIssue && (
        <Notice tone='warn' title='公示期满，发放没有成功（系统每天会再试一次）'>
          {a.payIssue}
        </Notice>
      )}

      <Card title='申请' extra={<Badge tone={statusTone(a.status)} text={a.statusLabel} />}>
        <InfoRow label='申请人'>{a.applicantName}</InfoRow>
        <InfoRow label='部门'>{a.department || '未登记'}</InfoRow>
        <InfoRow label='帮扶类别'>{a.kindLabel}</InfoRow>
        {a.submittedAt && <InfoRow label='提交时间'>{momentText(a.submittedAt)}</InfoRow>}
        {patient && <InfoRow label='患者'>{patient}</InfoRow>}
        {school && <InfoRow label='就学子女'>{school}</InfoRow>}
      </Card>

      <Card title='家庭成员'>
        <HouseholdTable lines={householdLines(facts.household)} />
        <View className='hs-note'>{householdSummary(facts.household)}</View>
      </Card>

      <Card title='每月刚性支出'>
        {expenseLines(facts.expenses).map((l) => (
          <InfoRow key={l.label} label={l.label}>
            {l.value}
          </InfoRow>
        ))}
      </Card>

      <Card title='困难原因'>
        <View className='hs-text'>{facts.cause || '未填写'}</View>
      </Card>

      <Card title='收入自测（仅供参考）'>
        {a.selfCheck ? (
          <>
            <View className='hs-amount'>{a.selfCheck.label}</View>
            <View className='hs-text'>{a.selfCheck.explanation}</View>
          </>
        ) : (
          <View className='hs-note'>没有自测结果：本会尚未在「帮扶设置」中填写当地低保标准，或申请信息不完整。</View>
        )}
      </Card>

      <Card title='个人信息同意'>
        {consentLines(a.consents, facts).map((l) => (
          <InfoRow key={l.label} label={l.label}>
            {l.value}
          </InfoRow>
        ))}
      </Card>

      <Card title='证明材料'>{a.documents.length > 0 ? <Attachments items={a.documents} /> : <View className='hs-note'>没有上传材料。</View>}</Card>

      {a.requests.length > 0 && (
        <Card title='补充材料'>
          {a.requests.map((q, i) => (
            <View key={i} className='hs-item'>
              <View className='hs-item__head'>
                <View className='hs-item__who'>请会员补充</View>
                <View>{momentText(q.at)}</View>
              </View>
              <View className='hs-text'>{q.message}</View>
              <View className='hs-item__answer'>
                {q.answeredAt ? (
                  <>
                    <View className='hs-item__head'>
                      <View className='hs-item__who'>会员答复</View>
                      <View>{momentText(q.answeredAt)}</View>
                    </View>
                    <View className='hs-text'>{q.answer || '（只补充了材料，没有说明）'}</View>
                  </>
                ) : (
                  <View className='hs-note'>会员尚未补充。</View>
                )}
              </View>
            </View>
          ))}
        </Card>
      )}

      {a.visits.length > 0 && (
        <Card title='入户走访'>
          {a.visits.map((v) => (
            <View key={v.id} className='hs-item'>
              <View className='hs-item__head'>
                <View className='hs-item__who'>{dayText(v.visitedOn)}走访</View>
                <View>{v.recordedBy}记录</View>
              </View>
              <InfoRow label='走访人员'>{v.visitors}</InfoRow>
              <View className='hs-text'>{v.found}</View>
              <Attachments items={v.photos} />
            </View>
          ))}
        </Card>
      )}

      {a.notes.length > 0 && (
        <Card title='审核记录'>
          {a.notes.map((n, i) => (
            <View key={i} className='hs-item'>
              <View className='hs-item__head'>
                <View className='hs-item__who'>{n.by}</View>
                <View>{momentText(n.at)}</View>
              </View>
              <View className='hs-text'>{n.text}</View>
            </View>
          ))}
        </Card>
      )}

      {(a.proposal || a.outcome) && (
        <Card title='帮扶金额'>
          {a.proposal && (
            <>
              <InfoRow label='金额'>{yuanText(a.proposal.amountFen)}</InfoRow>
              <InfoRow label='提出人'>{`${a.proposal.by}，${momentText(a.proposal.at)}`}</InfoRow>
              {a.proposal.note && <InfoRow label='说明'>{a.proposal.note}</InfoRow>}
            </>
          )}
          {a.approvedBy && <InfoRow label='复核同意'>{a.approvedBy}</InfoRow>}
          {a.outcome?.publicity && <InfoRow label='公示期'>{periodText(a.outcome.publicity)}</InfoRow>}
          {a.outcome?.paidAt && <InfoRow label='发放时间'>{momentText(a.outcome.paidAt)}</InfoRow>}
        </Card>
      )}

      {a.objections.length > 0 && (
        <Card title='公示异议'>
          {a.objections.map((o) => (
            <View key={o.id} className='hs-item'>
              <View className='hs-item__head'>
                <View className='hs-item__who'>{o.memberName}</View>
                <View>{momentText(o.at)}</View>
              </View>
              <View className='hs-text'>{o.text}</View>
              <View className='hs-item__answer'>
                {o.resolution ? (
                  <>
                    <View className='hs-item__head'>
                      <View className='hs-item__who'>{o.resolution.outcomeLabel}</View>
                      <View>{`${o.resolution.by}，${momentText(o.resolution.at)}`}</View>
                    </View>
                    <View className='hs-text'>{o.resolution.reason}</View>
                  </>
                ) : (
                  <View className='hs-note'>待处理：处理完之前，这笔帮扶暂停发放。</View>
                )}
              </View>
            </View>
          ))}
        </Card>
      )}

      {a.referral && (
        <Card title='上级工会工委' extra={<Badge tone={referralTone(a.referral.status)} text={a.referral.statusLabel} />}>
          <InfoRow label='推荐人'>{`${a.referral.referredBy}，${momentText(a.referral.at)}`}</InfoRow>
          <InfoRow label='建议金额'>{yuanText(a.referral.suggestedFen)}</InfoRow>
          <InfoRow label='推荐意见'>{a.referral.recommendation}</InfoRow>
          {a.referral.decision && (
            <>
              {a.referral.status === 'approved' && <InfoRow label='批准金额'>{yuanText(a.referral.decision.amountFen)}</InfoRow>}
              <InfoRow label='决定理由'>{a.referral.decision.reason}</InfoRow>
              <InfoRow label='决定人'>{`${a.referral.decision.by}，${momentText(a.referral.decision.at)}`}</InfoRow>
            </>
          )}
        </Card>
      )}

      <Card title='办理进度'>
        <View ariaRole='list'>
          {a.steps.map((s, i) => (
            <View key={i} className='hs-step' ariaRole='listitem'>
              <View className='hs-step__dot' />
              <View className='hs-step__main'>
                <View className='hs-step__label'>{s.label}</View>
                <View className='hs-step__when'>{momentText(s.at)}</View>
                {s.note && <View className='hs-step__note'>{s.note}</View>}
              </View>
            </View>
          ))}
        </View>
      </Card>

      {r.can('check') && <CheckCard r={r} />}
      {r.can('visit') && <VisitCard a={a} r={r} />}
      {r.can('propose') && <ProposeCard a={a} r={r} />}
      {r.can('refer') && <ReferCard a={a} r={r} />}
      {r.can('approve') && a.proposal && <ApproveCard proposal={a.proposal} r={r} />}
      {r.can('sendBack') && <SendBackCard r={r} />}
      {r.can('resolve') && unresolved.map((o) => <ResolveCard key={o.id} a={a} objection={o} r={r} />)}
      {r.can('reject') && <RejectCard r={r} />}
    </>
  );
}


const send = (r: ManageReview, text: string, onClick: () => Promise<void>) => <ActionButton text={r.busy ? '请稍候…' : text} disabled={r.busy} onClick={() => void onClick()} />;

function CheckCard({ r }: { r: ManageReview }) {
  const f = r.forms.check;
  const message = f.values.outcome ? CHECK_MESSAGE[f.values.outcome] : null;
  return (
    <Card title='初审'>
      <FormField label='初审结果' required error={f.errors.outcome}>
        <ChoiceField options={CHECK_OPTIONS} value={f.values.outcome} onChange={(x) => f.set('outcome', x)} />
      </FormField>
      {message && (
        <FormField label={message.label} required={message.required} hint={message.hint} error={f.errors.message}>
          <TextArea value={f.values.message} onChange={(x) => f.set('message', x)} placeholder={message.placeholder} limit={CHECK_MESSAGE_LIMIT} />
        </FormField>
      )}
      <ErrorNotice error={f.error} titles={TITLES} listIssues />
      {send(r, '提交初审结果', r.run.check)}
    </Card>
  );
}

function VisitCard({ a, r }: { a: ReviewView; r: ManageReview }) {
  const f = r.forms.visit;
  const range = visitRange(a.submittedAt, r.today);
  return (
    <Card title='记录入户走访'>
      <FormField label='走访日期' required error={f.errors.visitedOn}>
        <DateField value={f.values.visitedOn} onChange={(x) => f.set('visitedOn', x)} start={range.start} end={range.end} />
      </FormField>
      <FormField label='走访人员' required hint='谁去走访的，例如：刘审核、王主席' error={f.errors.visitors}>
        <TextInput value={f.values.visitors} onChange={(x) => f.set('visitors', x)} placeholder='走访人员姓名' limit={VISITORS_LIMIT} />
      </FormField>
      <FormField label='走访情况' required hint='家庭实际居住、收入和支出情况，与申请是否相符' error={f.errors.found}>
        <TextArea value={f.values.found} onChange={(x) => f.set('found', x)} placeholder='例如：家中三口人，妻子住院治疗，孩子上高中，与申请所述相符' limit={FOUND_LIMIT} />
      </FormField>
      <FilesField label='走访照片' uploads={r.visitUploads} error={f.errors.files} hint={`选填，照片或 PDF 文件，最多 ${MAX_VISIT_PHOTOS} 个；只有帮扶审核人员看得到`} />
      <ErrorNotice error={f.error} titles={TITLES} listIssues />
      {send(r, '记录走访', r.run.visit)}
    </Card>
  );
}

/** The year's rule for the kind: the cap and its source, or that the policy has none (the proposal would be refused). */
function RuleNotice({ a }: { a: ReviewView }) {
  const text = ruleText(a.rule, a.kindLabel);
  if (!text || !a.rule) return <Notice tone='warn'>本工会本年度政策没有{a.kindLabel}项目，提出的金额会被拒绝。请先在「年度政策」中设置。</Notice>;
  return (
    <Notice tone='info' title={text}>
      依据：{a.rule.source || '未注明'}
    </Notice>
  );
}

function ProposeCard({ a, r }: { a: ReviewView; r: ManageReview }) {
  const f = r.forms.propose;
  return (
    <Card title='提出帮扶金额'>
      <RuleNotice a={a} />
      <FormField label='帮扶金额（元）' required hint='提出后须由另一位审核人员复核同意，才开始公示' error={f.errors.amount}>
        <TextInput type='digit' value={f.values.amount} onChange={(x) => f.set('amount', x)} placeholder='例如 2000' maxlength={12} />
      </FormField>
      <FormField label='说明' hint='选填，例如金额的依据；只有审核人员看得到' error={f.errors.note}>
        <TextArea value={f.values.note} onChange={(x) => f.set('note', x)} placeholder='例如：按本会困难帮扶标准，一次性帮扶' limit={NOTE_LIMIT} />
      </FormField>
      <ErrorNotice error={f.error} titles={TITLES} listIssues />
      {send(r, '提出金额', r.run.propose)}
    </Card>
  );
}

function ReferCard({ a, r }: { a: ReviewView; r: ManageReview }) {
  const f = r.forms.refer;
  const rule = ruleText(a.rule, a.kindLabel);
  return (
    <Card title='推荐给上级工会工委'>
      <View className='hs-note'>大病关爱由上级工会工委决定并发放。工委看到的是推荐材料：申请人、患者、家庭人口和收支、困难原因、最近一次走访情况、推荐意见、建议金额和证明材料。</View>
      {rule && a.rule && (
        <Notice tone='info' title={`${rule}（本会政策，仅供参考）`}>
          依据：{a.rule.source || '未注明'}
        </Notice>
      )}
      <FormField label='推荐意见' required error={f.errors.recommendation}>
        <TextArea value={f.values.recommendation} onChange={(x) => f.set('recommendation', x)} placeholder='例如：经入户走访核实，申请人本人患恶性肿瘤住院治疗，家庭收入锐减，建议给予大病关爱' limit={RECOMMENDATION_LIMIT} />
      </FormField>
      <FormField label='建议金额（元）' required hint='工委按其本年度政策决定金额' error={f.errors.suggested}>
        <TextInput type='digit' value={f.values.suggested} onChange={(x) => f.set('suggested', x)} placeholder='例如 10000' maxlength={12} />
      </FormField>
      <ErrorNotice error={f.error} titles={TITLES} listIssues />
      {send(r, '推荐给工委', r.run.refer)}
    </Card>
  );
}

function ApproveCard({ proposal, r }: { proposal: NonNullable<ReviewView['proposal']>; r: ManageReview }) {
  return (
    <Card title='复核帮扶金额'>
      <View className='hs-amount'>{yuanText(proposal.amountFen)}</View>
      <View className='hs-note'>
        {proposal.by}于{momentText(proposal.at)}提出{proposal.note ? `：${proposal.note}` : '。'}
      </View>
      <View className='hs-note'>同意后，公示从今天开始；公示期满无异议，自动发放。</View>
      <ErrorNotice error={r.approveError} titles={TITLES} />
      {send(r, '同意并开始公示', r.run.approve)}
    </Card>
  );
}

function SendBackCard({ r }: { r: ManageReview }) {
  const f = r.forms.sendBack;
  return (
    <Card title='退回金额'>
      <View className='hs-note'>不同意提出的金额：申请回到待审议，由审核人员重新提出。</View>
      <FormField label='退回原因' required hint='记入审核记录，会员看不到' error={f.errors.text}>
        <TextArea value={f.values.text} onChange={(x) => f.set('text', x)} placeholder='例如：金额高于同类情况，建议按 1500 元' limit={200} />
      </FormField>
      <ErrorNotice error={f.error} titles={TITLES} listIssues />
      {send(r, '退回', r.run.sendBack)}
    </Card>
  );
}

function RejectCard({ r }: { r: ManageReview }) {
  const f = r.forms.reject;
  return (
    <Card title='不予帮扶'>
      <FormField label='不予帮扶的原因' required hint='会员会收到通知，看到这个原因' error={f.errors.text}>
        <TextArea value={f.values.text} onChange={(x) => f.set('text', x)} placeholder='例如：经入户走访核实，家庭收入高于本会帮扶标准' limit={200} />
      </FormField>
      <ErrorNotice error={f.error} titles={TITLES} listIssues />
      {send(r, '不予帮扶', r.run.reject)}
    </Card>
  );
}

function ResolveCard({ a, objection, r }: { a: ReviewView; objection: ReviewView['objections'][number]; r: ManageReview }) {
  const s = useManageResolve(a.id, objection.id, a.applicantName, r.settled, r.refused);
  const f = s.form;
  return (
    <Card title='处理公示异议'>
      <View className='hs-item__head'>
        <View className='hs-item__who'>{objection.memberName}</View>
        <View>{momentText(objection.at)}</View>
      </View>
      <View className='hs-text'>{objection.text}</View>
      <View className='hs-gap' />
      <FormField label='处理结果' required error={f.errors.outcome}>
        <ChoiceField options={RESOLVE_OPTIONS} value={f.values.outcome} onChange={(x) => f.set('outcome', x)} />
      </FormField>
      <FormField label='处理理由' required hint='提出异议的会员会收到处理结果' error={f.errors.reason}>
        <TextArea value={f.values.reason} onChange={(x) => f.set('reason', x)} placeholder='例如：经核实，申请人家庭情况属实' limit={200} />
      </FormField>
      <ErrorNotice error={f.error} titles={TITLES} listIssues />
      <ActionButton text={s.busy || r.busy ? '请稍候…' : '提交处理结果'} disabled={s.busy || r.busy} onClick={() => void s.submit()} />
    </Card>
  );
}
