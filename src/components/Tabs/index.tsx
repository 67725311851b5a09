import { View } from '@tarojs/components';
import './index.scss';

export interface TabOption<V extends string | number> {
  value: V;
  label: string;
}

export interface TabsProps<V extends string | number> {
  options: readonly TabOption<V>[];
  value: V;
  onChange: (value: V) => void;
}

/** A row of two to four large choices, one selected (今年 / 去年, 全部 / 在职 / 退休 / 调离). */
export function Tabs<V extends string | number>({ options, value, onChange }: TabsProps<V>) {
  return (
    <View className='u-tabs' ariaRole='tablist'>
      {options.map((o) => {
        const selected = o.value === value;
        return (
          <View
            key={String(o.value)}
            className={`u-tabs__tab${selected ? ' u-tabs__tab--selected' : ''}`}
            hoverClass={selected ? 'none' : 'u-tabs__tab--pressed'}
            ariaRole='tab'
            ariaLabel={selected ? `${o.label}（已选中）` : o.label}
            onClick={() => {
              if (!selected) onChange(o.value);
            }}
          >
            {o.label}
          </View>
        );
      })}
    </View>
  );
}
