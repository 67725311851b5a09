/**
 * Files in and out of cloud storage: an officer's .xlsx roster, an event's cover picture and the photos and PDF
 * documents of a care case go up (the function then reads them by fileID), generated Excel files come down.
 * Transport by platform, chosen at build time as in cloud.ts, so each build keeps only its own side:
 *   weapp → chooseMessageFile (a file from a WeChat chat: a phone has no file browser) or chooseMedia (a photo from
 *           the album or the camera, compressed by WeChat) + Taro.cloud.uploadFile; for photos or documents, an
 *           action sheet asks which of the two first;
 *           downloadFile + openDocument, whose menu lets the officer forward or save the file;
 *   h5    → a hidden <input type="file"> + POST <gateway>/storage/upload; an <a download> click.
 * Nothing here rejects: failures come back as a reply with a Chinese sentence, as from callFunction.
 */
import Taro from '@tarojs/taro';
import type { Reply } from '@/core/contracts';
import { ERROR_MESSAGES, type ErrorCode } from '@/core/errors';
import { IMAGE_EXTENSIONS, IMAGE_KINDS_TEXT, MAX_IMAGE_BYTES, MAX_IMAGE_TEXT, imageExtensionOf } from '@/core/domain/images';
import { ATTACHMENT_ACCEPT, attachmentKindOf, checkAttachment, displayName, type AttachmentKind, type AttachmentLimits } from './attachments';
import { GATEWAY_ORIGIN, gatewayErrMsg } from './gateway';
import { randomString } from './ids';
import { isUserCancel } from './scan';
import { expireSession, getSession } from './session';

export interface UploadedFile {
  fileID: string;
  fileName: string;
}

/** A generated file as the functions hand it back (rosterTemplate, rosterExport, ledgerExport). */
export interface DownloadableFile {
  url: string;
  fileID: string;
  fileName: string;
}

/** `data: null`: the person closed the chooser without picking a file (not an error). */
export type UploadReply = Reply<UploadedFile | null>;

/** An uploaded picture, with a local address that shows it at once (before any function has seen it). */
export interface UploadedImage extends UploadedFile {
  previewUrl: string;
}

export type ImageUploadReply = Reply<UploadedImage | null>;

/** An uploaded photo or PDF document: a photo with a local address that shows it at once, a document by its name. */
export interface UploadedAttachment extends UploadedFile {
  kind: AttachmentKind;
  /** A photo's local address; '' for a document. */
  previewUrl: string;
}

export type AttachmentUploadReply = Reply<UploadedAttachment | null>;
export type { AttachmentKind, AttachmentLimits } from './attachments';

/** The emulator gateway's limit, and far above any union's roster. */
const MAX_BYTES = 10 * 1024 * 1024;

// Module level, where webpack folds the constant: the H5 branch (document, fetch, FormData) never reaches weapp.
const upload: (openid: string) => Promise<UploadReply> = process.env.TARO_ENV === 'weapp' ? uploadWeapp : uploadH5;
const uploadImage: (openid: string) => Promise<ImageUploadReply> = process.env.TARO_ENV === 'weapp' ? uploadImageWeapp : uploadImageH5;
const uploadAttachment: (openid: string, limits: AttachmentLimits) => Promise<AttachmentUploadReply> =
  process.env.TARO_ENV === 'weapp' ? uploadAttachmentWeapp : uploadAttachmentH5;
const download: (file: DownloadableFile) => Promise<Reply<null>> = process.env.TARO_ENV === 'weapp' ? downloadWeapp : downloadH5;

function fail(code: ErrorCode, message?: string): { ok: false; error: { code: ErrorCode; message: string } } {
  return { ok: false, error: { code, message: message ?? ERROR_MESSAGES[code] } };
}

/** Why a chosen file cannot be used, or null. */
function checkXlsx(name: string, size: number): string | null {
  if (!/\.xlsx$/i.test(name)) return '请选择 .xlsx 格式的 Excel 文件（旧的 .xls 文件请先在 Excel 或 WPS 中另存为 .xlsx）';
  if (size > MAX_BYTES) return '文件超过 10 MB，请拆分成几个文件分批导入';
  return null;
}

/** Why a chosen picture cannot be used, or null. */
function checkImage(name: string, size: number): string | null {
  if (!imageExtensionOf(name)) return `请选择 ${IMAGE_KINDS_TEXT} 格式的图片`;
  if (size > MAX_IMAGE_BYTES) return `图片超过 ${MAX_IMAGE_TEXT}，请换一张或压缩后再上传`;
  return null;
}

/**
 * Let the officer pick one .xlsx file and upload it under `uploads/<openid>/`, the only folder the functions
 * accept the caller's files from. `openid` is the caller's own (from whoami); H5 ignores it: the gateway files
 * the upload under the signed-in OPENID itself.
 */
export function chooseAndUploadXlsx(openid: string): Promise<UploadReply> {
  return upload(openid);
}

/**
 * Let the officer pick one picture (JPG, PNG or WebP, at most 5 MB) and upload it under `uploads/<openid>/`, as
 * chooseAndUploadXlsx does. On a phone the photo comes from the album or the camera, compressed by WeChat.
 */
export function chooseAndUploadImage(openid: string): Promise<ImageUploadReply> {
  return uploadImage(openid);
}

/**
 * Let the member (or a handler) pick one photo or one PDF document (a diagnosis, a contract) of at most
 * `limits.maxBytes`, and upload it under `uploads/<openid>/` as the others do. On a phone they first choose where
 * from: a photo from the album or the camera, or a PDF from a WeChat chat (a phone has no file browser); in a
 * browser one file dialog offers both.
 */
export function chooseAndUploadAttachment(openid: string, limits: AttachmentLimits): Promise<AttachmentUploadReply> {
  return uploadAttachment(openid, limits);
}

/** Let go of a preview address from chooseAndUploadImage once it is no longer shown (a browser keeps the file until then). */
export function releasePreview(previewUrl: string | null): void {
  if (process.env.TARO_ENV !== 'weapp' && previewUrl?.startsWith('blob:')) URL.revokeObjectURL(previewUrl);
}

/** Show a generated Excel file: opened in WeChat's viewer (with its forward/save menu), downloaded in a browser. */
export function openDownload(file: DownloadableFile): Promise<Reply<null>> {
  return download(file);
}

type Picked<T> = { ok: true; data: T | null } | { ok: false; error: { code: ErrorCode; message: string } };

/** WeChat only: one file of these extensions from a chat (a phone has no file browser); null when the person cancels. */
async function pickChatFile(extension: string[], refused: string): Promise<Picked<{ name: string; path: string; size: number }>> {
  try {
    const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension });
    return { ok: true, data: chosen.tempFiles[0] ?? null };
  } catch (error) {
    if (isUserCancel(error)) return { ok: true, data: null };
    console.warn('[files] chooseMessageFile failed', error);
    return fail('BAD_REQUEST', refused);
  }
}

/** WeChat only: one photo from the album or the camera, compressed by WeChat; null when the person cancels. */
async function pickPhoto(refused: string): Promise<Picked<{ tempFilePath: string; size: number }>> {
  try {
    const chosen = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    return { ok: true, data: chosen.tempFiles[0] ?? null };
  } catch (error) {
    if (isUserCancel(error)) return { ok: true, data: null };
    console.warn('[files] chooseMedia failed', error);
    return fail('BAD_REQUEST', refused);
  }
}

async function uploadWeapp(openid: string): Promise<UploadReply> {
  const picked = await pickChatFile(['xlsx'], '无法选择文件，请先把 Excel 文件发到微信聊天中，再从聊天记录里选择');
  if (!picked.ok || !picked.data) return picked.ok ? { ok: true, data: null } : picked;
  const file = picked.data;
  const problem = checkXlsx(file.name, file.size);
  if (problem) return fail('BAD_REQUEST', problem);
  const up = await cloudUpload(openid, file.path, 'xlsx');
  return up.ok ? { ok: true, data: { fileID: up.data, fileName: file.name } } : up;
}

async function uploadImageWeapp(openid: string): Promise<ImageUploadReply> {
  const picked = await pickPhoto('无法选择图片，请检查是否允许微信访问相册或相机');
  if (!picked.ok || !picked.data) return picked.ok ? { ok: true, data: null } : picked;
  const photo = picked.data;
  const problem = checkImage(photo.tempFilePath, photo.size);
  if (problem) return fail('BAD_REQUEST', problem);
  // checkImage has refused a path without a picture's extension; 'jpg' only satisfies the type.
  const up = await cloudUpload(openid, photo.tempFilePath, imageExtensionOf(photo.tempFilePath) ?? 'jpg');
  const fileName = photo.tempFilePath.split('/').pop() ?? '';
  return up.ok ? { ok: true, data: { fileID: up.data, fileName, previewUrl: photo.tempFilePath } } : up;
}

/** The two sources of a phone, in the action sheet's order. */
const ATTACHMENT_SOURCES = ['拍照或从相册选择照片', '从微信聊天中选择 PDF 文件'] as const;

async function uploadAttachmentWeapp(openid: string, limits: AttachmentLimits): Promise<AttachmentUploadReply> {
  let source: number;
  try {
    source = (await Taro.showActionSheet({ itemList: [...ATTACHMENT_SOURCES] })).tapIndex;
  } catch (error) {
    if (isUserCancel(error)) return { ok: true, data: null };
    console.warn('[files] showActionSheet failed', error);
    return fail('BAD_REQUEST', '无法选择文件，请稍后再试');
  }
  if (source === 0) {
    const picked = await pickPhoto('无法选择照片，请检查是否允许微信访问相册或相机');
    if (!picked.ok || !picked.data) return picked.ok ? { ok: true, data: null } : picked;
    const photo = picked.data;
    const problem = checkAttachment(photo.tempFilePath, photo.size, limits);
    if (problem) return fail('BAD_REQUEST', problem);
    const up = await cloudUpload(openid, photo.tempFilePath, imageExtensionOf(photo.tempFilePath) ?? 'jpg');
    return up.ok ? { ok: true, data: { fileID: up.data, fileName: displayName(photo.tempFilePath), kind: 'image', previewUrl: photo.tempFilePath } } : up;
  }
  // `extension` filters only with type 'file' (which leaves out pictures and videos): photos come from the album.
  const picked = await pickChatFile(['pdf'], '无法选择文件，请先把 PDF 文件发到微信聊天中，再从聊天记录里选择');
  if (!picked.ok || !picked.data) return picked.ok ? { ok: true, data: null } : picked;
  const file = picked.data;
  const problem = checkAttachment(file.name, file.size, limits);
  if (problem) return fail('BAD_REQUEST', problem);
  const kind = attachmentKindOf(file.name) ?? 'pdf';
  const up = await cloudUpload(openid, file.path, kind === 'pdf' ? 'pdf' : (imageExtensionOf(file.name) ?? 'jpg'));
  return up.ok ? { ok: true, data: { fileID: up.data, fileName: displayName(file.name), kind, previewUrl: kind === 'image' ? file.path : '' } } : up;
}

/** A local file into the caller's own folder of cloud storage (a random name: two uploads never collide). */
async function cloudUpload(openid: string, filePath: string, ext: string): Promise<Reply<string>> {
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `uploads/${openid}/${Date.now()}-${randomString(8)}.${ext}`, filePath });
    return { ok: true, data: res.fileID };
  } catch (error) {
    console.warn('[files] cloud.uploadFile failed', error);
    return fail('NETWORK', '上传失败，请检查网络后重试');
  }
}

/**
 * A file input made on demand (never part of the page), clicked, and removed. Browsers without the input's
 * `cancel` event tell a closed dialog only by the window getting focus back with no file chosen.
 */
function pickFileH5(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    let settled = false;
    const finish = (file: File | null) => {
      if (settled) return;
      settled = true;
      window.removeEventListener('focus', onFocus);
      input.remove();
      resolve(file);
    };
    const onFocus = () => setTimeout(() => finish(input.files?.[0] ?? null), 1000);
    input.addEventListener('change', () => finish(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => finish(null));
    window.addEventListener('focus', onFocus);
    document.body.appendChild(input);
    input.click();
  });
}

async function uploadH5(): Promise<UploadReply> {
  const file = await pickFileH5('.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  if (!file) return { ok: true, data: null };
  const problem = checkXlsx(file.name, file.size);
  if (problem) return fail('BAD_REQUEST', problem);
  const up = await postUpload(file);
  return up.ok ? { ok: true, data: { fileID: up.data, fileName: file.name } } : up;
}

async function uploadImageH5(): Promise<ImageUploadReply> {
  const file = await pickFileH5(IMAGE_EXTENSIONS.map((e) => `.${e}`).join(',') + ',image/jpeg,image/png,image/webp');
  if (!file) return { ok: true, data: null };
  const problem = checkImage(file.name, file.size);
  if (problem) return fail('BAD_REQUEST', problem);
  const up = await postUpload(file);
  return up.ok ? { ok: true, data: { fileID: up.data, fileName: file.name, previewUrl: URL.createObjectURL(file) } } : up;
}

async function uploadAttachmentH5(_openid: string, limits: AttachmentLimits): Promise<AttachmentUploadReply> {
  const file = await pickFileH5(ATTACHMENT_ACCEPT);
  if (!file) return { ok: true, data: null };
  const problem = checkAttachment(file.name, file.size, limits);
  if (problem) return fail('BAD_REQUEST', problem);
  const kind = attachmentKindOf(file.name) ?? 'pdf';
  const up = await postUpload(file);
  return up.ok ? { ok: true, data: { fileID: up.data, fileName: displayName(file.name), kind, previewUrl: kind === 'image' ? URL.createObjectURL(file) : '' } } : up;
}

/** One file to the gateway, which stores it under the signed-in OPENID's folder and answers its fileID. */
async function postUpload(file: File): Promise<Reply<string>> {
  const form = new FormData();
  form.append('file', file, file.name);
  const token = getSession()?.token;
  let res: Response;
  try {
    res = await fetch(`${GATEWAY_ORIGIN}/storage/upload`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
  } catch (error) {
    console.warn('[files] upload failed', error);
    return fail('NETWORK', '上传失败，请检查网络后重试');
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.status === 401) {
    expireSession();
    return fail('UNAUTHENTICATED', '登录已失效，请重新选择账号登录');
  }
  const fileID = typeof body === 'object' && body !== null ? (body as { fileID?: unknown }).fileID : undefined;
  if (res.status !== 200 || typeof fileID !== 'string') return fail('INTERNAL', gatewayErrMsg(body) ?? '上传失败，请稍后再试');
  return { ok: true, data: fileID };
}

async function downloadWeapp(file: DownloadableFile): Promise<Reply<null>> {
  let filePath: string | null = null;
  try {
    const res = await Taro.downloadFile({ url: file.url });
    if (res.statusCode === 200) filePath = res.tempFilePath;
  } catch (error) {
    console.warn('[files] downloadFile failed, trying cloud.downloadFile', error);
  }
  if (!filePath) {
    // A temporary link's domain may be missing from the mini-program's download whitelist; the cloud API is not.
    try {
      filePath = (await Taro.cloud.downloadFile({ fileID: file.fileID })).tempFilePath;
    } catch (error) {
      console.warn('[files] cloud.downloadFile failed', error);
      return fail('NETWORK', '下载失败，请检查网络后重试');
    }
  }
  try {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
    return { ok: true, data: null };
  } catch (error) {
    console.warn('[files] openDocument failed', error);
    return fail('INTERNAL', '文件已下载，但无法打开，请稍后再试');
  }
}

async function downloadH5(file: DownloadableFile): Promise<Reply<null>> {
  const link = document.createElement('a');
  link.href = file.url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  return { ok: true, data: null };
}
