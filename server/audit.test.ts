/**
 * An act is never left without its audit record (issue 10, §5). A payout's audit is written in the payout's own
 * transaction, so whatever fails between the two fails both, and a retry records both once; an event's publish,
 * which a retry answers as "repeated", has its audit written again by that retry under the same id. The failure is made
 * real: the audit_log collection is taken away, the officer records, the collection comes back, the officer
 * retries the same request.
 */
import { buildWorld, unwrap, type World } from './testing/world';
import { eventInput } from './testing/events';
import type { CallInput } from './testing/contracts';

let w: World;
const YEAR = 2026;

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set('2026-11-20T02:00:00.000Z');
  expect(await w.call('chair', 'ledger', 'policySave', { year: YEAR, templateId: 'zibo-kjj-2017' })).toMatchObject({ ok: true });
  expect(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'care', amountFen: 2_000_000 })).toMatchObject({ ok: true });
});
afterAll(async () => {
  await w.dispose();
});

const dropAuditLog = () => w.emu.db.handle({ action: 'database.deleteCollection', envName: w.emu.envId, collectionName: 'audit_log' });
const restoreCollections = async () => expect((await w.emu.post('/__emulator/triggers/jobs/daily', {})).body).toMatchObject({ ok: true });

/** Audit records of `action` (the audit log holds nothing else of the ledger in this world). */
async function audits(action: 'ledger.record' | 'ledger.reverse'): Promise<number> {
  const r = unwrap(await w.call('chair', 'members', 'auditList', { pageSize: 100 }));
  return r.items.filter((e) => e.action === action).length;
}

test('a payout whose audit cannot be written is not recorded either; the retry records both, once', async () => {
  const payload: CallInput<'ledger', 'ledgerRecord'> = { item: 'care_hospitalisation', memberId: w.ids.member, amountFen: 50_000, form: 'cash', illnessKey: 'case-a', requestKey: 'audit-atomic-0001' };
  await dropAuditLog();
  const failed = await w.call('officer', 'ledger', 'ledgerRecord', payload);
  expect(failed.ok).toBe(false);
  await restoreCollections();
  const list = unwrap(await w.call('officer', 'ledger', 'ledgerList', { year: YEAR }));
  expect(list.total).toBe(0);

  const retried = unwrap(await w.call('officer', 'ledger', 'ledgerRecord', payload));
  expect(await audits('ledger.record')).toBe(1);
  // The same request once more: repeated, and still one audit record.
  expect(await w.call('officer', 'ledger', 'ledgerRecord', payload)).toMatchObject({ ok: true });
  expect(await audits('ledger.record')).toBe(1);

  // A reversal likewise.
  await dropAuditLog();
  expect((await w.call('officer', 'ledger', 'ledgerReverse', { entryId: retried.entry.id, reason: '录入错误' })).ok).toBe(false);
  await restoreCollections();
  expect(await w.call('officer', 'ledger', 'ledgerReverse', { entryId: retried.entry.id, reason: '录入错误' })).toMatchObject({ ok: true });
  // (Taking the collection away took the earlier records with it.)
  expect(await audits('ledger.reverse')).toBe(1);
});

test('a publish whose audit failed gets it from the retry that is answered "repeated", once', async () => {
  const input = eventInput('audit-publish-0001');
  await dropAuditLog();
  expect((await w.call('officer', 'events', 'publish', input)).ok).toBe(false);
  await restoreCollections();
  expect(await w.call('officer', 'events', 'publish', input)).toMatchObject({ ok: true, data: { repeated: true } });
  expect(await w.call('officer', 'events', 'publish', input)).toMatchObject({ ok: true, data: { repeated: true } });
  const r = unwrap(await w.call('chair', 'members', 'auditList', { pageSize: 100 }));
  expect(r.items.filter((e) => e.action === 'event.publish')).toEqual([expect.objectContaining({ targetLabel: '羽毛球友谊赛' })]);
});
