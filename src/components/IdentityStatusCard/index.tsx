import { View } from '@tarojs/components';
import type { Whoami } from '@/hooks/useWhoami';
import { Card } from '../Card';
import { Badge, InfoRow } from '../InfoRow';
import './index.scss';

export interface IdentityStatusCardProps {
  whoami: Whoami;
  /** H5 demo only: the demo account's name, so a tester sees whom they are playing. */
  accountLabel?: string;
  title?: string;
}

/** Who the member is to the system: WeChat identity recognised, real-name binding status. */
export function IdentityStatusCard({ whoami, accountLabel, title = '您好' }: IdentityStatusCardProps) {
  // The roster (and with it real-name binding) has not shipped: `member` is always null until it does.
  const bound = whoami.member !== null;
  return (
    <Card title={title}>
      <InfoRow label='微信身份'>{accountLabel ? `已识别（${accountLabel}）` : '已识别'}</InfoRow>
      <InfoRow label='实名认证'>
        <Badge tone={bound ? 'ok' : 'warn'} text={bound ? '已认证' : '尚未认证'} />
      </InfoRow>
      {!bound && (
        <View className='u-identity__note'>实名认证需要与工会会员名册核对，将随会员名册一同开放。开放后在「我的」→「我的身份」中办理。</View>
      )}
    </Card>
  );
}
