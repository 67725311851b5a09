import { addFen, formatMoney, formatYuan, parseYuan, splitFen, sumFen, yuan } from './money';

describe('parseYuan: amounts typed by people become exact fen', () => {
  test.each([
    ['200', 20000],
    ['199.9', 19990],
    ['0.29', 29],
    ['1,200.50', 120050],
    ['¥300', 30000],
    ['￥ 12.3', 1230],
    ['50元', 5000],
    ['-8.01', -801],
  ])('%s → %d fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  test.each(['', 'abc', '1.234', '12.', '.5', '1e3', '¥', '--1', '99999999999999'])('%p is refused', (text) => {
    expect(parseYuan(text)).toBeNull();
  });
});

describe('fen arithmetic stays whole and safe', () => {
  test('yuan() converts whole yuan and refuses fractions', () => {
    expect(yuan(300)).toBe(30000);
    expect(() => yuan(0.5)).toThrow(RangeError);
  });

  test('addFen refuses non-integers and overflow', () => {
    expect(addFen(1, 2, 3)).toBe(6);
    expect(() => addFen(1.5)).toThrow(RangeError);
    expect(() => addFen(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
  });

  test('sumFen of a year of payouts reconciles to the fen', () => {
    const payouts = Array.from({ length: 1000 }, (_, i) => 1999 + (i % 7));
    expect(sumFen(payouts)).toBe(payouts.reduce((a, b) => a + b, 0));
  });

  test.each([
    [1000, 3, [334, 333, 333]],
    [100, 4, [25, 25, 25, 25]],
    [-10, 3, [-4, -3, -3]],
    [2, 5, [1, 1, 0, 0, 0]],
  ])('splitFen(%d, %d) shares add up exactly', (total, parts, expected) => {
    const shares = splitFen(total, parts);
    expect(shares).toEqual(expected);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
  });

  test('splitFen refuses zero parts', () => {
    expect(() => splitFen(100, 0)).toThrow(RangeError);
  });
});

describe('display', () => {
  test.each([
    [0, '0.00', '¥0.00'],
    [5, '0.05', '¥0.05'],
    [120050, '1,200.50', '¥1,200.50'],
    [500000000, '5,000,000.00', '¥5,000,000.00'],
    [-30000, '-300.00', '-¥300.00'],
  ])('%d fen → %s / %s', (fen, plain, money) => {
    expect(formatYuan(fen)).toBe(plain);
    expect(formatMoney(fen)).toBe(money);
  });
});
