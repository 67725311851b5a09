/** The gifts function's action table: who may call each action, and its handler. Nothing else lives here. */
import { defineFunction } from '../runtime/defineFunction';
import { giftsContract } from '../../src/core/contracts/gifts';
import { birthdaySettingsGet, birthdaySettingsSave } from './birthdays';
import { birthdayVouchers, myVouchers, shopRedemptions, voucherCheck, voucherRedeem } from './vouchers';
import { voucherStatement, voucherStatementExport } from './statement';
import { batchDefaults, batchExport, batchGet, batchList, batchOpen, batchReverseUnpicked, batchSave, batchUnpicked } from './batches';
import { claimBatch, claimChoose, claimHome } from './claims';
import { batchPickup } from './pickups';

export const main = defineFunction(giftsContract, {
  // Birthdays and vouchers (./birthdays.ts, ./vouchers.ts)
  birthdaySettingsGet: { access: { permission: 'gifts.manage' }, handler: birthdaySettingsGet },
  birthdaySettingsSave: { access: { permission: 'gifts.manage' }, handler: birthdaySettingsSave },
  myVouchers: { access: { permission: 'gifts.receive' }, handler: myVouchers },
  // The shop's clerk only: validity, amount and last day; nothing of the member.
  voucherCheck: { access: { permission: 'gifts.redeem' }, handler: voucherCheck },
  voucherRedeem: { access: { permission: 'gifts.redeem' }, handler: voucherRedeem },
  shopRedemptions: { access: { permission: 'gifts.redeem' }, handler: shopRedemptions },
  birthdayVouchers: { access: { permission: 'gifts.manage' }, handler: birthdayVouchers },
  voucherStatement: { access: { permission: 'gifts.statement' }, handler: voucherStatement },
  voucherStatementExport: { access: { permission: 'gifts.statement' }, handler: voucherStatementExport },
  // Holiday batches and claims (./batches.ts, ./claims.ts)
  claimHome: { access: { permission: 'gifts.receive' }, handler: claimHome },
  claimBatch: { access: { permission: 'gifts.receive' }, handler: claimBatch },
  claimChoose: { access: { permission: 'gifts.receive' }, handler: claimChoose },
  batchList: { access: { permission: 'gifts.manage' }, handler: batchList },
  batchDefaults: { access: { permission: 'gifts.manage' }, handler: batchDefaults },
  batchSave: { access: { permission: 'gifts.manage' }, handler: batchSave },
  batchGet: { access: { permission: 'gifts.manage' }, handler: batchGet },
  batchOpen: { access: { permission: 'gifts.manage' }, handler: batchOpen },
  // Officers at the pickup place (the shop's clerk redeems cake vouchers only).
  batchPickup: { access: { permission: 'gifts.manage' }, handler: batchPickup },
  // The list carries delivery addresses: officers with gifts.manage only.
  batchExport: { access: { permission: 'gifts.manage' }, handler: batchExport },
  batchUnpicked: { access: { permission: 'gifts.manage' }, handler: batchUnpicked },
  batchReverseUnpicked: { access: { permission: 'gifts.manage' }, handler: batchReverseUnpicked },
});
