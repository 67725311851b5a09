import { View } from '@tarojs/components';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { DownloadOutcome } from '@/components/DownloadOutcome';
import { EmptyState } from '@/components/EmptyState';
import { FormField, SelectField } from '@/components/Form';
import { InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { Tabs } from '@/components/Tabs';
import { ROUTES } from '@/services/routes';
import { useStats } from '../../hooks/useStats';
import { MONTH_OPTIONS, STATS_NOTE, TABLE_COLUMNS, calendarWarning, categoryLines, monthLines, periodText, totalRows, yearOptions, type StatsLine } from '../../stats';
import '../../components/care.scss';
import './index.scss';

/** 关爱统计 (工会管理): a year month by month, or one month — received, on time, satisfaction — by category; 导出 Excel. */
export default function StatsPage() {
  return <Page path={ROUTES.careStats}>{() => <Stats />}</Page>;
}

function Stats() {
  const years = yearOptions(new Date());
  const s = useStats(years[0].value);
  const busy = s.exporter.busy;
  return (
    <>
      <Tabs options={years} value={s.year} onChange={s.setYear} />
      <FormField label='时间'>
        <SelectField options={MONTH_OPTIONS} value={s.month} onChange={s.setMonth} />
      </FormField>
      <CallView call={s.figures} loadingText='正在统计…'>
        {(data) => {
          const months = monthLines(data.year, data.months, new Date());
          const categories = categoryLines(data.categories);
          const warning = calendarWarning(data.year, data.calendar);
          return (
            <>
              {warning && <Notice tone='warn'>{warning}</Notice>}
              <Card title={`${periodText(s.year, s.month)}合计`}>
                {data.total.received === 0 ? (
                  <EmptyState title='这段时间没有收到求助' />
                ) : (
                  totalRows(data.total).map((r) => (
                    <InfoRow key={r.label} label={r.label}>
                      {r.value}
                    </InfoRow>
                  ))
                )}
              </Card>
              {s.month === 'all' && months.length > 0 && (
                <Card title='按月'>
                  <Table first='月份' lines={months} />
                </Card>
              )}
              {categories.lines.length > 0 && (
                <Card title='按类别'>
                  <Table first='类别' lines={categories.lines} />
                  {categories.none && <View className='care-note'>{categories.none}</View>}
                </Card>
              )}
              <View className='care-note'>{STATS_NOTE}</View>
            </>
          );
        }}
      </CallView>
      <View className='care-gap' />
      <ActionButton kind='secondary' text={busy ? '正在导出…' : `导出 Excel（${periodText(s.year, s.month)}）`} disabled={busy} onClick={s.download} />
      <View className='care-note'>导出这段时间收到的每件事项。心理疏导、法律咨询只列类别，不含内容；匿名意见不含标题、提出人和办理结果。导出会记入审计日志。</View>
      <DownloadOutcome download={s.exporter} />
    </>
  );
}

/** A table a phone shows whole: five narrow columns, the first naming the line; an empty line is grey. */
function Table({ first, lines }: { first: string; lines: StatsLine[] }) {
  return (
    <View className='care-stats'>
      <View className='care-stats__row care-stats__row--head'>
        <View className='care-stats__name'>{first}</View>
        {TABLE_COLUMNS.map((c) => (
          <View key={c} className='care-stats__cell'>
            {c}
          </View>
        ))}
      </View>
      {lines.map((l) => (
        <View key={l.key} className={`care-stats__row${l.empty ? ' care-stats__row--empty' : ''}`}>
          <View className='care-stats__name'>{l.label}</View>
          <View className='care-stats__cell'>{l.received}</View>
          <View className='care-stats__cell'>{l.acceptOnTime}</View>
          <View className='care-stats__cell'>{l.closeOnTime}</View>
          <View className='care-stats__cell'>{l.satisfied}</View>
        </View>
      ))}
    </View>
  );
}
