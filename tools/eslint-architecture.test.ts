/**
 * The dependency arrows (README.md, 各部分如何配合) fail the lint when broken: each forbidden import below is an error,
 * each allowed one is not. Files are virtual (ESLint's Linter with the rule alone), placed by path.
 */
import { join } from 'node:path';
import { Linter, type ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the rule is CommonJS so jest and ESLint both load it
const architecture = require('./eslint-architecture.cjs') as ESLint.Plugin;

const ROOT = join(__dirname, '..');
const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { architecture },
    rules: { 'architecture/arrows': 'error' },
  },
];

function errors(file: string, code: string): string[] {
  return linter.verify(code, config, { filename: join(ROOT, file) }).map((m) => m.message);
}

describe('broken arrows are lint errors', () => {
  test.each([
    ['src/core/rules.ts', "import Taro from '@tarojs/taro';", /src\/core is pure/],
    ['src/core/rules.ts', "import React from 'react';", /src\/core is pure/],
    ['src/core/rules.ts', "import cloud from 'wx-server-sdk';", /src\/core is pure/],
    ['src/core/rules.ts', "import { callFunction } from '../services/cloud';", /core .* may not import services/],
    ['src/pages/index/index.tsx', "import { main } from '../../../server/members';", /may not import handlers/],
    ['src/services/cloud.ts', "import { HomePage } from '../pages/index/index';", /services .* may not import pages/],
    ['src/components/Card/index.tsx', "import x from '@/pages/me/index';", /components .* may not import pages/],
    ['server/members/whoami.ts', "import cloud from 'wx-server-sdk';", /only server\/runtime and server\/db/],
    ['server/members/whoami.ts', "import { x } from '../../src/services/cloud';", /handlers .* may not import services/],
    ['server/runtime/cloud.ts', "import { whoami } from '../members/whoami';", /runtime .* may not import handlers/],
    ['emulator/server.ts', "import { FUNCTIONS } from '../server/functions';", /emulator .* may not import handlers/],
    ['emulator/server.ts', "import { z } from '../src/core/zod';", /emulator .* may not import core/],
    ['src/pages/me/index.tsx', "import { readFileSync } from 'node:fs';", /may not import Node module/],
    ['src/hooks/useCall.ts', "import { Card } from '@/components/Card';", /hooks .* may not import components/],
    ['src/packages/ledger/manage/record/index.tsx', "import { useEvents } from '@/packages/events/hooks/useEvents';", /may not import another area's subpackage/],
    ['src/packages/members/hooks/useRoster.ts', "import { x } from '../../events/format';", /may not import another area's subpackage/],
    ['src/core/rules.ts', "const x = require('../hooks/useCall');", /core .* may not import hooks/],
    ['server/events/roster.ts', "import { recordPayouts } from '../ledger/payout';", /server\/events may import from server\/ledger only its door/],
    ['server/events/manage.ts', "import { tables } from '../members/store';", /only its door, server\/members\/api\.ts/],
    ['server/jobs/index.ts', "import { remindTomorrow } from '../events/reminders';", /server\/jobs may import from server\/events only its door/],
    ['server/db/index.ts', "import { cloud } from '../runtime/cloud';", /db .* may not import runtime/],
    ['server/db/audit.ts', "import type { Actor } from '../runtime/actor';", /db .* may not import runtime/],
    ['src/hooks/useRosterImport.ts', "import { parseRosterRows } from '@/core/domain/roster';", /builds zod schemas/],
    ['src/components/Form/index.tsx', "import { membersContract } from '@/core/contracts/members';", /builds zod schemas/],
    ['src/services/format.ts', "import { z } from '../core/zod';", /builds zod schemas/],
    // Through what it imports: the policy engine reads profiles, which are zod schemas.
    ['src/pages/me/index.tsx', "import { evaluate } from '@/core/policy/engine';", /builds zod schemas/],
    // The forms' hook brings the contracts with it: subpackage pages only.
    ['src/components/Form/index.tsx', "import { useForm } from '@/hooks/useForm';", /brings the contracts' zod schemas/],
    ['src/pages/me/index.tsx', "import { placeIssues } from '../../hooks/useForm';", /brings the contracts' zod schemas/],
  ])('%s: %s', (file, code, message) => {
    expect(errors(file, code)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });
});

describe('allowed arrows pass', () => {
  test.each([
    ['src/core/rules.ts', "import { z } from 'zod'; import dayjs from 'dayjs'; import utc from 'dayjs/plugin/utc'; import { money } from './money';"],
    ['src/pages/index/index.tsx', "import { Card } from '@/components/Card'; import { useWhoami } from '@/hooks/useWhoami'; import Taro from '@tarojs/taro';"],
    ['src/services/check.ts', "import { contracts } from '@/core/contracts'; import { toIssues } from '@/core/zod';"],
    ['src/hooks/useForm.ts', "import { contracts, type FunctionName } from '@/core/contracts';"],
    ['src/hooks/useAction.ts', "import type { FormState } from './useForm';"],
    ['src/packages/events/manage/publish/index.tsx', "import { useForm } from '@/hooks/useForm';"],
    ['src/hooks/usePolicy.ts', "import type { PolicyProfile } from '@/core/policy/profile'; import { type Contract } from '@/core/contracts'; import { HOLIDAYS } from '@/core/policy/items';"],
    ['src/packages/members/manage/import/index.tsx', "import { parseRosterRows } from '@/core/domain/roster';"],
    ['src/packages/events/manage/roster/index.tsx', "import { useEventRoster } from '../../hooks/useEventRoster'; import { Card } from '@/components/Card';"],
    ['server/members/whoami.ts', "import { database } from '../db'; import { defineFunction } from '../runtime/defineFunction'; import { z } from '../../src/core/zod';"],
    ['server/db/index.ts', "import cloud from 'wx-server-sdk'; import { cloud as c } from './sdk';"],
    ['server/runtime/cloud.ts', "import { cloud } from '../db/sdk';"],
    ['server/events/roster.ts', "import { recordPayouts } from '../ledger/api'; import { notify } from '../notices/api'; import { seats } from './seats'; import { sheet } from '../files/xlsx';"],
    ['server/jobs/index.ts', "import { remindTomorrow } from '../events/api';"],
    ['emulator/server.ts', "import { Clock } from './clock'; import { createServer } from 'node:http';"],
    ['server/members/members.test.ts', "import { startTestEmulator } from '../../emulator/testing/harness';"],
    ['server/members/access.cases.ts', "import { STAFF } from '../testing/access';"],
  ])('%s', (file, code) => {
    expect(errors(file, code)).toEqual([]);
  });
});
