import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { formatMoney } from '@/core/money';
import { FORM_LABELS, FORMS, HOLIDAY_LABELS, HOLIDAYS, ITEM_INFO, type Form } from '@/core/policy/items';
import type { ItemRule, PolicyProfile } from '@/core/policy/profile';
import { Card } from '@/components/Card';
import { FormField, SwitchField, TextInput } from '@/components/Form';
import type { FieldErrors } from '@/hooks/useForm';
import type { CapTexts, RuleFlag, RuleKey } from '../../policyForm';
import { RULE_ITEMS } from '../../format';
import './index.scss';

export interface CapEditing {
  texts: CapTexts;
  errors: FieldErrors;
  setText: (key: string, value: string) => void;
  /** The profile being edited (the view lists the saved profile's rules, and shows each as in the draft). */
  draft: PolicyProfile;
  toggleForm: (key: RuleKey, form: Form) => void;
  setPerYear: (key: RuleKey, text: string) => void;
  setFlag: (key: RuleKey, flag: RuleFlag, on: boolean) => void;
  setSource: (key: RuleKey, text: string) => void;
  setPaid: (key: RuleKey, paid: boolean) => void;
  toggleForbidden: (form: Form) => void;
  setEligibility: (field: 'requireDuesPaid' | 'retireesEligible', on: boolean) => void;
}

export interface PolicyViewProps {
  policy: PolicyProfile;
  /** When given, the whole profile is editable: caps (yuan), forms, limits, sources, what is paid, eligibility. */
  editing?: CapEditing;
}

/** A year's policy, readable: each holiday's and item's cap, forms, limits and the document it comes from. */
export function PolicyView({ policy, editing }: PolicyViewProps) {
  const holidays = HOLIDAYS.filter((h) => policy.holidays[h]);
  const items = RULE_ITEMS.filter((i) => policy.items[i]);
  const annual = policy.holidayAnnualCapFen;
  if (editing) return <PolicyEditor saved={policy} editing={editing} />;
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

/** The editing form of the whole profile: every rule the saved profile has, as the draft now has it. */
function PolicyEditor({ saved, editing }: { saved: PolicyProfile; editing: CapEditing }) {
  const d = editing.draft;
  const holidays = HOLIDAYS.filter((h) => saved.holidays[h]);
  const items = RULE_ITEMS.filter((i) => saved.items[i]);
  return (
    <>
      <Card title='节日慰问品'>
        {holidays.map((h) => (
          <RuleEditor key={h} ruleKey={`holidays.${h}`} title={HOLIDAY_LABELS[h]} rule={d.holidays[h]} editing={editing} />
        ))}
        {holidays.length > 0 && (
          <View className='a-policy__rule'>
            <View className='a-policy__title'>全年节日慰问品合计</View>
            <CapInput editing={editing} field='annual' hint='每人全年各节日合计不超过的金额；留空表示不限合计' optional />
          </View>
        )}
      </Card>
      <Card title='慰问、帮扶与奖励'>
        {items.map((i) => (
          <RuleEditor key={i} ruleKey={`items.${i}`} title={ITEM_INFO[i].label} rule={d.items[i]} editing={editing} optionalCap={i === 'event_expense'} />
        ))}
      </Card>
      <Card title='禁止的发放形式'>
        <FormField label='本工会禁止' hint='点选切换；被禁止的形式不能出现在任何一项的发放形式中' error={editing.errors['forbiddenForms.forms']}>
          <Chips forms={FORMS} chosen={d.forbiddenForms.forms} onToggle={editing.toggleForbidden} />
        </FormField>
      </Card>
      <Card title='领取条件'>
        <FormField label='须缴纳会费' error={editing.errors['eligibility.requireDuesPaid']}>
          <SwitchField checked={d.eligibility.requireDuesPaid} onChange={(on) => editing.setEligibility('requireDuesPaid', on)} label='须按规定缴纳会费才能领取' off='不以缴纳会费为条件' />
        </FormField>
        <FormField label='退休会员' error={editing.errors['eligibility.retireesEligible']}>
          <SwitchField checked={d.eligibility.retireesEligible} onChange={(on) => editing.setEligibility('retireesEligible', on)} label='退休会员可以领取' off='不向退休人员发放' />
        </FormField>
      </Card>
    </>
  );
}

function RuleEditor({ ruleKey, title, rule, editing, optionalCap = false }: { ruleKey: RuleKey; title: string; rule: ItemRule | undefined; editing: CapEditing; optionalCap?: boolean }) {
  const err = (field: string) => editing.errors[`${ruleKey}.${field}`];
  const isHoliday = ruleKey.startsWith('holidays.');
  return (
    <View className='a-policy__rule'>
      <View className='a-policy__title'>{title}</View>
      <FormField label='本年度'>
        <SwitchField checked={rule !== undefined} onChange={(on) => editing.setPaid(ruleKey, on)} label='发放此项' off='本年度不发放' />
      </FormField>
      {rule && (
        <>
          <CapInput editing={editing} field={ruleKey} optional={optionalCap} hint={optionalCap ? '留空表示不设每人上限，由预算控制' : undefined} />
          <FormField label='发放形式' hint='点选切换' error={err('allowedForms')}>
            <Chips forms={FORMS} chosen={rule.allowedForms} onToggle={(f) => editing.toggleForm(ruleKey, f)} />
          </FormField>
          {!isHoliday && (
            <FormField label='每人每年最多次数' hint='留空表示不限次数' error={err('perYear')}>
              <TextInput value={rule.perYear === undefined ? '' : String(rule.perYear)} onChange={(v) => editing.setPerYear(ruleKey, v)} type='number' placeholder='不限' maxlength={3} />
            </FormField>
          )}
          {ruleKey === 'items.care_hospitalisation' && (
            <FormField label='同一疾病' error={err('onePerIllnessPerYear')}>
              <SwitchField checked={rule.onePerIllnessPerYear === true} onChange={(on) => editing.setFlag(ruleKey, 'onePerIllnessPerYear', on)} label='同一疾病每年只慰问 1 次' off='不限次数' />
            </FormField>
          )}
          {!isHoliday && (
            <FormField label='在职会员' error={err('inServiceOnly')}>
              <SwitchField checked={rule.inServiceOnly === true} onChange={(on) => editing.setFlag(ruleKey, 'inServiceOnly', on)} label='仅限在职会员' off='在职、退休会员均可' />
            </FormField>
          )}
          <FormField label='依据' required error={err('source')}>
            <TextInput value={rule.source} onChange={(v) => editing.setSource(ruleKey, v)} placeholder='文件名称和条款' maxlength={200} />
          </FormField>
        </>
      )}
    </View>
  );
}

function Chips({ forms, chosen, onToggle }: { forms: readonly Form[]; chosen: readonly Form[]; onToggle: (f: Form) => void }) {
  return (
    <View className='a-policy__chips'>
      {forms.map((f) => (
        <View key={f} className={`a-policy__chip${chosen.includes(f) ? ' a-policy__chip--on' : ''}`} onClick={() => onToggle(f)}>
          {chosen.includes(f) ? '✓ ' : ''}
          {FORM_LABELS[f]}
        </View>
      ))}
    </View>
  );
}
