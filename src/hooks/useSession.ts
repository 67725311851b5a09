import { useSyncExternalStore } from 'react';
import { getSession, SIGN_IN_REQUIRED, signOut, subscribeSession, type Session } from '@/services/session';

export interface SessionState {
  /** The H5 demo session; always null in WeChat, where the identity is the WeChat user. */
  session: Session | null;
  /** Whether calls can be made (always true in WeChat). */
  signedIn: boolean;
  /** Whether this build has a sign-in step at all (H5 only). */
  canSwitch: boolean;
  signOut: () => void;
}

/** The session, re-rendering every page that uses it when someone signs in or switches account. */
export function useSession(): SessionState {
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  return { session, signedIn: !SIGN_IN_REQUIRED || session !== null, canSwitch: SIGN_IN_REQUIRED, signOut };
}
