/**
 * 大病关爱 through the emulator: the grassroots union's reviewers recommend a case to the 工委 union A belongs to; the
 * 工委's officer reads the package (recorded in the 工委's audit log) — not the household's names or ages — and
 * approves an amount paid from the 工委's own budget and ledger (its policy: once a year, at most 50,000), or
 * declines. The grassroots union and the member see the outcome; union A's ledger is untouched.
 */
import { PDF, at } from './testing';
import { buildWorld, unwrap, type World } from '../testing/world';
import type { CallInput } from '../testing/contracts';

let w: World;
const YEAR = 2026;

type Facts = CallInput<'hardship', 'save'>['facts'];
const illness: Facts = {
  kind: 'illness',
  household: [
    { name: '张伟', relation: 'self', age: 50, occupation: 'employed', monthlyIncomeFen: 420_000 },
    { name: '王丽', relation: 'spouse', age: 48, occupation: 'unemployed', monthlyIncomeFen: 0 },
  ],
  expenses: { medicalFen: 900_000, schoolingFen: 0, otherFen: 0 },
  cause: '本人今年五月确诊急性白血病，需骨髓移植，自付费用很高。',
  patientIndex: 0,
};

let seq = 0;
const key = () => `referral-test-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

/** 张伟's 大病关爱, checked and visited: ready to be recommended. */
async function visited() {
  const fileID = await w.upload(w.openids.member, PDF, '诊断证明.pdf');
  const d = unwrap(await w.call('member', 'hardship', 'save', { requestKey: key(), facts: illness, documents: [{ fileID, name: '诊断证明.pdf' }] }));
  unwrap(await w.call('member', 'hardship', 'submit', { applicationId: d.id, consents: { purpose: true, health: true } }));
  unwrap(await w.call('reviewer', 'hardship', 'check', { applicationId: d.id, outcome: 'pass' }));
  unwrap(await w.call('reviewer', 'hardship', 'visit', { applicationId: d.id, visitedOn: '2026-06-01', visitors: '刘审核、赵主席', found: '已住院化疗，家庭积蓄用尽。', requestKey: key() }));
  return d;
}

const ledgerOf = async (who: string) => unwrap(await w.call(who, 'ledger', 'report', { year: YEAR })).lines.find((l) => l.line === 'hardship');

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set(at('2026-06-01'));
  // Union A's own policy (淄博) has no 大病关爱; the 工委's (辽宁省直) has it: once a year, at most 50,000, in service.
  unwrap(await w.call('chair', 'ledger', 'policySave', { year: YEAR, templateId: 'zibo-kjj-2017' }));
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'hardship', amountFen: 50_000_00 }));
  unwrap(await w.call('wx-c-chair', 'ledger', 'policySave', { year: YEAR, templateId: 'liaoning-szjg-2019' }));
  unwrap(await w.call('wx-c-chair', 'ledger', 'budgetSet', { year: YEAR, line: 'hardship', amountFen: 200_000_00 }));
});
afterAll(async () => {
  await w?.dispose();
});

test('the union recommends, the 工委 reads the package and approves; paid from the 工委 ledger, seen by all concerned', async () => {
  const d = await visited();
  // The union does not decide an amount of 大病关爱 itself.
  expect(await w.call('reviewer', 'hardship', 'propose', { applicationId: d.id, amountFen: 100_000 })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('工委') } });
  const referred = unwrap(await w.call('reviewer', 'hardship', 'refer', { applicationId: d.id, recommendation: '病情属实，家庭困难，建议按上限救助', suggestedFen: 50_000_00 }));
  expect(referred).toMatchObject({ status: 'referred', statusLabel: '已报上级工会', referral: { status: 'pending', statusLabel: '待工委决定', suggestedFen: 50_000_00, referredBy: '刘审核' } });
  expect(unwrap(await w.call('member', 'hardship', 'get', { applicationId: d.id })).statusLabel).toBe('已报上级工会');

  const list = unwrap(await w.call('committee', 'hardship', 'referrals', {}));
  expect(list.items).toEqual([expect.objectContaining({ unionName: '淄博市科技局机关工会', name: '张伟', suggestedFen: 50_000_00, statusLabel: '待工委决定' })]);
  const pkg = unwrap(await w.call('committee', 'hardship', 'referral', { referralId: list.items[0].id }));
  expect(pkg).toMatchObject({ patient: '本人，50 岁', householdSize: 2, medicalFen: 900_000, findings: '已住院化疗，家庭积蓄用尽。', recommendation: '病情属实，家庭困难，建议按上限救助', can: ['decide'] });
  expect(pkg.rule?.capFen).toBe(50_000_00);
  expect(pkg.documents.map((x) => x.name)).toEqual(['诊断证明.pdf']);
  // The package, not the application: no household names.
  expect(JSON.stringify(pkg)).not.toContain('王丽');
  const reads = unwrap(await w.call('wx-c-chair', 'members', 'auditList', { pageSize: 50 })).items.filter((e) => e.action === 'hardship.referralRead');
  expect(reads.map((e) => e.actorName)).toEqual(['冯工委']);

  // Over the 工委's cap: refused with its source, nothing written.
  const over = await w.call('committee', 'hardship', 'decideReferral', { referralId: pkg.id, outcome: 'approve', amountFen: 60_000_00, reason: '按病情' });
  expect(over).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', message: expect.stringContaining('50,000') } });
  const unionBefore = await ledgerOf('member');
  const decided = unwrap(await w.call('committee', 'hardship', 'decideReferral', { referralId: pkg.id, outcome: 'approve', amountFen: 40_000_00, reason: '经工委会议研究，批准救助' }));
  expect(decided).toMatchObject({ status: 'approved', decision: { amountFen: 40_000_00, by: '冯工委' }, can: [] });
  expect(await w.call('committee', 'hardship', 'decideReferral', { referralId: pkg.id, outcome: 'decline', reason: '再决定一次' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });

  // Paid from the 工委's ledger, not union A's.
  const committeeReport = unwrap(await w.call('wx-c-chair', 'ledger', 'report', { year: YEAR })).lines.find((l) => l.line === 'hardship');
  expect(committeeReport).toMatchObject({ spentFen: 40_000_00, count: 1 });
  expect(await ledgerOf('member')).toEqual(unionBefore);
  // The member and the union's reviewers see the outcome.
  const mine = unwrap(await w.call('member', 'hardship', 'get', { applicationId: d.id }));
  expect(mine).toMatchObject({ status: 'paid', outcome: { amountFen: 40_000_00 } });
  expect(unwrap(await w.call('member', 'notices', 'list', {})).items.find((n) => n.kind === 'hardship_decided')?.body).toContain('40,000.00 元');
  expect(unwrap(await w.call('chair', 'hardship', 'open', { applicationId: d.id })).referral).toMatchObject({ status: 'approved', decision: { amountFen: 40_000_00, reason: '经工委会议研究，批准救助', by: '冯工委' } });

  // Once a year: a second 大病关爱 for him this year is refused by the 工委's policy.
  const again = await visited();
  unwrap(await w.call('reviewer', 'hardship', 'refer', { applicationId: again.id, recommendation: '再次申请的推荐意见', suggestedFen: 10_000_00 }));
  const second = unwrap(await w.call('committee', 'hardship', 'referrals', {})).items[0];
  expect(await w.call('committee', 'hardship', 'decideReferral', { referralId: second.id, outcome: 'approve', amountFen: 10_000_00, reason: '再次救助' })).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED' } });
  const declined = unwrap(await w.call('committee', 'hardship', 'decideReferral', { referralId: second.id, outcome: 'decline', reason: '本年度已救助一次' }));
  expect(declined.status).toBe('declined');
  expect(unwrap(await w.call('member', 'hardship', 'get', { applicationId: again.id }))).toMatchObject({ status: 'rejected' });
});

test("who reads referrals: the 工委's officer only, and only its own unions'", async () => {
  const d = await visited();
  unwrap(await w.call('reviewer', 'hardship', 'refer', { applicationId: d.id, recommendation: '病情属实的推荐意见', suggestedFen: 20_000_00 }));
  const [r] = unwrap(await w.call('committee', 'hardship', 'referrals', {})).items;
  for (const who of ['reviewer', 'chair', 'officer', 'member', 'otherOfficer']) {
    expect(await w.call(who, 'hardship', 'referral', { referralId: r.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  // Union B belongs to no 工委: its reviewers cannot refer.
  expect(unwrap(await w.call('otherOfficer', 'hardship', 'queue', {})).items).toEqual([]);
  unwrap(await w.call('committee', 'hardship', 'decideReferral', { referralId: r.id, outcome: 'decline', reason: '材料不全' }));
});
