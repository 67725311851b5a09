import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { BindGate } from '@/components/BindGate';
import { Card } from '@/components/Card';
import { InfoRow } from '@/components/InfoRow';
import { LinkRow } from '@/components/LinkRow';
import { Screen } from '@/components/Screen';
import { SessionGate } from '@/components/SessionGate';
import { adminSectionsFor } from '@/services/catalog';
import { rolesText } from '@/services/format';

/** 工会管理: the sections the caller's roles allow, nothing else. */
export default function AdminIndexPage() {
  return (
    <Screen>
      <SessionGate>
        <BindGate service='工会管理'>
          {({ account }) => {
            const sections = adminSectionsFor(account.roles);
            return (
              <>
                <Card title={account.union.name}>
                  <InfoRow label='您的身份'>{rolesText(account.roles)}</InfoRow>
                </Card>
                {sections.length === 0 ? (
                  <Card title='没有权限'>
                    <View>工会管理仅限工会干部、工会主席和经费审查委员使用。如有需要，请联系工会主席。</View>
                  </Card>
                ) : (
                  sections.map((s) => <LinkRow key={s.key} title={s.label} note={s.summary} onClick={() => void Taro.navigateTo({ url: s.path })} />)
                )}
              </>
            );
          }}
        </BindGate>
      </SessionGate>
    </Screen>
  );
}
