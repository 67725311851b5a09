import { useEffect, useRef, useState } from 'react';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_TEXT } from '@/core/domain/care';
import type { ErrorBody } from '@/core/errors';
import { chooseAndUploadAttachment, releasePreview } from '@/services/files';
import { canAddFile, withFile, withoutFile, type FileDraft } from '../askForm';

/** What one attachment may weigh: a scanned PDF (a diagnosis, a contract) may be larger than a phone photo. */
const LIMITS = { maxBytes: MAX_ATTACHMENT_BYTES, maxText: MAX_ATTACHMENT_TEXT };

/**
 * Photos and PDF documents added to a form: each is uploaded at once to the caller's own folder
 * (`uploads/<openid>/`), shown (a photo as a thumbnail, a document by its name), and may be removed; the function
 * copies them into the case when the form is sent. At most six.
 */
export function useUploads(openid: string, files: FileDraft[], onChange: (files: FileDraft[]) => void) {
  const [uploading, setUploading] = useState(false);
  // The chooser's own reply (a file too large or of another kind, no access to the album): not a function's refusal.
  const [error, setError] = useState<ErrorBody | null>(null);
  // Local previews (a browser's blob: addresses) are let go when the form closes.
  const shown = useRef(files);
  shown.current = files;
  useEffect(() => () => shown.current.forEach((f) => releasePreview(f.previewUrl)), []);

  const add = async () => {
    if (uploading || !canAddFile(files)) return;
    setError(null);
    setUploading(true);
    try {
      const reply = await chooseAndUploadAttachment(openid, LIMITS);
      if (!reply.ok) setError(reply.error);
      else if (reply.data) onChange(withFile(shown.current, { fileID: reply.data.fileID, name: reply.data.fileName, previewUrl: reply.data.previewUrl }));
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
  return { files, add, remove, reset, uploading, error, canAdd: canAddFile(files) };
}

export type Uploads = ReturnType<typeof useUploads>;
