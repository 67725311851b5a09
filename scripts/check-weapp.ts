/**
 * `npm run check:weapp` (after `npm run build:weapp`): checks dist/weapp the way WeChat would.
 *   1. Compiles every WXML with WeChat's own `wcc` and every WXSS with `wcsc` (the binaries inside the
 *      `miniprogram-compiler` package, a dependency of miniprogram-simulate): a syntax error fails with file and line.
 *   2. Checks that app.json lists exactly the pages and subpackages of the page registry (src/core/pages.ts), and
 *      that every page listed has its .js/.json/.wxml files.
 *   3. Measures the main package (everything not under a subpackage root) and each subpackage against budgets:
 *      main 400 KB (what every member downloads before the first page shows; WeChat's limit is 2 MB), each
 *      subpackage 2 MB, all together 20 MB.
 * Exits non-zero on any failure. `measureWeapp` is also used by `npm run bench`.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { appPages } from '../src/core/appPages';

const KB = 1024;
const MB = 1024 * KB;
export const BUDGETS = {
  /** Issue 13 §4: 541.8 KB before the contracts (and zod) moved into the subpackages that use them, 373.4 KB after. */
  mainBytes: 400 * KB,
  subpackageBytes: 2 * MB,
  totalBytes: 20 * MB,
  /** WeChat's hard limit per package (main included). */
  wechatPackageLimitBytes: 2 * MB,
};

/** Files in the output that are not part of what WeChat uploads (tool config, source maps, licence notes). */
function isShipped(rel: string): boolean {
  const base = rel.split('/').pop() ?? rel;
  return !/^project(\.private)?\.config\.json$/.test(base) && !base.endsWith('.map') && !base.endsWith('.LICENSE.txt');
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile()) out.push(relative(dir, abs).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

interface AppJson {
  pages?: string[];
  subPackages?: { root: string; pages?: string[]; name?: string }[];
  subpackages?: { root: string; pages?: string[]; name?: string }[];
}

function readAppJson(dir: string): AppJson {
  return JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as AppJson;
}

function subpackagesOf(app: AppJson): { root: string; pages: string[] }[] {
  return (app.subPackages ?? app.subpackages ?? []).map((s) => ({ root: s.root.replace(/^\/+|\/+$/g, ''), pages: s.pages ?? [] }));
}

export interface PackageSize {
  /** '主包' or the subpackage root. */
  name: string;
  files: number;
  bytes: number;
  budgetBytes: number;
  /** The package's largest files, biggest first. */
  largest: { file: string; bytes: number }[];
}

export interface WeappMeasure {
  main: PackageSize;
  subpackages: PackageSize[];
  mainBytes: number;
  mainBudgetBytes: number;
  subpackagesBytes: number;
  totalBytes: number;
  totalBudgetBytes: number;
  /** Human-readable budget violations; empty when all fit. */
  overBudget: string[];
}

/** Sizes of the main package and each subpackage of a built weapp (dist/weapp). */
export function measureWeapp(dir: string): WeappMeasure {
  const roots = subpackagesOf(readAppJson(dir)).map((s) => s.root);
  const buckets = new Map<string, { file: string; bytes: number }[]>([['', []], ...roots.map((r): [string, { file: string; bytes: number }[]] => [r, []])]);
  for (const file of listFiles(dir).filter(isShipped)) {
    const root = roots.find((r) => file.startsWith(`${r}/`)) ?? '';
    buckets.get(root)?.push({ file, bytes: statSync(join(dir, file)).size });
  }
  const sizeOf = (root: string, budgetBytes: number): PackageSize => {
    const files = buckets.get(root) ?? [];
    return {
      name: root === '' ? '主包' : root,
      files: files.length,
      bytes: files.reduce((sum, f) => sum + f.bytes, 0),
      budgetBytes,
      largest: [...files].sort((a, b) => b.bytes - a.bytes).slice(0, 5),
    };
  };
  const main = sizeOf('', BUDGETS.mainBytes);
  const subpackages = roots.map((r) => sizeOf(r, BUDGETS.subpackageBytes));
  const subpackagesBytes = subpackages.reduce((sum, p) => sum + p.bytes, 0);
  const totalBytes = main.bytes + subpackagesBytes;
  const overBudget = [main, ...subpackages]
    .filter((p) => p.bytes > p.budgetBytes)
    .map((p) => `${p.name} ${kb(p.bytes)} 超出预算 ${kb(p.budgetBytes)}`);
  if (totalBytes > BUDGETS.totalBytes) overBudget.push(`总大小 ${kb(totalBytes)} 超出预算 ${kb(BUDGETS.totalBytes)}`);
  return {
    main,
    subpackages,
    mainBytes: main.bytes,
    mainBudgetBytes: main.budgetBytes,
    subpackagesBytes,
    totalBytes,
    totalBudgetBytes: BUDGETS.totalBytes,
    overBudget,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// WeChat's compilers

type WccCompile = (root: string, files: string[], wxsFiles: string[], options: { maxBuffer?: number }) => string;
type WcscCompile = (root: string, files: string[], options: { maxBuffer?: number }) => Record<string, string> | Error;

export interface CompileProblem {
  kind: 'wxml' | 'wxss';
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export interface CompileReport {
  wxmlFiles: number;
  wxssFiles: number;
  ms: number;
  problems: CompileProblem[];
}

const localRequire = createRequire(__filename);

function compilerModules(): { wcc: WccCompile; wcsc: WcscCompile } {
  // miniprogram-compiler ships no typings; these are the two functions it exports (see its src/wcc.js, src/wcsc.js).
  const wcc = localRequire('miniprogram-compiler/src/wcc.js') as WccCompile;
  const wcsc = localRequire('miniprogram-compiler/src/wcsc.js') as WcscCompile;
  // npm unpacks the binaries without the execute bit; the wrappers try to chmod too but swallow failures.
  const bin = join(dirname(localRequire.resolve('miniprogram-compiler/package.json')), 'bin', process.platform === 'darwin' ? 'mac' : 'linux');
  if (process.platform === 'win32') return { wcc, wcsc };
  for (const name of ['wcc', 'wcsc']) {
    try {
      chmodSync(join(bin, name), 0o755);
    } catch {
      // Windows or read-only node_modules: the wrapper reports a spawn error if the binary cannot run.
    }
  }
  return { wcc, wcsc };
}

const MAX_BUFFER = 256 * MB;
const stripExt = (file: string) => file.replace(/\.(wxml|wxss)$/, '');

/** wcc: "pages/x/index.wxml:4:3: expect end-tag `view`., near `vieww`" */
function parseWccError(text: string): CompileProblem {
  const body = text.replace(/^[^：:]*错误[：:]/, '').trim();
  const m = /^(.+?\.wxml):(\d+):(\d+):\s*([\s\S]*)$/.exec(body);
  return m
    ? { kind: 'wxml', file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[4].trim() }
    : { kind: 'wxml', file: '?', message: body };
}

/** wcsc reports every broken file, one per line: "ERR: pages/x/index.wxss(4:5): unexpected `{` at pos 43". */
function parseWcscErrors(text: string): CompileProblem[] {
  const problems: CompileProblem[] = [];
  for (const m of text.matchAll(/([^\s:]+\.wxss)\((\d+):(\d+)\):\s*(.*)/g)) {
    problems.push({ kind: 'wxss', file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[4].trim() });
  }
  if (problems.length === 0) problems.push({ kind: 'wxss', file: '(全部)', message: text.replace(/^[^：:]*错误[：:]/, '').trim() });
  return problems;
}

/**
 * Compile the whole set at once (as WeChat DevTools does). wcc stops at its first error, so when the set fails each
 * WXML is compiled on its own to name every broken one.
 */
export function compileWeapp(dir: string): CompileReport {
  const started = Date.now();
  const { wcc, wcsc } = compilerModules();
  const files = listFiles(dir);
  const wxml = files.filter((f) => f.endsWith('.wxml')).map(stripExt);
  const wxs = files.filter((f) => f.endsWith('.wxs'));
  const wxss = files.filter((f) => f.endsWith('.wxss')).map(stripExt);
  const problems: CompileProblem[] = [];

  const tryWcc = (list: string[]): CompileProblem | null => {
    try {
      // Copies: the wrapper appends usingComponents targets to the arrays it is given.
      const js = wcc(dir, [...list], [...wxs], { maxBuffer: MAX_BUFFER });
      if (!js.includes('$gwx')) return { kind: 'wxml', file: list.length === 1 ? `${list[0]}.wxml` : '(全部)', message: 'wcc 没有输出 $gwx' };
      return null;
    } catch (error) {
      return parseWccError(error instanceof Error ? error.message : String(error));
    }
  };
  if (wxml.length > 0 && tryWcc(wxml)) {
    for (const file of wxml) {
      const problem = tryWcc([file]);
      if (problem && !problems.some((p) => p.file === problem.file && p.line === problem.line)) problems.push(problem);
    }
  }

  // wcsc, unlike wcc, reports every broken file in one run (and a file compiled alone would miss its @imports).
  if (wxss.length > 0) {
    const result = wcsc(dir, [...wxss], { maxBuffer: MAX_BUFFER });
    if (result instanceof Error) problems.push(...parseWcscErrors(result.message));
    else if (typeof result.comm !== 'string') problems.push({ kind: 'wxss', file: '(全部)', message: 'wcsc 没有输出公共样式' });
  }
  return { wxmlFiles: wxml.length, wxssFiles: wxss.length, ms: Date.now() - started, problems };
}

/**
 * Where app.json and the page registry disagree, one line each; empty when they agree. Taro builds app.json from the
 * registry (app.config.ts), so a difference means a page was registered some other way or the build is stale.
 */
export function registryMismatches(dir: string): string[] {
  const app = readAppJson(dir);
  const want = appPages();
  const problems: string[] = [];
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(app.pages ?? [], want.pages)) problems.push(`主包页面：app.json 为 [${(app.pages ?? []).join(', ')}]，页面登记为 [${want.pages.join(', ')}]`);
  const built = subpackagesOf(app);
  const roots = (list: readonly { root: string }[]) => list.map((s) => s.root);
  if (!same(roots(built), roots(want.subPackages))) {
    problems.push(`分包：app.json 为 [${roots(built).join(', ')}]，页面登记为 [${roots(want.subPackages).join(', ')}]`);
  }
  for (const w of want.subPackages) {
    const b = built.find((s) => s.root === w.root);
    if (b && !same(b.pages, w.pages)) problems.push(`分包 ${w.root} 的页面：app.json 为 [${b.pages.join(', ')}]，页面登记为 [${w.pages.join(', ')}]`);
  }
  return problems;
}

/** Every page in app.json (main and subpackages) needs its .js, .json and .wxml. */
export function missingPageFiles(dir: string): string[] {
  const app = readAppJson(dir);
  const pages = [...(app.pages ?? []), ...subpackagesOf(app).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
  return pages.flatMap((page) => ['.js', '.json', '.wxml'].map((ext) => `${page}${ext}`)).filter((f) => !existsSync(join(dir, f)));
}

// ---------------------------------------------------------------------------------------------------------------
// Report

function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/** Terminal columns: CJK characters take two. */
function displayWidth(text: string): number {
  return [...text].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
}

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

function printSizes(m: WeappMeasure): void {
  const rows: [string, string, string, string, string, string][] = [];
  const row = (p: { name: string; files: number; bytes: number; budgetBytes: number }) => {
    rows.push([p.name, String(p.files), kb(p.bytes), kb(p.budgetBytes), `${((p.bytes / p.budgetBytes) * 100).toFixed(1)}%`, p.bytes > p.budgetBytes ? '超出' : '通过']);
  };
  row(m.main);
  m.subpackages.forEach(row);
  row({ name: '合计', files: m.main.files + m.subpackages.reduce((n, p) => n + p.files, 0), bytes: m.totalBytes, budgetBytes: m.totalBudgetBytes });
  const head: [string, string, string, string, string, string] = ['包', '文件数', '大小', '预算', '占预算', '结果'];
  const widths = head.map((h, i) => Math.max(...[h, ...rows.map((r) => r[i])].map(displayWidth)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i > 0 && i < 5)).join('  ');
  console.log('\n包体大小（预算：主包 400 KB，微信上限 2 MB；每个分包 2 MB；合计 20 MB）');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
  console.log(`\n主包最大的文件：${m.main.largest.map((f) => `${f.file} ${kb(f.bytes)}`).join('，')}`);
  const headroom = BUDGETS.wechatPackageLimitBytes - m.mainBytes;
  console.log(headroom >= 0 ? `主包距微信 2 MB 上限还有 ${kb(headroom)}。` : `主包超出微信 2 MB 上限 ${kb(-headroom)}，无法上传。`);
}

function main(): number {
  const dir = resolve(process.argv[2] ?? join(__dirname, '..', 'dist', 'weapp'));
  if (!existsSync(join(dir, 'app.json'))) {
    console.error(`没有找到 ${relative(process.cwd(), dir) || dir}/app.json：请先运行 npm run build:weapp`);
    return 2;
  }

  let failed = false;
  const mismatches = registryMismatches(dir);
  if (mismatches.length > 0) {
    failed = true;
    console.error(`app.json 与页面登记（src/core/pages.ts）不一致：\n  ${mismatches.join('\n  ')}`);
  } else {
    console.log('app.json 与页面登记（src/core/pages.ts）一致。');
  }
  const missing = missingPageFiles(dir);
  if (missing.length > 0) {
    failed = true;
    console.error(`页面文件缺失：\n  ${missing.join('\n  ')}`);
  }

  const report = compileWeapp(dir);
  if (report.problems.length === 0) {
    console.log(`微信编译器检查通过：WXML ${report.wxmlFiles} 个（wcc），WXSS ${report.wxssFiles} 个（wcsc），用时 ${report.ms} ms。`);
  } else {
    failed = true;
    console.error(`微信编译器发现 ${report.problems.length} 处错误：`);
    for (const p of report.problems) {
      console.error(`  ${p.file}${p.line !== undefined ? `:${p.line}:${p.column ?? 0}` : ''}  [${p.kind === 'wxml' ? 'wcc' : 'wcsc'}] ${p.message}`);
    }
  }

  const sizes = measureWeapp(dir);
  printSizes(sizes);
  if (sizes.overBudget.length > 0) {
    failed = true;
    console.error(`\n超出预算：\n  ${sizes.overBudget.join('\n  ')}`);
  }
  console.log(failed ? '\n检查未通过。' : '\n检查通过。');
  return failed ? 1 : 0;
}

// Run only as a script (`tsx scripts/check-weapp.ts`), not when bench imports measureWeapp.
if (require.main === module) {
  process.exitCode = main();
}
