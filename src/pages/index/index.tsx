import { CallView } from '@/components/CallView';
import { IdentityStatusCard } from '@/components/IdentityStatusCard';
import { Screen } from '@/components/Screen';
import { ServiceGrid } from '@/components/ServiceGrid';
import { SessionGate } from '@/components/SessionGate';
import { useSession } from '@/hooks/useSession';
import { useUnreadBadge } from '@/hooks/useUnreadBadge';
import { useWhoami } from '@/hooks/useWhoami';
import { servicesFor } from '@/services/catalog';

/** 首页: who you are, then the services that exist for you. */
export default function HomePage() {
  useUnreadBadge();
  return (
    <Screen>
      <SessionGate>
        <HomeContent />
      </SessionGate>
    </Screen>
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
          <ServiceGrid entries={servicesFor(data.account)} />
        </>
      )}
    </CallView>
  );
}
