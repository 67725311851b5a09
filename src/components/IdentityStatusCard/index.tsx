import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { Whoami } from '@/hooks/useWhoami';
import { rolesText } from '@/services/format';
import { ROUTES } from '@/services/routes';
import { ActionButton } from '../ActionButton';
import { Card } from '../Card';
import { Badge, InfoRow } from '../InfoRow';
import './index.scss';

export interface IdentityStatusCardProps {
  whoami: Whoami;
  /**
   * H5 demo only: the demo account's label, so a tester sees whom they are playing while it is not bound (its hints,
   * e.g. the 工号 to bind with, are stale once it is: a bound account is named in the title).
   */
  accountLabel?: string;
  title?: string;
}

/** Who the caller is to the union: WeChat identity recognised, then either their account or the way to bind. */
export function IdentityStatusCard({ whoami, accountLabel, title = '您好' }: IdentityStatusCardProps) {
  const { account } = whoami;
  if (!account) {
    const wechat = <InfoRow label='微信身份'>{accountLabel ? `已识别（${accountLabel}）` : '已识别'}</InfoRow>;
    return (
      <Card title={title}>
        {wechat}
        <InfoRow label='实名认证'>
          <Badge tone='warn' text='尚未认证' />
        </InfoRow>
        <View className='u-identity__note'>完成实名认证后即可使用工会的各项服务，只需填写姓名、工号和手机号后 4 位。</View>
        <ActionButton text='去实名认证' onClick={() => void Taro.navigateTo({ url: ROUTES.bind })} />
      </Card>
    );
  }
  return (
    <Card title={`${title}，${account.name}`}>
      <InfoRow label='微信身份'>已识别</InfoRow>
      <InfoRow label='所在工会'>{account.union.name}</InfoRow>
      {account.kind === 'clerk' && <InfoRow label='蛋糕店'>{account.shopName ?? ''}</InfoRow>}
      <InfoRow label='身份'>{rolesText(account.roles)}</InfoRow>
      <InfoRow label='实名认证'>
        <Badge tone='ok' text={account.kind === 'clerk' ? '已加入' : '已认证'} />
      </InfoRow>
    </Card>
  );
}
