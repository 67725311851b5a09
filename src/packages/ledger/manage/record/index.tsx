import Taro from '@tarojs/taro';
import { formatMoney } from '@/core/money';
import { FORM_LABELS, FORMS, HOLIDAY_LABELS, HOLIDAYS, ITEM_INFO, ITEMS } from '@/core/policy/items';
import { ActionButton } from '@/components/ActionButton';
import { Card } from '@/components/Card';
import { ErrorNotice } from '@/components/ErrorNotice';
import { DateField, FormField, SelectField, TextInput } from '@/components/Form';
import { InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { useLedgerRecord, type RecordResult } from '../../hooks/useLedgerRecord';
import { dateText, todayKey } from '@/services/format';
import { entryTitle } from '../../format';
import { MemberPicker } from '@/components/MemberPicker';
import { ROUTES } from '@/services/routes';

const FORM_OPTIONS = FORMS.map((f) => ({ value: f, label: FORM_LABELS[f] }));
const NOT_IN_POLICY = '（本年度政策未安排）';

/** 登记支出: one payout or benefit in kind, checked against the year's policy and budget by the function. */
export default function RecordPage() {
  return (
    <Page path={ROUTES.record}>
      {() => <RecordForm />}
    </Page>
  );
}

function RecordForm() {
  const r = useLedgerRecord();
  const { values, set, errors } = r;
  const itemOptions = ITEMS.map((i) => ({ value: i, label: `${ITEM_INFO[i].label}${r.inPolicy.item(i) === false ? NOT_IN_POLICY : ''}` }));
  const holidayOptions = HOLIDAYS.map((h) => ({ value: h, label: `${HOLIDAY_LABELS[h]}${r.inPolicy.holiday(h) === false ? NOT_IN_POLICY : ''}` }));
  if (r.result) return <Recorded result={r.result} onAgain={r.again} />;
  return (
    <Card title='登记一笔支出'>
      {r.noPolicy && <Notice tone='warn'>{r.year} 年度还没有设定政策，登记会被拒绝。请先在「年度政策」中设定。</Notice>}
      <FormField label='支出项目' required error={errors.item}>
        <SelectField options={itemOptions} value={values.item} onChange={(v) => set('item', v)} placeholder='请选择项目' />
      </FormField>
      {values.item === 'holiday_gift' && (
        <FormField label='节日' required error={errors.holiday}>
          <SelectField options={holidayOptions} value={values.holiday} onChange={(v) => set('holiday', v)} placeholder='请选择节日' openAt={HOLIDAYS.find((h) => r.inPolicy.holiday(h))} />
        </FormField>
      )}
      {r.needsMember && (
        <FormField label='领取会员' required error={errors.member}>
          <MemberPicker value={values.member} onChange={(m) => set('member', m)} />
        </FormField>
      )}
      <FormField label='金额（元）' required hint={r.ruleHint} error={errors.amount}>
        <TextInput value={values.amount} onChange={(v) => set('amount', v)} type='digit' placeholder='例如 300' maxlength={14} />
      </FormField>
      <FormField label='发放形式' required error={errors.form}>
        <SelectField options={FORM_OPTIONS} value={values.form} onChange={(v) => set('form', v)} placeholder='请选择形式' />
      </FormField>
      <FormField label='发放日期' required error={errors.date}>
        <DateField value={values.date} onChange={(v) => set('date', v)} end={todayKey()} start='2000-01-01' />
      </FormField>
      {values.item === 'care_hospitalisation' && (
        <FormField label='疾病标识' required hint='同一疾病每年只慰问 1 次：请写病名或住院号，同一次疾病每次写法相同' error={errors.illnessKey}>
          <TextInput value={values.illnessKey} onChange={(v) => set('illnessKey', v)} placeholder='例如 2025 年 3 月阑尾炎住院' maxlength={64} />
        </FormField>
      )}
      {values.item === 'event_prize' && (
        <>
          <FormField label='参加人数' required error={errors.participants}>
            <TextInput value={values.participants} onChange={(v) => set('participants', v)} type='number' placeholder='本次活动参加的人数' maxlength={6} />
          </FormField>
          <FormField label='获奖人数' required hint='政策限定获奖人数占参加人数的比例' error={errors.winners}>
            <TextInput value={values.winners} onChange={(v) => set('winners', v)} type='number' placeholder='本次活动获奖的人数' maxlength={6} />
          </FormField>
        </>
      )}
      <FormField label='备注' error={errors.note}>
        <TextInput value={values.note} onChange={(v) => set('note', v)} placeholder='选填，例如 发放地点、经办人' maxlength={200} />
      </FormField>
      <ErrorNotice error={r.error} titles={{ POLICY_REFUSED: '不能登记这笔支出', VALIDATION_FAILED: '没有登记' }} />
      <ActionButton text={r.busy ? '正在登记…' : '登记'} disabled={r.busy} onClick={() => void r.submit()} />
    </Card>
  );
}

function Recorded({ result, onAgain }: { result: RecordResult; onAgain: () => void }) {
  const e = result.entry;
  return (
    <>
      <Notice tone='ok' title='已登记'>
        {entryTitle(e.itemLabel, e.holiday)} {formatMoney(e.amountFen)}
      </Notice>
      {result.warnings.length > 0 && <Notice tone='warn' title='请注意' items={result.warnings.map((w) => w.message)} />}
      <Card title='登记内容'>
        <InfoRow label='项目'>{entryTitle(e.itemLabel, e.holiday)}</InfoRow>
        {e.memberName && <InfoRow label='会员'>{e.memberName}</InfoRow>}
        <InfoRow label='金额'>{formatMoney(e.amountFen)}</InfoRow>
        <InfoRow label='形式'>{e.formLabel}</InfoRow>
        <InfoRow label='日期'>{dateText(e.at)}</InfoRow>
        <InfoRow label='批准'>{e.approvedBy}</InfoRow>
        <InfoRow label='依据'>{e.rule.source}</InfoRow>
        {e.note && <InfoRow label='备注'>{e.note}</InfoRow>}
      </Card>
      <ActionButton text='再登记一笔' onClick={onAgain} />
      <ActionButton kind='secondary' text='返回台账' onClick={() => void Taro.navigateBack()} />
    </>
  );
}
