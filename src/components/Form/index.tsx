import type { PropsWithChildren } from 'react';
import { Input, Picker, Switch, Textarea, View } from '@tarojs/components';
import './index.scss';

export interface FormFieldProps {
  label: string;
  required?: boolean;
  /** A line under the field saying what to type, e.g. "名册上登记的手机号的最后 4 位". */
  hint?: string;
  /** The field's problem, shown in red under it. */
  error?: string;
}

/** A labelled field: the label above (never only a placeholder), the control, then a hint or the field's error. */
export function FormField({ label, required, hint, error, children }: PropsWithChildren<FormFieldProps>) {
  return (
    <View className={`u-field${error ? ' u-field--invalid' : ''}`}>
      <View className='u-field__label'>
        {label}
        {required && <View className='u-field__required'>必填</View>}
      </View>
      {children}
      {error ? (
        <View className='u-field__error' ariaRole='alert'>
          {error}
        </View>
      ) : (
        hint && <View className='u-field__hint'>{hint}</View>
      )}
    </View>
  );
}

export interface TextInputProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit' | 'idcard';
  /** A hard cap for fixed-length codes (手机号 11, 年龄 3). Text with a length rule takes `limit` instead. */
  maxlength?: number;
  /**
   * The most characters the rule allows (the contract's max). Typing is not cut off there — a silent cut loses the
   * end of what was typed — but a counter under the box says how many, in red when over; the form's check says
   * what to do.
   */
  limit?: number;
  disabled?: boolean;
  onConfirm?: () => void;
}

/** "12/40"; "45/40，超出 5 字" in red. Counted as the contract counts (trimmed, in string length). */
function LengthCounter({ value, limit }: { value: string; limit: number }) {
  const length = value.trim().length;
  const over = length - limit;
  return <View className={`u-input__count${over > 0 ? ' u-input__count--over' : ''}`}>{over > 0 ? `${length}/${limit}，超出 ${over} 字` : `${length}/${limit}`}</View>;
}

/** A tall input with large type; read-only values are shown as plain text in the same box. */
export function TextInput({ value, onChange, placeholder, type = 'text', maxlength = 100, limit, disabled = false, onConfirm }: TextInputProps) {
  if (disabled) return <View className='u-input u-input--disabled'>{value}</View>;
  const input = (
    <Input
      className='u-input'
      value={value}
      type={type}
      placeholder={placeholder}
      placeholderClass='u-input__placeholder'
      // -1: no cap (WeChat and Taro's H5 input alike); the counter tells instead.
      maxlength={limit === undefined ? maxlength : -1}
      onInput={(e) => onChange(e.detail.value)}
      onConfirm={onConfirm}
    />
  );
  if (limit === undefined) return input;
  return (
    <>
      {input}
      <LengthCounter value={value} limit={limit} />
    </>
  );
}

export interface TextAreaProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** The most characters the rule allows: not cut off there, counted under the box (see TextInput). */
  limit: number;
}

/** Several lines of text (an event's description), growing with what is typed. */
export function TextArea({ value, onChange, placeholder, limit }: TextAreaProps) {
  return (
    <>
      <Textarea
        className='u-textarea'
        value={value}
        placeholder={placeholder}
        placeholderClass='u-input__placeholder'
        maxlength={-1}
        autoHeight
        onInput={(e) => onChange(e.detail.value)}
      />
      <LengthCounter value={value} limit={limit} />
    </>
  );
}

export interface Option<V extends string> {
  value: V;
  label: string;
}

export interface SelectFieldProps<V extends string> {
  options: readonly Option<V>[];
  value: V | null;
  onChange: (value: V) => void;
  placeholder?: string;
  /** Where the wheel opens while nothing is chosen (e.g. the first holiday the policy funds). Default: on the placeholder. */
  openAt?: V;
  disabled?: boolean;
}

/**
 * A choice from a short list, in the platform's own picker (WeChat's wheel; a sheet in H5). While nothing is chosen
 * the wheel opens on a row saying the placeholder, or on `openAt`, never on the first option: confirming the wheel
 * as it opened would otherwise choose that option without a word (an event saved as 乒乓球, a gift for 元旦).
 */
export function SelectField<V extends string>({ options, value, onChange, placeholder = '请选择', openAt, disabled = false }: SelectFieldProps<V>) {
  const index = options.findIndex((o) => o.value === value);
  const label = index >= 0 ? options[index].label : null;
  const opensAt = openAt === undefined ? -1 : options.findIndex((o) => o.value === openAt);
  // The placeholder row leads the wheel only while nothing is chosen and there is nowhere better to open.
  const lead = index < 0 && opensAt < 0 ? 1 : 0;
  // Read-only, as TextInput shows it: plain text in a grey box, no wheel and no chevron promising one.
  if (disabled) return <View className='u-input u-input--disabled'>{label ?? ''}</View>;
  const labels = options.map((o) => o.label);
  return (
    <Picker
      mode='selector'
      range={lead ? [placeholder, ...labels] : labels}
      value={index >= 0 ? index : Math.max(opensAt, 0)}
      onChange={(e) => {
        // The placeholder row is no option: confirming it leaves the field empty (its check then asks for one).
        const picked = options[Number(e.detail.value) - lead];
        if (picked) onChange(picked.value);
      }}
    >
      <PickerFace text={label} placeholder={placeholder} />
    </Picker>
  );
}

export interface DateFieldProps {
  /** YYYY-MM-DD, or '' for none yet. */
  value: string;
  onChange: (value: string) => void;
  start?: string;
  end?: string;
  /** Where the wheel starts while no date is chosen (a birth date: decades back, not today). Default: `end`. */
  openAt?: string;
  placeholder?: string;
}

/** A calendar date in the platform's date picker. */
export function DateField({ value, onChange, start = '1930-01-01', end = '2100-12-31', openAt, placeholder = '请选择日期' }: DateFieldProps) {
  return (
    <Picker mode='date' value={value || openAt || end} start={start} end={end} onChange={(e) => onChange(e.detail.value)}>
      <PickerFace text={value ? formatDateKey(value) : null} placeholder={placeholder} />
    </Picker>
  );
}

export interface TimeFieldProps {
  /** HH:mm, or '' for none yet. */
  value: string;
  onChange: (value: string) => void;
  /** Where the wheel starts while no time is chosen. */
  openAt?: string;
  placeholder?: string;
}

/** A time of day (24-hour) in the platform's time picker. */
export function TimeField({ value, onChange, openAt = '09:00', placeholder = '请选择时间' }: TimeFieldProps) {
  return (
    <Picker mode='time' value={value || openAt} onChange={(e) => onChange(e.detail.value)}>
      <PickerFace text={value || null} placeholder={placeholder} />
    </Picker>
  );
}

export interface ChoiceFieldProps<V extends string | number | boolean> {
  options: readonly { value: V; label: string }[];
  value: V | null;
  onChange: (value: V) => void;
}

/**
 * Two to a handful of choices as large buttons side by side (是 / 否, 0 人 / 1 人 / 2 人): one tap, no wheel to
 * scroll, every choice readable at once.
 */
export function ChoiceField<V extends string | number | boolean>({ options, value, onChange }: ChoiceFieldProps<V>) {
  return (
    <View className='u-choice' ariaRole='radiogroup'>
      {options.map((o) => {
        const selected = o.value === value;
        return (
          <View
            key={String(o.value)}
            className={`u-choice__option${selected ? ' u-choice__option--selected' : ''}`}
            hoverClass={selected ? 'none' : 'u-choice__option--pressed'}
            ariaRole='radio'
            ariaLabel={selected ? `${o.label}（已选中）` : o.label}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </View>
        );
      })}
    </View>
  );
}

/** "1980-05-20" → "1980年5月20日", the way members write a date. */
function formatDateKey(key: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : key;
}

function PickerFace({ text, placeholder }: { text: string | null; placeholder: string }) {
  return (
    <View className='u-input u-input--picker'>
      <View className={text === null ? 'u-input__placeholder' : 'u-input__value'}>{text ?? placeholder}</View>
      <View className='u-input__chevron'>›</View>
    </View>
  );
}

export interface SwitchFieldProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** What switched on means, e.g. '限定名额': the words beside the switch, whatever its state. */
  label: string;
  /** What switched off means, e.g. '不限名额', said under it. */
  off: string;
}

/**
 * A yes/no setting labelled by what ON means, never by its current state: a label that changed with the switch
 * ("限定名额" next to a switch that is off) reads backwards. What OFF means is said under it.
 */
export function SwitchField({ checked, onChange, label, off }: SwitchFieldProps) {
  return (
    <View className='u-switch'>
      <View className='u-switch__text'>
        <View className='u-switch__label'>{label}</View>
        <View className='u-switch__off'>关闭：{off}</View>
      </View>
      <Switch checked={checked} color='#c8161d' ariaLabel={label} onChange={(e) => onChange(e.detail.value)} />
    </View>
  );
}
