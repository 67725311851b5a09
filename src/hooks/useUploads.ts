import { useEffect, useRef, useState } from 'react';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_TEXT } from '@/core/domain/images';
import type { ErrorBody } from '@/core/errors';
import { chooseAndUploadAttachment, releasePreview } from '@/services/files';
import { canAddFile, withFile, withoutFile, type FileDraft } from '@/services/fileDrafts';

/** What one file may weigh: a scanned PDF (a diagnosis, a contract) may be larger than a phone photo. */
const LIMITS = { maxBytes: MAX_DOCUMENT_BYTES, maxText: MAX_DOCUMENT_TEXT };

/**
 * Photos and PDF documents added to a form: each is uploaded at once to the caller's own folder
 * (`uploads/<openid>/`), shown (a photo as a thumbnail, a document by its name), and may be removed; the function
 * copies them into its record when the form is sent. At most `max`.
 */
export function useUploads(openid: string, files: FileDraft[], onChange: (files: FileDraft[]) => void, max = 6) {
  const [uploading, setUploading] = useState(false);
  // The chooser's own reply (a file too large or of another kind, no access to the album): not a function's refusal.
  const [error, setError] = useState<ErrorBody | null>(null);
  // Local previews (a browser's blob: addresses) are let go when the form closes.
  const shown = useRef(files);
  shown.current = files;
  useEffect(() => () => shown.current.forEach((f) => releasePreview(f.previewUrl)), []);

  const add = async () => {
    if (uploading || !canAddFile(files, max)) return;
    setError(null);
    setUploading(true);
    try {
      const reply = await chooseAndUploadAttachment(openid, LIMITS);
      if (!reply.ok) setError(reply.error);
      else if (reply.data) onChange(withFile(shown.current, { fileID: reply.data.fileID, name: reply.data.fileName, previewUrl: reply.data.previewUrl }, max));
    } finally {
      setUploading(false);
    }
  };
  const remove = (fileID: string) => {
    setError(null);
    const gone = files.find((f) => f.fileID === fileID);
    if (gone) releasePreview(gone.previewUrl);
    onChange(withoutFile(files, fileID));
  };
  /** After the form was sent: the previews are no longer needed. */
  const reset = () => {
    files.forEach((f) => releasePreview(f.previewUrl));
    onChange([]);
  };
  return { files, max, add, remove, reset, uploading, error, canAdd: canAddFile(files, max) };
}

export type Uploads = ReturnType<typeof useUploads>;
