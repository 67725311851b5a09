import { eventCheckinPayload, memberCheckinPayload, parseCheckinText } from './events';

// Event ids are `<unionId>:<requestKey>`: they contain a colon themselves.
const EVENT_ID = 'u1a2b3c4d5e:mhz3k0x1-abcdefghijkl';

describe('check-in QR payloads', () => {
  test("a member's code names the event", () => {
    expect(memberCheckinPayload(EVENT_ID, '001234')).toBe(`checkin:${EVENT_ID}:001234`);
  });

  test("the event's code names the event", () => {
    expect(eventCheckinPayload(EVENT_ID, '987654')).toBe(`event:${EVENT_ID}:987654`);
  });

  test.each([
    ["a member's payload", memberCheckinPayload(EVENT_ID, '001234'), { kind: 'member', eventId: EVENT_ID, code: '001234' }],
    ["the event's payload", eventCheckinPayload(EVENT_ID, '987654'), { kind: 'event', eventId: EVENT_ID, code: '987654' }],
    ['a payload with spaces around it (a scanner adds a newline)', ` ${eventCheckinPayload('e1', '000001')}\n`, { kind: 'event', eventId: 'e1', code: '000001' }],
    ['digits typed', ' 123456 ', { kind: 'typed', code: '123456' }],
    ['another QR code (a web address)', 'https://example.com/a:1', { kind: 'typed', code: 'https://example.com/a:1' }],
    ['a payload without a code', `event:${EVENT_ID}:`, { kind: 'typed', code: `event:${EVENT_ID}:` }],
    ['a payload whose code is not digits', `checkin:${EVENT_ID}:12ab`, { kind: 'typed', code: `checkin:${EVENT_ID}:12ab` }],
    ['a payload without an event', 'event::123456', { kind: 'typed', code: 'event::123456' }],
    ['another prefix', `ticket:${EVENT_ID}:123456`, { kind: 'typed', code: `ticket:${EVENT_ID}:123456` }],
  ])('%s', (_name, raw, parsed) => {
    expect(parseCheckinText(raw)).toEqual(parsed);
  });

  test('what is built is read back, whatever the event id', () => {
    for (const id of ['e1', EVENT_ID, 'a:b:c', '活动:1']) {
      expect(parseCheckinText(memberCheckinPayload(id, '042017'))).toEqual({ kind: 'member', eventId: id, code: '042017' });
      expect(parseCheckinText(eventCheckinPayload(id, '000000'))).toEqual({ kind: 'event', eventId: id, code: '000000' });
    }
  });
});
