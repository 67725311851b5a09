/** 报名名单's tabs: which entries each lists, in which order. Pure (no Taro, no React), so it is unit-tested. */
import type { RosterEntry } from '@/core/contracts/events';

export type RosterTab = 'confirmed' | 'waitlisted' | 'checkedIn' | 'cancelled';

/** The entries a tab lists: waitlisted in their order, checked-in members latest first. */
export function entriesOf(entries: readonly RosterEntry[], tab: RosterTab): RosterEntry[] {
  switch (tab) {
    case 'confirmed':
      return entries.filter((e) => e.status === 'confirmed');
    case 'waitlisted':
      return entries.filter((e) => e.status === 'waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    case 'checkedIn':
      return entries.filter((e) => e.checkedInAt !== null).sort((a, b) => (b.checkedInAt ?? '').localeCompare(a.checkedInAt ?? ''));
    case 'cancelled':
      return entries.filter((e) => e.status === 'cancelled');
  }
}
