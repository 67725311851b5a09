/**
 * What members are told about their birthday voucher, in the inbox and on the gifts subscribe template. Each goes
 * out once (a fixed id per voucher): a job run twice, or a redemption retried, tells no one twice.
 *
 * The gifts template's fields, shared with the holiday batches (README): thing1 名称, time2 截止时间, thing3 温馨提示.
 */
import { formatYuan } from '../../src/core/money';
import { PAGES } from '../../src/core/pages';
import { dayZh, formatDateTimeZh, shanghaiAt } from '../../src/core/time';
import { clip, type NewNotice } from '../notices/api';
import type { VoucherDoc } from './vouchers.store';

/** Where a voucher notice opens: 我的福利, where the voucher's code is shown. */
export const VOUCHER_LINK: string = PAGES.gifts.path;

export function birthdayNotice(v: VoucherDoc): NewNotice {
  const amount = formatYuan(v.amountFen);
  return {
    id: `${v._id}:issued`,
    unionId: v.unionId,
    memberId: v.memberId,
    kind: 'gift_birthday',
    title: '生日快乐！您的生日蛋糕券已发放',
    body: `${v.greeting}\n工会为您准备了 ${amount} 元生日蛋糕券，请在${dayZh(v.lastDay, { weekday: true })}前到「${v.shopName}」出示券码或二维码使用。券码在小程序「我的福利」中。`,
    link: VOUCHER_LINK,
    push: { template: 'gifts', fields: { thing1: clip(`生日蛋糕券 ${amount}元`), time2: formatDateTimeZh(shanghaiAt(v.lastDay, '23:59')), thing3: clip(`生日快乐！请到${v.shopName}使用`) } },
  };
}

export function redeemedNotice(v: VoucherDoc): NewNotice {
  return {
    id: `${v._id}:redeemed`,
    unionId: v.unionId,
    memberId: v.memberId,
    kind: 'gift_voucher_redeemed',
    title: '您的生日蛋糕券已使用',
    body: `您的 ${formatYuan(v.amountFen)} 元生日蛋糕券已在「${v.shopName}」使用。如果不是您本人使用的，请联系工会。`,
    link: VOUCHER_LINK,
  };
}
