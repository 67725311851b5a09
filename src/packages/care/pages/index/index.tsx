import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { LinkRow } from '@/components/LinkRow';
import { Page } from '@/components/Page';
import { useCall } from '@/hooks/useCall';
import { isOpen } from '@/core/domain/care';
import { ROUTES, withQuery } from '@/services/routes';
import { CaseRowItem } from '../../components/CaseParts';
import '../../components/care.scss';

/** 会员关爱中心: 我要求助, 提意见建议, 即时关爱上报, 我的求助 — and the member's cases still open, one tap away. */
export default function CareCenterPage() {
  return <Page path={ROUTES.care}>{() => <CareCenter />}</Page>;
}

function CareCenter() {
  const go = (url: string) => void Taro.navigateTo({ url });
  // Back from a case or a form: what is open is current.
  const mine = useCall('care', 'mine', { payload: { page: 1, pageSize: 5 }, reloadOnShow: true });
  return (
    <>
      <View className='care-note'>工作生活中遇到困难，或对单位、工会有意见建议，都可以在这里告诉工会。提交后可以随时查看谁在办理、什么时候办好。</View>
      <LinkRow title='我要求助' note='工作、生活、心理疏导、法律咨询' onClick={() => go(ROUTES.careAsk)} />
      <LinkRow title='提意见建议' note='对单位或工会工作的意见建议，可以匿名' onClick={() => go(withQuery(ROUTES.careAsk, { category: 'suggestion' }))} />
      <LinkRow title='即时关爱上报' note='本人或同事生病住院、直系亲属去世、结婚、生育、退休' onClick={() => go(ROUTES.careReport)} />
      <LinkRow title='我的求助' note='查看办理进度、留言和答复' onClick={() => go(ROUTES.careMine)} />
      <View className='care-gap' />
      <CallView call={mine} loadingText='正在读取您的求助…'>
        {(data) => {
          const open = data.items.filter((r) => isOpen(r.status));
          if (open.length === 0) return null;
          return (
            <Card title='正在办理'>
              {open.map((r) => (
                <CaseRowItem key={r.id} row={r} onOpen={() => go(withQuery(ROUTES.careCase, { id: r.id }))} />
              ))}
            </Card>
          );
        }}
      </CallView>
    </>
  );
}
