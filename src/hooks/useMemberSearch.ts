import { useState } from 'react';
import type { CallOutput } from '@/services/cloud';
import { useCall } from './useCall';

export type RosterRow = CallOutput<'members', 'rosterList'>['items'][number];

/** Find a member of the roster by name or 工号 (`members.rosterList`), for a form that needs one. */
export function useMemberSearch(options: { activeOnly?: boolean; pageSize?: number } = {}) {
  const [text, setText] = useState('');
  // null until the first search: an empty roster query would list everyone.
  const [query, setQuery] = useState<string | null>(null);
  const results = useCall('members', 'rosterList', {
    payload: { q: query ?? '', page: 1, pageSize: options.pageSize ?? 8, ...(options.activeOnly ? { status: 'active' as const } : {}) },
    enabled: query !== null && query !== '',
  });
  const search = () => {
    const q = text.trim();
    if (q === query) results.retry();
    else setQuery(q);
  };
  return { text, setText, search, query, results };
}
