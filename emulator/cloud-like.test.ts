/**
 * "Like the cloud when asked": `latencyMs` delays every protocol request a function's SDK sends, and `maxInstances`
 * bounds each function's pool. Only lower bounds of time are asserted (a busy machine is only ever slower).
 */
import { performance } from 'node:perf_hooks';
import { connectSdk } from './sdk-client';
import { startEmulator } from './emulator';
import { FIXTURE_FUNCTIONS, startTestEmulator, type TestEmulator } from './testing/harness';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LATENCY = 60;

describe('latency', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ latencyMs: LATENCY });
  });
  afterAll(async () => {
    await emu.dispose();
  });

  test('each database request of the real SDK waits the set delay, so N round trips cost at least N × latency', async () => {
    const db = connectSdk(emu.url, emu.envId).database();
    await db.createCollection('cloud_like');
    const trips = 5;
    const t0 = performance.now();
    for (let i = 0; i < trips; i += 1) await db.collection('cloud_like').add({ data: { i } });
    const elapsed = performance.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(trips * LATENCY);
    const stored = (await db.collection('cloud_like').count()) as { total: number };
    expect(stored.total).toBe(trips);
  });

  test('a delay outside 0–10000 ms, or a pool of no instances, is refused at start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'union-emu-'));
    await expect(startEmulator({ port: 0, dataDir, latencyMs: -1 })).rejects.toThrow(/latencyMs/);
    await expect(startEmulator({ port: 0, dataDir, latencyMs: Number.NaN })).rejects.toThrow(/latencyMs/);
    await expect(startEmulator({ port: 0, dataDir, maxInstances: 0 })).rejects.toThrow(/maxInstances/);
  });
});

describe('instances', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS, maxInstances: 2 });
  });
  afterAll(async () => {
    await emu.dispose();
  });

  test('a pool never grows past maxInstances: the other calls queue in arrival order', async () => {
    const token = await emu.login('pool-user');
    // `slow` runs past its 1-second timeout: six at once keep both instances busy while four wait. The pool is
    // watched until every call is answered (however slowly a busy machine starts them): never more than two.
    let done = false;
    const calls = Promise.all(Array.from({ length: 6 }, () => emu.call('slow', {}, token))).finally(() => {
      done = true;
    });
    let most = { instances: 0, queued: 0 };
    while (!done) {
      const stats = (await emu.get('/__emulator/stats')).body as { functions: Record<string, { instances: number; queued: number } | undefined> };
      const slow = stats.functions.slow;
      if (slow) most = { instances: Math.max(most.instances, slow.instances), queued: Math.max(most.queued, slow.queued) };
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(most).toEqual({ instances: 2, queued: 4 });
    const replies = await calls;
    expect(replies).toHaveLength(6);
  });
});
