import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { PageTile } from '@/core/pages';
import { Card } from '../Card';
import './index.scss';

export interface ServiceGridProps {
  entries: readonly PageTile[];
}

/**
 * The union's services as large tiles, two per row. Only services that exist are listed (the page registry, core/pages.ts);
 * with none yet, an honest sentence instead of tiles that lead nowhere.
 */
export function ServiceGrid({ entries }: ServiceGridProps) {
  if (entries.length === 0) {
    return (
      <Card title='会员服务'>
        <View className='u-services__none'>目前还没有开放的会员服务。</View>
        <View className='u-services__later'>关爱中心、节日慰问、困难帮扶、活动报名等服务开放后，会显示在这里。</View>
      </Card>
    );
  }
  return (
    <Card title='会员服务'>
      <View className='u-services'>
        {entries.map((entry) => (
          <View
            key={entry.key}
            className='u-services__tile'
            hoverClass='u-services__tile--pressed'
            ariaRole='link'
            ariaLabel={entry.label}
            onClick={() => void Taro.navigateTo({ url: entry.path })}
          >
            <View className='u-services__title'>{entry.label}</View>
            <View className='u-services__summary'>{entry.summary}</View>
          </View>
        ))}
      </View>
    </Card>
  );
}
