import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import type { CaseView } from '@/core/contracts/care';
import { RATING_LABELS, RATINGS } from '@/core/domain/care';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { ChoiceField, FormField, TextArea } from '@/components/Form';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { queryParam, ROUTES } from '@/services/routes';
import { ratingNote } from '../../askForm';
import { Conversation, Progress, RatingCard } from '../../components/CaseParts';
import { CaseFacts } from '../../components/CaseParts/CaseFacts';
import { Visits } from '../../components/CaseParts/Visits';
import { FilesField } from '@/components/Files';
import { useCase } from '../../hooks/useCase';
import '../../components/care.scss';

const RATING_OPTIONS = RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] }));

/** 求助详情 (?id=…): the timeline, the handler and the due date, the conversation, 补充信息, 撤回 and the rating. */
export default function CasePage() {
  const id = queryParam(useRouter().params, 'id');
  // A 即时关爱 report reads 上报详情; which one it is, the case says once loaded.
  const [instant, setInstant] = useState(false);
  return (
    <Page path={ROUTES.careCase} title={instant ? '上报详情' : undefined}>
      {({ openid }) => (id ? <MemberCase id={id} openid={openid} onKind={(kind) => setInstant(kind === 'instant')} /> : <EmptyState title='没有找到这件求助' note='请从「我的求助」中打开。' />)}
    </Page>
  );
}

function MemberCase({ id, openid, onKind }: { id: string; openid: string; onKind: (kind: CaseView['kind']) => void }) {
  const k = useCase(id, openid);
  const kind = k.shown?.kind;
  useEffect(() => {
    if (kind) onKind(kind);
  }, [kind, onKind]);
  return (
    <CallView call={k.view} loadingText='正在读取…'>
      {() => (k.shown ? <CaseBody c={k.shown} k={k} /> : null)}
    </CallView>
  );
}

function CaseBody({ c, k }: { c: CaseView; k: ReturnType<typeof useCase> }) {
  const can = (a: CaseView['can'][number]) => c.can.includes(a);
  const info = k.info.form;
  const rating = k.rating.form;
  const note = ratingNote(rating.values.rating, c.reopened);
  return (
    <>
      {c.status === 'returned' && <Notice tone='warn' title='这件事已退回'>{c.steps[c.steps.length - 1]?.note || '工会没有受理这件事。'}</Notice>}
      {c.supervised && <Notice tone='info'>工会主席已在督办这件事。</Notice>}
      <CaseFacts c={c} requester={c.requesterName} />

      {c.visits.length > 0 && (
        <Card title='看望慰问'>
          {/* The line the function wrote for this reader: the member concerned, or the colleague who reported it. */}
          <Visits visits={c.visits} viewer='member' />
        </Card>
      )}

      <Progress c={c} />

      <Card title='留言与答复'>
        <Conversation messages={c.messages} viewer='member' />
      </Card>

      {can('rate') && (
        <Card title='请您评价'>
          <FormField label='对办理结果是否满意' required error={rating.errors.rating}>
            <ChoiceField options={RATING_OPTIONS} value={rating.values.rating} onChange={(x) => rating.set('rating', x)} />
          </FormField>
          {note && <Notice tone='warn'>{note}</Notice>}
          <FormField label='说说您的看法' hint='选填' error={rating.errors.comment}>
            <TextArea value={rating.values.comment} onChange={(x) => rating.set('comment', x)} placeholder={rating.values.rating === 'unsatisfied' ? '哪里不满意，希望怎样办' : '选填'} limit={200} />
          </FormField>
          {rating.error && <Notice tone='error'>{rating.error.message}</Notice>}
          <ActionButton text={k.rating.busy ? '正在提交…' : '提交评价'} disabled={k.rating.busy} onClick={() => void k.rating.send()} />
        </Card>
      )}
      <RatingCard c={c} title='我的评价' />

      {can('addInfo') && (
        <Card title='补充信息'>
          <FormField label='补充内容' required error={info.errors.text}>
            <TextArea value={info.values.text} onChange={(x) => info.set('text', x)} placeholder='想补充的情况，或想对处理人说的话' limit={1000} />
          </FormField>
          <FilesField uploads={k.info.uploads} error={info.errors.files} />
          {info.error && <Notice tone='error'>{info.error.message}</Notice>}
          <ActionButton text={k.info.busy ? '正在发送…' : '发送'} disabled={k.info.busy} onClick={() => void k.info.send()} />
        </Card>
      )}

      {can('withdraw') && (
        <>
          <ErrorNotice error={k.withdraw.error} />
          <ActionButton text={k.withdraw.busy ? '正在撤回…' : '撤回这件求助'} kind='secondary' note='受理之前可以撤回' disabled={k.withdraw.busy} onClick={() => void k.withdraw.run()} />
        </>
      )}
    </>
  );
}
