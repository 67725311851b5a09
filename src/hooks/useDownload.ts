import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { FunctionName } from '@/core/contracts';
import type { ErrorBody } from '@/core/errors';
import { callFunction, type ActionOf, type CallOutput, type PayloadArgs } from '@/services/cloud';
import { openDownload, type DownloadableFile } from '@/services/files';

/** The actions of a function that hand back a generated file. */
export type FileAction<F extends FunctionName> = {
  [A in ActionOf<F>]: CallOutput<F, A> extends DownloadableFile ? A : never;
}[ActionOf<F>];

/**
 * An action that generates an Excel file (template, roster export, ledger export), then the file opened in
 * WeChat's viewer or downloaded by the browser. `busy` keeps a second tap from making a second file; `done` names
 * the file handed over, for the page to confirm where it went.
 */
export function useDownload<F extends FunctionName, A extends FileAction<F>>(fn: F, action: A) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  /** The file last handed over, for the page to say where it went (components/DownloadOutcome). */
  const [done, setDone] = useState<{ fileName: string } | null>(null);

  const download = async (...args: PayloadArgs<F, A>): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const reply = await callFunction(fn, action, ...args);
      if (!reply.ok) {
        setError(reply.error);
        return;
      }
      // FileAction admits only actions whose output has url, fileID and fileName.
      const file = reply.data as CallOutput<F, A> & DownloadableFile;
      const opened = await openDownload({ url: file.url, fileID: file.fileID, fileName: file.fileName });
      if (!opened.ok) setError(opened.error);
      else {
        setDone({ fileName: file.fileName });
        if (process.env.TARO_ENV === 'h5') void Taro.showToast({ title: '已开始下载', icon: 'success' });
      }
    } finally {
      setBusy(false);
    }
  };

  return { download, busy, error, done };
}
