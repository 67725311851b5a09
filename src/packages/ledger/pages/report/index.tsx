import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { formatMoney } from '@/core/money';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { Tabs } from '@/components/Tabs';
import { useCall } from '@/hooks/useCall';
import { currentYear, dateTimeText } from '@/services/format';
import { queryParam, ROUTES } from '@/services/routes';
import './index.scss';

/**
 * 经费支出公布: the union's spending of a year per budget line, for every member ("经费支出情况每年要向机关干部职工
 * 公布，接受会员监督"). Totals and counts only: the report never says who received what.
 */
export default function ReportPage() {
  return (
    <Page path={ROUTES.report}>
      {() => <Report />}
    </Page>
  );
}

function Report() {
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  // A 工委 officer opens a member union's report from 下属工会 (the function checks the link).
  const unionId = queryParam(useRouter().params, 'unionId');
  const report = useCall('ledger', 'report', { payload: unionId ? { year, unionId } : { year } });
  return (
    <>
      <Tabs
        options={[
          { value: thisYear, label: `今年（${thisYear}）` },
          { value: thisYear - 1, label: `去年（${thisYear - 1}）` },
        ]}
        value={year}
        onChange={setYear}
      />
      <CallView call={report} loadingText='正在统计…'>
        {(data) => (
          <>
            <Card title={`${data.year} 年经费支出`}>
              <View className='report__union'>{data.union.name}</View>
              <View className='report__totals'>
                <View className='report__total'>
                  <View className='report__total-label'>已支出</View>
                  <View className='report__total-value'>{formatMoney(data.totalSpentFen)}</View>
                </View>
                <View className='report__total'>
                  <View className='report__total-label'>年度预算</View>
                  <View className='report__total-value'>{formatMoney(data.totalBudgetFen)}</View>
                </View>
                <View className='report__total'>
                  <View className='report__total-label'>支出笔数</View>
                  <View className='report__total-value'>{data.totalCount} 笔</View>
                </View>
              </View>
            </Card>
            <Card title='按项目'>
              {data.lines.map((line) => (
                <View key={line.line} className='report__line'>
                  <View className='report__line-head'>
                    <View className='report__line-label'>{line.label}</View>
                    <View className='report__line-spent'>{formatMoney(line.spentFen)}</View>
                  </View>
                  <View className='report__line-meta'>
                    {line.budgetFen > 0 ? `预算 ${formatMoney(line.budgetFen)}` : '未编制预算'} · {line.count} 笔
                  </View>
                </View>
              ))}
            </Card>
            <Notice tone='info'>
              本页只公布各项经费的合计金额和笔数，不显示任何人领取了什么。统计时间：{dateTimeText(data.generatedAt)}。
            </Notice>
          </>
        )}
      </CallView>
    </>
  );
}
