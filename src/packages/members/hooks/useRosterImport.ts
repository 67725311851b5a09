import { useState } from 'react';
import type { ErrorBody } from '@/core/errors';
import { callFunction, type CallOutput } from '@/services/cloud';
import { chooseAndUploadXlsx } from '@/services/files';

export type ImportResult = CallOutput<'members', 'rosterImport'>;

export type ImportState =
  | { step: 'idle' }
  | { step: 'uploading' }
  | { step: 'importing'; fileName: string }
  | { step: 'done'; fileName: string; result: ImportResult }
  | { step: 'failed'; fileName: string | null; error: ErrorBody };

/**
 * 导入名册: pick an .xlsx, upload it under the caller's own folder, then `members.rosterImport`. The function checks
 * every row before writing anything: a file with a single bad row imports nothing and lists every problem.
 */
export function useRosterImport(openid: string) {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const busy = state.step === 'uploading' || state.step === 'importing';

  const start = async () => {
    if (busy) return;
    setState({ step: 'uploading' });
    const uploaded = await chooseAndUploadXlsx(openid);
    if (!uploaded.ok) {
      setState({ step: 'failed', fileName: null, error: uploaded.error });
      return;
    }
    if (!uploaded.data) {
      setState({ step: 'idle' });
      return;
    }
    const { fileID, fileName } = uploaded.data;
    setState({ step: 'importing', fileName });
    const reply = await callFunction('members', 'rosterImport', { fileID });
    setState(reply.ok ? { step: 'done', fileName, result: reply.data } : { step: 'failed', fileName, error: reply.error });
  };

  return { state, start, busy };
}
