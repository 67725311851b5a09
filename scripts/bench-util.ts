/**
 * What the parts of `npm run bench` share: options from the command line, percentiles, round trips between two
 * readings of the emulator's stats, number formatting, and a JSON call to the emulator.
 */

/** `--name value` from the command line, or the fallback. */
export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Options that take no value. */
const FLAGS = new Set(['--by-transaction']);

/** The words of the command line that are not options nor their values: the parts of the bench to run. */
export function positionals(): string[] {
  const out: string[] = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 1) {
    if (FLAGS.has(argv[i])) continue;
    if (argv[i].startsWith('--')) i += 1;
    else out.push(argv[i]);
  }
  return out;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Protocol requests by action between two readings of /__emulator/stats, the busiest first. */
export function tripsByAction(before: Record<string, number>, after: Record<string, number>): [string, number][] {
  return Object.keys(after)
    .map((k): [string, number] => [k, after[k] - (before[k] ?? 0)])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
}

/** Protocol requests between two readings of /__emulator/stats, database requests apart from the rest (subscribe messages, storage). */
export function tripsByKind(before: Record<string, number>, after: Record<string, number>): { db: number; other: number } {
  let db = 0;
  let other = 0;
  for (const [k, n] of tripsByAction(before, after)) {
    if (k.startsWith('database.')) db += n;
    else other += n;
  }
  return { db, other };
}

/** Protocol requests the emulator answered between two readings of /__emulator/stats. */
export function tripsBetween(before: Record<string, number>, after: Record<string, number>): number {
  const { db, other } = tripsByKind(before, after);
  return db + other;
}

export function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** GET (no body) or POST a JSON body to the emulator, with a dev-login token; the parsed reply. */
export type Json = (path: string, body?: unknown, token?: string) => Promise<Record<string, unknown>>;

export function jsonClient(url: string): Json {
  return async (path, body, token) => {
    const r = await fetch(`${url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await r.json()) as Record<string, unknown>;
  };
}

/** Protocol requests by action so far. */
export const statsOf = async (json: Json) => (await json('/__emulator/stats')).adminRequests as Record<string, number>;

/**
 * One screen's call `runs` times in a row after a warm-up call: the sorted latencies and the DB round trips per call.
 */
export async function measureCall(json: Json, fn: string, action: string, payload: unknown, token: string, runs: number): Promise<{ times: number[]; tripsPerCall: number }> {
  const first = await json(`/functions/${fn}`, { action, payload }, token); // warm the instance and the indexes
  if (first.ok !== true) throw new Error(`${fn}.${action}: ${JSON.stringify(first)}`);
  const before = await statsOf(json);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const s0 = performance.now();
    const r = await json(`/functions/${fn}`, { action, payload }, token);
    times.push(performance.now() - s0);
    if (r.ok !== true) throw new Error(`${fn}.${action}: ${JSON.stringify(r)}`);
  }
  const trips = tripsBetween(before, await statsOf(json));
  times.sort((a, b) => a - b);
  return { times, tripsPerCall: trips / runs };
}
