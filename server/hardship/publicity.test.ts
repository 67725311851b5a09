/**
 * The 公示 through the emulator: an approved case shows to the union's members with the masked name, department,
 * kind and amount only; a member objects privately, which holds the case until a reviewer resolves it; after the
 * period the daily job pays through the ledger (once), and the yearly report's hardship line grows by the amount.
 * And the rule of the whole area: no reply of any member-facing action carries an unmasked field of someone's case.
 */
import { PUBLICITY_FIELDS } from '../../src/core/domain/hardship';
import { PDF, at } from './testing';
import { buildWorld, unwrap, type World } from '../testing/world';
import type { CallInput } from '../testing/contracts';
import { hardshipAccess } from './access.cases';

let w: World;
const YEAR = 2026;

type Facts = CallInput<'hardship', 'save'>['facts'];
const facts: Facts = {
  kind: 'hardship',
  household: [
    { name: '张伟', relation: 'self', age: 50, occupation: 'employed', monthlyIncomeFen: 420_000 },
    { name: '王丽', relation: 'spouse', age: 48, occupation: 'unemployed', monthlyIncomeFen: 0 },
  ],
  expenses: { medicalFen: 260_000, schoolingFen: 0, otherFen: 0 },
  cause: '本人今年三月确诊慢性肾病，每周透析三次，妻子辞职在家照顾。',
};
/** What only the reviewers may read of 张伟's case: never in a reply to anyone else. */
const PRIVATE = ['张伟', '王丽', '慢性肾病', '透析', '13900000004', 'A0004', '420000', '4,200'];

let seq = 0;
const key = () => `publicity-test-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

/** 张伟's case, approved on `today` (the clock is set to it): proposed by 刘审核, approved by the chair. */
async function approved(today: string, amountFen: number) {
  w.emu.clock.set(at(today));
  const fileID = await w.upload(w.openids.member, PDF, '诊断证明.pdf');
  const d = unwrap(await w.call('member', 'hardship', 'save', { requestKey: key(), facts, documents: [{ fileID, name: '诊断证明.pdf' }] }));
  unwrap(await w.call('member', 'hardship', 'submit', { applicationId: d.id, consents: { purpose: true, health: true } }));
  unwrap(await w.call('reviewer', 'hardship', 'check', { applicationId: d.id, outcome: 'pass' }));
  unwrap(await w.call('reviewer', 'hardship', 'visit', { applicationId: d.id, visitedOn: today, visitors: '刘审核', found: '情况属实，家中有透析病人。', requestKey: key() }));
  unwrap(await w.call('reviewer', 'hardship', 'propose', { applicationId: d.id, amountFen }));
  return unwrap(await w.call('chair', 'hardship', 'approve', { applicationId: d.id }));
}

const hardshipLine = async () => unwrap(await w.call('member', 'ledger', 'report', { year: YEAR })).lines.find((l) => l.line === 'hardship');
const daily = async () => expect((await w.emu.post('/__emulator/triggers/jobs/daily', {})).body).toMatchObject({ ok: true });

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set(at('2026-06-01'));
  unwrap(await w.call('chair', 'ledger', 'policySave', { year: YEAR, templateId: 'zibo-kjj-2017' }));
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'hardship', amountFen: 50_000_00 }));
  unwrap(await w.call('reviewer', 'hardship', 'settingsSave', { dibaoFen: 90_000, publicityDays: 7 }));
});
afterAll(async () => {
  await w?.dispose();
});

test('the 公示 shows 张* to the union, objections hold it, and after the period it is paid once, into the report', async () => {
  const a = await approved('2026-06-01', 150_000);
  expect(a.outcome?.publicity).toEqual({ from: '2026-06-01', to: '2026-06-07' });
  const before = await hardshipLine();

  const list = unwrap(await w.call('officer', 'hardship', 'publicity', {}));
  expect(list.items).toEqual([{ entryId: expect.stringMatching(/^p[0-9a-f]{20}$/), maskedName: '张*', department: '办公室', kindLabel: '困难帮扶', amountFen: 150_000, period: { from: '2026-06-01', to: '2026-06-07' } }]);
  expect(Object.keys(list.items[0]).sort()).toEqual(['entryId', ...PUBLICITY_FIELDS].sort());
  for (const text of PRIVATE) expect(JSON.stringify(list)).not.toContain(text);
  // Another union sees none of it.
  expect(unwrap(await w.call('otherOfficer', 'hardship', 'publicity', {})).items).toEqual([]);
  const entryId = list.items[0].entryId;

  // An objection, privately: the case is held; the reviewers are told by number; a second one from the same member is refused.
  w.emu.clock.set(at('2026-06-03'));
  expect(unwrap(await w.call('careHandler', 'hardship', 'object', { entryId, text: '据我所知其配偶有稳定收入，请核实' }))).toMatchObject({ received: true });
  expect(await w.call('careHandler', 'hardship', 'object', { entryId, text: '再次提出同样的异议' })).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
  expect(await w.call('member', 'hardship', 'object', { entryId, text: '我自己对自己有异议' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  const told = unwrap(await w.call('reviewer', 'notices', 'list', {})).items.find((n) => n.kind === 'hardship_objection');
  expect(told?.body).toMatch(/编号 [0-9A-F]{6}/);
  expect(told?.body).not.toContain('张伟');
  const held = unwrap(await w.call('reviewer', 'hardship', 'open', { applicationId: a.id }));
  expect(held).toMatchObject({ status: 'held', statusLabel: '公示异议处理中', can: ['resolve'], objections: [{ memberName: '郑专员', text: '据我所知其配偶有稳定收入，请核实', resolution: null }] });
  // The audit log, which officers read, names neither the objector nor the applicant.
  const log = unwrap(await w.call('auditor', 'members', 'auditList', { pageSize: 100 })).items.filter((e) => e.action === 'hardship.object');
  expect(log.map((e) => e.actorName)).toEqual(['会员']);

  // The period ends while held: no payout.
  w.emu.clock.set(at('2026-06-09', '02:00'));
  await daily();
  expect(unwrap(await w.call('member', 'hardship', 'get', { applicationId: a.id })).status).toBe('held');
  expect(unwrap(await w.call('officer', 'hardship', 'publicity', {})).items).toEqual([]);
  expect(await w.call('auditor', 'hardship', 'object', { entryId, text: '期满之后的异议不再受理' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

  // Resolved as not founded, with a reason: the objector is told; the next run pays, once.
  const resolved = unwrap(await w.call('reviewer', 'hardship', 'resolve', { applicationId: a.id, objectionId: held.objections[0].id, outcome: 'dismissed', reason: '经核实配偶已于今年辞职，无收入' }));
  expect(resolved).toMatchObject({ status: 'publicizing', objections: [{ resolution: { outcome: 'dismissed', outcomeLabel: '异议不成立，继续公示', by: '刘审核' } }] });
  expect(await w.call('chair', 'hardship', 'resolve', { applicationId: a.id, objectionId: held.objections[0].id, outcome: 'upheld', reason: '再处理一次' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  expect(unwrap(await w.call('careHandler', 'notices', 'list', {})).items.find((n) => n.kind === 'hardship_objection')?.body).toContain('经核实配偶已于今年辞职');
  await daily();
  await daily();
  const paid = unwrap(await w.call('member', 'hardship', 'get', { applicationId: a.id }));
  expect(paid).toMatchObject({ status: 'paid', statusLabel: '已发放', outcome: { amountFen: 150_000 } });
  expect(paid.outcome?.paidAt).not.toBeNull();
  const after = await hardshipLine();
  expect((after?.spentFen ?? 0) - (before?.spentFen ?? 0)).toBe(150_000);
  expect((after?.count ?? 0) - (before?.count ?? 0)).toBe(1);
  const mine = unwrap(await w.call('member', 'ledger', 'myBenefits', { year: YEAR }));
  expect(mine.items.filter((i) => i.itemLabel === '困难帮扶').map((i) => i.amountFen)).toEqual([150_000]);
  expect(unwrap(await w.call('member', 'notices', 'list', {})).items.find((n) => n.kind === 'hardship_paid')?.body).toContain('1,500.00 元');
});

test('an objection found to be right refuses the case: nothing is paid', async () => {
  const a = await approved('2026-07-01', 80_000);
  const before = await hardshipLine();
  const [entry] = unwrap(await w.call('auditor', 'hardship', 'publicity', {})).items;
  unwrap(await w.call('auditor', 'hardship', 'object', { entryId: entry.entryId, text: '申请人家中另有出租房屋收入' }));
  const o = unwrap(await w.call('chair', 'hardship', 'open', { applicationId: a.id })).objections[0];
  const r = unwrap(await w.call('chair', 'hardship', 'resolve', { applicationId: a.id, objectionId: o.id, outcome: 'upheld', reason: '经核实有出租房屋收入，不符合条件' }));
  expect(r).toMatchObject({ status: 'rejected' });
  expect(unwrap(await w.call('officer', 'hardship', 'publicity', {})).items).toEqual([]);
  w.emu.clock.set(at('2026-07-09', '02:00'));
  await daily();
  expect(await hardshipLine()).toEqual(before);
  const mine = unwrap(await w.call('member', 'hardship', 'get', { applicationId: a.id }));
  expect(mine.steps.at(-1)?.note).toContain('不符合条件');
});

test('no reply of a member-facing action carries an unmasked field of a 公示', async () => {
  const a = await approved('2026-08-03', 60_000);
  // Everything another member may call in this area (and their inbox), with the case's ids where one is asked for.
  const [entry] = unwrap(await w.call('officer', 'hardship', 'publicity', {})).items;
  const calls: [string, string, unknown][] = [
    ['hardship', 'setup', undefined],
    ['hardship', 'mine', {}],
    ['hardship', 'myFile', undefined],
    ['hardship', 'publicity', {}],
    ['hardship', 'get', { applicationId: a.id }],
    ['hardship', 'supplement', { applicationId: a.id, text: '试图补充' }],
    ['hardship', 'withdraw', { applicationId: a.id }],
    ['hardship', 'submit', { applicationId: a.id, consents: { purpose: true } }],
    ['hardship', 'save', { applicationId: a.id, requestKey: key(), facts: { ...facts, household: [] } }],
    ['hardship', 'object', { entryId: entry.entryId, text: '看看异议的回复里有什么' }],
    ['notices', 'list', { page: 1, pageSize: 50 }],
  ];
  // Every action a plain member may call (by the access matrix), each called here.
  const memberFacing = Object.entries(hardshipAccess).filter(([, row]) => row.allowed.includes('member')).map(([action]) => action);
  expect(memberFacing.sort()).toEqual(calls.filter(([fn]) => fn === 'hardship').map(([, action]) => action).sort());
  for (const who of ['officer', 'auditor', 'careHandler', 'unbound', 'clerk', 'otherOfficer']) {
    for (const [fn, action, payload] of calls) {
      const reply = JSON.stringify(await w.callRaw(who, fn, action, payload));
      for (const text of PRIVATE) expect({ who, action, leaked: reply.includes(text) ? text : null }).toEqual({ who, action, leaked: null });
    }
  }
  // The applicant reads the 公示 as everyone does: masked.
  const own = JSON.stringify(unwrap(await w.call('member', 'hardship', 'publicity', {})));
  expect(own).toContain('张*');
  expect(own).not.toContain('张伟');
});
