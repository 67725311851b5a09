import { useEffect } from 'react';
import type { CallOutput } from '@/services/cloud';
import { useCall, type CallResult } from './useCall';
import { useSession } from './useSession';

export type Whoami = CallOutput<'members', 'whoami'>;
export type Account = NonNullable<Whoami['account']>;

// The last answer, per signed-in account (H5 token; '' in WeChat), so the next page shows who you are at once
// while it asks again quietly. Roles are still checked by every function on every call: this only saves a spinner.
let remembered: { token: string; data: Whoami } | null = null;

/** After binding or redeeming an invitation the identity has changed: the next page must ask, not remember. */
export function forgetWhoami(): void {
  remembered = null;
}

/** The caller's WeChat identity, account (union, roles) and bound member record (`members.whoami`). */
export function useWhoami(): CallResult<Whoami> {
  const token = useSession().session?.token ?? '';
  const initial = remembered && remembered.token === token ? remembered.data : undefined;
  const call = useCall('members', 'whoami', { initial, reloadOnShow: true });
  const data = call.status === 'ok' ? call.data : null;
  useEffect(() => {
    if (data) remembered = { token, data };
  }, [data, token]);
  return call;
}
