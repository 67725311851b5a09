import { Text, View } from '@tarojs/components';
import { Card } from '@/components/Card';
import { CallView } from '@/components/CallView';
import { Badge } from '@/components/InfoRow';
import { Screen } from '@/components/Screen';
import { SessionGate } from '@/components/SessionGate';
import { useWhoami } from '@/hooks/useWhoami';
import './index.scss';

/**
 * 我的身份: the caller's WeChat OPENID and real-name binding status, from `members.whoami`. Binding itself arrives
 * with the roster; until then this page says so and offers no button that would do nothing.
 */
export default function IdentityPage() {
  return (
    <Screen>
      <SessionGate>
        <IdentityContent />
      </SessionGate>
    </Screen>
  );
}

function IdentityContent() {
  const whoami = useWhoami();
  return (
    <CallView call={whoami} loadingText='正在读取您的身份…'>
      {(data) => {
        const bound = data.member !== null;
        return (
          <>
            <Card title='微信身份' extra={<Badge tone='ok' text='已识别' />}>
              <View className='identity__label'>OPENID</View>
              <Text className='identity__openid' userSelect>
                {data.openid}
              </Text>
              <View className='identity__note'>这是微信为本小程序分配给您的身份标识，用来在本小程序中识别您的账号。</View>
            </Card>
            <Card title='实名认证' extra={<Badge tone={bound ? 'ok' : 'warn'} text={bound ? '已认证' : '尚未认证'} />}>
              <View className='identity__status'>{bound ? '您已完成实名认证。' : '您还没有完成实名认证。'}</View>
              {!bound && (
                <View className='identity__note'>
                  实名认证要把您的微信身份与工会会员名册中的记录对应起来。会员名册上线后，即可在本页办理认证。
                </View>
              )}
            </Card>
          </>
        );
      }}
    </CallView>
  );
}
