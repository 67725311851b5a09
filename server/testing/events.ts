/**
 * An event to publish in function tests: Saturday 2026-11-28 09:00–11:30 Shanghai, sign-up open from the 19th to
 * the 26th, cancellable until noon on the 27th (tests set the clock to the 20th). `over` changes any field.
 */
import type { CallInput } from './contracts';

export type EventFields = CallInput<'events', 'publish'>;

export function eventInput(requestKey: string, over: Partial<EventFields> = {}): EventFields {
  return {
    title: '羽毛球友谊赛',
    kind: 'badminton',
    description: '',
    place: '机关羽毛球馆',
    startsAt: '2026-11-28T09:00:00+08:00',
    endsAt: '2026-11-28T11:30:00+08:00',
    capacity: 100,
    signupOpensAt: '2026-11-19T09:00:00+08:00',
    signupClosesAt: '2026-11-26T18:00:00+08:00',
    cancelDeadline: '2026-11-27T12:00:00+08:00',
    requestKey,
    ...over,
  };
}
