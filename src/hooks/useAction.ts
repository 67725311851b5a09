import { useCallback, useRef, useState } from 'react';
import type { FunctionName, Reply } from '@/core/contracts';
import { callFunction, type ActionOf, type CallOutput, type PayloadArgs } from '@/services/cloud';

export interface ActionHandle<F extends FunctionName, A extends ActionOf<F>> {
  /**
   * Call the action. Resolves to null, without calling, while an earlier call is still under way: a second tap
   * on 保存 does not save twice.
   */
  run: (...args: PayloadArgs<F, A>) => Promise<Reply<CallOutput<F, A>> | null>;
  busy: boolean;
}

/** An action a person triggers (save, bind, grant…), with a busy flag for the button. */
export function useAction<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A): ActionHandle<F, A> {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const run = useCallback(
    async (...args: PayloadArgs<F, A>) => {
      if (running.current) return null;
      running.current = true;
      setBusy(true);
      try {
        return await callFunction(fn, action, ...args);
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [fn, action],
  );
  return { run, busy };
}
