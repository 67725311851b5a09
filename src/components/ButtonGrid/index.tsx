import { Children, type PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import './index.scss';

/** Buttons two to a row (新增会员 / 导入名册 / 下载模板 / 导出名册). */
export function ButtonGrid({ children }: PropsWithChildren) {
  return (
    <View className='a-bgrid'>
      {Children.toArray(children).map((child, i) => (
        <View key={i} className='a-bgrid__cell'>
          {child}
        </View>
      ))}
    </View>
  );
}
