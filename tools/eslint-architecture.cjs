/**
 * ESLint rule `architecture/arrows`: the dependency direction described in README.md (各部分如何配合), enforced.
 *   src/pages, src/packages → src/components → src/hooks → src/services → src/core
 *   src/packages/<area> never imports another area's subpackage (what two areas share lives in components or hooks)
 *   server/<area> → server/runtime, server/db → src/core; server/runtime → server/db (never the reverse)
 *   an area reaches another area only through its door, server/<other>/api.ts
 *   src/core imports only zod, dayjs and the lunar/holiday libraries; nothing in src/ imports server/ or emulator/;
 *   wx-server-sdk is loaded only in server/runtime and server/db; the emulator imports nothing of server/ or src/.
 * And the main package (src/pages, src/components, src/hooks, src/services) imports no module of src/core that builds
 * zod schemas (directly or through what it imports), except the contract registry in two places: hooks/useForm.ts,
 * the forms' hook, which only subpackage pages may import (it brings the contracts into the subpackages and makes them
 * known to the phone's check), and services/check.ts, that check, which loads the registry itself only outside the
 * mini-program build. Anything else would drag schemas into the main package (scripts/check-weapp.ts's size budget is
 * the backstop).
 */
'use strict';
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** Which zone a repo-relative path belongs to. Order matters: first match wins. */
function zoneOf(rel) {
  // A trailing slash lets a folder import ('../db') match its folder's prefix.
  const p = `${rel.split(path.sep).join('/')}/`;
  // Tests, an area's access matrix rows and the test harness sit outside the shipped graph: they drive the emulator
  // and the built functions.
  // A client module's unit test (src/ outside core) sits in its subject's zone: it imports what its subject may.
  const clientTest = p.startsWith('src/') && !p.startsWith('src/core/');
  if ((/\.(test|cases)\.tsx?\/$/.test(p) && !clientTest) || p.startsWith('emulator/testing/') || p.startsWith('server/testing/')) return 'scripts';
  const zones = [
    ['src/core/', 'core'],
    ['src/services/', 'services'],
    ['src/hooks/', 'hooks'],
    ['src/components/', 'components'],
    ['src/pages/', 'pages'],
    ['src/packages/', 'pages'],
    ['src/', 'app'],
    ['server/runtime/', 'runtime'],
    ['server/db/', 'db'],
    ['server/', 'handlers'],
    ['emulator/', 'emulator'],
    ['scripts/', 'scripts'],
    ['e2e/', 'scripts'],
    ['tools/', 'scripts'],
    ['config/', 'scripts'],
  ];
  for (const [prefix, zone] of zones) if (p.startsWith(prefix)) return zone;
  return 'other';
}

/** zone → zones it may import (besides itself). */
const ALLOWED = {
  core: [],
  services: ['core'],
  hooks: ['services', 'core'],
  components: ['hooks', 'services', 'core'],
  pages: ['components', 'hooks', 'services', 'core', 'pages'],
  app: ['components', 'hooks', 'services', 'core', 'pages', 'app'],
  runtime: ['db', 'core'],
  db: ['core'],
  handlers: ['runtime', 'db', 'core'],
  emulator: [],
  scripts: ['core', 'runtime', 'db', 'handlers', 'emulator', 'scripts', 'other'],
  other: ['core', 'runtime', 'db', 'handlers', 'emulator', 'scripts', 'other'],
};

/** Folders under server/ that are shared helpers, not areas: any area may import them. */
const SHARED_SERVER = new Set(['files']);

/** The area a repo-relative server path belongs to (server/<area>/…), or null. */
function areaOf(rel) {
  const m = /^server\/([^/]+)\//.exec(rel.split(path.sep).join('/'));
  return m && !SHARED_SERVER.has(m[1]) ? m[1] : null;
}

/** The subpackage a repo-relative path belongs to (src/packages/<area>/…), or null. */
function subpackageOf(rel) {
  const m = /^src\/packages\/([^/]+)\//.exec(rel);
  return m ? m[1] : null;
}

/** Another area's code is reached only through its api.ts. */
function isDoor(rel, area) {
  return /^server\/[^/]+\/api(\.ts)?$/.test(rel.split(path.sep).join('/')) && areaOf(rel) === area;
}

const fs = require('node:fs');

/** Main-package files, and the value imports each may make of zod-building modules (repo-relative, no extension). */
const MAIN_PACKAGE = /^src\/(pages|components|hooks|services)\//;
// services/check.ts holds the phone's contract check that callFunction (services/cloud.ts) makes first; outside the
// mini-program build it loads the registry itself. hooks/useForm.ts brings the registry along for subpackage forms.
const ZOD_DOORS = {
  'src/services/check.ts': ['src/core/contracts/index', 'src/core/contracts', 'src/core/zod'],
  'src/hooks/useForm.ts': ['src/core/contracts/index', 'src/core/contracts'],
};
/** Modules that bring the contracts with them: in the main package, only their types may be imported. */
const SUBPACKAGE_ONLY = new Set(['src/hooks/useForm']);
const MAIN_OR_APP = /^src\/(pages|components|hooks|services)\/|^src\/app\.tsx?$/;

/** The .ts file an import of a repo-relative path resolves to, or null. */
function resolveTs(rel) {
  for (const candidate of [`${rel}.ts`, `${rel}/index.ts`, rel]) {
    if (candidate.endsWith('.ts') && fs.existsSync(path.join(ROOT, candidate))) return candidate;
  }
  return null;
}

const zodCache = new Map();
/** Whether a src/core module imports zod, itself or through the modules it imports (type-only imports aside). */
function buildsZod(rel) {
  const file = resolveTs(rel);
  if (!file) return false;
  if (zodCache.has(file)) return zodCache.get(file);
  zodCache.set(file, false); // a cycle adds nothing
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  let result = false;
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+'([^']+)'/gm)) {
    if (m[1] || /^\{\s*(type\s+[^,}]+,?\s*)+\}$/.test(m[2].trim())) continue;
    const source = m[3];
    if (/^zod(\/|$)/.test(source)) result = true;
    else if (source.startsWith('.')) result = buildsZod(path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), source)).split(path.sep).join('/'));
    if (result) break;
  }
  zodCache.set(file, result);
  return result;
}

/** An import that brings no code: `import type …`, or only `type` specifiers. */
function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

const CORE_PACKAGES = /^(zod|dayjs|lunar-typescript|lunar-javascript|chinese-days)(\/|$)/;
const SDK = /^wx-server-sdk(\/|$)/;

function check(context, node, source) {
  if (typeof source !== 'string') return;
  const file = context.filename;
  const fromZone = zoneOf(path.relative(ROOT, file));
  if (source.startsWith('.') || source.startsWith('@/')) {
    const abs = source.startsWith('@/') ? path.join(ROOT, 'src', source.slice(2)) : path.resolve(path.dirname(file), source);
    const toRel = path.relative(ROOT, abs);
    const toZone = zoneOf(toRel);
    if (fromZone === 'handlers' && toZone === 'handlers') {
      const [from, to] = [areaOf(path.relative(ROOT, file)), areaOf(toRel)];
      if (from && to && from !== to && !isDoor(toRel, to)) {
        context.report({ node, message: `Architecture: server/${from} may import from server/${to} only its door, server/${to}/api.ts ('${source}'). See README.md「各部分如何配合」.` });
      }
      return;
    }
    const fromRel = path.relative(ROOT, file).split(path.sep).join('/');
    const toPosix = toRel.split(path.sep).join('/');
    const [fromPackage, toPackage] = [subpackageOf(fromRel), subpackageOf(toPosix)];
    if (fromPackage && toPackage && fromPackage !== toPackage) {
      context.report({
        node,
        message: `Architecture: src/packages/${fromPackage} may not import another area's subpackage ('${source}'): the code would ship twice, or open a page's subpackage for another's. Move what both need to src/components or src/hooks.`,
      });
      return;
    }
    if (MAIN_OR_APP.test(fromRel) && SUBPACKAGE_ONLY.has(toPosix.replace(/\.tsx?$/, '')) && !isTypeOnly(node)) {
      context.report({
        node,
        message: `Architecture: the main package (${fromRel}) may not import '${source}', which brings the contracts' zod schemas with it; only subpackage pages use it (\`import type\` is fine). See README.md「各部分如何配合」.`,
      });
      return;
    }
    if (MAIN_PACKAGE.test(fromRel) && toZone === 'core' && !isTypeOnly(node) && buildsZod(toPosix) && !(ZOD_DOORS[fromRel] ?? []).includes(toPosix)) {
      context.report({
        node,
        message: `Architecture: the main package (${fromRel}) may not import '${source}', which builds zod schemas; it would drag them into the main package. Import its types with \`import type\`, or use it from a subpackage. See README.md「各部分如何配合」.`,
      });
      return;
    }
    if (toZone === fromZone) return;
    if (!(ALLOWED[fromZone] ?? []).includes(toZone)) {
      context.report({ node, message: `Architecture: ${fromZone} (${path.relative(ROOT, file)}) may not import ${toZone} ('${source}'). See README.md「各部分如何配合」.` });
    }
    return;
  }
  if (['services', 'hooks', 'components', 'pages', 'app'].includes(fromZone) && /^(node:|fs$|path$|child_process$|worker_threads$)/.test(source)) {
    context.report({ node, message: `Architecture: the mini-program may not import Node module '${source}'.` });
    return;
  }
  if (source.startsWith('node:') && fromZone !== 'core') return;
  if (fromZone === 'core' && !CORE_PACKAGES.test(source)) {
    context.report({ node, message: `Architecture: src/core is pure and may import only zod, dayjs and the lunar/holiday libraries, not '${source}'.` });
  }
  if (SDK.test(source) && !['runtime', 'db', 'emulator', 'scripts', 'other'].includes(fromZone)) {
    context.report({ node, message: `Architecture: only server/runtime and server/db talk to wx-server-sdk ('${path.relative(ROOT, file)}').` });
  }
}

module.exports = {
  zoneOf,
  rules: {
    arrows: {
      meta: { type: 'problem', docs: { description: 'Enforce the dependency direction described in README.md' }, schema: [] },
      create(context) {
        return {
          ImportDeclaration: (node) => check(context, node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(context, node, node.source.value),
          ExportAllDeclaration: (node) => check(context, node, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(context, node, node.source.value),
          CallExpression: (node) => {
            if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
              check(context, node, node.arguments[0].value);
            }
          },
        };
      },
    },
  },
};
