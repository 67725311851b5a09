import { View } from '@tarojs/components';
import type { CaseView } from '@/core/contracts/care';
import { Card } from '@/components/Card';
import { InfoRow } from '@/components/InfoRow';
import { caseDueText, contactText, dayText, WORKING_DAYS_NOTE } from '../../format';
import { Attachments, CaseBadges } from './index';
import '../care.scss';

/**
 * What a case is about: its badges, category, who asked (or whom a report is about), the handler, the deadline in
 * working days, how to reach the member, what happened and its photos. `requester` is how the reader names who asked.
 */
export function CaseFacts({ c, requester }: { c: CaseView; requester: string }) {
  const due = caseDueText(c);
  const instant = c.kind === 'instant';
  return (
    <Card title={c.title}>
      <CaseBadges c={c} />
      <InfoRow label='类别'>{c.categoryLabel}</InfoRow>
      {instant && c.subjectName && <InfoRow label='当事人'>{c.subjectName}</InfoRow>}
      {instant && c.eventDate && <InfoRow label='日期'>{dayText(c.eventDate)}</InfoRow>}
      {instant && c.place && <InfoRow label='地点'>{c.place}</InfoRow>}
      <InfoRow label={instant ? '上报人' : '提交人'}>{requester}</InfoRow>
      <InfoRow label='处理人'>{c.handlerName ?? (instant ? '尚未确认' : '尚未受理')}</InfoRow>
      {due && (
        <InfoRow label='办理期限'>
          <View>{due}</View>
          <View className='care-timeline__note'>{WORKING_DAYS_NOTE}</View>
        </InfoRow>
      )}
      {!instant && <InfoRow label='联系方式'>{contactText(c.contact)}</InfoRow>}
      {c.body && <View className='care-facts__body care-text'>{c.body}</View>}
      <Attachments items={c.attachments} />
    </Card>
  );
}
