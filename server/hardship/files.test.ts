/**
 * 困难职工档案 through the emulator: opened on a household's first approval, the aid added when paid, read by
 * reviewers (every opening recorded) and by the member (their own), reviewed every year with a reminder once per due
 * day, closed when the household leaves hardship and kept out of lists for 10 years, then deleted; exported by
 * reviewers only, saying who exported it.
 */
import { PDF, at } from './testing';
import { buildWorld, unwrap, type World } from '../testing/world';
import { workbookAt } from '../testing/excel';
import type { CallInput } from '../testing/contracts';

let w: World;
type Facts = CallInput<'hardship', 'save'>['facts'];
const facts: Facts = {
  kind: 'hardship',
  household: [
    { name: '张伟', relation: 'self', age: 50, occupation: 'employed', monthlyIncomeFen: 300_000 },
    { name: '王丽', relation: 'spouse', age: 48, occupation: 'unemployed', monthlyIncomeFen: 0 },
  ],
  expenses: { medicalFen: 200_000, schoolingFen: 0, otherFen: 0 },
  cause: '本人今年三月确诊慢性肾病，每周透析三次，妻子辞职在家照顾。',
};
let seq = 0;
const key = () => `files-test-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
const daily = async () => expect((await w.emu.post('/__emulator/triggers/jobs/daily', {})).body).toMatchObject({ ok: true });
const fileNotices = async (who: string) => unwrap(await w.call(who, 'notices', 'list', { page: 1, pageSize: 50 })).items.filter((n) => n.kind === 'hardship_file_due');

async function approvedOn(day: string, amountFen: number) {
  w.emu.clock.set(at(day));
  const fileID = await w.upload(w.openids.member, PDF, '诊断证明.pdf');
  const d = unwrap(await w.call('member', 'hardship', 'save', { requestKey: key(), facts, documents: [{ fileID, name: '诊断证明.pdf' }] }));
  unwrap(await w.call('member', 'hardship', 'submit', { applicationId: d.id, consents: { purpose: true, health: true } }));
  unwrap(await w.call('reviewer', 'hardship', 'check', { applicationId: d.id, outcome: 'pass' }));
  unwrap(await w.call('reviewer', 'hardship', 'visit', { applicationId: d.id, visitedOn: day, visitors: '刘审核', found: '情况属实，家中有透析病人。', requestKey: key() }));
  unwrap(await w.call('reviewer', 'hardship', 'propose', { applicationId: d.id, amountFen }));
  return unwrap(await w.call('chair', 'hardship', 'approve', { applicationId: d.id }));
}

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set(at('2026-03-02'));
  for (const year of [2026, 2027]) {
    unwrap(await w.call('chair', 'ledger', 'policySave', { year, templateId: 'zibo-kjj-2017' }));
    unwrap(await w.call('officer', 'ledger', 'budgetSet', { year, line: 'hardship', amountFen: 50_000_00 }));
  }
  unwrap(await w.call('reviewer', 'hardship', 'settingsSave', { dibaoFen: 90_000, publicityDays: 7 }));
});
afterAll(async () => {
  await w?.dispose();
});

test("a household's file: opened on approval, the aid added when paid, reviewed yearly with one reminder, closed and kept, then deleted", async () => {
  await approvedOn('2026-03-02', 120_000);
  // Opened on the approval, with the category the self-check gives ((3,000 − 2,000) ÷ 2 = 500 ≤ 900: 深度困难).
  const [row] = unwrap(await w.call('reviewer', 'hardship', 'files', {})).items;
  expect(row).toMatchObject({ memberName: '张伟', categoryLabel: '深度困难', reviewDue: '2027-03-02', overdue: false, aidCount: 0 });
  expect(unwrap(await w.call('member', 'hardship', 'myFile')).file).toMatchObject({ memberName: '张伟', statusLabel: '在档', aids: [], can: [] });
  // The member of another household has none; the union's officer cannot list or open files.
  expect(unwrap(await w.call('careHandler', 'hardship', 'myFile')).file).toBeNull();
  expect(await w.call('officer', 'hardship', 'file', { fileId: row.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await w.call('otherOfficer', 'hardship', 'file', { fileId: row.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

  // Paid after the 公示: the aid is on file.
  w.emu.clock.set(at('2026-03-10', '02:00'));
  await daily();
  const paid = unwrap(await w.call('reviewer', 'hardship', 'file', { fileId: row.id }));
  expect(paid.aids).toEqual([expect.objectContaining({ kindLabel: '困难帮扶', amountFen: 120_000 })]);
  expect(paid.household.map((m) => `${m.name}${m.relationLabel}`)).toEqual(['张伟本人', '王丽配偶']);
  expect(unwrap(await w.call('auditor', 'members', 'auditList', { pageSize: 100 })).items.filter((e) => e.action === 'hardship.fileRead').map((e) => e.actorName)).toEqual(['刘审核']);

  // A year later the review is due: the reviewers are reminded once, and the file is listed as due.
  w.emu.clock.set(at('2027-03-03', '02:00'));
  await daily();
  await daily();
  expect(await fileNotices('reviewer')).toHaveLength(1);
  expect((await fileNotices('reviewer'))[0].body).toContain('1 户');
  expect(await fileNotices('chair')).toHaveLength(1);
  expect(await fileNotices('member')).toHaveLength(0);
  expect(unwrap(await w.call('reviewer', 'hardship', 'files', { stage: 'due' })).items).toEqual([expect.objectContaining({ id: row.id, overdue: true })]);
  const reviewed = unwrap(await w.call('reviewer', 'hardship', 'fileReview', { fileId: row.id, category: 'relative', note: '配偶已再就业，收入有所改善' }));
  expect(reviewed).toMatchObject({ categoryLabel: '相对困难', reviewDue: '2028-03-03', overdue: false, reviews: [{ on: '2027-03-03', by: '刘审核' }] });
  expect(unwrap(await w.call('member', 'hardship', 'myFile')).file?.reviews).toEqual([{ on: '2027-03-03', note: '配偶已再就业，收入有所改善', by: '工会' }]);
  expect(unwrap(await w.call('reviewer', 'hardship', 'files', { stage: 'due' })).items).toEqual([]);

  // Leaving hardship: closed with the reason and the day, kept 10 years out of lists, then deleted.
  expect(await w.call('reviewer', 'hardship', 'fileClose', { fileId: row.id, closedOn: '2027-04-01', reason: '家庭收入已超过困难标准' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '脱困日期不能晚于今天' } });
  const closed = unwrap(await w.call('reviewer', 'hardship', 'fileClose', { fileId: row.id, closedOn: '2027-03-01', reason: '家庭收入已超过困难标准' }));
  expect(closed).toMatchObject({ status: 'closed', statusLabel: '已脱困', closed: { on: '2027-03-01', reason: '家庭收入已超过困难标准' }, keepUntil: '2037-03-01', reviewDue: null, can: [] });
  expect(unwrap(await w.call('reviewer', 'hardship', 'files', {})).items).toEqual([]);
  expect(unwrap(await w.call('member', 'hardship', 'myFile')).file?.statusLabel).toBe('已脱困');
  w.emu.clock.set(at('2037-03-01', '02:00'));
  await daily();
  expect(unwrap(await w.call('reviewer', 'hardship', 'file', { fileId: row.id })).status).toBe('closed');
  w.emu.clock.set(at('2037-03-02', '02:00'));
  await daily();
  expect(await w.call('reviewer', 'hardship', 'file', { fileId: row.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(unwrap(await w.call('member', 'hardship', 'myFile')).file).toBeNull();
});

test('a reviewer opens a file directly; exports are for reviewers and say who exported them', async () => {
  w.emu.clock.set(at('2026-05-06'));
  expect(await w.call('reviewer', 'hardship', 'fileOpen', { memberId: w.ids.reviewer, category: 'relative', note: '给自己建档' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const opened = unwrap(await w.call('reviewer', 'hardship', 'fileOpen', { memberId: w.ids.careHandler, category: 'accidental', note: '家中失火，经走访核实' }));
  expect(opened).toMatchObject({ memberName: '郑专员', categoryLabel: '意外致困', reviewDue: '2027-05-06', reviews: [{ note: '家中失火，经走访核实' }] });
  expect(await w.call('chair', 'hardship', 'fileOpen', { memberId: w.ids.careHandler, category: 'relative', note: '重复建档' })).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
  expect(unwrap(await w.call('careHandler', 'hardship', 'myFile')).file?.categoryLabel).toBe('意外致困');

  expect(await w.call('officer', 'hardship', 'filesExport')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await w.call('auditor', 'hardship', 'filesExport')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const exported = unwrap(await w.call('reviewer', 'hardship', 'filesExport'));
  expect(exported.fileName).toMatch(/^困难职工档案-20260506-刘审核导出\.xlsx$/);
  expect(exported.count).toBe(1);
  const book = await workbookAt(exported.url);
  const rows = book['困难职工档案'];
  expect(rows.flat().join(' ')).toContain('导出人：刘审核');
  expect(rows.flat()).toContain('郑专员');
  const log = unwrap(await w.call('auditor', 'members', 'auditList', { pageSize: 100 })).items.find((e) => e.action === 'hardship.fileExport');
  expect(log).toMatchObject({ actorName: '刘审核', summary: '导出在档困难职工档案 1 户' });
});
