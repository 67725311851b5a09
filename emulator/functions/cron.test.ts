import { cronMatches, parseCron } from './cron';

// Times are China time (UTC+8), as WeChat evaluates timer triggers.
const cst = (s: string) => new Date(`${s}+08:00`);

describe('7-field timer cron (second minute hour day month weekday year)', () => {
  test('daily at 02:00:00 China time', () => {
    const s = parseCron('0 0 2 * * * *');
    expect(cronMatches(s, cst('2024-05-01T02:00:00'))).toBe(true);
    expect(cronMatches(s, cst('2024-05-01T02:00:01'))).toBe(false);
    expect(cronMatches(s, new Date('2024-05-01T02:00:00Z'))).toBe(false);
  });

  test('steps, ranges and lists', () => {
    const s = parseCron('*/15 0-5 9,18 * * * *');
    expect(cronMatches(s, cst('2024-05-01T09:03:45'))).toBe(true);
    expect(cronMatches(s, cst('2024-05-01T18:05:30'))).toBe(true);
    expect(cronMatches(s, cst('2024-05-01T18:06:30'))).toBe(false);
    expect(cronMatches(s, cst('2024-05-01T09:03:44'))).toBe(false);
  });

  test('weekday 1-5 and the year field', () => {
    const s = parseCron('0 30 8 * * 1-5 2024');
    expect(cronMatches(s, cst('2024-05-03T08:30:00'))).toBe(true); // Friday
    expect(cronMatches(s, cst('2024-05-04T08:30:00'))).toBe(false); // Saturday
    expect(cronMatches(s, cst('2025-05-05T08:30:00'))).toBe(false); // wrong year
  });

  test('7 means Sunday too', () => {
    expect(cronMatches(parseCron('0 0 0 * * 7 *'), cst('2024-05-05T00:00:00'))).toBe(true);
  });

  test.each(['0 0 2 * * *', '0 0 25 * * * *', '0 0 x * * * *', '0 0 5-2 * * * *'])('%p is refused with a reason', (bad) => {
    expect(() => parseCron(bad)).toThrow(/cron/);
  });
});
