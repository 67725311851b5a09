import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { can, PERMISSIONS, ROLE_LABELS, type Permission } from '@/core/domain/roles';
import { pageEntry, staffPermissions, type Access, type PagePath } from '@/core/pages';
import { useWhoami, type Account, type Whoami } from '@/hooks/useWhoami';
import { ROUTES } from '@/services/routes';
import { ActionButton } from '../ActionButton';
import { BindPrompt } from '../BindPrompt';
import { CallView } from '../CallView';
import { Card } from '../Card';
import { Screen } from '../Screen';
import { SessionGate } from '../SessionGate';

export type BoundWhoami = Whoami & { account: Account };

export interface PageProps {
  /** The page's registered path (ROUTES.x): its title and who may open it come from the registry (core/pages.ts). */
  path: PagePath;
  /** The title when it differs from the registered one (发布活动 opened to edit: 修改活动). */
  title?: string;
  /** A page open to account holders only may take the caller's account. */
  children: ReactNode | ((me: BoundWhoami) => ReactNode);
}

/**
 * Every page's frame: the body and (H5) title bar, then the gates its registry entry names — signed in, then with or
 * without an account, then holding a permission. The function checks again on every call; the gates spare everyone
 * else a page of errors (or a form the function would refuse) and say who may use the page.
 */
export function Page({ path, title, children }: PageProps) {
  const entry = pageEntry(path);
  const name = title ?? entry.title;
  return (
    <Screen title={name}>
      <SessionGate>{entry.access === 'anyone' ? typeof children === 'function' ? null : children : <Gate access={entry.access} service={name} content={children} />}</SessionGate>
    </Screen>
  );
}

function Gate({ access, service, content }: { access: Exclude<Access, 'anyone'>; service: string; content: PageProps['children'] }) {
  const whoami = useWhoami();
  return (
    <CallView call={whoami} loadingText='正在读取您的身份…'>
      {(data) => {
        const { account } = data;
        if (access === 'unbound') return account ? <AlreadyJoined account={account} /> : typeof content === 'function' ? null : content;
        if (!account) return <BindPrompt service={service} />;
        const anyOf: readonly Permission[] = access === 'account' ? [] : access === 'staff' ? staffPermissions() : access;
        if (anyOf.length > 0 && !anyOf.some((p) => can(account.roles, p))) return <NoPermission service={service} anyOf={anyOf} />;
        return typeof content === 'function' ? content({ ...data, account }) : content;
      }}
    </CallView>
  );
}

/** The binding and invitation pages, opened by someone who already has an account: no form the function would refuse. */
function AlreadyJoined({ account }: { account: Account }) {
  return (
    <Card title={account.kind === 'clerk' ? '您已加入' : '您已完成实名认证'}>
      <View>
        {account.name}，{account.union.name}
        {account.shopName ? `，${account.shopName}` : ''}。无需再次办理。
      </View>
      <ActionButton text='查看我的' onClick={() => void Taro.switchTab({ url: ROUTES.me })} />
    </Card>
  );
}

function NoPermission({ service, anyOf }: { service: string; anyOf: readonly Permission[] }) {
  const roles = [...new Set(anyOf.flatMap((p) => PERMISSIONS[p]))].map((r) => ROLE_LABELS[r]);
  return (
    <Card title='没有权限'>
      <View>
        「{service}」仅限{roles.join('、')}使用。如有需要，请联系工会主席。
      </View>
    </Card>
  );
}
