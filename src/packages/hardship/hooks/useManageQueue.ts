import { useState } from 'react';
import { useCall } from '@/hooks/useCall';
import type { QueueStage } from '../reviewFormat';

export const QUEUE_PAGE_SIZE = 20;

/** 帮扶审核: one tab of the union's applications (`hardship.queue`), a page at a time. */
export function useManageQueue() {
  const [stage, setStageState] = useState<QueueStage>('todo');
  const [page, setPage] = useState(1);
  // Back from reviewing one: the tab is current.
  const list = useCall('hardship', 'queue', { payload: { stage, page, pageSize: QUEUE_PAGE_SIZE }, reloadOnShow: true });
  const setStage = (s: QueueStage) => {
    setStageState(s);
    setPage(1);
  };
  return { stage, setStage, page, setPage, list };
}
