/**
 * Access matrix rows of the birthday and voucher actions. Members see their own vouchers (a clerk is not a member);
 * officers and the chair (union B's chair in union B) keep the settings; the statement is theirs and the fund
 * auditor's; only a designated shop's clerk checks and redeems a code (the payload's code is a wrong one: past the
 * door it is refused as such). The world has one clerk, of union A: another union's clerk, and a clerk of another
 * shop, are in vouchers.test.ts.
 */
import { MEMBERS, STAFF, type AccessCases } from '../testing/access';

const SETTINGS = { enabled: false, timing: 'onDay', daysBefore: 3, shopName: '门禁测试蛋糕店', amountFen: 100_00, validDays: 30, greeting: '生日快乐！' } as const;

export const voucherAccess = {
  birthdaySettingsGet: { payload: () => undefined, allowed: STAFF },
  birthdaySettingsSave: { payload: () => ({ ...SETTINGS }), allowed: STAFF },
  myVouchers: { payload: () => undefined, allowed: MEMBERS },
  voucherCheck: { payload: () => ({ code: 'ABCDE FGHJK' }), allowed: ['clerk'] },
  voucherRedeem: { payload: () => ({ code: 'ABCDE FGHJK' }), allowed: ['clerk'] },
  shopRedemptions: { payload: () => ({}), allowed: ['clerk'] },
  birthdayVouchers: { payload: () => ({ month: '2026-12' }), allowed: STAFF },
  voucherStatement: { payload: () => ({ month: '2026-12' }), allowed: [...STAFF, 'auditor'] },
  voucherStatementExport: { payload: () => ({ month: '2026-12' }), allowed: [...STAFF, 'auditor'] },
} satisfies Partial<AccessCases<'gifts'>>;
