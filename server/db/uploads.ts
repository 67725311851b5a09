/**
 * Documents people upload as evidence (a case's photos, a hardship application's diagnosis and wage slips): photos
 * and PDF files the caller uploaded to their own folder, checked and copied into the folder of the record they
 * belong to. All are checked before any is copied, so a refused file (someone else's, the wrong kind, too large,
 * gone) leaves nothing written.
 */
import { createHash } from 'node:crypto';
import { DOCUMENT_KINDS_TEXT, imageExtensionOf, imageKindOf, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_TEXT } from '../../src/core/domain/images';
import { AppError } from '../../src/core/errors';
import { assertCallerUpload, readCallerUpload, storeFile } from './files';

/** An upload as a form sends it: the file, and the name the phone gave it. */
export interface Upload {
  fileID: string;
  name: string;
}

export interface StoredDocument {
  fileID: string;
  /** The name the person's phone gave it, for the page and the download. */
  name: string;
  isImage: boolean;
}

/** A name the phone sent, as a page may show it: no folders, no control characters. */
function displayName(given: string): string {
  return given
    .replace(/^.*[\\/]/, '')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 80);
}

const isPdf = (bytes: Uint8Array) => bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

/**
 * The folder of a record's documents: `<area>/<union>/<digest of the record id>/` (ids hold characters paths should
 * not, and a digest says nothing of whose record it is).
 */
export function recordFolder(area: string, unionId: string, recordId: string): string {
  return `${area}/${unionId.replace(/[^A-Za-z0-9_-]/g, '_')}/${createHash('sha256').update(recordId).digest('hex').slice(0, 16)}/`;
}

/**
 * Check the caller's uploads (`field` names the form field for the refusal; at most `max`) and copy them into
 * `folder`. A copy is named by a digest of its content, so the same form sent twice writes the same files — and not
 * of its upload's fileID, which holds the sender's OPENID: a copy must not lead back to who uploaded it.
 */
export async function acceptDocuments(openid: string, folder: string, files: readonly Upload[], field: string, max: number): Promise<StoredDocument[]> {
  if (files.length > max) throw new AppError('VALIDATION_FAILED', `最多 ${max} 个附件`, [{ path: [field], message: `最多 ${max} 个附件` }]);
  const unique = files.filter((f, i) => files.findIndex((g) => g.fileID === f.fileID) === i);
  // Whose files they are is settled for all of them before a byte is read.
  const paths = unique.map((f) => assertCallerUpload(openid, f.fileID));
  const refuse = (i: number, message: string) => new AppError('VALIDATION_FAILED', message, [{ path: [field, i], message }]);
  const checked: { name: string; ext: string; isImage: boolean; bytes: Buffer }[] = [];
  for (const [i, { fileID, name: given }] of unique.entries()) {
    // The kind is judged by the stored upload's own name (and then its bytes), never by the name the phone sent.
    const stored = paths[i].slice(paths[i].lastIndexOf('/') + 1);
    const name = displayName(given) || stored;
    const named = imageExtensionOf(stored) ?? (/\.pdf$/i.test(stored) ? 'pdf' : null);
    if (!named) throw refuse(i, `附件「${name}」不是 ${DOCUMENT_KINDS_TEXT}`);
    const bytes = await readCallerUpload(openid, fileID).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', `附件「${name}」不存在或已过期，请重新上传`, [{ path: [field, i], message: '文件不存在，请重新上传' }]);
      throw error;
    });
    if (bytes.length > MAX_DOCUMENT_BYTES) throw refuse(i, `附件「${name}」超过 ${MAX_DOCUMENT_TEXT}，请压缩后再上传`);
    const image = imageKindOf(bytes);
    const kind = named === 'pdf' ? (isPdf(bytes) ? 'pdf' : null) : image;
    if (!kind) throw refuse(i, `附件「${name}」的内容不是有效的 ${DOCUMENT_KINDS_TEXT}`);
    checked.push({ name, ext: kind, isImage: kind !== 'pdf', bytes });
  }
  const stored = await Promise.all(
    checked.map(async (f) => ({
      fileID: await storeFile(`${folder}${createHash('sha256').update(f.bytes).digest('hex').slice(0, 16)}.${f.ext}`, f.bytes),
      name: f.name,
      isImage: f.isImage,
    })),
  );
  // The same picture uploaded twice is one file of the record.
  return stored.filter((f, i) => stored.findIndex((g) => g.fileID === f.fileID) === i);
}
