import { View } from '@tarojs/components';
import { formatMoney } from '@/core/money';
import { useCall } from '@/hooks/useCall';
import { dateText } from '@/services/format';
import { CallView } from '../CallView';
import { Card } from '../Card';
import './index.scss';

export interface BenefitsCardProps {
  year: number;
}

/** 我的本年福利: what the member received from the union this year (`ledger.myBenefits`, their own entries only). */
export function BenefitsCard({ year }: BenefitsCardProps) {
  const benefits = useCall('ledger', 'myBenefits', { payload: { year }, reloadOnShow: true });
  return (
    <CallView call={benefits} loadingText='正在读取您的本年福利…'>
      {(data) => (
        <Card title={`我的 ${data.year} 年福利`}>
          {data.items.length === 0 ? (
            <View className='u-benefits__none'>今年还没有您的领取记录。节日慰问、生日蛋糕等发放后会列在这里。</View>
          ) : (
            <>
              {data.items.map((item) => (
                <View key={item.id} className='u-benefits__row'>
                  <View className='u-benefits__main'>
                    <View className='u-benefits__title'>{item.itemLabel}</View>
                    <View className='u-benefits__meta'>
                      {dateText(item.at)} · {item.formLabel}
                      {item.note ? ` · ${item.note}` : ''}
                    </View>
                  </View>
                  <View className='u-benefits__amount'>{formatMoney(item.amountFen)}</View>
                </View>
              ))}
              <View className='u-benefits__total'>
                <View>合计 {data.items.length} 项</View>
                <View className='u-benefits__amount'>{formatMoney(data.totalFen)}</View>
              </View>
            </>
          )}
        </Card>
      )}
    </CallView>
  );
}
