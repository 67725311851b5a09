import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { FunctionName } from '@/core/contracts';
import type { ErrorBody } from '@/core/errors';
import { callFunction, type ActionOf, type CallInput, type CallOutput, type PayloadArgs } from '@/services/cloud';
import { useSession } from './useSession';

export type CallState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: ErrorBody }
  | { status: 'ok'; data: T };

export type CallResult<T> = CallState<T> & {
  /** Load again from scratch (the 重试 button). */
  retry: () => void;
  /** Load again quietly: the data on screen stays until the new data arrives (e.g. after a save). */
  refresh: () => void;
};

export interface CallOptions<P, T> {
  payload?: P;
  /** False holds the call back (e.g. H5 before sign-in); the state stays 'idle'. */
  enabled?: boolean;
  /**
   * Refresh quietly whenever the page shows again: back from an edit page, or a tab page switched to (tab pages
   * stay mounted, so without this they would show what was true when first opened).
   */
  reloadOnShow?: boolean;
  /** Data to show at once (e.g. remembered from another page) while the first call refreshes it quietly. */
  initial?: T;
}

/** A page shown within this long after a load started is the same visit, not a return to the page. */
const SAME_VISIT_MS = 1500;

/**
 * Call one cloud function action when the page shows, and again when the payload or the signed-in account changes.
 * Pages render the state (loading / error with 重试 / data); a late reply of an older call is dropped.
 */
export function useCall<F extends FunctionName, A extends ActionOf<F>>(
  fn: F,
  action: A,
  options: CallOptions<CallInput<F, A>, CallOutput<F, A>> = {},
): CallResult<CallOutput<F, A>> {
  const { session, signedIn } = useSession();
  const enabled = (options.enabled ?? true) && signedIn;
  const [state, setState] = useState<CallState<CallOutput<F, A>>>(() => {
    if (!enabled) return { status: 'idle' };
    return options.initial !== undefined ? { status: 'ok', data: options.initial } : { status: 'loading' };
  });
  const [attempt, setAttempt] = useState(0);
  // The next load keeps what is on screen (a refresh, or the first load over `initial` data).
  const quietNext = useRef(options.initial !== undefined);
  const startedAt = useRef(0);
  // A payload is plain JSON: its text is a stable dependency even when the caller builds a new object each render.
  const payloadKey = JSON.stringify(options.payload ?? null);
  const payloadRef = useRef(options.payload);
  payloadRef.current = options.payload;
  const token = session?.token ?? '';

  useEffect(() => {
    // Unmounted or superseded (the cleanup below ran): whatever this call returns later is no longer wanted.
    let wanted = true;
    const quiet = quietNext.current;
    quietNext.current = false;
    if (!enabled) {
      setState({ status: 'idle' });
      return;
    }
    startedAt.current = Date.now();
    setState((prev) => (quiet && prev.status === 'ok' ? prev : { status: 'loading' }));
    const args = [payloadRef.current] as PayloadArgs<F, A>;
    void callFunction(fn, action, ...args).then((reply) => {
      if (!wanted) return;
      if (reply.ok) setState({ status: 'ok', data: reply.data });
      // A quiet refresh that fails keeps the data already shown rather than replacing it with an error.
      else setState((prev) => (quiet && prev.status === 'ok' ? prev : { status: 'error', error: reply.error }));
    });
    return () => {
      wanted = false;
    };
  }, [fn, action, payloadKey, enabled, token, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const refresh = useCallback(() => {
    quietNext.current = true;
    setAttempt((n) => n + 1);
  }, []);

  const reloadOnShow = options.reloadOnShow ?? false;
  useDidShow(() => {
    if (reloadOnShow && enabled && Date.now() - startedAt.current > SAME_VISIT_MS) refresh();
  });

  return { ...state, retry, refresh };
}
