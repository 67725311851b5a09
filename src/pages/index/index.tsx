import { View } from '@tarojs/components';
import { Card } from '@/components/Card';
import { CallView } from '@/components/CallView';
import { IdentityStatusCard } from '@/components/IdentityStatusCard';
import { Page } from '@/components/Page';
import { tilesFor } from '@/core/pages';
import { ServiceGrid } from '@/components/ServiceGrid';
import { useSession } from '@/hooks/useSession';
import { useUnreadBadge } from '@/hooks/useUnreadBadge';
import { useWhoami } from '@/hooks/useWhoami';
import { ROUTES } from '@/services/routes';
import './index.scss';

/** 首页: who you are, then the services that exist for you. */
export default function HomePage() {
  useUnreadBadge();
  return (
    <Page path={ROUTES.home}>
      <HomeContent />
    </Page>
  );
}

function HomeContent() {
  const whoami = useWhoami();
  const { session } = useSession();
  return (
    <CallView call={whoami} loadingText='正在读取您的身份…'>
      {(data) => (
        <>
          <IdentityStatusCard whoami={data} accountLabel={session?.label} />
          {data.account?.kind === 'clerk' && <ClerkWork shopName={data.account.shopName} unionName={data.account.union.name} />}
          <ServiceGrid entries={tilesFor('home', data.account)} />
        </>
      )}
    </CallView>
  );
}

/** A cake-shop clerk is no member: no member services to promise, only the work they do here (核销蛋糕券, below). */
function ClerkWork({ shopName, unionName }: { shopName: string | null; unionName: string }) {
  return (
    <Card title='店员工作'>
      <View className='home__text'>
        您是{shopName ?? '指定蛋糕店'}的店员，为{unionName}的会员核销生日蛋糕券：会员来店里领取生日蛋糕时出示蛋糕券，您在这里核对后核销。
      </View>
      <View className='home__text home__text--muted'>您只能看到蛋糕券是否有效、金额和有效期，看不到会员的个人信息。</View>
    </Card>
  );
}
