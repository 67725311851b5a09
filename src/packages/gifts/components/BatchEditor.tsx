import { Image, View } from '@tarojs/components';
import { ActionButton } from '@/components/ActionButton';
import { Card } from '@/components/Card';
import { ChoiceField, DateField, FormField, SelectField, SwitchField, TextArea, TextInput } from '@/components/Form';
import { InlineButton } from '@/components/InlineButton';
import { Notice } from '@/components/Notice';
import { formatMoney } from '@/core/money';
import { HOLIDAY_LABELS, HOLIDAYS } from '@/core/policy/items';
import { MAX_OPTIONS, MAX_PLACES, MIN_OPTIONS } from '../batchForm';
import type { useBatchEditor } from '../hooks/useBatchEditor';
import './GiftBatches.scss';

const FORM_CHOICES = [
  { value: 'in_kind', label: '实物' },
  { value: 'pickup_voucher', label: '提货券' },
] as const;

/** The batch form: holiday, window, 2–6 gifts with photo, value, form and stock, pickup places, delivery, the fallback. */
export function BatchEditor({ e, editing }: { e: ReturnType<typeof useBatchEditor>; editing: boolean }) {
  const v = e.values;
  const cap = e.known?.capFen ?? null;
  return (
    <>
      <Card title='节日与时间'>
        <FormField label='节日' required error={e.errors.holiday}>
          <SelectField options={HOLIDAYS.map((h) => ({ value: h, label: HOLIDAY_LABELS[h] }))} value={v.holiday} onChange={e.pickHoliday} openAt='midAutumn' />
        </FormField>
        <FormField label='年份'>
          <ChoiceField options={[v.year - 1, v.year, v.year + 1].map((y) => ({ value: y, label: `${y}年` }))} value={v.year} onChange={(y) => e.set('year', y)} />
        </FormField>
        {e.known && (
          <Notice tone={cap === null ? 'warn' : 'info'} title={`${e.known.year}年${HOLIDAY_LABELS[e.known.holiday]}：${e.known.holidayDate}`}>
            {e.known.rule}
          </Notice>
        )}
        <FormField label='名称' hint={e.known ? `不填写则为「${e.known.title}」` : undefined} error={e.errors.title}>
          <TextInput value={v.title} onChange={(t) => e.set('title', t)} placeholder='例如：2026年中秋节慰问品' maxlength={30} />
        </FormField>
        <FormField label='选择截止日期' required hint='当天 18:00 截止，默认节前一周' error={e.errors.closesOn}>
          <DateField value={v.closesOn ?? ''} onChange={(d) => e.set('closesOn', d)} start='2000-01-01' openAt={e.known?.holidayDate} />
        </FormField>
        <FormField label='领取截止日期' required hint='默认节日前一天；之后可以收回未领取的礼品' error={e.errors.pickupEndsOn}>
          <DateField value={v.pickupEndsOn ?? ''} onChange={(d) => e.set('pickupEndsOn', d)} start='2000-01-01' openAt={e.known?.holidayDate} />
        </FormField>
        <FormField label='说明' error={e.errors.note}>
          <TextArea value={v.note} onChange={(t) => e.set('note', t)} placeholder='给会员的说明（可不填）' limit={500} />
        </FormField>
      </Card>

      <Card title={`礼品（${MIN_OPTIONS}—${MAX_OPTIONS} 种）`}>
        {e.errors.options && <Notice tone='error'>{e.errors.options}</Notice>}
        {v.options.map((o, i) => (
          <View key={i} className='gift-editor__item'>
            <FormField label={`礼品 ${i + 1}`} required error={e.errors[`options.${i}.name`]}>
              <TextInput value={o.name} onChange={(t) => e.setOption(i, { name: t })} placeholder='例如：月饼礼盒' maxlength={20} />
            </FormField>
            <FormField label='介绍' error={e.errors[`options.${i}.description`]}>
              <TextInput value={o.description} onChange={(t) => e.setOption(i, { description: t })} placeholder='规格、品牌等（可不填）' maxlength={200} />
            </FormField>
            <FormField label='图片' error={e.errors[`options.${i}.photo`]}>
              {o.photoUrl && <Image className='gift-option__photo' src={o.photoUrl} mode='aspectFill' />}
              <InlineButton text={e.uploading === i ? '正在上传…' : o.photo ? '换一张' : '上传图片'} disabled={e.uploading !== null} onClick={() => void e.addPhoto(i)} />
              {o.photo && <InlineButton text='删除图片' onClick={() => e.setOption(i, { photo: null, photoUrl: null })} />}
            </FormField>
            <FormField label='单价（元）' required hint={cap === null ? undefined : `不超过 ${formatMoney(cap)}`} error={e.errors[`options.${i}.unitFen`]}>
              <TextInput value={o.price} onChange={(t) => e.setOption(i, { price: t })} type='digit' placeholder='例如 298' maxlength={10} />
            </FormField>
            <FormField label='发放形式' error={e.errors[`options.${i}.form`]}>
              <ChoiceField options={FORM_CHOICES} value={o.form === 'in_kind' || o.form === 'pickup_voucher' ? o.form : null} onChange={(f) => e.setOption(i, { form: f })} />
            </FormField>
            <FormField label='库存数量' hint='不限量请留空' error={e.errors[`options.${i}.stock`]}>
              <TextInput value={o.stock} onChange={(t) => e.setOption(i, { stock: t })} type='number' placeholder='不限量' maxlength={6} />
            </FormField>
            {v.options.length > MIN_OPTIONS && <InlineButton kind='danger' text='删除这种礼品' onClick={() => e.removeOption(i)} />}
          </View>
        ))}
        {e.photoError && <Notice tone='error'>{e.photoError}</Notice>}
        {v.options.length < MAX_OPTIONS && <InlineButton text='＋ 添加礼品' onClick={e.addOption} />}
      </Card>

      <Card title='领取方式'>
        {e.errors.places && <Notice tone='error'>{e.errors.places}</Notice>}
        {v.places.map((p, i) => (
          <View key={i} className='gift-editor__item'>
            <FormField label={`领取地点 ${i + 1}`} error={e.errors[`places.${i}.name`]}>
              <TextInput value={p.name} onChange={(t) => e.setPlace(i, { name: t })} placeholder='例如：机关大院工会活动室' maxlength={40} />
            </FormField>
            <FormField label='领取时间' error={e.errors[`places.${i}.times`]}>
              <TextInput value={p.times} onChange={(t) => e.setPlace(i, { times: t })} placeholder='例如：9月21日—24日 9:00—17:00' maxlength={60} />
            </FormField>
            <InlineButton kind='danger' text='删除这个地点' onClick={() => e.removePlace(i)} />
          </View>
        ))}
        {v.places.length < MAX_PLACES && <InlineButton text='＋ 添加领取地点' onClick={e.addPlace} />}
        <SwitchField checked={v.delivery} onChange={(d) => e.set('delivery', d)} label='提供送货上门（会员填写地址，仅工会干部可见）' off='不提供送货上门' />
      </Card>

      <Card title='截止时未选择的会员'>
        <ChoiceField
          options={[{ value: -1, label: '视为放弃' }, ...v.options.map((o, i) => ({ value: i, label: `默认发放「${o.name || `礼品 ${i + 1}`}」` }))]}
          value={v.fallbackOption ?? -1}
          onChange={(i) => e.set('fallbackOption', i < 0 ? null : i)}
        />
      </Card>

      {e.error && <Notice tone='error' title={e.error.message} items={e.error.issues?.map((x) => x.message)} />}
      <ActionButton text={e.busy ? '正在保存…' : editing ? '保存修改' : '创建批次'} note='开放前可以随时修改；开放后礼品和规则不能再改' disabled={e.busy} onClick={() => void e.submit()} />
    </>
  );
}
