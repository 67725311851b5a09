import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { CallOutput } from '@/services/cloud';
import { yuanText } from '@/core/money';
import { CallView } from '@/components/CallView';
import { EmptyState } from '@/components/EmptyState';
import { Badge } from '@/components/InfoRow';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { Tabs } from '@/components/Tabs';
import { ROUTES, withQuery } from '@/services/routes';
import { REFERRALS_PAGE_SIZE, useReferrals } from '../../hooks/useReferrals';
import { EMPTY_REFERRALS, momentText, REFERRAL_TABS, referralTone } from '../../reviewFormat';
import '../manage.scss';

type ReferralRow = CallOutput<'hardship', 'referrals'>['items'][number];

/** 大病关爱推荐 (工委): the cases the 工委's unions referred — 待决定 (oldest first) / 已决定. */
export default function ReferralsPage() {
  return <Page path={ROUTES.hardshipReferrals}>{() => <Referrals />}</Page>;
}

function Referrals() {
  const r = useReferrals();
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <>
      <Tabs options={REFERRAL_TABS} value={r.stage} onChange={r.setStage} />
      <View className='hs-gap' />
      <CallView call={r.list} loadingText='正在读取推荐…'>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={EMPTY_REFERRALS[r.stage].title} note={EMPTY_REFERRALS[r.stage].note || undefined} />
          ) : (
            <>
              <View className='hs-note'>共 {data.total} 份</View>
              {data.items.map((x) => (
                <Row key={x.id} row={x} onOpen={() => go(withQuery(ROUTES.hardshipReferral, { id: x.id }))} />
              ))}
              <Pager page={r.page} pageSize={REFERRALS_PAGE_SIZE} total={data.total} onChange={r.setPage} />
            </>
          )
        }
      </CallView>
    </>
  );
}

function Row({ row, onOpen }: { row: ReferralRow; onOpen: () => void }) {
  return (
    <View className='hs-row' hoverClass='hs-row--pressed' ariaRole='link' ariaLabel={`${row.unionName} ${row.name}`} onClick={onOpen}>
      <View className='hs-row__main'>
        <View className='hs-row__title'>{row.name}</View>
        <View className='hs-badges'>
          <Badge tone={referralTone(row.status)} text={row.statusLabel} />
        </View>
        <View className='hs-row__meta'>
          {row.unionName}
          {row.department ? ` · ${row.department}` : ''}
        </View>
        <View className='hs-row__meta'>建议金额 {yuanText(row.suggestedFen)}</View>
        <View className='hs-row__meta'>{momentText(row.referredAt)}推荐</View>
      </View>
      <View className='hs-row__chevron'>›</View>
    </View>
  );
}
