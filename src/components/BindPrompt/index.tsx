import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ROUTES } from '@/services/routes';
import { ActionButton } from '../ActionButton';
import { Card } from '../Card';
import './index.scss';

export interface BindPromptProps {
  /** The service the person tried to open, e.g. "经费支出公布". */
  service?: string;
}

/** What an unbound person sees instead of a service: why, and one button to the binding page. */
export function BindPrompt({ service }: BindPromptProps) {
  return (
    <Card title='请先完成实名认证'>
      <View className='u-bindprompt__text'>
        {service ? `使用「${service}」需要先完成实名认证。` : '使用工会的各项服务需要先完成实名认证。'}
      </View>
      <View className='u-bindprompt__note'>实名认证把您的微信与工会会员名册对应起来，只需填写姓名、工号和手机号后 4 位。</View>
      <ActionButton text='去实名认证' onClick={() => void Taro.navigateTo({ url: ROUTES.bind })} />
    </Card>
  );
}
