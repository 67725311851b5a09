import { ActionButton } from '@/components/ActionButton';
import { Card } from '@/components/Card';
import { ChoiceField, DateField, FormField, SelectField, TextArea, TextInput } from '@/components/Form';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { todayKey } from '@/services/format';
import { ROUTES } from '@/services/routes';
import { addDays } from '@/core/time';
import { ColleaguePicker } from '../../components/ColleaguePicker';
import { useReport } from '../../hooks/useReport';
import { dateLabel, INSTANT_OPTIONS, needsPlace, WHO_OPTIONS } from '../../reportForm';
import '../../components/care.scss';

/** 即时关爱上报: 生病住院 / 直系亲属去世 / 结婚 / 生育 / 退休, for oneself or a colleague, so the union can visit. */
export default function ReportPage() {
  return <Page path={ROUTES.careReport}>{() => <ReportForm />}</Page>;
}

function ReportForm() {
  const f = useReport();
  const { values: v, set, errors } = f;
  const today = todayKey();
  return (
    <>
      <Notice tone='info'>告诉工会身边会员的大事，工会会及时看望慰问。为同事上报时，工会干部能看到是您上报的，同事本人也能看到这条上报。</Notice>
      <Card title='上报内容'>
        <FormField label='什么事' required error={errors.category}>
          <SelectField options={INSTANT_OPTIONS} value={v.category} onChange={(x) => set('category', x)} placeholder='请选择' />
        </FormField>
        <FormField label='是谁' required error={errors.who}>
          <ChoiceField options={WHO_OPTIONS} value={v.who} onChange={(x) => set('who', x)} />
        </FormField>
        {v.who === 'colleague' && (
          <FormField label='哪位同事' required hint='输入姓名查找本工会的会员' error={errors.subjectMemberId}>
            <ColleaguePicker value={v.colleague} onChange={(x) => set('colleague', x)} />
          </FormField>
        )}
        <FormField label={dateLabel(v.category)} required error={errors.eventDate}>
          <DateField value={v.eventDate} onChange={(x) => set('eventDate', x)} start={addDays(today, -365)} end={addDays(today, 365)} openAt={today} />
        </FormField>
        {needsPlace(v.category) && (
          <FormField label='住院医院' required hint='便于工会前往看望，可写上科室、床号' error={errors.place}>
            <TextInput value={v.place} onChange={(x) => set('place', x)} placeholder='例如：市第一人民医院 心内科' limit={60} />
          </FormField>
        )}
        <FormField label='补充说明' hint='选填' error={errors.note}>
          <TextArea value={v.note} onChange={(x) => set('note', x)} placeholder='例如：方便探望的时间' limit={500} />
        </FormField>
      </Card>
      {f.error && (
        <Notice tone='error' title='没有上报'>
          {f.error.message}
        </Notice>
      )}
      <ActionButton text={f.busy ? '正在上报…' : '上报'} disabled={f.busy} onClick={() => void f.send()} />
    </>
  );
}
