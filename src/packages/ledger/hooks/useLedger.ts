import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { ErrorBody } from '@/core/errors';
import type { BudgetLine } from '@/core/policy/items';
import type { CallOutput } from '@/services/cloud';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useDownload } from '@/hooks/useDownload';

export type LedgerEntry = CallOutput<'ledger', 'ledgerList'>['items'][number];

export const LEDGER_PAGE_SIZE = 20;

/**
 * 经费台账: a year's entries newest first (`ledger.ledgerList`), optionally one budget line; a correction is a
 * reversing entry with a reason (`ledgerReverse`: nothing is ever edited or deleted); the year as Excel.
 */
export function useLedger(year: number) {
  const [line, setLineState] = useState<BudgetLine | 'all'>('all');
  const [page, setPage] = useState(1);
  const list = useCall('ledger', 'ledgerList', {
    payload: { year, page, pageSize: LEDGER_PAGE_SIZE, ...(line === 'all' ? {} : { line }) },
    reloadOnShow: true,
  });
  const exporter = useDownload('ledger', 'ledgerExport');
  const reverseAction = useAction('ledger', 'ledgerReverse');
  const [reversing, setReversing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reverseError, setReverseError] = useState<ErrorBody | null>(null);

  const setLine = (l: BudgetLine | 'all') => {
    setLineState(l);
    setPage(1);
  };

  const beginReverse = (entry: LedgerEntry) => {
    setReversing(entry.id);
    setReason('');
    setReverseError(null);
  };

  const reverse = async (entry: LedgerEntry) => {
    if (reason.trim().length < 2) {
      setReverseError({ code: 'VALIDATION_FAILED', message: '请写明冲正原因' });
      return;
    }
    const confirm = await Taro.showModal({
      title: '确认冲正',
      content: `将登记一笔金额相反的冲正记录，抵消「${entry.itemLabel}${entry.memberName ? ` · ${entry.memberName}` : ''}」。原记录保留。确定冲正吗？`,
      confirmText: '冲正',
      cancelText: '取消',
      confirmColor: '#c8161d',
    });
    if (!confirm.confirm) return;
    const reply = await reverseAction.run({ entryId: entry.id, reason: reason.trim() });
    if (!reply) return;
    if (!reply.ok) {
      setReverseError(reply.error);
      return;
    }
    void Taro.showToast({ title: '已冲正', icon: 'success' });
    setReversing(null);
    list.refresh();
  };

  return {
    line,
    setLine,
    page,
    setPage,
    list,
    exporter,
    reversing,
    beginReverse,
    cancelReverse: () => setReversing(null),
    reason,
    setReason,
    reverse,
    reverseBusy: reverseAction.busy,
    reverseError,
  };
}
