import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ActionButton } from '@/components/ActionButton';
import { Card } from '@/components/Card';
import { CallView } from '@/components/CallView';
import { Badge, InfoRow } from '@/components/InfoRow';
import { Page } from '@/components/Page';
import { useWhoami } from '@/hooks/useWhoami';
import { rolesText } from '@/services/format';
import { ROUTES } from '@/services/routes';
import './index.scss';

/**
 * 我的身份: whether WeChat recognised the caller and their real-name binding status, from `members.whoami`, with the
 * way to bind. The OPENID itself is never shown: it is a code, of no use to a member.
 */
export default function IdentityPage() {
  return (
    <Page path={ROUTES.identity}>
      <IdentityContent />
    </Page>
  );
}

function IdentityContent() {
  const whoami = useWhoami();
  return (
    <CallView call={whoami} loadingText='正在读取您的身份…'>
      {(data) => {
        const account = data.account;
        return (
          <>
            <Card title='微信身份' extra={<Badge tone='ok' text='已识别' />}>
              <View className='identity__note identity__note--first'>本小程序已通过微信识别您的身份，不需要密码，也不需要记住任何编号。</View>
            </Card>
            <Card title='实名认证' extra={<Badge tone={account ? 'ok' : 'warn'} text={account ? (account.kind === 'clerk' ? '已加入' : '已认证') : '尚未认证'} />}>
              {account ? (
                <>
                  <InfoRow label='姓名'>{account.name}</InfoRow>
                  <InfoRow label='所在工会'>{account.union.name}</InfoRow>
                  {account.kind === 'clerk' && <InfoRow label='蛋糕店'>{account.shopName ?? ''}</InfoRow>}
                  {data.member && <InfoRow label='工号'>{data.member.employeeNo}</InfoRow>}
                  <InfoRow label='身份'>{rolesText(account.roles)}</InfoRow>
                  <View className='identity__note'>如需更换绑定的微信（例如换了手机号或微信号），请联系工会干部解除绑定后重新认证。</View>
                </>
              ) : (
                <>
                  <View className='identity__status'>您还没有完成实名认证。</View>
                  <View className='identity__note'>实名认证把您的微信身份与工会会员名册中的记录对应起来，只需填写姓名、工号和手机号后 4 位。</View>
                  <ActionButton text='去实名认证' onClick={() => void Taro.navigateTo({ url: ROUTES.bind })} />
                </>
              )}
            </Card>
          </>
        );
      }}
    </CallView>
  );
}
