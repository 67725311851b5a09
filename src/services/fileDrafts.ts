/**
 * Files added to a form before it is sent: already uploaded to the caller's own folder, shown on the screen, sent as
 * `{ fileID, name }` (the function copies them into the record). Pure, so every area's forms share it and test it.
 */

/** A file already uploaded to the member's own folder, with what shows it on this screen. */
export interface FileDraft {
  fileID: string;
  name: string;
  /** A local address (or a link) that shows the picture before any function has seen it. */
  previewUrl: string;
}

/** A file as a contract takes it: the upload, and the name the person knows it by. */
export const uploadOf = (f: FileDraft): { fileID: string; name: string } => ({ fileID: f.fileID, name: f.name });

/** Whether one more file may be added. */
export const canAddFile = (files: readonly FileDraft[], max: number): boolean => files.length < max;

/** The files after one was added (never more than `max`) or removed. */
export function withFile(files: readonly FileDraft[], file: FileDraft, max: number): FileDraft[] {
  return files.length >= max ? [...files] : [...files, file];
}
export function withoutFile(files: readonly FileDraft[], fileID: string): FileDraft[] {
  return files.filter((f) => f.fileID !== fileID);
}

/** "已添加 2 个，还可以添加 4 个". */
export function filesCountText(files: readonly FileDraft[], max: number): string {
  const left = max - files.length;
  return left > 0 ? `已添加 ${files.length} 个，还可以添加 ${left} 个` : `已添加 ${max} 个，不能再添加`;
}
