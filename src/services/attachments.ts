/**
 * What the photos-and-documents picker (files.ts, chooseAndUploadAttachment) accepts: JPG, PNG or WebP photos and
 * PDF documents, up to a size the caller names. Pure (no Taro), so the checks are unit-tested; the function checks
 * each uploaded file again, by its content, before using it.
 */
import { IMAGE_EXTENSIONS, imageExtensionOf } from '@/core/domain/images';

export type AttachmentKind = 'image' | 'pdf';

/** How large a file may be, and the same in words ("10 MB"). */
export interface AttachmentLimits {
  maxBytes: number;
  maxText: string;
}

/** The kinds in words, for messages. */
export const ATTACHMENT_KINDS_WORDS = 'JPG、PNG、WebP 图片或 PDF 文件';

/** What a browser's file dialog offers (the `accept` of an `<input type="file">`). */
export const ATTACHMENT_ACCEPT = [...IMAGE_EXTENSIONS.map((e) => `.${e}`), '.pdf', 'image/jpeg', 'image/png', 'image/webp', 'application/pdf'].join(',');

/** "体检报告.PDF" → 'pdf', "IMG_0001.jpg" → 'image'; null for any other kind of file. */
export function attachmentKindOf(name: string): AttachmentKind | null {
  if (imageExtensionOf(name)) return 'image';
  return /\.pdf$/i.test(name.trim()) ? 'pdf' : null;
}

/** Why a chosen file cannot be attached, or null. */
export function checkAttachment(name: string, size: number, limits: AttachmentLimits): string | null {
  const kind = attachmentKindOf(name);
  if (!kind) return `请选择 ${ATTACHMENT_KINDS_WORDS}`;
  if (size > limits.maxBytes) return `${kind === 'pdf' ? '文件' : '图片'}超过 ${limits.maxText}，请压缩后再上传`;
  return null;
}

/** A file's name as a person reads it in a list: the folders of a local path left out. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.trim() || '文件';
}
