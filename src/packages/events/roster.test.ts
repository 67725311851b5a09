import type { RosterEntry } from '@/core/contracts/events';
import { entriesOf } from './roster';

const entry = (memberId: string, status: RosterEntry['status'], more: Partial<RosterEntry> = {}): RosterEntry => ({
  memberId,
  name: memberId,
  employeeNo: '',
  department: '',
  status,
  seats: 1,
  answers: {},
  answersText: '',
  position: null,
  signedUpAt: '2026-06-01T00:00:00.000Z',
  checkedInAt: null,
  ...more,
});

const entries = [
  entry('a', 'confirmed', { checkedInAt: '2026-06-10T01:05:00.000Z' }),
  entry('b', 'waitlisted', { position: 2 }),
  entry('c', 'confirmed'),
  entry('d', 'waitlisted', { position: 1 }),
  entry('e', 'cancelled'),
  entry('f', 'confirmed', { checkedInAt: '2026-06-10T01:20:00.000Z' }),
];
const ids = (list: RosterEntry[]) => list.map((e) => e.memberId);

describe('报名名单 tabs', () => {
  test('confirmed members in the roster’s order; cancelled ones apart', () => {
    expect(ids(entriesOf(entries, 'confirmed'))).toEqual(['a', 'c', 'f']);
    expect(ids(entriesOf(entries, 'cancelled'))).toEqual(['e']);
  });

  test('the waitlist in its order, checked-in members latest first', () => {
    expect(ids(entriesOf(entries, 'waitlisted'))).toEqual(['d', 'b']);
    expect(ids(entriesOf(entries, 'checkedIn'))).toEqual(['f', 'a']);
  });

  test('the roster itself is left as it was', () => {
    entriesOf(entries, 'waitlisted');
    expect(ids(entries)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});
