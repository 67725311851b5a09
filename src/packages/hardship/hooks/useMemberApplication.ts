import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm } from '@/hooks/useForm';
import { useUploads } from '@/hooks/useUploads';
import { uploadOf, type FileDraft } from '@/services/fileDrafts';

interface SupplementValues {
  text: string;
  files: FileDraft[];
}

/**
 * 我的帮扶申请 (?id=…): the application as its applicant reads it; answering a request for more (`hardship.supplement`:
 * a line and documents) and withdrawing before the decision (`hardship.withdraw`, asked first).
 */
export function useMemberApplication(openid: string, id: string) {
  const view = useCall('hardship', 'get', { payload: { applicationId: id }, reloadOnShow: true });
  const more = useForm<SupplementValues>({ text: '', files: [] }, { fieldOf: (path) => (path[0] === 'documents' ? 'files' : String(path[0])) });
  const uploads = useUploads(openid, more.values.files, (files) => more.set('files', files), 6);
  const supplement = useAction('hardship', 'supplement', { form: more, done: '已补充' });
  const withdraw = useAction('hardship', 'withdraw', {
    confirm: { title: '撤回申请', content: '撤回后这份申请不再审核；情况变化后可以重新申请。确定撤回吗？', confirmText: '撤回', cancelText: '不撤回', danger: true },
    done: '已撤回',
  });
  const discard = useAction('hardship', 'withdraw', {
    confirm: { title: '放弃草稿', content: '放弃后这份草稿不再保留。确定放弃吗？', confirmText: '放弃', cancelText: '保留', danger: true },
    done: '已放弃',
  });

  const sendMore = async () => {
    const payload = more.check('hardship', 'supplement', { applicationId: id, text: more.values.text, documents: more.values.files.map(uploadOf) });
    if (!payload) return;
    if (await supplement.run(payload)) {
      uploads.reset();
      more.replace({ text: '', files: [] });
      view.refresh();
    }
  };
  const takeBack = async (draft: boolean) => {
    if (await (draft ? discard : withdraw).run({ applicationId: id })) view.refresh();
  };

  return { view, more, uploads, sendMore, takeBack, busy: supplement.busy || withdraw.busy || discard.busy || uploads.uploading, error: withdraw.error ?? discard.error };
}
