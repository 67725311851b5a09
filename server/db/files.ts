/**
 * Cloud storage for functions: files members and officers upload (read here) and files we generate for them
 * (Excel exports), handed back as temporary download links.
 */
import { randomUUID } from 'node:crypto';
import { cloud } from '../runtime/cloud';
import { shanghaiDateKey } from '../../src/core/time';
import { AppError } from '../../src/core/errors';

/**
 * A file the caller uploaded. Clients upload under `uploads/<their OPENID>/` (the H5 gateway chooses that path
 * itself; the weapp client is told its OPENID by whoami), so a fileID outside that folder is someone else's file
 * and is refused without being read.
 */
export async function readCallerUpload(openid: string, fileID: string): Promise<Buffer> {
  if (!fileID.startsWith('cloud://') || !fileID.includes(`/uploads/${openid}/`)) {
    throw new AppError('FORBIDDEN', '只能使用您本人上传的文件');
  }
  try {
    const r = await cloud.downloadFile({ fileID });
    return r.fileContent;
  } catch {
    throw new AppError('NOT_FOUND', '文件不存在或已过期，请重新上传');
  }
}

/** "20261121": the Shanghai day, for file names people keep. */
export function compactDate(now: Date): string {
  return shanghaiDateKey(now).replace(/-/g, '');
}

/**
 * A generated file for a union's officers (`exports/<union>/<day>-<random>/<name>`: the random folder keeps the
 * readable name while no two exports collide), with a temporary download link.
 */
export function publishExport(unionId: string, fileName: string, content: Buffer, now: Date): Promise<{ fileID: string; url: string }> {
  return publishFile(`exports/${unionId}/${compactDate(now)}-${randomUUID()}/${fileName}`, content);
}

/** Store a generated file and return a temporary download link (valid as long as the platform's default). */
async function publishFile(cloudPath: string, content: Buffer): Promise<{ fileID: string; url: string }> {
  const up = await cloud.uploadFile({ cloudPath, fileContent: content });
  const links = (await cloud.getTempFileURL({ fileList: [up.fileID] })) as { fileList: { tempFileURL?: string }[] };
  const url = links.fileList[0]?.tempFileURL ?? '';
  if (!url) throw new Error(`no download URL for ${up.fileID}`);
  return { fileID: up.fileID, url };
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
