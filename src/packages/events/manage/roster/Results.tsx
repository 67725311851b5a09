import { View } from '@tarojs/components';
import type { EventAdminView, PrizeView, RosterEntry } from '@/core/contracts/events';
import { formatMoney } from '@/core/money';
import { FORM_LABELS, FORMS } from '@/core/policy/items';
import { shanghaiYear } from '@/core/time';
import { ActionButton } from '@/components/ActionButton';
import { Card } from '@/components/Card';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FormField, SelectField, TextArea, TextInput } from '@/components/Form';
import { Notice } from '@/components/Notice';
import { useCall } from '@/hooks/useCall';
import { useEventResults } from '../../hooks/useEventResults';
import type { PrizeDraft } from '../../results';
import { InlineButton } from '@/components/InlineButton';

/** Forms a prize may take: everything but a service (that is the event's own expense, not a prize). */
const FORM_OPTIONS = FORMS.filter((f) => f !== 'service').map((f) => ({ value: f, label: FORM_LABELS[f] }));

export interface ResultsProps {
  event: EventAdminView;
  entries: readonly RosterEntry[];
  prizes: readonly PrizeView[];
  onSaved: () => void;
}

/**
 * 结果与奖品, once the event has started: the results members read on the event's page, the prizes already in the
 * ledger, and new prizes for participants, each checked by the function against the year's policy and budget.
 */
export function Results({ event, entries, prizes, onSaved }: ResultsProps) {
  const r = useEventResults(event, entries, prizes, onSaved);
  // Prizes are recorded on the day they are given: this year's policy and budget.
  const policy = useCall('ledger', 'policyGet', { payload: { year: shanghaiYear(new Date()) } });
  const rule = policy.status === 'ok' ? policy.data.policy?.items.event_prize : undefined;
  const ruleText = rule
    ? [
        rule.capFen === null ? '每项奖品不设上限' : `每项奖品不超过 ${formatMoney(rule.capFen)}`,
        `可发放${rule.allowedForms.map((f) => FORM_LABELS[f]).join('、')}`,
        rule.maxWinnerShare ? `获奖人数不超过参加人数的 ${rule.maxWinnerShare.num}/${rule.maxWinnerShare.den}` : '',
      ]
        .filter(Boolean)
        .join('；')
    : null;
  const present = entries.some((e) => e.checkedInAt !== null);
  return (
    <Card title='结果与奖品'>
      <FormField label='比赛结果' hint='保存后本工会会员在活动页面可以看到，例如名次、获奖名单；奖品金额不必写在这里' error={r.errors.results}>
        <TextArea value={r.text} onChange={r.setText} placeholder='例如：第一名 张伟；第二名 刘洋' limit={1000} />
      </FormField>

      <View className='evroster__prize-head'>奖品</View>
      <View className='evroster__note'>
        参加 {r.participants.length} 人（{present ? '以签到为准' : '没有签到记录，以已确认报名为准'}），已登记奖品 {prizes.length} 项。
        {ruleText ? `本年度政策：${ruleText}。` : ''}
      </View>
      {policy.status === 'ok' && !policy.data.policy && <Notice tone='warn'>本年度还没有设定政策，奖品会被拒绝登记。请先在「年度政策」中设定。</Notice>}
      {prizes.map((p) => (
        <View key={p.entryId} className='evroster__prize'>
          <View className='evroster__prize-name'>{p.name}</View>
          <View className='evroster__meta'>{[formatMoney(p.amountFen), p.formLabel, p.note].filter(Boolean).join(' · ')}</View>
        </View>
      ))}
      {prizes.length > 0 && <View className='evroster__note'>已登记的奖品已记入经费台账；如需更改，请在「经费台账」中冲正后重新登记。</View>}

      {r.drafts.map((d, i) => (
        <Draft key={d.key} index={i} draft={d} r={r} />
      ))}
      {r.participants.length === 0 ? (
        <View className='evroster__note'>还没有参加的会员，不能登记奖品。</View>
      ) : (
        <ActionButton kind='secondary' text='添加一项奖品' onClick={r.add} />
      )}

      <ErrorNotice error={r.error} titles={{ POLICY_REFUSED: '结果和奖品都没有保存', CONFLICT: '结果和奖品都没有保存', VALIDATION_FAILED: '没有保存' }} />
      <ActionButton text={r.saving ? '正在保存…' : r.drafts.length > 0 ? '保存结果并登记奖品' : '保存结果'} disabled={r.saving || !r.changed} onClick={() => void r.submit()} />
    </Card>
  );
}

function Draft({ index, draft: d, r }: { index: number; draft: PrizeDraft; r: ReturnType<typeof useEventResults> }) {
  const options = r.candidates(d).map((p) => ({ value: p.memberId, label: `${p.name}（${p.department}）` }));
  const err = (field: string) => r.errors[`prizes.${index}.${field}`];
  return (
    <View className='evroster__draft'>
      <View className='evroster__draft-head'>
        <View className='evroster__prize-name'>第 {index + 1} 项奖品</View>
        <InlineButton text='删除' onClick={() => r.remove(d.key)} />
      </View>
      <FormField label='获奖会员' required error={err('memberId')}>
        <SelectField options={options} value={d.memberId} onChange={(v) => r.set(d.key, 'memberId', v)} placeholder='请选择参加的会员' />
      </FormField>
      <FormField label='金额（元）' required error={err('amountFen')}>
        <TextInput value={d.amount} onChange={(v) => r.set(d.key, 'amount', v)} type='digit' placeholder='例如 100' maxlength={10} />
      </FormField>
      <FormField label='发放形式' required error={err('form')}>
        <SelectField options={FORM_OPTIONS} value={d.form} onChange={(v) => r.set(d.key, 'form', v)} />
      </FormField>
      <FormField label='备注' error={err('note')}>
        <TextInput value={d.note} onChange={(v) => r.set(d.key, 'note', v)} placeholder='选填，例如 一等奖 羽毛球拍' maxlength={100} />
      </FormField>
    </View>
  );
}
