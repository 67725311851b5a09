import { useState } from 'react';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useForm } from '@/hooks/useForm';

/**
 * 帮扶公示: the union's cases now in their 公示 (masked names only), and 提出异议 on one of them — privately, to the
 * reviewers (`hardship.object`, once per entry; the case is held until they resolve it).
 */
export function useMemberPublicity(page: number, pageSize: number) {
  const list = useCall('hardship', 'publicity', { payload: { page, pageSize }, reloadOnShow: true });
  const [objecting, setObjecting] = useState<string | null>(null);
  const [sent, setSent] = useState<string[]>([]);
  const form = useForm({ text: '' });
  const object = useAction('hardship', 'object', {
    form,
    confirm: { title: '提出异议', content: '异议只有工会帮扶审核人员能看到，他们会核实处理并告诉您结果。确定提交吗？', confirmText: '提交' },
    done: '已提交异议',
  });
  const open = (entryId: string | null) => {
    setObjecting(entryId);
    form.replace({ text: '' });
    form.clearErrors();
  };
  const send = async () => {
    if (!objecting) return;
    const payload = form.check('hardship', 'object', { entryId: objecting, text: form.values.text });
    if (!payload) return;
    if (await object.run(payload)) {
      setSent((s) => [...s, objecting]);
      open(null);
    }
  };
  return { list, objecting, open, form, send, sent, busy: object.busy };
}
