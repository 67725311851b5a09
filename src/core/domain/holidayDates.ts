/**
 * When each statutory holiday falls. Dates come from the `chinese-days` package, never from a table of ours: 春节
 * (lunar 1/1), 端午 (lunar 5/5) and 中秋 (lunar 8/15) from its lunar calendar (1900–2100), 清明 from its solar terms;
 * 元旦, 劳动节 and 国庆 are fixed. The library parses a date string as UTC midnight and reads it back with the host's
 * local clock, which answers the day before on a host west of UTC; a local-noon Date is read back as the same day
 * everywhere, so that is what it gets. Functions only: the library's ES module build stays out of the pages.
 */
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import type { Holiday } from '../policy/items';
import { isValidDateKey, type DateKey } from '../time';
import { FIRST_YEAR, LAST_YEAR } from './holidays';


const LUNAR: Partial<Record<Holiday, [number, number]>> = { springFestival: [1, 1], dragonBoat: [5, 5], midAutumn: [8, 15] };
const FIXED: Partial<Record<Holiday, string>> = { newYear: '01-01', labourDay: '05-01', nationalDay: '10-01' };

/** The day of `holiday` in `year` (Shanghai date key): 2026 中秋 → 2026-09-25. */
export function holidayDate(holiday: Holiday, year: number): DateKey {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) throw new RangeError(`year out of range: ${year}`);
  const fixed = FIXED[holiday];
  if (fixed) return `${year}-${fixed}`;
  const lunar = LUNAR[holiday];
  if (lunar) return getSolarDateFromLunar(new Date(year, lunar[0] - 1, lunar[1], 12)).date;
  // 清明 is the solar term 清明 (pure brightness), 4–6 April.
  const key = getSolarTermDate(year, 4, 'pure_brightness');
  if (!isValidDateKey(key)) throw new Error(`no 清明 for ${year}`);
  return key;
}

