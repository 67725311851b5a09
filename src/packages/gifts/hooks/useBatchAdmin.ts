import { useState } from 'react';
import type { AdminBatchView } from '@/core/contracts/giftsBatches';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useDownload } from '@/hooks/useDownload';
import { dateTimeText } from '@/services/format';
import { scanQr } from '@/services/scan';

/**
 * A batch for officers: open it, mark pickups by code (typed; scanned in WeChat), the distribution list, and after
 * the pickup end the gifts not picked up, with their reversal when the union decides.
 */
export function useBatchAdmin(b: AdminBatchView, refresh: () => void) {
  const open = useAction('gifts', 'batchOpen', {
    confirm: { title: '开放选择？', content: `将按可领取的会员人数和最高单价预留预算，并通知每位会员在 ${dateTimeText(b.closesAt)} 前选择。开放后礼品和规则不能再修改。`, confirmText: '开放', danger: true },
    done: (d) => `已开放，已通知 ${d.told} 位会员`,
  });
  const [code, setCode] = useState('');
  const [last, setLast] = useState<{ tone: 'ok' | 'warn'; text: string } | null>(null);
  const pickup = useAction('gifts', 'batchPickup');
  const list = useDownload('gifts', 'batchExport');
  const [page, setPage] = useState(1);
  const unpicked = useCall('gifts', 'batchUnpicked', { payload: { batchId: b.id, page, pageSize: 20 }, enabled: b.can.includes('unpicked') });
  const [reason, setReason] = useState('逾期未领取');
  const reverse = useAction('gifts', 'batchReverseUnpicked', {
    confirm: { title: '收回未领取的礼品？', content: '每份未领取的礼品都将在经费台账中冲正，批次随即结束。此操作不能撤销。', confirmText: '收回', danger: true },
    done: (d) => `已收回 ${d.reversed} 份`,
  });

  const doOpen = async () => {
    if (await open.run({ batchId: b.id })) refresh();
  };
  const mark = async (text: string) => {
    if (text.trim() === '') return pickup.refuse('请输入领取码');
    setLast(null);
    const done = await pickup.run({ batchId: b.id, code: text });
    if (!done) return;
    setCode('');
    setLast(
      done.already
        ? { tone: 'warn', text: `${done.name}的「${done.optionName}」已于 ${dateTimeText(done.pickedAt)} 领取过，请勿重复发放` }
        : { tone: 'ok', text: `${done.name}：${done.optionName}（${done.placeName || done.wayLabel}）已登记领取` },
    );
    refresh();
  };
  const scan = async () => {
    const r = await scanQr('gifts.pickup');
    if (r.ok) await mark(r.text);
    else if (!r.cancelled) pickup.refuse('未能识别二维码，请输入领取码');
  };
  const doReverse = async () => {
    if (await reverse.run({ batchId: b.id, reason })) {
      unpicked.refresh();
      refresh();
    }
  };

  return { open, doOpen, code, setCode, mark, scan, pickup, last, list, unpicked, page, setPage, reason, setReason, reverse, doReverse };
}
