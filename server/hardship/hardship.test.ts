/**
 * Hardship aid through the emulator, with the real SDK: a member's draft and its submission (the checks, the
 * documents, the consents — a refusal changes nothing), who sees an application (its applicant, the union's
 * reviewers; every opening on record), the first check with a request for more, the home visit, and the decision by
 * two different reviewers, neither of them the applicant nor of the household, under concurrency too.
 */
import { PDF, PNG } from './testing';
import { shanghaiDateKey } from '../../src/core/time';
import { buildWorld, person, unwrap, type World } from '../testing/world';
import type { CallInput } from '../testing/contracts';

let w: World;
const YEAR = new Date().getFullYear();


type Facts = CallInput<'hardship', 'save'>['facts'];

/** 张伟's household: himself, his wife (no income), a son at school; his illness costs 2,600 a month. */
function facts(extra: Partial<Facts> = {}): Facts {
  return {
    kind: 'hardship',
    household: [
      { name: '张伟', relation: 'self', age: 50, occupation: 'employed', monthlyIncomeFen: 420_000 },
      { name: '王丽', relation: 'spouse', age: 48, occupation: 'unemployed', monthlyIncomeFen: 0 },
      { name: '张小明', relation: 'child', age: 16, occupation: 'student', monthlyIncomeFen: 0 },
    ],
    expenses: { medicalFen: 260_000, schoolingFen: 50_000, otherFen: 0 },
    cause: '本人今年三月确诊慢性肾病，每周透析三次，妻子辞职在家照顾，家庭收入明显减少。',
    ...extra,
  };
}

let seq = 0;
const key = () => `hardship-test-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

async function draft(who = 'member', f: Facts = facts(), name = '诊断证明.pdf') {
  const fileID = await w.upload(w.openids[who as 'member'] ?? who, PDF, name);
  return unwrap(await w.call(who, 'hardship', 'save', { requestKey: key(), facts: f, documents: [{ fileID, name }] }));
}

/** A submitted application of 张伟's (health data: a separate consent). */
async function submitted(f: Facts = facts()) {
  const d = await draft('member', f);
  return unwrap(await w.call('member', 'hardship', 'submit', { applicationId: d.id, consents: { purpose: true, health: true } }));
}

/** Submitted, checked, visited: ready for an amount. */
async function deciding(f?: Facts) {
  const a = await submitted(f);
  unwrap(await w.call('reviewer', 'hardship', 'check', { applicationId: a.id, outcome: 'pass' }));
  unwrap(await w.call('reviewer', 'hardship', 'visit', { applicationId: a.id, visitedOn: today(), visitors: '刘审核、赵主席', found: '家中确有透析病人，住房简陋，情况属实。', requestKey: key() }));
  return a;
}

const today = () => shanghaiDateKey(new Date());
/** How the audit log names an application (never by its applicant). */
const numberOf = (id: string) => `编号 ${id.slice(id.lastIndexOf(':') + 1, id.lastIndexOf(':') + 7).toUpperCase()}`;
const audits = async () => unwrap(await w.call('chair', 'members', 'auditList', { pageSize: 100 })).items;
const notices = async (who: string) => unwrap(await w.call(who, 'notices', 'list', { page: 1, pageSize: 50 })).items;

beforeAll(async () => {
  w = await buildWorld();
  unwrap(await w.call('chair', 'ledger', 'policySave', { year: YEAR, templateId: 'zibo-kjj-2017' }));
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: YEAR, line: 'hardship', amountFen: 50_000_00 }));
  unwrap(await w.call('reviewer', 'hardship', 'settingsSave', { dibaoFen: 90_000, publicityDays: 7 }));
});
afterAll(async () => {
  await w?.dispose();
});

describe('a member applies', () => {
  test('a draft is kept with its document, and the self-check says which category it may fall in, deciding nothing', async () => {
    const d = await draft();
    expect(d).toMatchObject({ status: 'draft', statusLabel: '草稿', kindLabel: '困难帮扶', can: ['save', 'submit', 'withdraw'] });
    expect(d.documents).toEqual([expect.objectContaining({ name: '诊断证明.pdf', isImage: false })]);
    expect(d.documents[0].url).not.toBe('');
    // (4,200 − 3,100) ÷ 3 = 366.66, under the 低保 standard of 900.
    expect(d.selfCheck).toMatchObject({ category: 'deep', label: '深度困难', perCapitaFen: 36_666 });
    expect(d.selfCheck?.explanation).toContain('仅供参考');
  });

  test('a double tap on 保存 keeps one draft', async () => {
    const fileID = await w.upload(w.openids.member, PDF, 'a.pdf');
    const requestKey = key();
    const [a, b] = await Promise.all([0, 1].map(() => w.call('member', 'hardship', 'save', { requestKey, facts: facts(), documents: [{ fileID, name: 'a.pdf' }] })));
    expect(unwrap(a).id).toBe(unwrap(b).id);
  });

  test('submitting needs the consents its data asks for: refused with the reason, and nothing changes', async () => {
    const d = await draft();
    const r = await w.call('member', 'hardship', 'submit', { applicationId: d.id, consents: { purpose: true } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: ['consents', 'health'] }] } });
    expect(r.ok ? '' : r.error.message).toContain('健康信息');
    expect(unwrap(await w.call('member', 'hardship', 'get', { applicationId: d.id })).status).toBe('draft');
    // Without the purpose statement the contract itself refuses.
    const raw = await w.callRaw('member', 'hardship', 'submit', { applicationId: d.id, consents: { purpose: false, health: true } });
    expect(raw).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: ['consents', 'purpose'], message: '请阅读并同意个人信息的使用说明' }] } });
    // A child under 14 asks for its own consent.
    const young = await draft('member', facts({ household: [facts().household[0], { name: '张小红', relation: 'child', age: 9, occupation: 'student', monthlyIncomeFen: 0 }], expenses: { medicalFen: 0, schoolingFen: 30_000, otherFen: 0 } }));
    const r2 = await w.call('member', 'hardship', 'submit', { applicationId: young.id, consents: { purpose: true } });
    expect(r2).toMatchObject({ ok: false, error: { issues: [{ path: ['consents', 'minors'] }] } });
    const ok = unwrap(await w.call('member', 'hardship', 'submit', { applicationId: young.id, consents: { purpose: true, minors: true } }));
    expect(ok.status).toBe('submitted');
    unwrap(await w.call('member', 'hardship', 'withdraw', { applicationId: young.id }));
  });

  test('an incomplete form is refused at each field, and a draft without documents cannot be sent', async () => {
    const fileless = unwrap(await w.call('member', 'hardship', 'save', { requestKey: key(), facts: facts({ cause: '太难了', household: [{ name: '', relation: 'self', age: 50, occupation: 'employed', monthlyIncomeFen: 0 }] }) }));
    const r = await w.call('member', 'hardship', 'submit', { applicationId: fileless.id, consents: { purpose: true, health: true } });
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : (r.error.issues ?? []).map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['facts.household.0.name', 'facts.cause', 'documents']));
    expect(unwrap(await w.call('member', 'hardship', 'get', { applicationId: fileless.id })).status).toBe('draft');
  });

  test.each([
    ['a negative income', { household: [{ name: '张伟', relation: 'self', age: 50, occupation: 'employed', monthlyIncomeFen: -100 }] }, 'household.0.monthlyIncomeFen', '不能是负数'],
    ['an income of 20 million a month', { household: [{ name: '张伟', relation: 'self', age: 50, occupation: 'employed', monthlyIncomeFen: 2_000_000_000 }] }, 'household.0.monthlyIncomeFen', '多填了位数'],
    ['half a fen', { expenses: { medicalFen: 10.5, schoolingFen: 0, otherFen: 0 } }, 'expenses.medicalFen', '两位小数'],
    ['eleven household members', { household: Array.from({ length: 11 }, (_, i) => ({ name: `成员${i}`, relation: i === 0 ? 'self' : 'other', age: 30, occupation: 'employed', monthlyIncomeFen: 0 })) }, 'household', '最多填写 10 人'],
    ['an age of 200', { household: [{ name: '张伟', relation: 'self', age: 200, occupation: 'employed', monthlyIncomeFen: 0 }] }, 'household.0.age', '周岁'],
  ])('%s is refused with a clear reason, and no draft is made', async (_what, bad, path, text) => {
    const before = unwrap(await w.call('member', 'hardship', 'mine', {})).total;
    const r = await w.callRaw('member', 'hardship', 'save', { requestKey: key(), facts: { ...facts(), ...bad } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const issue = r.error?.issues?.find((i) => i.path.join('.') === `facts.${path}`);
    expect(issue?.message).toContain(text);
    expect(unwrap(await w.call('member', 'hardship', 'mine', {})).total).toBe(before);
  });

  test("someone else's upload is refused, and the draft keeps what it had", async () => {
    const d = await draft();
    const theirs = await w.upload(w.openids.officer, PNG, '别人的.png');
    const r = await w.call('member', 'hardship', 'save', { applicationId: d.id, requestKey: key(), facts: facts({ cause: '改过的原因，不应该保存下来的文字。' }), documents: [{ fileID: theirs, name: '别人的.png' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能使用您本人上传的文件' } });
    const after = unwrap(await w.call('member', 'hardship', 'get', { applicationId: d.id }));
    expect(after.facts.cause).toBe(facts().cause);
    expect(after.documents).toHaveLength(1);
  });

  test('one application of a kind under review at a time', async () => {
    const first = await submitted();
    const second = await draft();
    const r = await w.call('member', 'hardship', 'submit', { applicationId: second.id, consents: { purpose: true, health: true } });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(r.ok ? '' : r.error.message).toContain('正在审核中');
    unwrap(await w.call('member', 'hardship', 'withdraw', { applicationId: first.id, reason: '情况好转' }));
    expect(unwrap(await w.call('member', 'hardship', 'submit', { applicationId: second.id, consents: { purpose: true, health: true } })).status).toBe('submitted');
    unwrap(await w.call('member', 'hardship', 'withdraw', { applicationId: second.id }));
  });
});

describe('who sees an application', () => {
  test('the applicant and the reviewers; not another member, an officer, the auditor or another union', async () => {
    const a = await submitted();
    expect(unwrap(await w.call('member', 'hardship', 'get', { applicationId: a.id })).id).toBe(a.id);
    for (const who of ['officer', 'auditor', 'careHandler', 'reviewer', 'chair']) {
      expect(await w.call(who, 'hardship', 'get', { applicationId: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    for (const who of ['officer', 'auditor', 'careHandler', 'member']) {
      expect(await w.call(who, 'hardship', 'open', { applicationId: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await w.call('otherOfficer', 'hardship', 'open', { applicationId: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(unwrap(await w.call('otherOfficer', 'hardship', 'queue', { stage: 'all' })).items.map((x) => x.id)).not.toContain(a.id);
    const seen = unwrap(await w.call('reviewer', 'hardship', 'open', { applicationId: a.id }));
    expect(seen).toMatchObject({ applicantName: '张伟', consents: { health: true, minors: false }, can: ['check', 'reject'] });
    expect(unwrap(await w.call('reviewer', 'hardship', 'queue', {})).items.map((x) => x.id)).toContain(a.id);
    unwrap(await w.call('member', 'hardship', 'withdraw', { applicationId: a.id }));
  });

  test("a draft is the member's alone: not in the reviewers' list, not opened", async () => {
    const d = await draft();
    expect(await w.call('reviewer', 'hardship', 'open', { applicationId: d.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(unwrap(await w.call('reviewer', 'hardship', 'queue', { stage: 'all', pageSize: 50 })).items.map((x) => x.id)).not.toContain(d.id);
  });

  test('every opening is on record for officers with the audit right, by kind and number, never by name', async () => {
    const a = await submitted();
    unwrap(await w.call('reviewer', 'hardship', 'open', { applicationId: a.id }));
    unwrap(await w.call('chair', 'hardship', 'open', { applicationId: a.id }));
    const reads = unwrap(await w.call('auditor', 'members', 'auditList', { pageSize: 100 })).items.filter((e) => e.action === 'hardship.read' && e.targetLabel.includes(numberOf(a.id)));
    expect(reads.map((e) => e.actorName).sort()).toEqual(['刘审核', '赵主席']);
    for (const e of reads) expect(e.targetLabel).toMatch(/^困难帮扶申请 编号 [0-9A-F]{6}（保密）$/);
    // The applicant's own acts are on record as 申请人: who applied is itself confidential.
    const all = unwrap(await w.call('auditor', 'members', 'auditList', { pageSize: 100 })).items.filter((e) => e.targetLabel.includes(numberOf(a.id)));
    expect(all.find((e) => e.action === 'hardship.submit')?.actorName).toBe('申请人');
    expect(JSON.stringify(all)).not.toContain('张伟');
    unwrap(await w.call('member', 'hardship', 'withdraw', { applicationId: a.id }));
  });

  test('a reviewer named in the household steps aside: cannot open or decide it', async () => {
    const f = facts({ household: [...facts().household.slice(0, 2), { name: '刘审核', relation: 'sibling', age: 45, occupation: 'employed', monthlyIncomeFen: 500_000 }] });
    const a = await submitted(f);
    const r = await w.call('reviewer', 'hardship', 'open', { applicationId: a.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(r.ok ? '' : r.error.message).toContain('回避');
    expect(await w.call('reviewer', 'hardship', 'check', { applicationId: a.id, outcome: 'pass' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    unwrap(await w.call('member', 'hardship', 'withdraw', { applicationId: a.id }));
  });

  test("a reviewer's own application is decided by others", async () => {
    const fileID = await w.upload(w.openids.reviewer, PDF, 'x.pdf');
    const mineFacts = facts({ household: [{ name: '刘审核', relation: 'self', age: 40, occupation: 'employed', monthlyIncomeFen: 300_000 }] });
    const d = unwrap(await w.call('reviewer', 'hardship', 'save', { requestKey: key(), facts: mineFacts, documents: [{ fileID, name: 'x.pdf' }] }));
    unwrap(await w.call('reviewer', 'hardship', 'submit', { applicationId: d.id, consents: { purpose: true, health: true } }));
    const r = await w.call('reviewer', 'hardship', 'open', { applicationId: d.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '这是您本人的申请，需由其他审核人员办理' } });
    expect(unwrap(await w.call('chair', 'hardship', 'open', { applicationId: d.id })).applicantName).toBe('刘审核');
    unwrap(await w.call('reviewer', 'hardship', 'withdraw', { applicationId: d.id }));
  });
});

describe('the review', () => {
  test('a request for more reaches the member, who answers with a document; then the check, the visit, two reviewers', async () => {
    const a = await submitted();
    const asked = unwrap(await w.call('reviewer', 'hardship', 'check', { applicationId: a.id, outcome: 'more', message: '请补充近三个月的收入证明' }));
    expect(asked.status).toBe('moreRequested');
    const told = (await notices('member')).find((n) => n.kind === 'hardship_more');
    expect(told).toMatchObject({ title: '请补充材料：困难帮扶申请', body: expect.stringContaining('请补充近三个月的收入证明') });
    const mine = unwrap(await w.call('member', 'hardship', 'get', { applicationId: a.id }));
    expect(mine).toMatchObject({ status: 'moreRequested', statusLabel: '待补充材料', can: ['supplement', 'withdraw'], requests: [{ message: '请补充近三个月的收入证明', answeredAt: null }] });

    const slip = await w.upload(w.openids.member, PNG, '收入证明.png');
    const answered = unwrap(await w.call('member', 'hardship', 'supplement', { applicationId: a.id, text: '已上传收入证明', documents: [{ fileID: slip, name: '收入证明.png' }] }));
    expect(answered).toMatchObject({ status: 'submitted', requests: [{ answer: '已上传收入证明' }] });
    expect(answered.documents.map((d) => d.name)).toEqual(['诊断证明.pdf', '收入证明.png']);

    unwrap(await w.call('reviewer', 'hardship', 'check', { applicationId: a.id, outcome: 'pass' }));
    // An amount before the visit is refused.
    expect(await w.call('reviewer', 'hardship', 'propose', { applicationId: a.id, amountFen: 150_000 })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    const photo = await w.upload(w.openids.reviewer, PNG, '走访.png');
    const visited = unwrap(await w.call('reviewer', 'hardship', 'visit', { applicationId: a.id, visitedOn: today(), visitors: '刘审核、李娜', found: '家中有透析病人，妻子无业，情况属实。', photos: [{ fileID: photo, name: '走访.png' }], requestKey: key() }));
    expect(visited).toMatchObject({ status: 'deciding', visits: [{ visitors: '刘审核、李娜', recordedBy: '刘审核' }] });
    expect(visited.visits[0].photos).toHaveLength(1);

    // Over the policy's cap (淄博: 2,000 per time): refused with the rule's source.
    const over = await w.call('reviewer', 'hardship', 'propose', { applicationId: a.id, amountFen: 300_000 });
    expect(over).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED' } });
    expect(over.ok ? '' : over.error.message).toContain('2,000');

    const proposed = unwrap(await w.call('reviewer', 'hardship', 'propose', { applicationId: a.id, amountFen: 150_000, note: '按透析费用的一半' }));
    expect(proposed).toMatchObject({ status: 'proposed', proposal: { amountFen: 150_000, by: '刘审核' }, can: ['sendBack', 'reject'], stepAside: expect.stringContaining('两位不同的审核人员') });
    // The member sees no amount before the decision.
    expect(unwrap(await w.call('member', 'hardship', 'get', { applicationId: a.id })).outcome).toBeNull();
    expect(await w.call('reviewer', 'hardship', 'approve', { applicationId: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const approved = unwrap(await w.call('chair', 'hardship', 'approve', { applicationId: a.id }));
    expect(approved).toMatchObject({ status: 'publicizing', approvedBy: '赵主席', proposal: { by: '刘审核' } });
    const member = unwrap(await w.call('member', 'hardship', 'get', { applicationId: a.id }));
    expect(member).toMatchObject({ status: 'publicizing', statusLabel: '公示中', outcome: { amountFen: 150_000, publicity: { from: today() } } });
    expect((await notices('member')).find((n) => n.kind === 'hardship_decided')?.body).toContain('帮扶金额 1,500.00 元');
    const log = (await audits()).filter((e) => e.targetLabel.includes(numberOf(a.id))).map((e) => e.action);
    expect(log).toEqual(expect.arrayContaining(['hardship.submit', 'hardship.more', 'hardship.supplement', 'hardship.check', 'hardship.visit', 'hardship.propose', 'hardship.approve']));
  });

  test('sent back: the proposal goes, with the reason on the reviewers\' record; a refusal tells the member why', async () => {
    const a = await deciding();
    unwrap(await w.call('reviewer', 'hardship', 'propose', { applicationId: a.id, amountFen: 200_000 }));
    const back = unwrap(await w.call('chair', 'hardship', 'sendBack', { applicationId: a.id, reason: '金额偏高，请按家庭实际支出重新核算' }));
    expect(back).toMatchObject({ status: 'deciding', proposal: null });
    expect(back.notes.at(-1)?.text).toContain('金额偏高');
    // The member never reads the reviewers' notes.
    expect(JSON.stringify(unwrap(await w.call('member', 'hardship', 'get', { applicationId: a.id })))).not.toContain('金额偏高');
    unwrap(await w.call('chair', 'hardship', 'reject', { applicationId: a.id, reason: '家庭人均收入高于困难标准' }));
    const seen = unwrap(await w.call('member', 'hardship', 'get', { applicationId: a.id }));
    expect(seen).toMatchObject({ status: 'rejected', can: [] });
    expect(seen.steps.at(-1)?.note).toBe('家庭人均收入高于困难标准');
    expect(await w.call('member', 'hardship', 'withdraw', { applicationId: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });

  test('four eyes hold when everyone acts at once: whoever approves is never who proposed', async () => {
    // A third reviewer, so that two may propose and three may approve at the same moment.
    const third = unwrap(await w.call('chair', 'members', 'rosterSave', { fields: person('A0008', '吴审核', '13900000008') })).id;
    unwrap(await w.call('wx-a-third-reviewer', 'members', 'bind', { name: '吴审核', employeeNo: 'A0008', phoneLast4: '0008' }));
    unwrap(await w.call('chair', 'members', 'rolesGrant', { memberId: third, role: 'hardship_reviewer' }));
    const reviewers = ['reviewer', 'chair', 'wx-a-third-reviewer'];
    for (let round = 0; round < 4; round++) {
      const a = await deciding();
      const calls = reviewers.flatMap((who) => [
        w.call(who, 'hardship', 'propose', { applicationId: a.id, amountFen: 100_000 + round }),
        w.call(who, 'hardship', 'approve', { applicationId: a.id }),
      ]);
      await Promise.all(calls);
      // Whoever did not get in first now approves in turn, until someone other than the proposer has.
      for (const who of reviewers) await w.call(who, 'hardship', 'approve', { applicationId: a.id });
      const end = unwrap(await w.call('chair', 'hardship', 'open', { applicationId: a.id }));
      expect(end.status).toBe('publicizing');
      expect(end.approvedBy).not.toBeNull();
      expect(end.approvedBy).not.toBe(end.proposal?.by);
      const log = (await audits()).filter((e) => e.targetLabel.includes(numberOf(a.id)));
      expect(log.filter((e) => e.action === 'hardship.propose')).toHaveLength(1);
      expect(log.filter((e) => e.action === 'hardship.approve')).toHaveLength(1);
      // Next round on a fresh application: this one is in its 公示 (a second one of the same kind may be submitted).
    }
  });
});

test("a kind this year's policies do not offer is refused at submission, and the draft stays a draft", async () => {
  // Union A's own policy (淄博) has no 大病关爱, and its 工委 has set no policy this year.
  const kinds = unwrap(await w.call('member', 'hardship', 'setup')).kinds;
  expect(kinds.find((k) => k.kind === 'illness')).toMatchObject({ offered: false });
  expect(kinds.find((k) => k.kind === 'hardship')).toMatchObject({ offered: true, capFen: 200_000 });
  const d = await draft('member', facts({ kind: 'illness', patientIndex: 0 }));
  const r = await w.call('member', 'hardship', 'submit', { applicationId: d.id, consents: { purpose: true, health: true } });
  expect(r).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('没有大病关爱') } });
  expect(unwrap(await w.call('member', 'hardship', 'get', { applicationId: d.id })).status).toBe('draft');
});
