/** Every area's browser journey, one line per area (`npm run new:area` adds one). */
import type { Journey } from './journey';
// new-area: imports (`npm run new:area` inserts above this line)

export const JOURNEYS: Record<string, Journey> = {
  // new-area: journeys
};
