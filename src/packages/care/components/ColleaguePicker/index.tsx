import { useState } from 'react';
import { View } from '@tarojs/components';
import { CallView } from '@/components/CallView';
import { TextInput } from '@/components/Form';
import { InlineButton } from '@/components/InlineButton';
import { useCall } from '@/hooks/useCall';
import { colleagueText, type Colleague } from '../../reportForm';
import '../care.scss';

export interface ColleaguePickerProps {
  value: Colleague | null;
  onChange: (colleague: Colleague | null) => void;
}

/** A colleague of the same union: type the name, 查找, tap the right person (name and department only). */
export function ColleaguePicker({ value, onChange }: ColleaguePickerProps) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const results = useCall('care', 'colleagues', { payload: { q: query }, enabled: query !== '' });
  const search = () => setQuery(text.trim());
  if (value) {
    return (
      <View className='care-dates__item'>
        <View className='care-search__input'>{colleagueText(value)}</View>
        <InlineButton text='重新选择' onClick={() => onChange(null)} />
      </View>
    );
  }
  return (
    <View>
      <View className='care-search'>
        <View className='care-search__input'>
          <TextInput value={text} onChange={setText} placeholder='同事的姓名' maxlength={20} onConfirm={search} />
        </View>
        <InlineButton text='查找' kind='primary' disabled={text.trim() === ''} onClick={search} />
      </View>
      {query && (
        <CallView call={results} loadingText='正在查找…'>
          {(data) =>
            data.items.length === 0 ? (
              <View className='care-note'>本工会没有找到姓名含「{query}」的会员</View>
            ) : (
              <View>
                {data.items.map((m) => (
                  <View key={m.memberId} className='care-option' hoverClass='care-option--pressed' ariaRole='button' onClick={() => onChange(m)}>
                    <View className='care-option__label'>{m.name}</View>
                    {m.department && <View className='care-option__hint'>{m.department}</View>}
                  </View>
                ))}
              </View>
            )
          }
        </CallView>
      )}
    </View>
  );
}
