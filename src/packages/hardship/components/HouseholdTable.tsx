import { View } from '@tarojs/components';
import type { HouseholdLine } from '../reviewFormat';
import '../manage/manage.scss';

/** The household as a table (name, relation, age, work or school, monthly income), for reviewers: an application's or a file's. */
export function HouseholdTable({ lines }: { lines: HouseholdLine[] }) {
  if (lines.length === 0) return <View className='hs-note'>没有填写家庭成员。</View>;
  return (
    <View className='hs-table'>
      <View className='hs-table__row hs-table__row--head'>
        <View className='hs-table__cell hs-table__cell--wide'>姓名</View>
        <View className='hs-table__cell'>关系</View>
        <View className='hs-table__cell'>年龄</View>
        <View className='hs-table__cell'>职业</View>
        <View className='hs-table__cell hs-table__cell--wide'>月收入</View>
      </View>
      {lines.map((l) => (
        <View key={l.key} className='hs-table__row'>
          <View className='hs-table__cell hs-table__cell--wide'>{l.name}</View>
          <View className='hs-table__cell'>{l.relation}</View>
          <View className='hs-table__cell'>{l.age}</View>
          <View className='hs-table__cell'>{l.occupation}</View>
          <View className='hs-table__cell hs-table__cell--wide'>{l.income}</View>
        </View>
      ))}
    </View>
  );
}
