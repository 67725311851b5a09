import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS, describeAudit } from './audit';

/** Every `action: 'x.y'` an audit record is written with, anywhere in the functions' source. */
function auditActionsInServer(dir = join(__dirname, '../../../server')): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...auditActionsInServer(path));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
      for (const m of readFileSync(path, 'utf8').matchAll(/action: '([a-z]+\.[a-zA-Z]+)'/g)) found.push(m[1]);
    }
  }
  return [...new Set(found)];
}

test('every action the functions record has a Chinese heading (no raw code on the audit screen)', () => {
  const actions = auditActionsInServer();
  expect(actions.length).toBeGreaterThan(20);
  expect(actions.filter((a) => !(a in AUDIT_ACTIONS))).toEqual([]);
  for (const a of actions) expect(AUDIT_ACTIONS[a]).toMatch(/^[\u4e00-\u9fa5]/);
});

test('an action this build does not know reads as Chinese too', () => {
  expect(describeAudit('gifts.something', null, null).label).toBe('其他操作');
});
