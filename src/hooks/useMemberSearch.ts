import type { CallOutput } from '@/services/cloud';
import { useCall } from './useCall';
import { useSearchBox } from './useSearchBox';

export type RosterRow = CallOutput<'members', 'rosterList'>['items'][number];

/** Find a member of the roster by name or 工号 (`members.rosterList`), for a form that needs one. */
export function useMemberSearch(options: { activeOnly?: boolean; pageSize?: number } = {}) {
  const box = useSearchBox();
  const results = useCall('members', 'rosterList', {
    payload: { q: box.query ?? '', page: 1, pageSize: options.pageSize ?? 8, ...(options.activeOnly ? { status: 'active' as const } : {}) },
    enabled: box.query !== null && box.query !== '',
  });
  return { text: box.text, setText: box.setText, query: box.query, search: () => box.submit(results.retry), results };
}
