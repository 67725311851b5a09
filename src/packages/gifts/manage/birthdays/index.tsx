import { View } from '@tarojs/components';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { ChoiceField, FormField, SelectField, SwitchField, TextArea, TextInput } from '@/components/Form';
import { Badge, InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { formatMoney } from '@/core/money';
import { dayZh } from '@/core/time';
import { useCall } from '@/hooks/useCall';
import { ROUTES } from '@/services/routes';
import type { CallOutput } from '@/services/cloud';
import { useBirthdaySettings, useBirthdayVoucherList } from '../../hooks/useBirthdaySettings';
import { monthText, settingsSummary, TIMING_OPTIONS, timingNote } from '../../vouchersForm';
import '../../components/VoucherCard.scss';

type SettingsData = CallOutput<'gifts', 'birthdaySettingsGet'>;

const STATUS_TONE = { issued: 'ok', redeemed: 'muted', expired: 'warn' } as const;

/**
 * 生日慰问设置 (工会管理): when the cake vouchers go out (生日当天, 生日前几天, 每月1日), the designated shop, the amount
 * (within the year's policy), how long a voucher lasts and the greeting; then what the daily job did — issued, and
 * who got nothing and why (the policy's reason).
 */
export default function BirthdaysPage() {
  return <Page path={ROUTES.giftsBirthdays}>{() => <Birthdays />}</Page>;
}

function Birthdays() {
  const settings = useCall('gifts', 'birthdaySettingsGet');
  return (
    <CallView call={settings} loadingText='正在读取设置…'>
      {(data) => (
        <>
          <SettingsForm key={JSON.stringify(data.settings)} data={data} onSaved={settings.refresh} />
          <Runs data={data} />
          <MonthList />
        </>
      )}
    </CallView>
  );
}

function PolicyLine() {
  const year = new Date().getFullYear();
  const policy = useCall('ledger', 'policyGet', { payload: { year } });
  if (policy.status !== 'ok') return null;
  const rule = policy.data.policy?.items.birthday;
  if (!rule) return <Notice tone='warn'>{`${year} 年度政策中没有生日慰问，蛋糕券不会发放。请先在「年度政策」中设置。`}</Notice>;
  const voucher = rule.allowedForms.includes('cake_voucher');
  return (
    <Notice tone={voucher ? 'ok' : 'warn'}>
      {voucher
        ? `${year} 年度政策：生日慰问每人不超过 ${rule.capFen === null ? '—' : formatMoney(rule.capFen)}，可以发放蛋糕券。谁能领取（在职、会费、退休人员）也按年度政策办理。`
        : `${year} 年度政策不允许以蛋糕券发放生日慰问，请先在「年度政策」中允许「蛋糕券」。`}
    </Notice>
  );
}

function SettingsForm({ data, onSaved }: { data: SettingsData; onSaved: () => void }) {
  const s = useBirthdaySettings(data.settings, data.shops, onSaved);
  const v = s.values;
  return (
    <>
      {data.settings && <Notice tone={data.settings.enabled ? 'ok' : 'warn'}>{settingsSummary(data.settings)}</Notice>}
      <PolicyLine />
      <Card title='发放'>
        <SwitchField checked={v.enabled} onChange={(x) => s.set('enabled', x)} label='发放生日蛋糕券' off='暂停发放，已发放的蛋糕券照常可用' />
        <FormField label='什么时候发放' error={s.errors.timing} hint={timingNote(v.timing, v.daysBefore)}>
          <ChoiceField options={TIMING_OPTIONS} value={v.timing} onChange={(x) => s.set('timing', x)} />
        </FormField>
        {v.timing === 'daysBefore' && (
          <FormField label='提前几天' error={s.errors.daysBefore} hint='1 到 30 天'>
            <TextInput value={v.daysBefore} onChange={(x) => s.set('daysBefore', x)} type='number' maxlength={2} />
          </FormField>
        )}
      </Card>
      <Card title='蛋糕券'>
        <FormField label='指定蛋糕店' error={s.errors.shopName} hint={data.shops.length ? '点选下面的蛋糕店，或输入名称。店员须是这家店的店员才能核销。' : '还没有邀请蛋糕店店员：请在「角色管理」中邀请，店员的蛋糕店名称须与这里一致。'}>
          <TextInput value={v.shopName} onChange={(x) => s.set('shopName', x)} placeholder='例如 好利来（人民路店）' limit={50} />
        </FormField>
        {data.shops.length > 0 && <ChoiceField options={data.shops.map((x) => ({ value: x.shopName, label: `${x.shopName}（${x.clerks} 名店员）` }))} value={v.shopName} onChange={(x) => s.set('shopName', x)} />}
        <FormField label='金额（元）' error={s.errors.amount} hint='不超过年度政策的生日慰问标准'>
          <TextInput value={v.amount} onChange={(x) => s.set('amount', x)} type='digit' maxlength={9} placeholder='例如 200' />
        </FormField>
        <FormField label='有效天数' error={s.errors.validDays} hint='从生日当天（提前发放的也从生日当天）算起，过期未用的自动冲正，不计入支出'>
          <TextInput value={v.validDays} onChange={(x) => s.set('validDays', x)} type='number' maxlength={2} />
        </FormField>
        <FormField label='祝福语' error={s.errors.greeting} hint='随蛋糕券一起发给会员'>
          <TextArea value={v.greeting} onChange={(x) => s.set('greeting', x)} limit={100} />
        </FormField>
      </Card>
      {s.error && (
        <Notice tone='error' title='没有保存'>
          {s.error.message}
        </Notice>
      )}
      <ActionButton text={s.busy ? '正在保存…' : '保存设置'} disabled={s.busy} onClick={() => void s.submit()} />
    </>
  );
}

function Runs({ data }: { data: SettingsData }) {
  if (data.runs.length === 0) return null;
  const now = new Date();
  return (
    <Card title='最近发放情况'>
      {data.doneThrough && <View className='voucher__note'>{`已处理到 ${dayZh(data.doneThrough, { now })} 过生日的会员。`}</View>}
      {data.runs.map((r) => (
        <View key={r.day} className='voucher__line'>
          <InfoRow label={dayZh(r.day, { now })}>{`发放 ${r.issued} 张${r.refusedCount ? `，${r.refusedCount} 人未发放` : ''}${r.failed ? `，${r.failed} 人待下次重试` : ''}`}</InfoRow>
          <View className='voucher__note'>{r.first === r.last ? `${dayZh(r.first, { now })}过生日的会员` : `${dayZh(r.first, { now })}至${dayZh(r.last, { now })}过生日的会员`}</View>
          {r.refused.map((x) => (
            <View key={`${x.name}${x.reason}`} className='voucher__note'>{`${x.name}：${x.reason}`}</View>
          ))}
        </View>
      ))}
    </Card>
  );
}

/** 发放名单: the vouchers of members whose birthday is in a month, and what became of each. */
function MonthList() {
  const l = useBirthdayVoucherList();
  const now = new Date();
  return (
    <Card title='发放名单'>
      <FormField label='生日月份'>
        <SelectField options={l.months} value={l.month} onChange={l.setMonth} />
      </FormField>
      <CallView call={l.list} loadingText='正在读取…'>
        {(data) =>
          data.total === 0 ? (
            <View className='voucher__note'>{`${monthText(l.month)}过生日的会员还没有发放蛋糕券。`}</View>
          ) : (
            <>
              <InfoRow label='合计'>{`${data.total} 张：可使用 ${data.counts.issued}，已使用 ${data.counts.redeemed}，已过期 ${data.counts.expired}`}</InfoRow>
              {data.items.map((v) => (
                <View key={`${v.memberName}${v.birthday}`} className='voucher__line'>
                  <InfoRow label={v.memberName}>
                    <Badge tone={STATUS_TONE[v.status]} text={v.statusLabel} />
                  </InfoRow>
                  <View className='voucher__note'>{`生日 ${dayZh(v.birthday, { now })} · ${formatMoney(v.amountFen)} · 有效期至 ${dayZh(v.lastDay, { now })}`}</View>
                </View>
              ))}
              <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={l.setPage} />
            </>
          )
        }
      </CallView>
    </Card>
  );
}
