import { useState } from 'react';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useDownload } from '@/hooks/useDownload';
import { useForm } from '@/hooks/useForm';
import type { RosterRow } from '@/hooks/useMemberSearch';
import type { FilesStage } from '../reviewFormat';
import { emptyFileOpen, fileFieldOf, fileOpenDraft, type FileOpenValues } from '../reviewForms';

export const FILES_PAGE_SIZE = 20;

/**
 * 困难职工档案: the households on file (by name) or those whose yearly review is due (`hardship.files`), a page at a
 * time; every active file as Excel (`hardship.filesExport`); and 为会员建档 (`hardship.fileOpen`), for a reviewer who
 * may search the roster.
 */
export function useManageFiles(initialStage: FilesStage) {
  const [stage, setStageState] = useState<FilesStage>(initialStage);
  const [page, setPage] = useState(1);
  const list = useCall('hardship', 'files', { payload: { stage, page, pageSize: FILES_PAGE_SIZE }, reloadOnShow: true });
  const setStage = (s: FilesStage) => {
    setStageState(s);
    setPage(1);
  };
  const exporter = useDownload('hardship', 'filesExport');

  const [opening, setOpening] = useState(false);
  const form = useForm<FileOpenValues<RosterRow>>(emptyFileOpen, { fieldOf: fileFieldOf, whenEmpty: { note: '请写明建档依据' } });
  const open = useAction('hardship', 'fileOpen', { form, done: '已建档' });
  /** The new file once opened (the page opens it), or null. */
  const submitOpen = async () => {
    const { payload, problems } = fileOpenDraft(form.values);
    const checked = form.check('hardship', 'fileOpen', payload, { problems });
    const file = checked && (await open.run(checked));
    if (!file) return null;
    form.replace(emptyFileOpen());
    setOpening(false);
    list.refresh();
    return file;
  };
  const toggleOpening = () => {
    setOpening((now) => !now);
    form.clearErrors();
  };

  return {
    stage,
    setStage,
    page,
    setPage,
    list,
    exporter,
    download: () => void exporter.download(),
    fileOpen: { shown: opening, toggle: toggleOpening, form, submit: submitOpen, busy: open.busy },
  };
}
