/**
 * Every collection the functions use, one line per area: the shared ones and each area's store. The `jobs`
 * function's setup creates them, and this is the checklist for the WeChat Cloud console (README "部署").
 */
import { SHARED_COLLECTIONS, type CollectionSpec } from './db/collections';
import { MEMBERS_COLLECTIONS } from './members/store';
import { LEDGER_COLLECTIONS } from './ledger/store';
import { EVENTS_COLLECTIONS } from './events/store';
import { NOTICES_COLLECTIONS } from './notices/store';
import { CARE_COLLECTIONS } from './care/store';
import { GIFTS_COLLECTIONS } from './gifts/store';
import { HARDSHIP_COLLECTIONS } from './hardship/store';
// new-area: imports (`npm run new:area` inserts above this line)

export const COLLECTIONS: Record<string, CollectionSpec> = {
  ...SHARED_COLLECTIONS,
  ...MEMBERS_COLLECTIONS,
  ...LEDGER_COLLECTIONS,
  ...EVENTS_COLLECTIONS,
  ...NOTICES_COLLECTIONS,
  ...CARE_COLLECTIONS,
  ...GIFTS_COLLECTIONS,
  ...HARDSHIP_COLLECTIONS,
  // new-area: collections
};
