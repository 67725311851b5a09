import Taro from '@tarojs/taro';
import { can } from '@/core/domain/roles';
import { ActionButton } from '@/components/ActionButton';
import { BenefitsCard } from '@/components/BenefitsCard';
import { BindPrompt } from '@/components/BindPrompt';
import { CallView } from '@/components/CallView';
import { LinkRow } from '@/components/LinkRow';
import { ProfileCard } from '@/components/ProfileCard';
import { Screen } from '@/components/Screen';
import { SessionGate } from '@/components/SessionGate';
import { useSession } from '@/hooks/useSession';
import { useUnreadBadge } from '@/hooks/useUnreadBadge';
import { useWhoami } from '@/hooks/useWhoami';
import { isStaff } from '@/services/catalog';
import { currentYear } from '@/services/format';
import { ROUTES } from '@/services/routes';
import { signedInAs } from '@/services/session';

/** 我的: the member's profile, this year's benefits, the yearly report, 工会管理 for staff, and 我的身份. */
export default function MePage() {
  useUnreadBadge();
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
  const go = (url: string) => void Taro.navigateTo({ url });
  const current = signedInAs(session, whoami.status === 'ok' ? whoami.data.account : null);
  return (
    <>
      <CallView call={whoami} loadingText='正在读取您的身份…'>
        {(data) => {
          const account = data.account;
          if (!account) return <BindPrompt />;
          return (
            <>
              <ProfileCard me={{ ...data, account }} />
              {data.member && <BenefitsCard year={currentYear()} />}
              {can(account.roles, 'events.join') && <LinkRow title='我的活动' note='已报名的文体活动和签到码' onClick={() => go(ROUTES.myEvents)} />}
              {can(account.roles, 'report.read') && <LinkRow title='经费支出公布' note='工会经费每年的支出情况' onClick={() => go(ROUTES.report)} />}
              {isStaff(account.roles) && <LinkRow title='工会管理' note='名册、活动、角色、政策、预算、台账、审计' onClick={() => go(ROUTES.admin)} />}
            </>
          );
        }}
      </CallView>
      <LinkRow title='我的身份' note='微信身份与实名认证状态' onClick={() => go(ROUTES.identity)} />
      {process.env.TARO_ENV === 'h5' && canSwitch && (
        <ActionButton kind='secondary' text='切换账号' note={current ? `当前：${current}` : undefined} onClick={signOut} />
      )}
    </>
  );
}
