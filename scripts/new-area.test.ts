/**
 * `npm run new:area` leaves a repository that passes: the scaffold runs in a temporary copy of this repository (its
 * tracked and new files as they are on disk, node_modules linked), and there the type check, lint on every file it
 * created or changed, the new area's domain and function tests (through the emulator, real SDK), the access-matrix
 * completeness test and the new area's matrix rows, and the page registry's tests all pass. It does not run the
 * whole `npm test` there (too slow for a test); the weapp build and the browser journey of the new area are not run.
 *
 * Its own jest project (`scaffold`, `npm run test:scaffold`), part of `npm test`: about a minute on two cores.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { scaffoldArea, ScaffoldError } from './new-area';

const ROOT = resolve(__dirname, '..');
const AREA = 'sample';
let copy = '';

function run(cmd: string, args: string[], cwd = copy): string {
  const env = { ...process.env };
  delete env.JEST_WORKER_ID;
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${out.slice(-6000)}`);
  return out;
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'new-area-'));
  const files = run('git', ['ls-files', '--cached', '--others', '--exclude-standard'], ROOT)
    .split('\n')
    .filter((f) => f !== '' && existsSync(join(ROOT, f)));
  const list = join(copy, '.files');
  writeFileSync(list, files.join('\n'));
  run('sh', ['-c', `tar -cf - -C "${ROOT}" -T "${list}" | tar -xf - -C "${copy}"`], ROOT);
  rmSync(list);
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

const REGISTRIES = ['src/core/contracts/index.ts', 'src/core/pages.ts', 'src/core/domain/roles.ts', 'server/functions.ts', 'server/collections.ts', 'server/access.test.ts', 'e2e/journeys/index.ts'];

test('refuses a bad name or an existing area, and writes nothing', () => {
  const before = REGISTRIES.map((f) => readFileSync(join(copy, f), 'utf8'));
  for (const bad of ['Gifts', 'gifts1', 'g', 'x'.repeat(21), 'gift-shop', '礼品', '']) expect(() => scaffoldArea(copy, bad)).toThrow(/Bad area name/);
  for (const existing of ['members', 'ledger', 'events', 'notices', 'jobs', 'care']) expect(() => scaffoldArea(copy, existing)).toThrow(/exists already/);
  // Not an area, but a page key or a domain file of that name already exists.
  expect(() => scaffoldArea(copy, 'roster')).toThrow(ScaffoldError);
  expect(() => scaffoldArea(copy, 'budget')).toThrow(/collide/);
  expect(REGISTRIES.map((f) => readFileSync(join(copy, f), 'utf8'))).toEqual(before);
  for (const bad of ['gifts1', 'gift-shop', 'roster', 'budget']) expect(existsSync(join(copy, 'server', bad))).toBe(false);
});

test('a new area type-checks, lints and passes its tests right away', () => {
  const started = Date.now();
  const made = run(join(copy, 'node_modules/.bin/tsx'), ['scripts/new-area.ts', AREA, '--title', '示例服务']);
  const list = (heading: string) => (new RegExp(`${heading}:\\n((?:  .+\\n?)+)`).exec(made)?.[1] ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  const created = list('New files');
  const changed = list('Registry lines added in');
  expect(created).toEqual(
    expect.arrayContaining([
      `src/core/contracts/${AREA}.ts`,
      `src/core/domain/${AREA}.ts`,
      `server/${AREA}/index.ts`,
      `server/${AREA}/store.ts`,
      `server/${AREA}/api.ts`,
      `server/${AREA}/access.cases.ts`,
      `server/${AREA}/${AREA}.test.ts`,
      `cloudfunctions/${AREA}/package.json`,
      `cloudfunctions/${AREA}/config.json`,
      `src/packages/${AREA}/pages/index/index.tsx`,
      `e2e/journeys/${AREA}.ts`,
    ]),
  );
  expect([...changed].sort()).toEqual([...REGISTRIES].sort());
  // A second run refuses: the area exists now.
  expect(() => scaffoldArea(copy, AREA)).toThrow(/exists already/);

  run(join(copy, 'node_modules/.bin/tsc'), ['--noEmit', '-p', '.']);
  const lintable = [...created, ...changed].filter((f) => /\.tsx?$/.test(f));
  run(join(copy, 'node_modules/.bin/eslint'), ['--max-warnings=0', ...lintable]);
  const tests = run(join(copy, 'node_modules/.bin/jest'), [
    '--runInBand',
    '--selectProjects',
    'unit',
    'emulator',
    '--testNamePattern',
    `every action of every contract|^${AREA}|^the page registry|^a member pings|^a caller without an account`,
    '--',
    `src/core/domain/${AREA}.test.ts`,
    `server/${AREA}/${AREA}.test.ts`,
    'server/access.test.ts',
    'src/core/pages.test.ts',
  ]);
  // What ran (a name pattern that matched nothing would pass silently).
  for (const file of [`src/core/domain/${AREA}.test.ts`, `server/${AREA}/${AREA}.test.ts`, 'server/access.test.ts', 'src/core/pages.test.ts']) expect(tests).toMatch(new RegExp(`PASS .*${file.replace(/\./g, '\\.')}`));
  expect(tests).toMatch(/Tests: +\d+ skipped, (1[2-9]|[2-9]\d) passed/);
  console.log(`scaffold, tsc, eslint and jest in the copy: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}, 240_000);
