/**
 * The setup code `npm start` prints as unused must be unused in the database, after any number of restarts and
 * whatever was done with the printed codes in between. A real emulator holds the data; the use of a code is
 * recorded the way the members function records it (its SHA-256 as the `_id` in `setup_codes`).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator/emulator';
import { setupCodes, spareSetupCode, unusedSetupCodes } from './local-system';

let dir: string;
let dataDir: string;
let emu: RunningEmulator;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'union-local-system-'));
  dataDir = join(dir, 'data');
  const codes = setupCodes(dataDir);
  // No functions are needed: the database is read and written directly.
  emu = await startEmulator({ port: 0, dataDir, functionsDir: join(dir, 'none'), functionEnv: { members: { UNION_SETUP_CODES: codes.join(',') } } });
});
afterEach(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

async function markUsed(code: string): Promise<void> {
  const db = (body: Record<string, unknown>) => emu.db.handle({ envName: emu.envId, collectionName: 'setup_codes', ...body });
  await db({ action: 'database.addCollection' });
  const _id = createHash('sha256').update(code).digest('hex');
  const reply = await db({ action: 'database.insertDocument', data: [JSON.stringify({ _id, usedBy: 'wx-someone', usedAt: new Date(0).toISOString() })] });
  expect(reply.code).toBeUndefined();
}

test('with no code used yet (no collection even), every code is unused and the first is offered', async () => {
  const codes = setupCodes(dataDir);
  expect(await unusedSetupCodes(emu, codes)).toEqual(codes);
  expect(await spareSetupCode(emu, dataDir)).toBe(codes[0]);
});

test('a code used since the last start is not offered again: the next unused one is', async () => {
  const codes = setupCodes(dataDir);
  await markUsed(codes[0]);
  await markUsed(codes[2]);
  expect(await unusedSetupCodes(emu, codes)).toEqual([codes[1]]);
  expect(await spareSetupCode(emu, dataDir)).toBe(codes[1]);
});

test('when every code is used, a fresh one is made, kept in the data folder and given to the members function', async () => {
  const codes = setupCodes(dataDir);
  for (const code of codes) await markUsed(code);
  const spare = await spareSetupCode(emu, dataDir);
  expect(codes).not.toContain(spare);
  expect(spare.replace(/-/g, '').length).toBeGreaterThanOrEqual(12);
  expect(readFileSync(join(dataDir, 'setup-codes.txt'), 'utf8').split('\n').filter(Boolean)).toEqual([...codes, spare]);
  expect(emu.functions.options.functionEnv?.members.UNION_SETUP_CODES.split(',')).toEqual([...codes, spare]);
  expect(await unusedSetupCodes(emu, setupCodes(dataDir))).toEqual([spare]);
});
