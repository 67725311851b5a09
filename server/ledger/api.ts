/**
 * What other areas may ask of the ledger — the only door in (lint refuses any other import of server/ledger from
 * another area). Every service that spends the union's money pays through these, in one transaction with the
 * budget line, the member's year and the policy's decision (./payout.ts).
 */
export { recordPayout, recordPayouts, reversePayout, PayoutRefused, type PayoutRequest, type PayoutResult } from './payout';
export { eventPrizeEntries } from './entries';
export type { LedgerDoc } from './store';
