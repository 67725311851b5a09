import type { ErrorBody } from '@/core/errors';
import { ErrorNotice } from '../ErrorNotice';
import { Notice } from '../Notice';

export interface DownloadOutcomeProps {
  /** A useDownload: its refusal, or the file it last handed over. */
  download: { error: ErrorBody | null; done: { fileName: string } | null };
}

/** Where the file went and what to do with it, per platform: WeChat opened it in its viewer; a browser saved it. */
const NEXT_STEP =
  process.env.TARO_ENV === 'weapp'
    ? '文件已在微信中打开：点右上角「···」可以转发给同事，或用其他应用打开、保存到手机。'
    : '文件已保存到浏览器的「下载」文件夹，可以用 Excel 或 WPS 打开。';

/**
 * What an export came to, kept on the page (a toast is gone before it is read): the file's name and the next
 * step, or the refusal.
 */
export function DownloadOutcome({ download }: DownloadOutcomeProps) {
  if (download.error) return <ErrorNotice error={download.error} />;
  if (!download.done) return null;
  return (
    <Notice tone='ok' title={`已导出「${download.done.fileName}」`}>
      {NEXT_STEP}
    </Notice>
  );
}
