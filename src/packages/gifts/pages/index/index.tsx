import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { Badge, InfoRow } from '@/components/InfoRow';
import { ActionButton } from '@/components/ActionButton';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { useCall } from '@/hooks/useCall';
import { dayZh } from '@/core/time';
import { dateTimeText } from '@/services/format';
import { ROUTES, withQuery } from '@/services/routes';
import { BirthdayVouchers } from '../../components/BirthdayVouchers';
import { ClaimCard } from '../../components/ClaimCard';
import '../../components/GiftBatches.scss';

/** 我的福利: the birthday cake vouchers, then the holiday gifts open now — to choose, or to pick up with the code. */
export default function MyGiftsPage() {
  return <Page path={ROUTES.gifts}>{() => <MyGifts />}</Page>;
}

function MyGifts() {
  const home = useCall('gifts', 'claimHome', { reloadOnShow: true });
  const open = (id: string) => void Taro.navigateTo({ url: withQuery(ROUTES.giftBatch, { id }) });
  return (
    <>
      <BirthdayVouchers />
      <CallView call={home} loadingText='正在读取节日慰问品…'>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title='暂无节日慰问品' note='工会发放端午、中秋、春节慰问品时，会在这里和「消息」里通知您' />
          ) : (
            <>
              {data.items.map(({ batch: b }) => (
                <View key={b.id}>
                  <Card title={b.title} extra={<Badge tone={b.mayChoose ? 'primary' : 'muted'} text={b.statusLabel} />}>
                    <InfoRow label='节日'>{`${b.holidayLabel}（${dayZh(b.holidayDate)}）`}</InfoRow>
                    {b.mayChoose && <InfoRow label='选择截止'>{dateTimeText(b.closesAt)}</InfoRow>}
                    <InfoRow label='可选礼品'>{b.options.map((o) => o.name).join('、')}</InfoRow>
                    {b.mayChoose && <ActionButton text={b.mine ? '查看或更换礼品' : '去选择礼品'} onClick={() => open(b.id)} />}
                    {!b.mayChoose && !b.mine && <View className='gift-note'>您没有选择本次慰问品。</View>}
                  </Card>
                  {b.mine && <ClaimCard claim={b.mine} title={`${b.holidayLabel}慰问品领取码`} />}
                </View>
              ))}
            </>
          )
        }
      </CallView>
    </>
  );
}
