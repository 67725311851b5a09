import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { can } from '@/core/domain/roles';
import { formatMoney } from '@/core/money';
import { BUDGET_LINE_LABELS, BUDGET_LINES, type BudgetLine } from '@/core/policy/items';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { EmptyState } from '@/components/EmptyState';
import { DownloadOutcome } from '@/components/DownloadOutcome';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FormField, SelectField, TextInput } from '@/components/Form';
import { Badge } from '@/components/InfoRow';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { Tabs } from '@/components/Tabs';
import { LEDGER_PAGE_SIZE, useLedger, type LedgerEntry } from '../../hooks/useLedger';
import { currentYear, dateText } from '@/services/format';
import { entryTitle } from '../../format';
import { ROUTES } from '@/services/routes';
import { ButtonGrid } from '@/components/ButtonGrid';
import { InlineButton } from '@/components/InlineButton';
import './index.scss';

const LINE_OPTIONS: { value: BudgetLine | 'all'; label: string }[] = [{ value: 'all', label: '全部项目' }, ...BUDGET_LINES.map((l) => ({ value: l, label: BUDGET_LINE_LABELS[l] }))];

/** 经费台账: every payout of a year, newest first, with who approved it; 登记支出, 冲正, 导出 Excel. */
export default function LedgerPage() {
  return (
    <Page path={ROUTES.ledger}>
      {({ account }) => <Ledger canWrite={can(account.roles, 'ledger.write')} />}
    </Page>
  );
}

function Ledger({ canWrite }: { canWrite: boolean }) {
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const l = useLedger(year);
  return (
    <>
      <ButtonGrid>
        {canWrite && <ActionButton text='登记支出' onClick={() => void Taro.navigateTo({ url: ROUTES.record })} />}
        <ActionButton kind='secondary' text={l.exporter.busy ? '正在导出…' : '导出 Excel'} disabled={l.exporter.busy} onClick={() => void l.exporter.download({ year })} />
      </ButtonGrid>
      <DownloadOutcome download={l.exporter} />
      <Tabs
        options={[
          { value: thisYear, label: `今年（${thisYear}）` },
          { value: thisYear - 1, label: `去年（${thisYear - 1}）` },
        ]}
        value={year}
        onChange={(y) => {
          setYear(y);
          l.setPage(1);
        }}
      />
      <FormField label='项目'>
        <SelectField options={LINE_OPTIONS} value={l.line} onChange={l.setLine} />
      </FormField>
      <CallView call={l.list} loadingText='正在读取台账…'>
        {(data) => {
          const reversed = new Set(data.items.map((e) => e.reverses).filter((id): id is string => id !== null));
          return (
            <>
              <View className='ledger__count'>共 {data.total} 笔</View>
              {data.items.length === 0 && <EmptyState title='还没有支出记录' note={canWrite ? '点上方「登记支出」登记第一笔。' : undefined} />}
              {data.items.map((e) => (
                <Entry key={e.id} entry={e} reversed={reversed.has(e.id)} canWrite={canWrite} ledger={l} />
              ))}
              <Pager page={l.page} pageSize={LEDGER_PAGE_SIZE} total={data.total} onChange={l.setPage} />
            </>
          );
        }}
      </CallView>
    </>
  );
}

function Entry({ entry: e, reversed, canWrite, ledger: l }: { entry: LedgerEntry; reversed: boolean; canWrite: boolean; ledger: ReturnType<typeof useLedger> }) {
  const isReversal = e.reverses !== null;
  return (
    <View className={`ledger__entry${isReversal ? ' ledger__entry--reversal' : ''}`}>
      <View className='ledger__head'>
        <View className='ledger__item'>{entryTitle(e.itemLabel, e.holiday)}</View>
        <View className={`ledger__amount${e.amountFen < 0 ? ' ledger__amount--negative' : ''}`}>{formatMoney(e.amountFen)}</View>
      </View>
      <View className='ledger__meta'>
        {dateText(e.at)} · {e.formLabel}
        {e.memberName ? ` · ${e.memberName}` : ''}
      </View>
      <View className='ledger__meta'>批准：{e.approvedBy}</View>
      {e.note && <View className='ledger__meta'>备注：{e.note}</View>}
      {(isReversal || reversed) && (
        <View className='ledger__badges'>
          {isReversal && <Badge tone='warn' text='冲正记录' />}
          {reversed && <Badge tone='muted' text='已冲正' />}
        </View>
      )}
      {canWrite &&
        !isReversal &&
        !reversed &&
        (l.reversing === e.id ? (
          <View className='ledger__reverse'>
            <FormField label='冲正原因' required hint='例如：金额登记错误，应为 200 元'>
              <TextInput value={l.reason} onChange={l.setReason} placeholder='请写明原因' maxlength={200} />
            </FormField>
            <ErrorNotice error={l.reverseError} />
            <View className='ledger__buttons'>
              <InlineButton text='取消' onClick={l.cancelReverse} />
              <InlineButton text={l.reverseBusy ? '正在冲正…' : '确认冲正'} kind='primary' disabled={l.reverseBusy} onClick={() => void l.reverse()} />
            </View>
          </View>
        ) : (
          <View className='ledger__buttons'>
            <InlineButton text='冲正' kind='danger' onClick={() => l.beginReverse(e)} />
          </View>
        ))}
    </View>
  );
}
