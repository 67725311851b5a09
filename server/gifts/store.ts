/**
 * The gifts area's documents, collections and indexes, and its id builders: birthdays and vouchers
 * (./vouchers.store.ts), holiday batches and claims (./batches.store.ts).
 */
import type { CollectionSpec } from '../db/collections';
import { VOUCHER_COLLECTIONS } from './vouchers.store';
import { BATCH_COLLECTIONS } from './batches.store';

export * from './vouchers.store';
export * from './batches.store';

export const GIFTS_COLLECTIONS: Record<string, CollectionSpec> = { ...VOUCHER_COLLECTIONS, ...BATCH_COLLECTIONS };
