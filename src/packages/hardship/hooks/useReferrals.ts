import { useState } from 'react';
import { useCall } from '@/hooks/useCall';
import type { ReferralStage } from '../reviewFormat';

export const REFERRALS_PAGE_SIZE = 20;

/** 大病关爱推荐 (工委): the referrals still to decide, or those decided (`hardship.referrals`), a page at a time. */
export function useReferrals() {
  const [stage, setStageState] = useState<ReferralStage>('pending');
  const [page, setPage] = useState(1);
  const list = useCall('hardship', 'referrals', { payload: { stage, page, pageSize: REFERRALS_PAGE_SIZE }, reloadOnShow: true });
  const setStage = (s: ReferralStage) => {
    setStageState(s);
    setPage(1);
  };
  return { stage, setStage, page, setPage, list };
}
