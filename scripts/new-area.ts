/**
 * A new area in one command: its contract, domain rules, cloud function, store, access matrix rows, a function test
 * through the emulator, the deployed folder, a subpackage with one page, a browser-journey stub, and its line in
 * every registry. `npm test` passes right after it (scripts/new-area.test.ts proves it on a copy of the repo).
 *
 *   npm run new:area -- <name> [--title 中文标题]
 *
 * <name> is the area's one word: lowercase letters, 2–20 (care, gifts, hardship); it names the cloud function, the
 * folders on each side and the permission `<name>.use`. --title is what members read (page title, function
 * description); it defaults to the name. See docs/ADDING-AN-AREA.md for what goes where afterwards.
 *
 * Nothing is written unless everything can be: the name is checked, every registry's insertion point is found,
 * and no file to be created exists yet.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { configJson, packageJson } from './build-functions';
import type { FunctionSpec } from '../server/functions';

export const AREA_NAME = /^[a-z]{2,20}$/;

export class ScaffoldError extends Error {}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The registries' insertion points: a marker line (the new line goes above it), or a structural anchor. */
interface Insertion {
  file: string;
  /** Finds the line index to insert before. */
  find: (lines: string[]) => number;
  text: string;
}

const marker = (name: string) => (lines: string[]) => lines.findIndex((l) => l.trim().startsWith(`// new-area: ${name}`));

/** The line closing the object literal that `opening` starts (the first line after it equal to `closing`). */
const closingOf = (opening: string, closing: string) => (lines: string[]) => {
  const start = lines.findIndex((l) => l.startsWith(opening));
  if (start < 0) return -1;
  const end = lines.findIndex((l, i) => i > start && l === closing);
  return end;
};

/** Every registry line of an area. */
function registryLines(n: string, title: string): Insertion[] {
  const NU = n.toUpperCase();
  return [
    { file: 'src/core/contracts/index.ts', find: marker('imports'), text: `import { ${n}Contract } from './${n}';` },
    { file: 'src/core/contracts/index.ts', find: marker('contracts'), text: `  ${n}: ${n}Contract,` },
    {
      file: 'src/core/domain/roles.ts',
      find: marker('permissions'),
      text: `  /** ${title}: what every member may do in this area. */\n  '${n}.use': ['member'],`,
    },
    {
      file: 'src/core/pages.ts',
      find: closingOf('export const SUBPACKAGES = {', '} as const;'),
      text: `  // ${title}: the ${n} area's pages (pages/ for members, manage/ for officers).\n  ${n}: 'packages/${n}',`,
    },
    {
      file: 'src/core/pages.ts',
      find: closingOf('export const PAGES = {', '} as const satisfies Record<string, PageEntry>;'),
      text: `  ${n}: { path: sub('${n}', 'index'), title: '${title}', access: ['${n}.use'] },`,
    },
    {
      file: 'server/functions.ts',
      find: marker('functions'),
      text: `  ${n}: {\n    entry: 'server/${n}/index.ts',\n    description: '${title}',\n    timeout: 5,\n  },`,
    },
    { file: 'server/collections.ts', find: marker('imports'), text: `import { ${NU}_COLLECTIONS } from './${n}/store';` },
    { file: 'server/collections.ts', find: marker('collections'), text: `  ...${NU}_COLLECTIONS,` },
    { file: 'server/access.test.ts', find: marker('imports'), text: `import { ${n}Access } from './${n}/access.cases';` },
    { file: 'server/access.test.ts', find: marker('access'), text: `  ${n}: ${n}Access,` },
    { file: 'e2e/journeys/index.ts', find: marker('imports'), text: `import { ${n}Journey } from './${n}';` },
    { file: 'e2e/journeys/index.ts', find: marker('journeys'), text: `  ${n}: ${n}Journey,` },
  ];
}

/** The new files of an area, by repo-relative path. */
function newFiles(n: string, title: string): Record<string, string> {
  const N = cap(n);
  const NU = n.toUpperCase();
  const spec: FunctionSpec = { entry: `server/${n}/index.ts`, description: title, timeout: 5 };
  return {
    [`src/core/contracts/${n}.ts`]: `import { z } from '../zod';
import { defineContract, isoDate, noInput } from './contract';

/** The \`${n}\` cloud function (${title}): every action's name, input and output. */
export const ${n}Contract = defineContract('${n}', {
  ping: {
    summary: 'The example action: greets the calling member and says when (make it the area\\'s first real action).',
    input: noInput,
    output: z.object({ greeting: z.string(), at: isoDate }),
  },
});

export type ${N}Contract = typeof ${n}Contract;
`,
    [`src/core/domain/${n}.ts`]: `/**
 * ${title}: the area's rules (states, eligibility, deadlines, labels). Pure TypeScript shared by the pages and the
 * function: \`now\` and the policy are passed in, never read here.
 */

/** What the example action answers a member. */
export function ${n}Greeting(name: string): string {
  return \`\${name}，您好\`;
}
`,
    [`src/core/domain/${n}.test.ts`]: `import { ${n}Greeting } from './${n}';

describe('${n} rules', () => {
  test.each([
    ['张伟', '张伟，您好'],
    ['李娜', '李娜，您好'],
  ])('greets %s', (name, expected) => {
    expect(${n}Greeting(name)).toBe(expected);
  });
});
`,
    [`server/${n}/store.ts`]: `/** The ${n} area's documents, collections and indexes, and its id builders. */
import type { CollectionSpec } from '../db/collections';
import type { Db } from '../db';
import { table } from '../db/table';

/** A member's last visit (the example action's record): one per member, so its id is deterministic. */
export interface ${N}VisitDoc {
  _id: string;
  unionId: string;
  memberId: string;
  at: Date;
}

declare module '../db/collections' {
  /** This area's collection names, so that \`table()\` and transactions refuse a misspelt one. */
  interface CollectionNames {
    ${n}_visits: true;
  }
}

export const ${NU}_COLLECTIONS: Record<'${n}_visits', CollectionSpec> = {
  ${n}_visits: {
    purpose: '${title}：会员最近一次访问（示例）',
    indexes: [{ name: 'union_at', keys: { unionId: 1, at: -1 } }],
  },
};

export const ${n}VisitId = (unionId: string, memberId: string) => \`\${unionId}:\${memberId}\`;

export function ${n}Tables(db: Db) {
  return { visits: table<${N}VisitDoc>(db, '${n}_visits') };
}
`,
    [`server/${n}/ping.ts`]: `/** The example action's handler (handlers are grouped by the noun they act on: one file per noun). */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { ${N}Contract } from '../../src/core/contracts/${n}';
import { ${n}Greeting } from '../../src/core/domain/${n}';
import { ${n}Tables, ${n}VisitId } from './store';

export const ping: Handler<${N}Contract, 'ping', ActorContext> = async (_input, { db, actor, now }) => {
  const memberId = actor.memberId ?? actor.openid;
  await ${n}Tables(db).visits.set(${n}VisitId(actor.unionId, memberId), { unionId: actor.unionId, memberId, at: now });
  return { greeting: ${n}Greeting(actor.name), at: now };
};
`,
    [`server/${n}/index.ts`]: `/** The ${n} function's action table: who may call each action, and its handler. Nothing else lives here. */
import { defineFunction } from '../runtime/defineFunction';
import { ${n}Contract } from '../../src/core/contracts/${n}';
import { ping } from './ping';

export const main = defineFunction(${n}Contract, {
  ping: { access: { permission: '${n}.use' }, handler: ping },
});
`,
    [`server/${n}/api.ts`]: `/**
 * What other areas may ask of ${n} — the only door in (lint refuses any other import of server/${n} from another
 * area). Nothing yet: export here what another area needs, and nothing more.
 */
export {};
`,
    [`server/${n}/access.cases.ts`]: `/** The ${n} function's access matrix (run by server/access.test.ts): one row per action of the contract. */
import { MEMBERS, type AccessCases } from '../testing/access';

export const ${n}Access: AccessCases<'${n}'> = {
  ping: { payload: () => ({}), allowed: MEMBERS },
};
`,
    [`server/${n}/${n}.test.ts`]: `/** The ${n} function through the emulator, with the real SDK and the test client typed from the contract. */
import { buildWorld, unwrap, type World } from '../testing/world';

let w: World;

beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => {
  await w?.dispose();
});

test('a member pings ${n} and is greeted by name', async () => {
  const reply = unwrap(await w.call('member', '${n}', 'ping'));
  expect(reply.greeting).toBe('张伟，您好');
  expect(Number.isNaN(Date.parse(reply.at))).toBe(false);
});

test('a caller without an account is asked to bind first, a clerk is refused', async () => {
  expect(await w.call('unbound', '${n}', 'ping')).toMatchObject({ ok: false, error: { code: 'NOT_BOUND' } });
  expect(await w.call('clerk', '${n}', 'ping')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
`,
    [`cloudfunctions/${n}/package.json`]: packageJson(n, spec),
    [`cloudfunctions/${n}/config.json`]: configJson(spec),
    [`src/packages/${n}/pages/index/index.config.ts`]: `import { PAGES } from '@/core/pages';

export default definePageConfig({
  navigationBarTitleText: PAGES.${n}.title,
});
`,
    [`src/packages/${n}/pages/index/index.tsx`]: `import { View } from '@tarojs/components';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { Page } from '@/components/Page';
import { useCall } from '@/hooks/useCall';
import { ROUTES } from '@/services/routes';

/** ${title}: the area's first page (members' pages go in pages/, officers' in manage/). */
export default function ${N}Page() {
  return <Page path={ROUTES.${n}}>{() => <${N}Home />}</Page>;
}

function ${N}Home() {
  const ping = useCall('${n}', 'ping');
  return (
    <CallView call={ping} loadingText='正在读取…'>
      {(data) => (
        <Card title='${title}'>
          <View>{data.greeting}</View>
        </Card>
      )}
    </CallView>
  );
}
`,
    [`e2e/journeys/${n}.ts`]: `/** ${title}'s browser journey: a member opens the area's page and is greeted. */
import type { Journey } from './journey';
import { expectText } from './journey';

export const ${n}Journey: Journey = (baseUrl) => [
  {
    name: '${n}-member-opens-the-page',
    run: async (page) => {
      await page.goto(\`\${baseUrl}/#/packages/${n}/pages/index/index\`);
      await expectText(page, '，您好');
    },
  },
];
`,
  };
}

export interface ScaffoldResult {
  created: string[];
  changed: string[];
}

/** Create area `name` in the repository at `root`, or throw ScaffoldError saying why not (nothing written then). */
export function scaffoldArea(root: string, name: string, title = name): ScaffoldResult {
  if (!AREA_NAME.test(name)) throw new ScaffoldError(`Bad area name "${name}": use lowercase letters only, 2 to 20 of them (e.g. care, gifts).`);
  if (/['\\\n]/.test(title) || title.trim() === '') throw new ScaffoldError('Bad --title: one line, no quotes or backslashes.');
  const taken = [`server/${name}`, `src/packages/${name}`, `src/core/contracts/${name}.ts`, `src/core/domain/${name}.ts`, `cloudfunctions/${name}`, `e2e/journeys/${name}.ts`].filter((p) =>
    existsSync(join(root, p)),
  );
  if (taken.length > 0) throw new ScaffoldError(`Area "${name}" exists already (or its name is taken): ${taken.join(', ')}.`);

  // Registry keys an area's name would collide with (a page key, a permission, a function).
  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  const keyTaken = [
    [new RegExp(`^  ${name}: `, 'm'), 'src/core/pages.ts'],
    [new RegExp(`^  '${name}\\.use': `, 'm'), 'src/core/domain/roles.ts'],
    [new RegExp(`^  ${name}: `, 'm'), 'server/functions.ts'],
    [new RegExp(`^  ${name}: `, 'm'), 'src/core/contracts/index.ts'],
  ].filter(([re, file]) => (re as RegExp).test(read(file as string)));
  if (keyTaken.length > 0) throw new ScaffoldError(`Area "${name}" would collide with an existing registry key in ${keyTaken.map(([, f]) => f as string).join(', ')}.`);

  // Plan everything in memory first.
  const files = newFiles(name, title);
  const edited = new Map<string, string[]>();
  for (const ins of registryLines(name, title)) {
    const lines = edited.get(ins.file) ?? read(ins.file).split('\n');
    const at = ins.find(lines);
    if (at < 0) throw new ScaffoldError(`No insertion point in ${ins.file} for "${ins.text.split('\n')[0].trim()}": has its "// new-area:" marker moved?`);
    lines.splice(at, 0, ...ins.text.split('\n'));
    edited.set(ins.file, lines);
  }

  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  for (const [file, lines] of edited) writeFileSync(join(root, file), lines.join('\n'));
  return { created: Object.keys(files), changed: [...edited.keys()] };
}

function main(argv: string[]): void {
  const args = [...argv];
  const t = args.indexOf('--title');
  const title = t >= 0 ? args.splice(t, 2)[1] : undefined;
  if (args.length !== 1 || args[0].startsWith('-') || (t >= 0 && !title)) {
    console.error('Usage: npm run new:area -- <name> [--title 中文标题]   (name: lowercase letters, 2–20)');
    process.exitCode = 2;
    return;
  }
  try {
    const r = scaffoldArea(resolve(__dirname, '..'), args[0], title);
    console.log(`Area "${args[0]}" created.\n\nNew files:\n  ${r.created.join('\n  ')}\n\nRegistry lines added in:\n  ${r.changed.join('\n  ')}`);
    console.log(`\nNext: replace the example action \`ping\` with the area's first real one (docs/ADDING-AN-AREA.md), then \`npm test\`.`);
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

if (require.main === module) main(process.argv.slice(2));
