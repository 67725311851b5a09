/** The gifts function's access matrix (run by server/access.test.ts): one row per action of the contract. */
import type { AccessCases } from '../testing/access';
import { voucherAccess } from './vouchers.cases';
import { batchAccess } from './batches.cases';

export const giftsAccess: AccessCases<'gifts'> = { ...voucherAccess, ...batchAccess };
