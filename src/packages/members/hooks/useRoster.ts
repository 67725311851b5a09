import { useState } from 'react';
import type { MemberStatus } from '@/core/policy/items';
import { useCall } from '@/hooks/useCall';

export const ROSTER_PAGE_SIZE = 20;

/** 会员名册: what is typed, what was searched, the status filter and the page, and the list for them. */
export function useRoster() {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatusState] = useState<MemberStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const list = useCall('members', 'rosterList', {
    payload: { q, page, pageSize: ROSTER_PAGE_SIZE, ...(status === 'all' ? {} : { status }) },
    // Back from editing or importing: the list shows the change.
    reloadOnShow: true,
  });
  const search = () => {
    setQ(text.trim());
    setPage(1);
  };
  const clear = () => {
    setText('');
    setQ('');
    setPage(1);
  };
  const setStatus = (s: MemberStatus | 'all') => {
    setStatusState(s);
    setPage(1);
  };
  return { text, setText, q, search, clear, status, setStatus, page, setPage, list };
}
