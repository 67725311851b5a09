/**
 * List replies stay well under the cloud's 1 MB limit on a function's result (issue 10, §5): a full page of every
 * list action, filled with documents whose every field is as large as the contracts allow (an event for 2,000
 * named members with eight questions, the longest texts), must come back under half of it. The documents are
 * copies of ones the functions wrote, enlarged in the database — the lists are then read through the gateway.
 */
import { eventInput } from './testing/events';
import { connectSdk } from '../emulator/sdk-client';
import { buildWorld, unwrap, person, type World } from './testing/world';
import type { TestReply } from './testing/contracts';

let w: World;
type Doc = Record<string, unknown> & { _id: string };
type SdkDb = {
  collection(name: string): {
    doc(id: string): { get(): Promise<{ data: Doc }> };
    where(q: Record<string, unknown>): { limit(n: number): { get(): Promise<{ data: Doc[] }> } };
    add(o: { data: unknown }): Promise<unknown>;
  };
};
let db: SdkDb;

const LIMIT = 512 * 1024;
const text = (n: number, c = '字') => c.repeat(n);
const longId = (i: number) => `m${String(i).padStart(6, '0')}-${'x'.repeat(92)}`;

/** Inserted a few at a time: a protocol request, like the cloud's, has a size limit of its own. */
async function insertMany(collection: string, docs: Doc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 5) await db.collection(collection).add({ data: docs.slice(i, i + 5) });
}

async function one(collection: string, where: Record<string, unknown>): Promise<Doc> {
  const r = await db.collection(collection).where(where).limit(1).get();
  if (!r.data[0]) throw new Error(`no ${collection} matching ${JSON.stringify(where)}`);
  return r.data[0];
}

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set('2026-11-20T02:00:00.000Z');
  db = connectSdk(w.emu.url, w.emu.envId).database() as unknown as SdkDb;

  // One of each kind written by the functions: an event, a sign-up, notices, audit records, a ledger entry.
  expect(await w.call('chair', 'ledger', 'policySave', { year: 2026, templateId: 'zibo-kjj-2017' })).toMatchObject({ ok: true });
  expect(await w.call('officer', 'ledger', 'budgetSet', { year: 2026, line: 'care', amountFen: 10_000_000 })).toMatchObject({ ok: true });
  expect(await w.call('officer', 'ledger', 'ledgerRecord', { item: 'care_hospitalisation', memberId: w.ids.member, amountFen: 10_000, form: 'cash', illnessKey: 'k', note: text(200), requestKey: 'reply-size-ledger-1' })).toMatchObject({ ok: true });
  const published = await w.call('officer', 'events', 'publish', eventInput('reply-size-event-1'));
  const eventId = unwrap(published).event.id;
  expect(await w.call('member', 'events', 'signup', { eventId })).toMatchObject({ ok: true });

  // Enlarged to the contracts' limits and copied to fill a page of each list.
  const event = (await db.collection('events').doc(eventId).get()).data;
  const choice = (k: number) => ({ key: `q${k}`, label: text(20), type: 'choice', options: Array.from({ length: 12 }, (_, i) => `${i}${text(19)}`), required: true });
  const big = {
    title: text(40),
    place: text(100),
    description: text(2000),
    results: text(2000),
    audience: { departments: Array.from({ length: 50 }, (_, i) => `${i}${text(49)}`), memberIds: Array.from({ length: 2000 }, (_, i) => longId(i)), retirees: true },
    extraFields: Array.from({ length: 8 }, (_, k) => choice(k)),
  };
  const { _id: _e, ...eventRest } = event;
  await insertMany('events', Array.from({ length: 60 }, (_, i) => ({ ...eventRest, ...big, _id: `${eventId}-big-${i}` })));

  const signup = await one('event_signups', { eventId });
  const { _id: _s, ...signupRest } = signup;
  const answers = Object.fromEntries(Array.from({ length: 8 }, (_, k) => [`q${k}`, `0${text(19)}`]));
  await insertMany('event_signups', Array.from({ length: 60 }, (_, i) => ({ ...signupRest, _id: `${eventId}-big-${i}:${w.ids.member}`, eventId: `${eventId}-big-${i}`, answers })));

  const notice = await one('notices', { memberId: w.ids.member });
  const { _id: _n, ...noticeRest } = notice;
  await insertMany('notices', Array.from({ length: 120 }, (_, i) => ({ ...noticeRest, _id: `big-notice-${i}`, title: text(60), body: text(1000) })));

  const entry = await one('ledger', { memberId: w.ids.member });
  const { _id: _l, ...entryRest } = entry;
  await insertMany('ledger', Array.from({ length: 120 }, (_, i) => ({ ...entryRest, _id: `big-entry-${i}`, note: text(200), memberName: text(30) })));

  const record = await one('audit_log', { action: 'ledger.record' });
  const { _id: _a, ...recordRest } = record;
  await insertMany('audit_log', Array.from({ length: 120 }, (_, i) => ({ ...recordRest, _id: `big-audit-${i}`, from: big, to: { ...big, summary: text(300) }, target: { kind: 'event', id: 'x', label: text(200) } })));

  // Care: a case the member asked, accepted, then 60 copies at the contracts' limits (a 30-character title, a
  // 1,000-character body, six files with long names, a long conversation's timeline) in the member's and the queue's lists.
  const asked = await w.call('member', 'care', 'submit', { category: 'work', title: '车间空调坏了', body: text(1000), contact: 'app', requestKey: 'reply-size-care-1' });
  const caseId = unwrap(asked).case.id;
  expect(await w.call('officer', 'care', 'accept', { caseId })).toMatchObject({ ok: true });
  const careCase = (await db.collection('care_cases').doc(caseId).get()).data;
  const { _id: _c, ...caseRest } = careCase;
  const file = (k: number) => ({ fileID: `cloud://env.bucket/care/${caseId}/${'f'.repeat(60)}${k}.pdf`, name: `${text(60)}${k}.pdf`, isImage: false });
  const step = (k: number) => ({ status: 'in_progress', at: new Date(), note: `${k}${text(199)}` });
  await insertMany(
    'care_cases',
    Array.from({ length: 60 }, (_, i) => ({
      ...caseRest,
      _id: `${caseId}-big-${i}`,
      title: `${i}${text(29)}`,
      body: text(1000),
      requesterName: text(30),
      handlerName: text(30),
      summary: text(1000),
      attachments: Array.from({ length: 6 }, (_, k) => file(k)),
      steps: Array.from({ length: 20 }, (_, k) => step(k)),
      supervised: i % 2 === 0,
    })),
  );

  for (let i = 0; i < 100; i += 1) {
    const r = await w.call('chair', 'members', 'rosterSave', { fields: person(`Z${String(i).padStart(31, '0')}`, `${text(29)}${i % 10}`, `139${String(i).padStart(8, '0')}`, { department: text(50) }) });
    expect(r.ok).toBe(true);
  }
}, 300_000);
afterAll(async () => {
  await w.dispose();
});

test.each<[string, () => Promise<TestReply<{ items: unknown[] }>>]>([
  ['member events.list', () => w.call('member', 'events', 'list', { pageSize: 50 })],
  ['member events.mine', () => w.call('member', 'events', 'mine', {})],
  ['officer events.adminList', () => w.call('officer', 'events', 'adminList', { pageSize: 50 })],
  ['member notices.list', () => w.call('member', 'notices', 'list', { pageSize: 50 })],
  ['officer members.rosterList', () => w.call('officer', 'members', 'rosterList', { pageSize: 100 })],
  ['officer members.auditList', () => w.call('officer', 'members', 'auditList', { pageSize: 100 })],
  ['officer ledger.ledgerList', () => w.call('officer', 'ledger', 'ledgerList', { year: 2026, pageSize: 100 })],
  ['member care.mine', () => w.call('member', 'care', 'mine', { pageSize: 50 })],
  ['officer care.queue', () => w.call('officer', 'care', 'queue', { view: 'all', pageSize: 50 })],
  ['officer care.queue (mine)', () => w.call('officer', 'care', 'queue', { view: 'mine', pageSize: 50 })],
])('%s: a full page of the largest documents stays under half the 1 MB limit', async (name, call) => {
  const r = await call();
  const { items } = unwrap(r);
  const bytes = Buffer.byteLength(JSON.stringify(r));
  console.log(`${name.split(' ')[1]}: ${items.length} items, ${(bytes / 1024).toFixed(1)} KB`);
  expect(items.length).toBeGreaterThanOrEqual(50);
  expect(bytes).toBeLessThan(LIMIT);
});
