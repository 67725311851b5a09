import type { PropsWithChildren } from 'react';
import { useSession } from '@/hooks/useSession';
import { SignInCard } from '../SignInCard';

/**
 * Shows its children once calls can be made. In WeChat that is always (identity comes from WeChat); in the H5 demo
 * the sign-in card stands in until a demo account is chosen. The `process.env.TARO_ENV` test is a build-time
 * constant, so the weapp bundle has no sign-in UI at all.
 */
export function SessionGate({ children }: PropsWithChildren) {
  const { signedIn } = useSession();
  if (process.env.TARO_ENV === 'h5' && !signedIn) return <SignInCard />;
  return <>{children}</>;
}
