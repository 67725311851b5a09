import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { can, PERMISSIONS, ROLE_LABELS, type Permission } from '@/core/domain/roles';
import { BindGate, type BoundWhoami } from '@/components/BindGate';
import { Card } from '@/components/Card';

export interface StaffGateProps {
  permission: Permission;
  /** The page's name, e.g. "会员名册". */
  service: string;
  children: (me: BoundWhoami) => ReactNode;
}

/**
 * An officer's page, shown to the roles its permission names (core/domain/roles.ts). The function checks again
 * on every call; this spares everyone else a page of errors and says who may use it.
 */
export function StaffGate({ permission, service, children }: StaffGateProps) {
  return (
    <BindGate service={service}>
      {(me) =>
        can(me.account.roles, permission) ? (
          children(me)
        ) : (
          <Card title='没有权限'>
            <View>
              「{service}」仅限{PERMISSIONS[permission].map((r) => ROLE_LABELS[r]).join('、')}使用。如有需要，请联系工会主席。
            </View>
          </Card>
        )
      }
    </BindGate>
  );
}
