/**
 * Cloud storage for functions: files members and officers upload (read here) and files we generate for them
 * (Excel exports), handed back as temporary download links.
 */
import { randomUUID } from 'node:crypto';
import { cloud, currentEnv } from './sdk';
import { shanghaiDateKey } from '../../src/core/time';
import { AppError } from '../../src/core/errors';

/** `cloud://<env>.<bucket>/a/b.png` → `a/b.png`; null when the fileID is not one, or its path climbs out. */
export function cloudPathOf(fileID: string): string | null {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
  if (!m || m[1].split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) return null;
  return m[1];
}

/**
 * Refuse a file the caller did not upload. Clients upload under `uploads/<their OPENID>/` (the H5 gateway chooses
 * that path itself; the weapp client is told its OPENID by whoami), so a fileID outside that folder is someone
 * else's file and is refused without being read. Returns the file's path in storage.
 */
export function assertCallerUpload(openid: string, fileID: string): string {
  const path = cloudPathOf(fileID);
  const env = currentEnv();
  // Another environment's storage (of the same mini program, where the OPENID is the same) is not ours either.
  const elsewhere = env !== '' && !fileID.startsWith(`cloud://${env}.`);
  if (!openid || !path || elsewhere || !path.startsWith(`uploads/${openid}/`)) throw new AppError('FORBIDDEN', '只能使用您本人上传的文件');
  return path;
}

/** The bytes of a file the caller uploaded (see assertCallerUpload). */
export async function readCallerUpload(openid: string, fileID: string): Promise<Buffer> {
  assertCallerUpload(openid, fileID);
  try {
    const r = await cloud.downloadFile({ fileID });
    return r.fileContent;
  } catch {
    throw new AppError('NOT_FOUND', '文件不存在或已过期，请重新上传');
  }
}

/** Store bytes at `cloudPath` (replacing what is there) and return the fileID. */
export async function storeFile(cloudPath: string, content: Buffer): Promise<string> {
  return (await cloud.uploadFile({ cloudPath, fileContent: content })).fileID;
}

/** Remove stored files, best effort: a file already gone, or a failed delete, only leaves an orphan behind. */
export async function deleteFiles(fileIDs: string[]): Promise<void> {
  if (fileIDs.length === 0) return;
  try {
    await cloud.deleteFile({ fileList: fileIDs });
  } catch (error) {
    console.warn('[files] deleteFile failed', fileIDs, error);
  }
}

/** "20261121": the Shanghai day, for file names people keep. */
export function compactDate(now: Date): string {
  return shanghaiDateKey(now).replace(/-/g, '');
}

/**
 * A generated file for a union's officers (`exports/<union>/<day>-<random>/<name>`: the random folder keeps the
 * readable name while no two exports collide), with a temporary download link and the name it was stored under:
 * the name given without the characters a path or a Windows file name cannot hold (an event's or a batch's title,
 * a shop's name are typed by people, and a "/" in one would make folders).
 */
export async function publishExport(unionId: string, fileName: string, content: Buffer, now: Date): Promise<{ fileID: string; url: string; fileName: string }> {
  const safe = fileName.replace(/[\\/:*?"<>|]/g, '');
  return { ...(await publishFile(`exports/${unionId}/${compactDate(now)}-${randomUUID()}/${safe}`, content)), fileName: safe };
}

/** Store a generated file and return a temporary download link (valid as long as the platform's default). */
async function publishFile(cloudPath: string, content: Buffer): Promise<{ fileID: string; url: string }> {
  const fileID = await storeFile(cloudPath, content);
  const links = (await cloud.getTempFileURL({ fileList: [fileID] })) as { fileList: { tempFileURL?: string }[] };
  const url = links.fileList[0]?.tempFileURL ?? '';
  if (!url) throw new Error(`no download URL for ${fileID}`);
  return { fileID, url };
}

/** Temporary download links for stored files (e.g. event covers), by fileID; one call for all of them. */
export async function tempUrls(fileIDs: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(fileIDs)];
  if (unique.length === 0) return out;
  const links = (await cloud.getTempFileURL({ fileList: unique })) as { fileList: { fileID?: string; tempFileURL?: string }[] };
  for (const l of links.fileList) if (l.fileID && l.tempFileURL) out.set(l.fileID, l.tempFileURL);
  return out;
}
