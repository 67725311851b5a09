import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useWhoami } from '@/hooks/useWhoami';
import { ROUTES } from '@/services/routes';
import { ActionButton } from '../ActionButton';
import { CallView } from '../CallView';
import { Card } from '../Card';

/**
 * The opposite of BindGate, for the binding and invitation pages: a caller who already has an account is told so
 * (with the way to 我的) instead of being shown a form the function would refuse.
 */
export function AccountGate({ children }: { children: ReactNode }) {
  const whoami = useWhoami();
  return (
    <CallView call={whoami} loadingText='正在读取您的身份…'>
      {({ account }) =>
        account ? (
          <Card title={account.kind === 'clerk' ? '您已加入' : '您已完成实名认证'}>
            <View>
              {account.name}，{account.union.name}
              {account.shopName ? `，${account.shopName}` : ''}。无需再次办理。
            </View>
            <ActionButton text='查看我的' onClick={() => void Taro.switchTab({ url: ROUTES.me })} />
          </Card>
        ) : (
          children
        )
      }
    </CallView>
  );
}
