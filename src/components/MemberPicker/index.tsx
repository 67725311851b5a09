import { View } from '@tarojs/components';
import { MEMBER_STATUS_LABELS } from '@/core/policy/items';
import { CallView } from '@/components/CallView';
import { TextInput } from '@/components/Form';
import { useMemberSearch, type RosterRow } from '@/hooks/useMemberSearch';
import { InlineButton } from '@/components/InlineButton';
import './index.scss';

export interface MemberPickerProps {
  value: RosterRow | null;
  onChange: (member: RosterRow | null) => void;
  /** Only members in service (e.g. to appoint an officer). */
  activeOnly?: boolean;
}

function describe(m: RosterRow): string {
  return [m.employeeNo, m.department, m.status === 'active' ? '' : MEMBER_STATUS_LABELS[m.status]].filter(Boolean).join(' · ');
}

/** Pick one member: type a name or 工号, 查找, tap the right person. */
export function MemberPicker({ value, onChange, activeOnly = false }: MemberPickerProps) {
  const { text, setText, search, query, results } = useMemberSearch({ activeOnly });
  if (value) {
    return (
      <View className='a-picker__chosen'>
        <View className='a-picker__main'>
          <View className='a-picker__name'>{value.name}</View>
          <View className='a-picker__meta'>{describe(value)}</View>
        </View>
        <InlineButton text='重新选择' onClick={() => onChange(null)} />
      </View>
    );
  }
  return (
    <View>
      <View className='a-picker__search'>
        <View className='a-picker__input'>
          <TextInput value={text} onChange={setText} placeholder='姓名或工号' maxlength={30} onConfirm={search} />
        </View>
        <InlineButton text='查找' kind='primary' disabled={text.trim() === ''} onClick={search} />
      </View>
      {query && (
        <CallView call={results} loadingText='正在查找…'>
          {(data) =>
            data.items.length === 0 ? (
              <View className='a-picker__none'>名册中没有找到「{query}」</View>
            ) : (
              <View className='a-picker__results'>
                {data.items.map((m) => (
                  <View key={m.id} className='a-picker__row' hoverClass='a-picker__row--pressed' ariaRole='button' onClick={() => onChange(m)}>
                    <View className='a-picker__name'>{m.name}</View>
                    <View className='a-picker__meta'>{describe(m)}</View>
                  </View>
                ))}
                {data.total > data.items.length && <View className='a-picker__none'>共 {data.total} 人符合，只列出前 {data.items.length} 人，请输入更完整的姓名或工号</View>}
              </View>
            )
          }
        </CallView>
      )}
    </View>
  );
}
