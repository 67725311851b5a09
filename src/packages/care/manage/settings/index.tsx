import { View } from '@tarojs/components';
import { CATEGORY_LABELS, HELP_CATEGORIES } from '@/core/domain/care';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { DateField, FormField, TextInput } from '@/components/Form';
import { Badge } from '@/components/InfoRow';
import { InlineButton } from '@/components/InlineButton';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { useCall } from '@/hooks/useCall';
import { ROUTES } from '@/services/routes';
import { CALENDAR_SOURCE_TEXT, calendarNote, dayText, WORKING_DAYS_NOTE } from '../../format';
import { useSettings } from '../../hooks/useSettings';
import { DAY_KIND_LABELS, editableYears, sourceAfter, type DayKind, type SettingsData } from '../../settingsForm';
import '../../components/care.scss';

/** 关爱中心设置: the deadlines per category, and the 放假安排 of the years the calendar does not know yet. */
export default function SettingsPage() {
  return <Page path={ROUTES.careSettings}>{() => <Settings />}</Page>;
}

function Settings() {
  const settings = useCall('care', 'settingsGet');
  return (
    <CallView call={settings} loadingText='正在读取设置…'>
      {(data) => <SettingsForm key={JSON.stringify(data)} data={data} onSaved={settings.refresh} />}
    </CallView>
  );
}

function SettingsForm({ data, onSaved }: { data: SettingsData; onSaved: () => void }) {
  const s = useSettings(data, onSaved);
  const years = editableYears(data);
  return (
    <>
      <Card title='办理时限'>
        <View className='care-note'>会员提交后，在几个工作日内受理；受理后，在几个工作日内办结。受理填 0 表示当天受理；标为「紧急」的求助一律当天受理。{WORKING_DAYS_NOTE}。</View>
        {HELP_CATEGORIES.map((c) => {
          const d = s.values.deadlines[c];
          return (
            <View key={c}>
              <View className='care-timeline__label'>{CATEGORY_LABELS[c]}</View>
              <View className='care-pair'>
                <View className='care-half'>
                  <FormField label='受理（工作日）' error={s.errors[`deadlines.${c}.accept`]}>
                    <TextInput value={d.accept} onChange={(x) => s.setDeadline(c, 'accept', x)} type='number' maxlength={2} />
                  </FormField>
                </View>
                <View className='care-half'>
                  <FormField label='办结（工作日）' error={s.errors[`deadlines.${c}.close`]}>
                    <TextInput value={d.close} onChange={(x) => s.setDeadline(c, 'close', x)} type='number' maxlength={2} />
                  </FormField>
                </View>
              </View>
            </View>
          );
        })}
      </Card>

      <Card title='工作日从哪里来'>
        {data.calendar.map(({ year, source }) => {
          const now = sourceAfter(year, source, s.values);
          return (
            <View key={year} className='care-calendar'>
              <View className='care-calendar__head'>
                <View className='care-timeline__label'>{year} 年</View>
                <Badge tone={now === 'weekends' ? 'warn' : 'ok'} text={CALENDAR_SOURCE_TEXT[now]} />
              </View>
              {now === 'weekends' ? <Notice tone='warn'>{calendarNote(year, now)}</Notice> : <View className='care-note'>{calendarNote(year, now)}</View>}
            </View>
          );
        })}
      </Card>

      {years.map((year) => (
        <YearEditor key={year} year={year} s={s} />
      ))}

      {s.error && (
        <Notice tone='error' title='没有保存'>
          {s.error.message}
        </Notice>
      )}
      <ActionButton text={s.busy ? '正在保存…' : '保存设置'} disabled={s.busy} onClick={() => void s.submit()} />
    </>
  );
}

/** One year's 放假安排: the weekdays off and the weekend make-up working days, each added with a date picker. */
function YearEditor({ year, s }: { year: number; s: ReturnType<typeof useSettings> }) {
  const a = s.values.arrangements[String(year)] ?? { off: [], on: [] };
  const problemOf = (kind: DayKind) => (s.dayProblem?.year === year && s.dayProblem.kind === kind ? s.dayProblem.message : undefined);
  const kinds: { kind: DayKind; hint: string }[] = [
    { kind: 'off', hint: '放假的工作日（周一到周五），如春节、国庆放假的日子；周末本来就休息，不用录入' },
    { kind: 'on', hint: '调休要上班的周六、周日' },
  ];
  return (
    <Card title={`${year} 年放假安排`}>
      <View className='care-note'>按国务院办公厅公布的 {year} 年放假通知录入。录入后，期限按录入的安排计算。</View>
      {kinds.map(({ kind, hint }) => (
        <FormField key={kind} label={DAY_KIND_LABELS[kind]} hint={hint} error={problemOf(kind) ?? (kind === 'off' ? s.errors[`arrangements.${year}`] : undefined)}>
          <View className='care-dates'>
            {a[kind].length === 0 && <View className='care-note'>尚未录入</View>}
            {a[kind].map((key) => (
              <View key={key} className='care-dates__item'>
                <View>{dayText(key, new Date(Date.UTC(year, 6, 1)))}</View>
                <InlineButton text='删除' kind='danger' onClick={() => s.dropDay(year, kind, key)} />
              </View>
            ))}
          </View>
          <DateField value='' onChange={(key) => s.pickDay(year, kind, key)} start={`${year}-01-01`} end={`${year}-12-31`} openAt={`${year}-01-01`} placeholder={`添加${DAY_KIND_LABELS[kind]}`} />
        </FormField>
      ))}
    </Card>
  );
}
