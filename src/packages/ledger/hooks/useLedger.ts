import { useState } from 'react';
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
  /** The entry being corrected: its reason box is open, and the question names it. */
  const [reversing, setReversing] = useState<LedgerEntry | null>(null);
  const [reason, setReason] = useState('');
  const reverseAction = useAction('ledger', 'ledgerReverse', {
    confirm: reversing && {
      title: '确认冲正',
      content: `将登记一笔金额相反的冲正记录，抵消「${reversing.itemLabel}${reversing.memberName ? ` · ${reversing.memberName}` : ''}」。原记录保留。确定冲正吗？`,
      confirmText: '冲正',
      danger: true,
    },
    done: '已冲正',
  });

  const setLine = (l: BudgetLine | 'all') => {
    setLineState(l);
    setPage(1);
  };

  const beginReverse = (entry: LedgerEntry) => {
    setReversing(entry);
    setReason('');
    reverseAction.clear();
  };

  const reverse = async () => {
    if (!reversing) return;
    if (reason.trim().length < 2) {
      reverseAction.refuse('请写明冲正原因');
      return;
    }
    if (!(await reverseAction.run({ entryId: reversing.id, reason: reason.trim() }))) return;
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
    reversing: reversing?.id ?? null,
    beginReverse,
    cancelReverse: () => setReversing(null),
    reason,
    setReason,
    reverse,
    reverseBusy: reverseAction.busy,
    reverseError: reverseAction.error,
  };
}
