/**
 * Pictures people upload (an event's cover): which kinds and how large. The phone checks a picked picture with
 * these before uploading it, and the function checks the uploaded file again before using it. Zod-free, so pages in
 * subpackages may import these values.
 */

export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp'] as const;
export type ImageExtension = (typeof IMAGE_EXTENSIONS)[number];

/** The kinds in words, for messages: "请选择 JPG、PNG 或 WebP 格式的图片". */
export const IMAGE_KINDS_TEXT = 'JPG、PNG 或 WebP';

/** A cover is shown as a banner on a phone: 5 MB is far more than it needs (WeChat's compressed photos are < 1 MB). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_TEXT = '5 MB';

/** "封面.JPG" → "jpg"; null when the name does not end in an accepted picture extension. */
export function imageExtensionOf(name: string): ImageExtension | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1].toLowerCase();
  return IMAGE_EXTENSIONS.find((e) => e === ext) ?? null;
}

/**
 * What a file's first bytes say it is (PNG, JPEG or WebP signatures), whatever its name; null for anything else.
 * A file named .png that is not a picture would show as a broken image.
 */
export function imageKindOf(bytes: Uint8Array): 'png' | 'jpg' | 'webp' | null {
  const at = (offset: number, ...expected: number[]) => expected.every((b, i) => bytes[offset + i] === b);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpg';
  // "RIFF" <size> "WEBP"
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
  return null;
}

/**
 * Documents members upload as evidence (a diagnosis, a wage slip, an admission letter): photos and PDF files. A phone
 * photo is under 5 MB; a scanned PDF may be larger.
 */
export const DOCUMENT_KINDS_TEXT = 'JPG、PNG、WebP 图片或 PDF 文件';
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENT_TEXT = '10 MB';
