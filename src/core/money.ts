/**
 * Money is an integer number of fen (分) everywhere; yuan exist only as text for people.
 * Parsing goes through strings so that "0.29" never becomes 28.999999 fen.
 */
export type Fen = number;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function assertFen(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} is not a whole number of fen: ${value}`);
}

const YUAN_PATTERN = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * Parse a yuan amount typed by a person ("200", "199.9", "1,200.50", "¥300") into fen.
 * Returns null for anything that is not an exact amount with at most two decimals.
 */
export function parseYuan(text: string): Fen | null {
  const cleaned = text.trim().replace(/^[¥￥]/, '').replace(/,/g, '').replace(/元$/, '').trim();
  const m = YUAN_PATTERN.exec(cleaned);
  if (!m) return null;
  const [, sign, whole, frac = ''] = m;
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return sign ? -fen : fen;
}

/** Whole yuan to fen (for policy numbers written in yuan, e.g. a 300 yuan cap). */
export function yuan(amount: number): Fen {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`yuan() takes whole yuan: ${amount}`);
  const fen = amount * 100;
  assertFen(fen, 'amount');
  return fen;
}

export function addFen(...amounts: Fen[]): Fen {
  let total = 0;
  for (const a of amounts) {
    assertFen(a, 'amount');
    total += a;
    assertFen(total, 'sum');
  }
  return total;
}

export function sumFen(amounts: Iterable<Fen>): Fen {
  return addFen(...amounts);
}

/** Split `total` into `parts` shares that differ by at most one fen and add up exactly to `total`. */
export function splitFen(total: Fen, parts: number): Fen[] {
  assertFen(total, 'total');
  if (!Number.isSafeInteger(parts) || parts <= 0) throw new RangeError(`parts must be a positive integer: ${parts}`);
  const base = Math.trunc(total / parts);
  const rest = total - base * parts;
  const step = rest >= 0 ? 1 : -1;
  return Array.from({ length: parts }, (_, i) => (i < Math.abs(rest) ? base + step : base));
}

/** "1,234.50" — yuan with thousands separators and two decimals. */
export function formatYuan(fen: Fen): string {
  assertFen(fen, 'amount');
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.trunc(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}${whole}.${cents}`;
}

/** "1,234.50 元" — an amount in a sentence (refusals, audit summaries). */
export function yuanText(fen: Fen): string {
  return `${formatYuan(fen)} 元`;
}

/** "¥1,234.50" for amounts shown to people. */
export function formatMoney(fen: Fen): string {
  const text = formatYuan(fen);
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}
