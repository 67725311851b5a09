/**
 * Browser journey on the H5 build, against the whole local system (`npm start`'s, demo data included): every area's
 * journey of e2e/journeys/index.ts, one after the other in one browser — members (an officer imports a roster, a new
 * member binds), ledger (the yearly report, the policy editor), events (publish, sign up, waitlist, check in,
 * results), then the other areas'. Each may rely on what an earlier one left, hence the fixed order.
 * Every step asserts what a person would read and saves a screenshot to e2e/screenshots/.
 *
 *   npm run e2e
 *   npm run e2e -- gifts     (one area's journey, or several, on the demo data alone: quicker while writing one)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWhatIsStale, startLocalSystem } from '../scripts/local-system';
import { launchPhone, screenshot } from './browser';
import { JOURNEYS } from './journeys';
import type { JourneyContext } from './journeys/journey';

/** The journeys that run first, in this order (each builds on the one before); the other areas' follow. */
const FIRST = ['members', 'ledger', 'events'];

async function main(): Promise<void> {
  const missing = FIRST.filter((area) => !(area in JOURNEYS));
  if (missing.length > 0) throw new Error(`e2e/journeys/index.ts lacks the journeys of: ${missing.join(', ')}`);
  await buildWhatIsStale();
  const dataDir = mkdtempSync(join(tmpdir(), 'union-e2e-'));
  const system = await startLocalSystem({ port: 0, dataDir });
  const { browser, page } = await launchPhone();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));

  const context: JourneyContext = { spareSetupCode: system.spareSetupCode, scratchDir: dataDir, summary: new Map() };
  const all = [...FIRST, ...Object.keys(JOURNEYS).filter((area) => !FIRST.includes(area))];
  const only = process.argv.slice(2);
  const unknown = only.filter((area) => !(area in JOURNEYS));
  if (unknown.length > 0) throw new Error(`no journey for: ${unknown.join(', ')} (areas: ${all.join(', ')})`);
  const order = only.length > 0 ? all.filter((area) => only.includes(area)) : all;
  const steps = order.flatMap((area) => JOURNEYS[area](system.url, context));

  let passed = 0;
  let failed = 0;
  try {
    for (const step of steps) {
      try {
        await step.run(page);
        const shot = await screenshot(page, step.name);
        console.log(`✓ ${step.name}  ${shot}`);
        passed += 1;
      } catch (error) {
        failed += 1;
        const shot = await screenshot(page, `${step.name}-FAILED`).catch(() => '(no screenshot)');
        // The whole message: Playwright's call log says why an action waited (not visible, not stable, covered by …).
        console.log(`✗ ${step.name}  ${shot}\n  ${error instanceof Error ? error.message.split('\n').slice(0, 25).join('\n  ') : String(error)}`);
        break;
      }
    }
    if (pageErrors.length > 0) {
      failed += 1;
      console.log(`✗ page errors:\n  ${pageErrors.join('\n  ')}`);
    }
  } finally {
    await browser.close();
    await system.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  for (const [label, value] of context.summary) console.log(`${label}: ${value}`);
  console.log(`\ne2e: ${passed} passed, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
