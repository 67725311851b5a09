import { useState } from 'react';
import { ERROR_MESSAGES, type ErrorBody } from '@/core/errors';
import type { CallOutput } from '@/services/cloud';
import { chooseAndUploadXlsx } from '@/services/files';
import { useAction } from '@/hooks/useAction';

export type ImportResult = CallOutput<'members', 'rosterImport'>;

export type ImportState =
  | { step: 'idle' }
  | { step: 'uploading' }
  | { step: 'importing'; fileName: string }
  | { step: 'done'; fileName: string; result: ImportResult }
  | { step: 'failed'; fileName: string | null; error: ErrorBody };

/** Where the import is; a failure's reason is the action's (its refusal, or the upload's, told in the same place). */
type Step = Exclude<ImportState, { step: 'failed' }> | { step: 'failed'; fileName: string | null };

/**
 * 导入名册: pick an .xlsx, upload it under the caller's own folder, then `members.rosterImport`. The function checks
 * every row before writing anything: a file with a single bad row imports nothing and lists every problem. The
 * upload comes first and is not a function's action, so the steps are kept here; the import itself is useAction's.
 */
export function useRosterImport(openid: string) {
  const [step, setStep] = useState<Step>({ step: 'idle' });
  const importAction = useAction('members', 'rosterImport');
  const busy = step.step === 'uploading' || step.step === 'importing';

  const start = async () => {
    if (busy) return;
    importAction.clear();
    setStep({ step: 'uploading' });
    const uploaded = await chooseAndUploadXlsx(openid);
    if (!uploaded.ok) {
      importAction.refuse(uploaded.error.message, uploaded.error.code);
      setStep({ step: 'failed', fileName: null });
      return;
    }
    if (!uploaded.data) {
      setStep({ step: 'idle' });
      return;
    }
    const { fileID, fileName } = uploaded.data;
    setStep({ step: 'importing', fileName });
    const result = await importAction.run({ fileID });
    setStep(result ? { step: 'done', fileName, result } : { step: 'failed', fileName });
  };

  // A failed step always has the action's error; the fallback only satisfies the type.
  const state: ImportState = step.step === 'failed' ? { ...step, error: importAction.error ?? { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } } : step;
  return { state, start, busy };
}
