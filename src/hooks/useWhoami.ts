import { useCall, type CallResult } from './useCall';
import type { CallOutput } from '@/services/cloud';

export type Whoami = CallOutput<'members', 'whoami'>;

/** The caller's WeChat identity and bound member record (`members.whoami`). */
export function useWhoami(): CallResult<Whoami> {
  return useCall('members', 'whoami');
}
