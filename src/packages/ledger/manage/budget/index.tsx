import { useState } from 'react';
import { View } from '@tarojs/components';
import { can } from '@/core/domain/roles';
import { formatMoney } from '@/core/money';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FormField, TextInput } from '@/components/Form';
import { Badge, InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { Tabs } from '@/components/Tabs';
import { useBudget } from '../../hooks/useBudget';
import { currentYear } from '@/services/format';
import { InlineButton } from '@/components/InlineButton';
import { ProgressBar } from '../../components/ProgressBar';
import { ROUTES } from '@/services/routes';
import './index.scss';

/** 预算: each budget line's budget, spending and count, a bar, the 80% warning; officers edit a line's budget. */
export default function BudgetPage() {
  return (
    <Page path={ROUTES.budget}>
      {({ account }) => <Budget canWrite={can(account.roles, 'budget.write')} />}
    </Page>
  );
}

function Budget({ canWrite }: { canWrite: boolean }) {
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const b = useBudget(year);
  return (
    <>
      <Tabs
        options={[
          { value: thisYear - 1, label: `${thisYear - 1}` },
          { value: thisYear, label: `${thisYear}（今年）` },
          { value: thisYear + 1, label: `${thisYear + 1}` },
        ]}
        value={year}
        onChange={setYear}
      />
      <CallView call={b.list} loadingText='正在读取预算…'>
        {(data) => (
          <>
            <Notice tone='info'>没有预算的项目不能支出；每项支出不能超过预算。已用到 80% 时会提醒。</Notice>
            {data.lines.map((line) => (
              <Card key={line.line} title={line.label} extra={line.amountFen > 0 ? <Badge tone={line.percent >= 80 ? 'warn' : 'ok'} text={`已用 ${line.percent}%`} /> : <Badge tone='muted' text='未编制' />}>
                <InfoRow label='年度预算'>{line.amountFen > 0 ? formatMoney(line.amountFen) : '未编制'}</InfoRow>
                <InfoRow label='已支出'>{`${formatMoney(line.spentFen)}（${line.count} 笔）`}</InfoRow>
                {line.reservedFen > 0 && <InfoRow label='已预留'>{`${formatMoney(line.reservedFen)}（发放批次未结束）`}</InfoRow>}
                {line.amountFen > 0 && <InfoRow label='剩余'>{formatMoney(Math.max(0, line.amountFen - line.spentFen - line.reservedFen))}</InfoRow>}
                {line.amountFen > 0 && <ProgressBar percent={line.percent} />}
                {line.warning && <Notice tone='warn'>{line.warning}</Notice>}
                {canWrite &&
                  (b.editing === line.line ? (
                    <View className='budget__edit'>
                      <FormField label={`${year} 年度预算（元）`} required hint={line.spentFen + line.reservedFen > 0 ? `不能低于已支出${line.reservedFen > 0 ? '与已预留合计' : '的'} ${formatMoney(line.spentFen + line.reservedFen)}` : undefined}>
                        <TextInput value={b.text} onChange={b.setText} type='digit' placeholder='例如 20000' maxlength={14} onConfirm={() => void b.save()} />
                      </FormField>
                      <ErrorNotice error={b.error} />
                      <View className='budget__buttons'>
                        <InlineButton text='取消' onClick={b.cancel} />
                        <InlineButton text={b.saving ? '正在保存…' : '保存'} kind='primary' disabled={b.saving} onClick={() => void b.save()} />
                      </View>
                    </View>
                  ) : (
                    <View className='budget__buttons'>
                      <InlineButton text={line.amountFen > 0 ? '修改预算' : '编制预算'} onClick={() => b.begin(line)} />
                    </View>
                  ))}
              </Card>
            ))}
          </>
        )}
      </CallView>
    </>
  );
}
