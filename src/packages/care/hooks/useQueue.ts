import { useState } from 'react';
import type { CareCategory } from '@/core/domain/care';
import { useCall } from '@/hooks/useCall';
import { queuePayload, type QueueView } from '../handling';

export const QUEUE_PAGE_SIZE = 20;

/** 求助处理: one tab of the queue, by category, searched by title, a page at a time. */
export function useQueue() {
  const [view, setViewState] = useState<QueueView>('new');
  const [category, setCategoryState] = useState<CareCategory | 'any'>('any');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  // Back from handling a case: the tabs and their counts are current.
  const list = useCall('care', 'queue', { payload: queuePayload(view, category, q, page, QUEUE_PAGE_SIZE), reloadOnShow: true });
  const setView = (v: QueueView) => {
    setViewState(v);
    setPage(1);
  };
  const setCategory = (c: CareCategory | 'any') => {
    setCategoryState(c);
    setPage(1);
  };
  const search = () => {
    setQ(text.trim());
    setPage(1);
  };
  const clearSearch = () => {
    setText('');
    setQ('');
    setPage(1);
  };
  return { view, setView, category, setCategory, text, setText, q, search, clearSearch, page, setPage, list };
}
