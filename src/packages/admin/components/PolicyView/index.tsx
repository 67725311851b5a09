import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { formatMoney } from '@/core/money';
import { FORM_LABELS, HOLIDAY_LABELS, HOLIDAYS, ITEM_INFO } from '@/core/policy/items';
import type { ItemRule, PolicyProfile } from '@/core/policy/profile';
import { Card } from '@/components/Card';
import { FormField, TextInput } from '@/components/Form';
import type { FieldErrors } from '@/hooks/useForm';
import type { CapTexts } from '@/hooks/usePolicy';
import { RULE_ITEMS } from '@/services/format';
import './index.scss';

export interface CapEditing {
  texts: CapTexts;
  errors: FieldErrors;
  setText: (key: string, value: string) => void;
}

export interface PolicyViewProps {
  policy: PolicyProfile;
  /** When given, every cap is an input (yuan) instead of text. */
  editing?: CapEditing;
}

/** A year's policy, readable: each holiday's and item's cap, forms, limits and the document it comes from. */
export function PolicyView({ policy, editing }: PolicyViewProps) {
  const holidays = HOLIDAYS.filter((h) => policy.holidays[h]);
  const items = RULE_ITEMS.filter((i) => policy.items[i]);
  const annual = policy.holidayAnnualCapFen;
  return (
    <>
      <Card title='节日慰问品'>
        {holidays.length === 0 && <View className='a-policy__none'>本年度不发放节日慰问品。</View>}
        {holidays.map((h) => {
          const rule = policy.holidays[h];
          if (!rule) return null;
          const key = `holidays.${h}`;
          return <Rule key={h} title={HOLIDAY_LABELS[h]} perHoliday rule={rule} cap={editing ? <CapInput editing={editing} field={key} /> : undefined} />;
        })}
        {(annual || (editing && holidays.length > 0)) && (
          <View className='a-policy__rule'>
            <View className='a-policy__title'>全年节日慰问品合计</View>
            {editing ? (
              <CapInput editing={editing} field='annual' hint='每人全年各节日合计不超过的金额；留空表示不限合计' optional />
            ) : (
              annual && <View className='a-policy__cap'>每人每年合计不超过 {formatMoney(annual.capFen)}</View>
            )}
            {annual && <View className='a-policy__source'>依据：{annual.source}</View>}
          </View>
        )}
      </Card>

      <Card title='慰问、帮扶与奖励'>
        {items.length === 0 && <View className='a-policy__none'>本年度没有安排其他项目。</View>}
        {items.map((i) => {
          const rule = policy.items[i];
          if (!rule) return null;
          const key = `items.${i}`;
          return (
            <Rule
              key={i}
              title={ITEM_INFO[i].label}
              rule={rule}
              cap={editing ? <CapInput editing={editing} field={key} optional={i === 'event_expense'} hint={i === 'event_expense' ? '留空表示不设每人上限，由预算控制' : undefined} /> : undefined}
            />
          );
        })}
      </Card>

      <Card title='禁止的发放形式'>
        {policy.forbiddenForms.forms.length === 0 ? (
          <View className='a-policy__none'>本工会没有另行禁止的形式。</View>
        ) : (
          <>
            <View className='a-policy__cap'>{policy.forbiddenForms.forms.map((f) => FORM_LABELS[f]).join('、')}</View>
            {policy.forbiddenForms.source && <View className='a-policy__source'>依据：{policy.forbiddenForms.source}</View>}
          </>
        )}
      </Card>

      <Card title='领取条件'>
        <View className='a-policy__line'>{policy.eligibility.requireDuesPaid ? '须按规定缴纳会费' : '不以缴纳会费为条件'}</View>
        <View className='a-policy__line'>{policy.eligibility.retireesEligible ? '退休会员可以领取' : '不向退休人员发放'}</View>
        <View className='a-policy__source'>依据：{policy.eligibility.source}</View>
      </Card>

      {policy.sources.length > 0 && (
        <Card title='依据文件'>
          {policy.sources.map((s) => (
            <View key={s.id} className='a-policy__line'>
              {s.title}
            </View>
          ))}
        </Card>
      )}
    </>
  );
}

function limitsOf(rule: ItemRule): string[] {
  const out: string[] = [];
  if (rule.perYear !== undefined) out.push(`每人每年最多 ${rule.perYear} 次`);
  if (rule.onePerIllnessPerYear) out.push('同一疾病每年只慰问 1 次');
  if (rule.inServiceOnly) out.push('仅限在职会员');
  if (rule.fundedBy === 'committee') out.push('由工委发放，本工会推荐');
  if (rule.maxWinnerShare) out.push(`获奖人数不超过参加人数的 ${rule.maxWinnerShare.num}/${rule.maxWinnerShare.den}`);
  return out;
}

/** `perHoliday`: a holiday's gift comes once a year, so its cap is per person, not per payout. */
function Rule({ title, rule, cap, perHoliday = false }: { title: string; rule: ItemRule; cap?: ReactNode; perHoliday?: boolean }) {
  const limits = limitsOf(rule);
  return (
    <View className='a-policy__rule'>
      <View className='a-policy__title'>{title}</View>
      {cap ?? <View className='a-policy__cap'>{rule.capFen === null ? '不设每人上限（由预算控制）' : `${perHoliday ? '每人' : '每人每次'}不超过 ${formatMoney(rule.capFen)}`}</View>}
      <View className='a-policy__line'>发放形式：{rule.allowedForms.map((f) => FORM_LABELS[f]).join('、')}</View>
      {limits.map((l) => (
        <View key={l} className='a-policy__line'>
          {l}
        </View>
      ))}
      <View className='a-policy__source'>依据：{rule.source}</View>
    </View>
  );
}

function CapInput({ editing, field, hint, optional = false }: { editing: CapEditing; field: string; hint?: string; optional?: boolean }) {
  return (
    <FormField label='上限（元）' required={!optional} hint={hint} error={editing.errors[`${field}.capFen`]}>
      <TextInput value={editing.texts[field] ?? ''} onChange={(v) => editing.setText(field, v)} type='digit' placeholder={optional ? '不限' : '例如 300'} maxlength={12} />
    </FormField>
  );
}
