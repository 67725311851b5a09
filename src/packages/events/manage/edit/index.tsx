import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import type { EventAdminView } from '@/core/contracts/events';
import { EVENT_KIND_LABELS, EVENT_KINDS, lastEventDay } from '@/core/domain/events';
import { addDays } from '@/core/time';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { ErrorNotice } from '@/components/ErrorNotice';
import { ChoiceField, DateField, FormField, SelectField, SwitchField, TextArea, TextInput, TimeField } from '@/components/Form';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { useCall } from '@/hooks/useCall';
import type { QuestionDraft } from '../../eventForm';
import { useEventEditor, type EventEditor } from '../../hooks/useEventEditor';
import { todayKey } from '@/services/format';
import { queryParam, ROUTES } from '@/services/routes';
import { InlineButton } from '@/components/InlineButton';
import './index.scss';

const KIND_OPTIONS = EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }));
const GENDER_OPTIONS = [
  { value: 'all' as const, label: '不限' },
  { value: 'male' as const, label: '限男' },
  { value: 'female' as const, label: '限女' },
];
const QUESTION_TYPES: Record<QuestionDraft['type'], string> = { choice: '选项', yesno: '是否', family: '携带家属人数' };
const LABEL_EXAMPLES: Record<QuestionDraft['type'], string> = { choice: '例如：衣服尺码', yesno: '例如：是否用餐', family: '例如：携带家属人数' };

/** Where the end-time wheel opens: two hours after the start (most events), so one tap on 确定 is usually right. */
function twoHoursAfter(start: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(start);
  if (!m) return '11:00';
  return `${String(Math.min(23, Number(m[1]) + 2)).padStart(2, '0')}:${m[2]}`;
}

/** 发布活动 (no id) or 修改活动 (?id=…): every field of an event, its audience and its sign-up questions. */
export default function EventEditPage() {
  const id = queryParam(useRouter().params, 'id');
  return (
    <Page path={ROUTES.eventEdit} title={id ? '修改活动' : undefined}>
      {({ openid }) => (id ? <EditEvent id={id} openid={openid} /> : <EventForm original={null} openid={openid} />)}
    </Page>
  );
}

function EditEvent({ id, openid }: { id: string; openid: string }) {
  const event = useCall('events', 'adminGet', { payload: { eventId: id } });
  return (
    <CallView call={event} loadingText='正在读取活动…'>
      {(data) => <EventForm key={data.updatedAt} original={data} openid={openid} />}
    </CallView>
  );
}

function EventForm({ original, openid }: { original: EventAdminView | null; openid: string }) {
  const f = useEventEditor(original, openid);
  const { values: v, set, errors } = f;
  const today = todayKey();
  // The pickers offer no date beyond the function's limit (two years ahead).
  const lastDay = lastEventDay(new Date());
  useEffect(() => {
    if (original) void Taro.setNavigationBarTitle({ title: '修改活动' });
  }, [original]);
  const hasFamily = v.questions.some((q) => q.type === 'family');
  return (
    <>
      {original && original.status === 'cancelled' && <Notice tone='warn'>本活动已取消，修改不会让它恢复报名。</Notice>}
      {original && original.confirmedCount + original.waitlistCount > 0 && (
        <Notice tone='info'>已有会员报名。修改时间或地点后，已报名和候补的会员都会收到通知；增加名额会让候补的会员按顺序转为正式。</Notice>
      )}
      <Card title='活动内容'>
        <FormField label='标题' required error={errors.title}>
          <TextInput value={v.title} onChange={(x) => set('title', x)} placeholder='例如：乒乓球友谊赛' limit={40} />
        </FormField>
        <FormField label='类型' required error={errors.kind}>
          <SelectField options={KIND_OPTIONS} value={v.kind} onChange={(x) => set('kind', x)} placeholder='请选择活动类型' />
        </FormField>
        <FormField label='地点' required error={errors.place}>
          <TextInput value={v.place} onChange={(x) => set('place', x)} placeholder='例如：机关活动中心二楼' limit={100} />
        </FormField>
        <FormField label='说明' hint='活动安排、报名须知、注意事项等，会员在活动详情中看到' error={errors.description}>
          <TextArea value={v.description} onChange={(x) => set('description', x)} placeholder='选填，例如：比赛采用单打淘汰制，请穿运动鞋' limit={2000} />
        </FormField>
        <CoverField cover={f.cover} error={errors.coverFileID} />
        <FormField label='工作餐' error={errors.workMeal}>
          <SwitchField checked={v.workMeal} onChange={(x) => set('workMeal', x)} label='含工作餐' off='不含工作餐' />
        </FormField>
      </Card>

      <Card title='时间'>
        <DateTime
          label='活动开始'
          date={v.date}
          time={v.startTime}
          onDate={f.setDate}
          onTime={(x) => set('startTime', x)}
          error={errors.startsAt}
          openAt={addDays(today, 7)}
          end={lastDay}
          placeholders={['请选择活动日期', '开始时间']}
          timeOpenAt='09:00'
        />
        <DateTime
          label='活动结束'
          hint='结束日期随开始日期自动填写；多日活动（如春秋游）请改为最后一天'
          date={v.endDate}
          time={v.endTime}
          onDate={(x) => set('endDate', x)}
          onTime={(x) => set('endTime', x)}
          error={errors.endsAt}
          openAt={v.date || addDays(today, 7)}
          start={v.date || undefined}
          end={lastDay}
          placeholders={['结束日期', '结束时间']}
          timeOpenAt={twoHoursAfter(v.startTime)}
        />
        <DateTime label='报名开始' hint='默认为现在，发布后会员即可报名' date={v.opensDate} time={v.opensTime} onDate={(x) => set('opensDate', x)} onTime={(x) => set('opensTime', x)} error={errors.signupOpensAt} openAt={today} />
        <DateTime
          label='报名截止'
          hint='选好活动日期后默认为前一天 18:00，可以修改'
          date={v.closesDate}
          time={v.closesTime}
          onDate={(x) => set('closesDate', x)}
          onTime={(x) => set('closesTime', x)}
          error={errors.signupClosesAt}
          openAt={v.date || today}
        />
        <DateTime
          label='取消截止'
          hint='此时间以前，会员可以自己取消报名，空出的名额自动让给候补'
          date={v.cancelDate}
          time={v.cancelTime}
          onDate={(x) => set('cancelDate', x)}
          onTime={(x) => set('cancelTime', x)}
          error={errors.cancelDeadline}
          openAt={v.date || today}
        />
      </Card>

      <Card title='名额'>
        <FormField label='名额限制' error={v.unlimited ? errors.capacity : undefined}>
          <SwitchField checked={!v.unlimited} onChange={(x) => set('unlimited', !x)} label='限定名额' off='不限名额，报名的人都能参加' />
        </FormField>
        {!v.unlimited && (
          <FormField label='名额（人）' required hint='携带的家属也占名额；名额满后报名的会员进入候补' error={errors.capacity}>
            <TextInput value={v.capacity} onChange={(x) => set('capacity', x)} type='number' placeholder='例如：30' maxlength={6} />
          </FormField>
        )}
      </Card>

      <Card title='参加范围'>
        <FormField label='退休会员' error={errors['audience.retirees']}>
          <SwitchField checked={v.retirees} onChange={(x) => set('retirees', x)} label='退休会员可以参加' off='仅限在职会员参加' />
        </FormField>
        <FormField label='性别' error={errors['audience.genders']}>
          <ChoiceField options={GENDER_OPTIONS} value={v.gender} onChange={(x) => set('gender', x)} />
        </FormField>
        <FormField label='部门' hint='不限请留空；多个部门用逗号分开' error={errors['audience.departments']}>
          <TextInput value={v.departments} onChange={(x) => set('departments', x)} placeholder='例如：办公室，财务科' maxlength={500} />
        </FormField>
        <View className='evedit__pair'>
          <View className='evedit__half'>
            <FormField label='最小年龄' error={errors['audience.minAge']}>
              <TextInput value={v.minAge} onChange={(x) => set('minAge', x)} type='number' placeholder='不限' maxlength={3} />
            </FormField>
          </View>
          <View className='evedit__half'>
            <FormField label='最大年龄' error={errors['audience.maxAge']}>
              <TextInput value={v.maxAge} onChange={(x) => set('maxAge', x)} type='number' placeholder='不限' maxlength={3} />
            </FormField>
          </View>
        </View>
        {original?.audience.memberIds && <View className='evedit__note'>本活动限指定的 {original.audience.memberIds.length} 位会员参加（名单保持不变）。</View>}
      </Card>

      <Card title='报名问题'>
        <View className='evedit__note'>会员报名时回答这些问题。没有问题的活动，会员在活动列表上点「报名」再点「确认报名」即可报上名。</View>
        {errors.extraFields && <Notice tone='error'>{errors.extraFields}</Notice>}
        {v.questions.map((q, i) => (
          <Question key={q.key} index={i} question={q} errors={errors} onChange={(patch) => f.setQuestion(i, patch)} onRemove={() => f.removeQuestion(i)} />
        ))}
        <View className='evedit__add'>
          <InlineButton text='添加选项问题' onClick={() => f.addQuestion('choice')} />
          <InlineButton text='添加是否问题' onClick={() => f.addQuestion('yesno')} />
          {!hasFamily && <InlineButton text='添加携带家属人数' onClick={() => f.addQuestion('family')} />}
        </View>
      </Card>

      {f.error && (
        <Notice tone='error' title={original ? '没有保存' : '没有发布'} items={f.problems}>
          {f.error.message}
        </Notice>
      )}
      <ActionButton text={f.busy ? (original ? '正在保存…' : '正在发布…') : original ? '保存修改' : '发布活动'} disabled={f.busy} onClick={() => void f.submit()} />
    </>
  );
}

interface DateTimeProps {
  label: string;
  hint?: string;
  date: string;
  time: string;
  onDate: (date: string) => void;
  onTime: (time: string) => void;
  error?: string;
  /** Where the date wheel opens while no date is chosen, and the earliest date it offers. */
  openAt: string;
  start?: string;
  /** The last date it offers. */
  end?: string;
  /** What the date and the time boxes say while empty. */
  placeholders?: [string, string];
  timeOpenAt?: string;
}

/** A moment (the event's start and end, a deadline): its date and its time side by side, under one label. */
function DateTime({ label, hint, date, time, onDate, onTime, error, openAt, start = '2000-01-01', end, placeholders = ['选择日期', '时间'], timeOpenAt = '18:00' }: DateTimeProps) {
  return (
    <FormField label={label} required hint={hint} error={error}>
      <View className='evedit__pair'>
        <View className='evedit__date'>
          <DateField value={date} onChange={onDate} start={start} end={end} openAt={openAt} placeholder={placeholders[0]} />
        </View>
        <View className='evedit__time'>
          <TimeField value={time} onChange={onTime} openAt={timeOpenAt} placeholder={placeholders[1]} />
        </View>
      </View>
    </FormField>
  );
}

/**
 * 封面图片: the picture members see on the event's card and at the top of its page. Uploaded at once to the
 * officer's own folder; the function checks it and keeps its own copy when the event is published or saved.
 */
function CoverField({ cover, error }: { cover: EventEditor['cover']; error?: string }) {
  return (
    <FormField label='封面图片' hint='选填。会员在活动列表和详情页顶部看到；建议用横向照片，JPG、PNG 或 WebP，不超过 5 MB' error={error}>
      {cover.url ? <Image className='evedit__cover u-cover' src={cover.url} mode='aspectFill' webp ariaLabel='封面图片' /> : <View className='evedit__cover evedit__cover--empty'>未设置封面</View>}
      <View className='evedit__cover-actions'>
        <InlineButton text={cover.uploading ? '正在上传…' : cover.url ? '更换' : '上传封面'} disabled={cover.uploading} onClick={() => void cover.upload()} />
        {cover.url && !cover.uploading && <InlineButton text='删除' kind='danger' onClick={cover.remove} />}
      </View>
      <ErrorNotice error={cover.error} titles={{ BAD_REQUEST: '没有上传封面' }} />
    </FormField>
  );
}

interface QuestionProps {
  index: number;
  question: QuestionDraft;
  errors: Partial<Record<string, string>>;
  onChange: (patch: Partial<QuestionDraft>) => void;
  onRemove: () => void;
}

function Question({ index, question: q, errors, onChange, onRemove }: QuestionProps) {
  const err = (field: string) => errors[`extraFields.${index}.${field}`];
  return (
    <View className='evedit__question'>
      <View className='evedit__question-head'>
        <View className='evedit__question-title'>
          问题 {index + 1} · {QUESTION_TYPES[q.type]}
        </View>
        <InlineButton text='删除' kind='danger' onClick={onRemove} />
      </View>
      <FormField label='问题' required error={err('label') ?? err('key')}>
        <TextInput value={q.label} onChange={(x) => onChange({ label: x })} placeholder={LABEL_EXAMPLES[q.type]} limit={20} />
      </FormField>
      {q.type === 'choice' && (
        <FormField label='选项' required hint='两个以上，用逗号分开' error={err('options')}>
          <TextInput value={q.options} onChange={(x) => onChange({ options: x })} placeholder='例如：S,M,L,XL' maxlength={300} />
        </FormField>
      )}
      {q.type === 'family' && (
        <FormField label='每人最多带几位家属' required hint='家属计入名额' error={err('max')}>
          <TextInput value={q.max} onChange={(x) => onChange({ max: x })} type='number' placeholder='例如：2' maxlength={2} />
        </FormField>
      )}
      {q.type !== 'family' && (
        <FormField label='是否必答' error={err('required')}>
          <SwitchField checked={q.required} onChange={(x) => onChange({ required: x })} label='必须回答' off='可以不答' />
        </FormField>
      )}
    </View>
  );
}
