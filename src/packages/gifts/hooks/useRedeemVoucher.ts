import { useState } from 'react';
import { formatYuan } from '@/core/money';
import type { CallOutput } from '@/services/cloud';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { scanQr } from '@/services/scan';

export type ClerkVoucher = CallOutput<'gifts', 'voucherCheck'>;

/**
 * 核销蛋糕券 (the shop's clerk): type or scan the member's code, see whether it may be used and for how much, then
 * redeem it. The function decides everything (the code, the shop, once only, the guessing limit).
 */
export function useRedeemVoucher() {
  const [code, setCode] = useState('');
  const [found, setFound] = useState<ClerkVoucher | null>(null);
  const [redeemed, setRedeemed] = useState<ClerkVoucher | null>(null);
  const check = useAction('gifts', 'voucherCheck');
  /** This month's redemptions at the clerk's shop, for their reckoning. */
  const history = useCall('gifts', 'shopRedemptions', { reloadOnShow: true });
  const redeem = useAction('gifts', 'voucherRedeem', {
    confirm: ({ code: c }) => ({ title: '确认核销', content: `核销券码 ${c} 的蛋糕券${found ? `（${formatYuan(found.amountFen)} 元）` : ''}？核销后不能撤销。`, confirmText: '核销', danger: true }),
    done: '核销成功',
    // Used or expired meanwhile (another clerk, midnight): the card that offered it goes; the reason stays.
    refused: () => setFound(null),
  });

  const lookUp = async (raw: string) => {
    setFound(null);
    setRedeemed(null);
    redeem.clear();
    if (raw.trim() === '') {
      check.refuse('请输入会员出示的券码');
      return;
    }
    const data = await check.run({ code: raw.trim() });
    if (data) setFound(data);
  };

  /** WeChat only: the camera reads the voucher's QR code, and it is looked up as if typed. */
  const scan = async () => {
    check.clear();
    const read = await scanQr('vouchers');
    if (!read.ok) {
      if (!read.cancelled) check.refuse('没有扫到蛋糕券二维码，请重试，或直接输入券码', 'BAD_REQUEST');
      return;
    }
    setCode(read.text.replace(/^CAKE:/i, ''));
    await lookUp(read.text);
  };

  const confirm = async () => {
    if (!found) return;
    const data = await redeem.run({ code: found.code });
    if (!data) return;
    setRedeemed(data);
    setFound(null);
    setCode('');
    history.refresh();
  };

  /** Start over for the next customer. */
  const next = () => {
    setFound(null);
    setRedeemed(null);
    setCode('');
    check.clear();
    redeem.clear();
  };

  return { code, setCode, lookUp: () => lookUp(code), scan, found, redeemed, confirm, next, history, checking: check.busy, redeeming: redeem.busy, error: check.error ?? redeem.error };
}
