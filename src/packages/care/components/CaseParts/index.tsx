import { View } from '@tarojs/components';
import type { CaseRow, CaseView } from '@/core/contracts/care';
import { Attachments } from '@/components/Files';
import { Badge } from '@/components/InfoRow';
import { Card } from '@/components/Card';
import { RATING_LABELS } from '@/core/domain/care';
import { authorText, badgesOf, handlerText, momentText, rowDueText, timelineOf } from '../../format';
import '../care.scss';

/** The badges of a case: 已超期, 紧急, 督办, 保密, its status. */
export function CaseBadges({ c }: { c: Parameters<typeof badgesOf>[0] }) {
  return (
    <View className='care-badges'>
      {badgesOf(c).map((b) => (
        <Badge key={b.text} tone={b.tone} text={b.text} />
      ))}
    </View>
  );
}

/** A case's photos and documents (the shared gallery). */
export { Attachments };

/** 已提交 → 已受理 → 处理中 → 已答复 → 已办结 (or where it ended, with the reason). */
export function Timeline({ c }: { c: Pick<CaseView, 'steps' | 'status' | 'category'> }) {
  return (
    <View ariaRole='list'>
      {timelineOf(c).map((item) => (
        <View key={item.key} className={`care-timeline__item care-timeline__item--${item.state}`} ariaRole='listitem'>
          <View className='care-timeline__dot' />
          <View className='care-timeline__main'>
            <View className='care-timeline__label'>
              {item.label}
              {item.state === 'current' ? '（当前）' : ''}
            </View>
            {item.when && <View className='care-timeline__when'>{item.when}</View>}
            {item.note && <View className='care-timeline__note'>{item.note}</View>}
          </View>
        </View>
      ))}
    </View>
  );
}

/** 办理进度 and, once closed, 办理结果: the same for the member and for whoever handles the case. */
export function Progress({ c }: { c: Pick<CaseView, 'steps' | 'status' | 'category' | 'summary'> }) {
  return (
    <>
      <Card title='办理进度'>
        <Timeline c={c} />
      </Card>
      {c.summary && (
        <Card title='办理结果'>
          <View className='care-text'>{c.summary}</View>
        </Card>
      )}
    </>
  );
}

/** The member's rating of a closed case, under the title of the reader's page (我的评价 / 会员评价); nothing before it. */
export function RatingCard({ c, title }: { c: Pick<CaseView, 'rating' | 'ratingComment'>; title: string }) {
  if (!c.rating) return null;
  return (
    <Card title={title}>
      <View className='care-rated'>{RATING_LABELS[c.rating]}</View>
      {c.ratingComment && <View className='care-text'>{c.ratingComment}</View>}
    </Card>
  );
}

/** The conversation, oldest first: the member's lines, the handler's answers, and (for handlers) internal notes. */
export function Conversation({ messages, viewer }: { messages: CaseView['messages']; viewer: 'member' | 'handler' }) {
  if (messages.length === 0) return <View className='care-note'>还没有留言。</View>;
  return (
    <View>
      {messages.map((m) => (
        <View key={m.id} className={`care-msg${m.internal ? ' care-msg--internal' : m.from === 'handler' ? ' care-msg--handler' : m.from === 'system' ? ' care-msg--system' : ''}`}>
          {m.internal && <View className='care-msg__internal'>内部备注，会员看不到</View>}
          <View className='care-msg__head'>
            <View className='care-msg__author'>{authorText(m, viewer)}</View>
            <View>{momentText(m.at)}</View>
          </View>
          {m.text && <View className='care-text'>{m.text}</View>}
          <Attachments items={m.attachments} />
        </View>
      ))}
    </View>
  );
}

/** A line of 我的求助 or of the queue; `requester` shows who asked (the queue). */
export function CaseRowItem({ row, requester, onOpen }: { row: CaseRow; requester?: string; onOpen: () => void }) {
  const due = rowDueText(row);
  const handler = handlerText(row);
  return (
    <View className='care-row' hoverClass='care-row--pressed' ariaRole='link' ariaLabel={row.title} onClick={onOpen}>
      <View className='care-row__main'>
        <View className='care-row__title'>{row.title}</View>
        <CaseBadges c={row} />
        <View className='care-row__meta'>
          {row.categoryLabel}
          {requester ? ` · ${requester}` : ''}
          {handler ? ` · ${handler}` : ''}
        </View>
        {due && <View className={`care-row__due${row.overdue ? ' care-row__due--late' : ''}`}>{due}</View>}
      </View>
      <View className='care-row__chevron'>›</View>
    </View>
  );
}
