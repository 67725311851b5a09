/** Every area's browser journey, one line per area (`npm run new:area` adds one). */
import type { Journey } from './journey';
import { eventsJourney } from './events';
import { ledgerJourney } from './ledger';
import { membersJourney } from './members';
import { careJourney } from './care';
import { giftsJourney } from './gifts';
import { hardshipJourney } from './hardship';
// new-area: imports (`npm run new:area` inserts above this line)

export const JOURNEYS: Record<string, Journey> = {
  members: membersJourney,
  ledger: ledgerJourney,
  events: eventsJourney,
  care: careJourney,
  gifts: giftsJourney,
  hardship: hardshipJourney,
  // new-area: journeys
};
