import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { IdentityStatusCard } from '@/components/IdentityStatusCard';
import { LinkRow } from '@/components/LinkRow';
import { Screen } from '@/components/Screen';
import { SessionGate } from '@/components/SessionGate';
import { useSession } from '@/hooks/useSession';
import { useWhoami } from '@/hooks/useWhoami';

const IDENTITY_PAGE = '/packages/account/pages/identity/index';

/** 我的: identity summary, the way into 我的身份, and (H5 demo only) 切换账号. */
export default function MePage() {
  return (
    <Screen>
      <SessionGate>
        <MeContent />
      </SessionGate>
    </Screen>
  );
}

function MeContent() {
  const whoami = useWhoami();
  const { session, canSwitch, signOut } = useSession();
  return (
    <>
      <CallView call={whoami} loadingText='正在读取您的身份…'>
        {(data) => <IdentityStatusCard title='我的' whoami={data} accountLabel={session?.label} />}
      </CallView>
      <LinkRow title='我的身份' note='微信身份与实名认证状态' onClick={() => void Taro.navigateTo({ url: IDENTITY_PAGE })} />
      {process.env.TARO_ENV === 'h5' && canSwitch && (
        <ActionButton kind='secondary' text='切换账号' note={session ? `当前：${session.label ?? session.openid}` : undefined} onClick={signOut} />
      )}
    </>
  );
}
