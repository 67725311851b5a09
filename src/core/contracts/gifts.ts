import { defineContract } from './contract';
import { voucherActions } from './giftsVouchers';
import { batchActions } from './giftsBatches';

/**
 * The `gifts` cloud function (生日与节日慰问): birthdays and their cake vouchers (./giftsVouchers.ts), holiday gift
 * batches and members' claims (./giftsBatches.ts). One function, two halves, each in a file of its own.
 */
export const giftsContract = defineContract('gifts', { ...voucherActions, ...batchActions });

export type GiftsContract = typeof giftsContract;
