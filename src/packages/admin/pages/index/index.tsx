import Taro from '@tarojs/taro';
import { Card } from '@/components/Card';
import { InfoRow } from '@/components/InfoRow';
import { LinkRow } from '@/components/LinkRow';
import { Page } from '@/components/Page';
import { tilesFor } from '@/core/pages';
import { rolesText } from '@/services/format';
import { ROUTES } from '@/services/routes';

/** 工会管理: the sections the caller's roles allow, nothing else. */
export default function AdminIndexPage() {
  return (
    <Page path={ROUTES.admin}>
      {({ account }) => {
        const sections = tilesFor('admin', account);
        return (
          <>
            <Card title={account.union.name}>
              <InfoRow label='您的身份'>{rolesText(account.roles)}</InfoRow>
            </Card>
            {sections.map((s) => <LinkRow key={s.key} title={s.label} note={s.summary} onClick={() => void Taro.navigateTo({ url: s.path })} />)}
          </>
        );
      }}
    </Page>
  );
}
