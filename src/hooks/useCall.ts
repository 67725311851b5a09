import { useCallback, useEffect, useRef, useState } from 'react';
import type { FunctionName } from '@/core/contracts';
import type { ErrorBody } from '@/core/errors';
import { callFunction, type ActionOf, type CallInput, type CallOutput, type PayloadArgs } from '@/services/cloud';
import { useSession } from './useSession';

export type CallState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: ErrorBody }
  | { status: 'ok'; data: T };

export type CallResult<T> = CallState<T> & { retry: () => void };

export interface CallOptions<P> {
  payload?: P;
  /** False holds the call back (e.g. H5 before sign-in); the state stays 'idle'. */
  enabled?: boolean;
}

/**
 * Call one cloud function action when the page shows, and again when the payload or the signed-in account changes.
 * Pages render the state (loading / error with 重试 / data); a late reply of an older call is dropped.
 */
export function useCall<F extends FunctionName, A extends ActionOf<F>>(
  fn: F,
  action: A,
  options: CallOptions<CallInput<F, A>> = {},
): CallResult<CallOutput<F, A>> {
  const { session, signedIn } = useSession();
  const enabled = (options.enabled ?? true) && signedIn;
  const [state, setState] = useState<CallState<CallOutput<F, A>>>(enabled ? { status: 'loading' } : { status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  // A payload is plain JSON: its text is a stable dependency even when the caller builds a new object each render.
  const payloadKey = JSON.stringify(options.payload ?? null);
  const payloadRef = useRef(options.payload);
  payloadRef.current = options.payload;
  const token = session?.token ?? '';

  useEffect(() => {
    const id = ++latest.current;
    if (!enabled) {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'loading' });
    const args = [payloadRef.current] as PayloadArgs<F, A>;
    void callFunction(fn, action, ...args).then((reply) => {
      if (id !== latest.current) return;
      setState(reply.ok ? { status: 'ok', data: reply.data } : { status: 'error', error: reply.error });
    });
    return () => {
      // Unmounted or superseded: whatever this call returns later is no longer wanted.
      latest.current++;
    };
  }, [fn, action, payloadKey, enabled, token, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
