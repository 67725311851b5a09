import { View } from '@tarojs/components';
import { CallView } from '@/components/CallView';
import { TextInput } from '@/components/Form';
import { InlineButton } from '@/components/InlineButton';
import type { CallResult } from '@/hooks/useCall';
import './index.scss';

/** A search box's state and its results (e.g. useMemberSearch). */
export interface PersonSearch<T> {
  text: string;
  setText: (text: string) => void;
  search: () => void;
  query: string | null;
  results: CallResult<{ items: T[]; total?: number }>;
}

export interface PersonPickerProps<T> {
  value: T | null;
  onChange: (person: T | null) => void;
  search: PersonSearch<T>;
  keyOf: (person: T) => string;
  nameOf: (person: T) => string;
  /** The line under the name: 工号 · 部门, or only the department. */
  describe: (person: T) => string;
  /** What to type (姓名或工号); also what a too-long result asks to type more fully. */
  placeholder: string;
  maxlength: number;
  /** What an empty result says about the query. */
  noneText: (query: string) => string;
}

/** Pick one person: type, 查找, tap the right one; the chosen person shows with 重新选择. */
export function PersonPicker<T>({ value, onChange, search, keyOf, nameOf, describe, placeholder, maxlength, noneText }: PersonPickerProps<T>) {
  const { text, setText, query, results } = search;
  if (value) {
    return (
      <View className='a-picker__chosen'>
        <View className='a-picker__main'>
          <View className='a-picker__name'>{nameOf(value)}</View>
          {describe(value) && <View className='a-picker__meta'>{describe(value)}</View>}
        </View>
        <InlineButton text='重新选择' onClick={() => onChange(null)} />
      </View>
    );
  }
  return (
    <View>
      <View className='a-picker__search'>
        <View className='a-picker__input'>
          <TextInput value={text} onChange={setText} placeholder={placeholder} maxlength={maxlength} onConfirm={search.search} />
        </View>
        <InlineButton text='查找' kind='primary' disabled={text.trim() === ''} onClick={search.search} />
      </View>
      {query && (
        <CallView call={results} loadingText='正在查找…'>
          {(data) =>
            data.items.length === 0 ? (
              <View className='a-picker__none'>{noneText(query)}</View>
            ) : (
              <View className='a-picker__results'>
                {data.items.map((p) => (
                  <View key={keyOf(p)} className='a-picker__row' hoverClass='a-picker__row--pressed' ariaRole='button' onClick={() => onChange(p)}>
                    <View className='a-picker__name'>{nameOf(p)}</View>
                    {describe(p) && <View className='a-picker__meta'>{describe(p)}</View>}
                  </View>
                ))}
                {data.total !== undefined && data.total > data.items.length && (
                  <View className='a-picker__none'>共 {data.total} 人符合，只列出前 {data.items.length} 人，请输入更完整的{placeholder}</View>
                )}
              </View>
            )
          }
        </CallView>
      )}
    </View>
  );
}
