/** A case's files: photos and PDF documents, checked and copied into the case's folder (db/uploads). */
import { MAX_ATTACHMENTS } from '../../src/core/domain/care';
import { acceptDocuments, recordFolder, type Upload } from '../db/uploads';
import type { CareFile } from './store';

export type { Upload };

/** Check the caller's uploads (`field` names the form field for the refusal) and copy them into the case's folder. */
export async function acceptAttachments(openid: string, unionId: string, caseId: string, files: readonly Upload[], field: string): Promise<CareFile[]> {
  return acceptDocuments(openid, recordFolder('care', unionId, caseId), files, field, MAX_ATTACHMENTS);
}
