import { useCallback, useRef, useState } from 'react';
import type { FunctionName } from '@/core/contracts';
import type { ErrorBody, ErrorCode } from '@/core/errors';
import { callFunction, type ActionOf, type CallOutput, type PayloadArgs } from '@/services/cloud';
import { ask, say, type Confirm } from '@/services/dialog';
import type { FormState } from './useForm';

export interface ActionOptions<F extends FunctionName, A extends ActionOf<F>> {
  /**
   * Asked before the call; nothing is sent unless the person confirms. Read when `run` is called; a function of
   * run's arguments names the thing tapped (免去「张三」的工会干部角色？); null asks nothing.
   */
  confirm?: Confirm | null | ((...args: PayloadArgs<F, A>) => Confirm | null);
  /** Said after the call succeeds (see services/toast for how); null says nothing. */
  done?: string | ((data: CallOutput<F, A>) => string | null);
  /**
   * The form whose fields a refusal is about: the function's field issues show beside their fields (issues under
   * `prefix` in the payload, e.g. ['fields']) and its sentence in the form's box, instead of in `error`.
   */
  form?: Pick<FormState<object>, 'showError'>;
  prefix?: readonly (string | number)[];
  /** Also told of a refusal, after it is shown (e.g. CONFLICT asks the person to pick their union). */
  refused?: (error: ErrorBody) => void;
}

export interface ActionHandle<F extends FunctionName, A extends ActionOf<F>> {
  /**
   * Ask (if `confirm`), call, then say `done` and resolve to the reply's data. Resolves to null when nothing came of
   * it: not confirmed, refused (the refusal is in `error` or the form), or an earlier call still under way — a
   * second tap on 保存 does not save twice.
   */
  run: (...args: PayloadArgs<F, A>) => Promise<CallOutput<F, A> | null>;
  busy: boolean;
  /** The last refusal, for the page's ErrorNotice beside the button (null with a `form`, which shows it). */
  error: ErrorBody | null;
  /** A check the page makes before calling failed: show its sentence where a refusal would show. */
  refuse: (message: string, code?: ErrorCode) => void;
  /** Forget the last refusal (the person started over). */
  clear: () => void;
}

/**
 * An action a person triggers (save, sign up, check in, grant…): the one way a page acts. It owns the question
 * before, the busy flag during, and the refusal or the toast after, so a hook only says what to send and what to
 * do with the result.
 */
export function useAction<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, options: ActionOptions<F, A> = {}): ActionHandle<F, A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const running = useRef(false);
  // Read at call time: a confirm text built from this render's data (a name, a title) is the one asked.
  const latest = useRef(options);
  latest.current = options;

  const run = useCallback(
    async (...args: PayloadArgs<F, A>): Promise<CallOutput<F, A> | null> => {
      if (running.current) return null;
      running.current = true;
      try {
        const { confirm, done, form, prefix, refused } = latest.current;
        const question = typeof confirm === 'function' ? confirm(...args) : confirm;
        if (question && !(await ask(question))) return null;
        setError(null);
        setBusy(true);
        const reply = await callFunction(fn, action, ...args);
        if (!reply.ok) {
          if (form) form.showError(reply.error, prefix);
          else setError(reply.error);
          refused?.(reply.error);
          return null;
        }
        const line = typeof done === 'function' ? done(reply.data) : done;
        if (line) say(line);
        return reply.data;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [fn, action],
  );
  const refuse = useCallback((message: string, code: ErrorCode = 'VALIDATION_FAILED') => setError({ code, message }), []);
  const clear = useCallback(() => setError(null), []);
  return { run, busy, error, refuse, clear };
}
