import { useState } from 'react';
import type { FunctionName } from '@/core/contracts';
import type { ActionOf, CallOutput, PayloadArgs } from '@/services/cloud';
import { say } from '@/services/dialog';
import { openDownload, type DownloadableFile } from '@/services/files';
import { useAction } from './useAction';

/** The actions of a function that hand back a generated file. */
export type FileAction<F extends FunctionName> = {
  [A in ActionOf<F>]: CallOutput<F, A> extends DownloadableFile ? A : never;
}[ActionOf<F>];

/**
 * An action that generates an Excel file (template, roster export, ledger export), then the file opened in
 * WeChat's viewer or downloaded by the browser. `busy` keeps a second tap from making a second file, from the call
 * until the file is open; `done` names the file handed over, for the page to confirm where it went. A file that
 * cannot be opened is told where a refusal is.
 */
export function useDownload<F extends FunctionName, A extends FileAction<F>>(fn: F, action: A) {
  const generate = useAction(fn, action);
  // The second step, after the call: useAction's busy ends with the call, and WeChat may take a while to open it.
  const [opening, setOpening] = useState(false);
  /** The file last handed over, for the page to say where it went (components/DownloadOutcome). */
  const [done, setDone] = useState<{ fileName: string } | null>(null);
  const busy = generate.busy || opening;

  const download = async (...args: PayloadArgs<F, A>): Promise<void> => {
    if (busy) return;
    setDone(null);
    const data = await generate.run(...args);
    if (!data) return;
    // FileAction admits only actions whose output has url, fileID and fileName.
    const file = data as CallOutput<F, A> & DownloadableFile;
    setOpening(true);
    try {
      const opened = await openDownload({ url: file.url, fileID: file.fileID, fileName: file.fileName });
      if (!opened.ok) {
        generate.refuse(opened.error.message, opened.error.code);
        return;
      }
      setDone({ fileName: file.fileName });
      if (process.env.TARO_ENV === 'h5') say('已开始下载');
    } finally {
      setOpening(false);
    }
  };

  return { download, busy, error: generate.error, done };
}
