/**
 * What other areas may ask of the ledger — the only door in (lint refuses any other import of server/ledger from
 * another area). Every service that spends the union's money pays through these, in one transaction with the
 * budget line, the member's year and the policy's decision (./payout.ts). A batch that pays many members at once
 * reserves its budget first and names the reservation on each payout (./reservations.ts).
 */
export { recordPayout, recordPayouts, reversePayout, PayoutRefused, type PayoutRequest, type PayoutResult } from './payout';
export { reserveBudget, settleReservation, releaseReservation, reservationStatus, RESERVATION_SHARDS, type ReserveArgs, type ReservationResult } from './reservations';
export { eventPrizeEntries } from './entries';
export { previewPayout, type Preview } from './preview';
export { policyProfile, isReversed, netOfEntries } from './readers';
export type { LedgerDoc, ReservationDoc } from './store';
