import { useState } from 'react';
import { useCall } from '@/hooks/useCall';
import { useDownload } from '@/hooks/useDownload';
import { recentMonths } from '../vouchersForm';

/** 蛋糕店结算: a month's redeemed vouchers per shop (`gifts.voucherStatement`), and its Excel. */
export function useVoucherStatement() {
  const months = recentMonths(new Date());
  const [month, setMonth] = useState(months[0].value);
  const statement = useCall('gifts', 'voucherStatement', { payload: { month } });
  const exporter = useDownload('gifts', 'voucherStatementExport');
  return { months, month, setMonth, statement, exporter, download: () => void exporter.download({ month }) };
}
