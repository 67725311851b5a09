import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/ActionButton';
import { BenefitsCard } from '@/components/BenefitsCard';
import { BindPrompt } from '@/components/BindPrompt';
import { CallView } from '@/components/CallView';
import { LinkRow } from '@/components/LinkRow';
import { Page } from '@/components/Page';
import { mayOpen, PAGES, type PageEntry } from '@/core/pages';
import { ProfileCard } from '@/components/ProfileCard';
import { useSession } from '@/hooks/useSession';
import { useUnreadBadge } from '@/hooks/useUnreadBadge';
import { useWhoami } from '@/hooks/useWhoami';
import { currentYear } from '@/services/format';
import { ROUTES } from '@/services/routes';
import { signedInAs } from '@/services/session';

/** 我的: the member's profile, this year's benefits, the yearly report, 工会管理 for staff, and 我的身份. */
export default function MePage() {
  useUnreadBadge();
  return (
    <Page path={ROUTES.me}>
      <MeContent />
    </Page>
  );
}

/** 我的's links to a member's own pages, each shown to whoever may open it (core/pages.ts). */
const LINKS: readonly { page: PageEntry; note: string }[] = [
  { page: PAGES.myEvents, note: '已报名的文体活动和签到码' },
  { page: PAGES.report, note: '工会经费每年的支出情况' },
  { page: PAGES.admin, note: '名册、活动、角色、政策、预算、台账、审计' },
];

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
              {LINKS.filter((l) => mayOpen(l.page.access, account)).map((l) => (
                <LinkRow key={l.page.path} title={l.page.title} note={l.note} onClick={() => go(l.page.path)} />
              ))}
            </>
          );
        }}
      </CallView>
      <LinkRow title={PAGES.identity.title} note='微信身份与实名认证状态' onClick={() => go(ROUTES.identity)} />
      {process.env.TARO_ENV === 'h5' && canSwitch && (
        <ActionButton kind='secondary' text='切换账号' note={current ? `当前：${current}` : undefined} onClick={signOut} />
      )}
    </>
  );
}
