import { View } from '@tarojs/components';
import type { AdminBatchView } from '@/core/contracts/giftsBatches';
import { Card } from '@/components/Card';
import { InfoRow } from '@/components/InfoRow';
import { formatMoney } from '@/core/money';
import './GiftBatches.scss';

const Row = ({ name, figures }: { name: string; figures: string }) => (
  <View className='gift-tally'>
    <View>{name}</View>
    <View className='gift-tally__figures'>{figures}</View>
  </View>
);

/** Live tallies: per gift (chosen, left, picked up) and per pickup place, read from the stock counters. */
export function BatchTallies({ batch: b }: { batch: AdminBatchView }) {
  return (
    <>
      <Card title='选择情况'>
        <InfoRow label='可领取会员'>{b.eligible === null ? '—' : `${b.eligible} 人`}</InfoRow>
        <InfoRow label='已选择'>{`${b.chosen} 人，已领取 ${b.picked} 份`}</InfoRow>
        {b.reservedFen !== null && <InfoRow label='预留预算'>{`${formatMoney(b.reservedFen)}，已选礼品合计 ${formatMoney(b.drawnFen ?? 0)}`}</InfoRow>}
        {b.fallbackApplied !== null && <InfoRow label='默认发放'>{`${b.fallbackApplied} 人`}</InfoRow>}
        {b.unpickedReversed !== null && <InfoRow label='逾期收回'>{`${b.unpickedReversed} 份`}</InfoRow>}
      </Card>
      <Card title='按礼品'>
        {b.options.map((o) => (
          <Row key={o.id} name={`${o.name}（${formatMoney(o.unitFen)}）`} figures={`已选 ${o.chosen}${o.stock === null ? '' : ` / ${o.stock}`} · 已领 ${o.picked}`} />
        ))}
      </Card>
      {(b.places.length > 0 || b.deliveryTally) && (
        <Card title='按领取地点'>
          {b.places.map((p) => (
            <Row key={p.id} name={p.name} figures={`已选 ${p.chosen} · 已领 ${p.picked}`} />
          ))}
          {b.deliveryTally && <Row name={b.deliveryTally.name} figures={`已选 ${b.deliveryTally.chosen} · 已送 ${b.deliveryTally.picked}`} />}
        </Card>
      )}
    </>
  );
}
