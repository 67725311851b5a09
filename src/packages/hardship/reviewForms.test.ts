import { hardshipContract } from '@/core/contracts/hardship';
import type { AidFacts } from '@/core/domain/hardship';
import {
  AMOUNT_PROBLEM,
  amountFenOf,
  approveQuestion,
  checkDoneText,
  checkDraft,
  checkFieldOf,
  checkQuestion,
  decideDoneText,
  decideDraft,
  decideFieldOf,
  decideQuestion,
  emptyCheck,
  emptyDecide,
  emptyFileClose,
  emptyFileOpen,
  emptyFileReview,
  emptyPropose,
  emptyRefer,
  emptyResolve,
  emptyVisit,
  FILE_CATEGORY_OPTIONS,
  fileCloseDraft,
  fileCloseFieldOf,
  fileCloseQuestion,
  fileFieldOf,
  fileOpenDraft,
  fileReviewDraft,
  proposeDraft,
  proposeFieldOf,
  proposeQuestion,
  reasonFieldOf,
  reasonPayload,
  referDraft,
  referFieldOf,
  referQuestion,
  rejectQuestion,
  RESOLVE_OPTIONS,
  resolveDraft,
  resolveFieldOf,
  resolveQuestion,
  sendBackQuestion,
  settingsDraft,
  settingsFieldOf,
  settingsValuesOf,
  visitDraft,
  visitFieldOf,
  visitRange,
  yuanInput,
} from './reviewForms';
import {
  consentLines,
  expenseLines,
  fileHouseholdLines,
  filesStageOf,
  householdLines,
  householdSummary,
  newest,
  patientText,
  periodText,
  ruleText,
  schoolText,
  statusTone,
} from './reviewFormat';

const TODAY = '2026-11-19';
const NOW = new Date('2026-11-19T10:00:00+08:00');

const facts: AidFacts = {
  kind: 'schooling',
  household: [
    { name: '张三', relation: 'self', age: 45, occupation: 'employed', monthlyIncomeFen: 4000_00 },
    { name: '李四', relation: 'spouse', age: 43, occupation: 'disabled', monthlyIncomeFen: 0 },
    { name: '张小明', relation: 'child', age: 17, occupation: 'student', monthlyIncomeFen: 0 },
    { name: '张小红', relation: 'child', age: 8, occupation: 'student', monthlyIncomeFen: 0 },
  ],
  expenses: { medicalFen: 800_00, schoolingFen: 500_00, otherFen: 0 },
  cause: '配偶长期患病，丧失劳动能力',
  school: { childIndex: 2, school: ' 沈阳市第二中学 ', level: 'highSchool' },
};

describe('amounts typed in yuan', () => {
  it('reads a positive amount of yuan, nothing else', () => {
    expect(amountFenOf('2000')).toBe(2000_00);
    expect(amountFenOf(' 1,500.5 ')).toBe(1500_50);
    expect(amountFenOf('0')).toBeNull();
    expect(amountFenOf('-3')).toBeNull();
    expect(amountFenOf('两千')).toBeNull();
    expect(amountFenOf('')).toBeNull();
  });

  it('writes an amount back the way it is typed', () => {
    expect(yuanInput(1020_00)).toBe('1020');
    expect(yuanInput(1020_50)).toBe('1020.50');
    expect(yuanInput(1020_05)).toBe('1020.05');
  });
});

describe('初审', () => {
  it('asks for the outcome, and for a message when asking for more or refusing', () => {
    expect(checkDraft('a1', emptyCheck()).problems).toEqual({ outcome: '请选择初审结果' });
    expect(checkDraft('a1', { outcome: 'pass', message: '' })).toEqual({ payload: { applicationId: 'a1', outcome: 'pass', message: '' }, problems: {} });
    expect(checkDraft('a1', { outcome: 'more', message: ' ' }).problems).toEqual({ message: '请写明需要补充什么材料' });
    expect(checkDraft('a1', { outcome: 'reject', message: '否' }).problems).toEqual({ message: '请写明不予帮扶的原因' });
    expect(checkDraft('a1', { outcome: 'more', message: ' 请补充诊断证明 ' }).payload).toEqual({ applicationId: 'a1', outcome: 'more', message: '请补充诊断证明' });
  });

  it('asks before each outcome, in red before refusing', () => {
    expect(checkQuestion('pass', '张三')).toMatchObject({ confirmText: '通过' });
    expect(checkQuestion('more', '张三')?.content).toContain('张三会收到通知');
    expect(checkQuestion('reject', '张三')).toMatchObject({ confirmText: '不予帮扶', danger: true });
    expect(checkQuestion(undefined, '张三')).toBeNull();
  });

  it('says where the application went', () => {
    expect(checkDoneText('visiting')).toBe('初审已通过');
    expect(checkDoneText('moreRequested')).toBe('已请会员补充材料');
    expect(checkDoneText('rejected')).toBe('已告知会员不予帮扶');
    expect(checkFieldOf(['message'])).toBe('message');
    expect(checkFieldOf(['applicationId'])).toBeNull();
  });
});

describe('入户走访', () => {
  it('sends the visit trimmed, with the photos and the form’s key', () => {
    const v = { ...emptyVisit(TODAY), visitors: ' 刘审核、王主席 ', found: ' 情况属实 ', files: [{ fileID: 'cloud://x/a.jpg', name: 'a.jpg', previewUrl: 'blob:a' }] };
    expect(visitDraft('a1', v, 'key-12345678')).toEqual({
      payload: { applicationId: 'a1', visitedOn: TODAY, visitors: '刘审核、王主席', found: '情况属实', photos: [{ fileID: 'cloud://x/a.jpg', name: 'a.jpg' }], requestKey: 'key-12345678' },
      problems: {},
    });
    expect(visitDraft('a1', { ...v, visitedOn: '' }, 'k').problems).toEqual({ visitedOn: '请选择走访日期' });
  });

  it('offers the days from a month before the submission through today', () => {
    expect(visitRange('2026-11-02T01:00:00.000Z', TODAY)).toEqual({ start: '2026-10-03', end: TODAY });
    // 23:30 UTC is the next morning in Shanghai.
    expect(visitRange('2026-11-01T23:30:00.000Z', TODAY).start).toBe('2026-10-03');
    expect(visitRange(null, TODAY)).toEqual({ start: '2026-10-20', end: TODAY });
  });

  it('puts each issue at its field', () => {
    expect(visitFieldOf(['photos', 3])).toBe('files');
    expect(visitFieldOf(['found'])).toBe('found');
    expect(visitFieldOf(['requestKey'])).toBeNull();
  });
});

describe('提出金额 and 推荐给工委', () => {
  it('sends the amount in fen; says at once what is no amount or over the year’s cap', () => {
    expect(proposeDraft('a1', { amount: '1500.5', note: ' 按标准 ' }, 2000_00)).toEqual({ payload: { applicationId: 'a1', amountFen: 1500_50, note: '按标准' }, problems: {} });
    expect(proposeDraft('a1', emptyPropose(), null)).toEqual({ payload: { applicationId: 'a1', amountFen: undefined, note: '' }, problems: { amount: AMOUNT_PROBLEM } });
    expect(proposeDraft('a1', { amount: '2000.01', note: '' }, 2000_00).problems.amount).toContain('超过本年度政策上限 2,000.00 元');
    expect(proposeDraft('a1', { amount: '9000', note: '' }, null).problems).toEqual({});
    expect(proposeFieldOf(['amountFen'])).toBe('amount');
  });

  it('refers with the recommendation and the suggested amount', () => {
    expect(referDraft('a1', { recommendation: ' 建议救助 ', suggested: '10000' })).toEqual({ payload: { applicationId: 'a1', recommendation: '建议救助', suggestedFen: 10000_00 }, problems: {} });
    expect(referDraft('a1', emptyRefer()).problems).toEqual({ suggested: AMOUNT_PROBLEM });
    expect(referFieldOf(['suggestedFen'])).toBe('suggested');
    expect(referFieldOf(['recommendation'])).toBe('recommendation');
  });

  it('asks before proposing and, in red, before referring', () => {
    expect(proposeQuestion(1500_00, '张三')).toEqual({ title: '提出帮扶金额？', content: expect.stringContaining('为张三提出帮扶金额 1,500.00 元'), confirmText: '提出' });
    expect(referQuestion(10000_00, '张三')).toMatchObject({ confirmText: '推荐', danger: true, content: expect.stringContaining('建议金额 10,000.00 元') });
  });
});

describe('复核, 退回, 不予帮扶', () => {
  it('says the 公示 starts today, and when it ends once the days are known', () => {
    const q = approveQuestion({ amountFen: 2000_00, by: '刘审核' }, '张三', TODAY, 7);
    expect(q).toMatchObject({ title: '同意这笔帮扶？', confirmText: '同意', danger: false });
    expect(q.content).toBe('同意刘审核为张三提出的 2,000.00 元。公示从今天（11月19日）开始，公示 7 天至11月25日，期满无异议后发放；申请人会收到通知。');
    expect(approveQuestion({ amountFen: 2000_00, by: '刘审核' }, '张三', '2026-12-28', 7).content).toContain('至2027年1月3日');
    expect(approveQuestion({ amountFen: 2000_00, by: '刘审核' }, '张三', TODAY, null).content).toContain('公示从今天（11月19日）开始，期满');
  });

  it('sends the reason trimmed and asks first, in red before refusing', () => {
    expect(reasonPayload('a1', { text: ' 金额偏高 ' })).toEqual({ applicationId: 'a1', reason: '金额偏高' });
    expect(reasonFieldOf(['reason'])).toBe('text');
    expect(sendBackQuestion({ amountFen: 2000_00, by: '刘审核' })).toMatchObject({ confirmText: '退回', content: expect.stringContaining('刘审核提出的 2,000.00 元') });
    expect(sendBackQuestion({ amountFen: 2000_00, by: '刘审核' }).danger).toBeUndefined();
    expect(rejectQuestion('张三')).toMatchObject({ confirmText: '不予帮扶', danger: true });
  });
});

describe('公示异议', () => {
  it('offers the two outcomes by their labels and asks for one', () => {
    expect(RESOLVE_OPTIONS).toEqual([
      { value: 'dismissed', label: '异议不成立，继续公示' },
      { value: 'upheld', label: '异议成立，不予帮扶' },
    ]);
    expect(resolveDraft('a1', 'o1', emptyResolve()).problems).toEqual({ outcome: '请选择处理结果' });
    expect(resolveDraft('a1', 'o1', { outcome: 'dismissed', reason: ' 经核实属实 ' })).toEqual({ payload: { applicationId: 'a1', objectionId: 'o1', outcome: 'dismissed', reason: '经核实属实' }, problems: {} });
    expect(resolveFieldOf(['reason'])).toBe('reason');
  });

  it('asks in red only when the objection is upheld', () => {
    expect(resolveQuestion('dismissed', '张三')).toMatchObject({ confirmText: '继续公示' });
    expect(resolveQuestion('dismissed', '张三')?.danger).toBeUndefined();
    expect(resolveQuestion('upheld', '张三')).toMatchObject({ confirmText: '不予帮扶', danger: true });
    expect(resolveQuestion(undefined, '张三')).toBeNull();
  });
});

describe('困难职工档案', () => {
  it('offers the three categories a file is kept under', () => {
    expect(FILE_CATEGORY_OPTIONS.map((o) => o.label)).toEqual(['深度困难', '相对困难', '意外致困']);
  });

  it('reviews with a category and a note', () => {
    expect(fileReviewDraft('f1', emptyFileReview()).problems).toEqual({ category: '请选择复核后的困难类别' });
    expect(fileReviewDraft('f1', { category: 'relative', note: ' 无变化 ' })).toEqual({ payload: { fileId: 'f1', category: 'relative', note: '无变化' }, problems: {} });
    expect(fileFieldOf(['category'])).toBe('category');
  });

  it('closes on a day, with the reason, after asking in red', () => {
    expect(fileCloseDraft('f1', { ...emptyFileClose(TODAY), reason: ' 再就业 ' })).toEqual({ payload: { fileId: 'f1', closedOn: TODAY, reason: '再就业' }, problems: {} });
    expect(fileCloseDraft('f1', { closedOn: '', reason: '再就业' }).problems).toEqual({ closedOn: '请选择脱困日期' });
    expect(fileCloseFieldOf(['closedOn'])).toBe('closedOn');
    const q = fileCloseQuestion('张三', '2026-11-18', TODAY);
    expect(q).toMatchObject({ confirmText: '关闭档案', danger: true });
    expect(q.content).toContain('张三家庭于11月18日脱困');
    expect(q.content).toContain('保存 10 年');
  });

  it('opens a file for a member picked from the roster', () => {
    expect(fileOpenDraft(emptyFileOpen()).problems).toEqual({ member: '请选择会员', category: '请选择困难类别' });
    expect(fileOpenDraft({ member: { id: 'm1', name: '张三' }, category: 'deep', note: ' 走访了解 ' })).toEqual({ payload: { memberId: 'm1', category: 'deep', note: '走访了解' }, problems: {} });
    expect(fileFieldOf(['memberId'])).toBe('member');
  });

  it('opens the files page on 到期复核 from the reminder’s link', () => {
    expect(filesStageOf('due')).toBe('due');
    expect(filesStageOf(undefined)).toBe('active');
    expect(filesStageOf('other')).toBe('active');
  });
});

describe('帮扶设置', () => {
  it('fills the form from what setup answers', () => {
    expect(settingsValuesOf({ dibaoFen: null, publicityDays: 7 })).toEqual({ dibao: '', days: '7' });
    expect(settingsValuesOf({ dibaoFen: 1020_00, publicityDays: 10 })).toEqual({ dibao: '1020', days: '10' });
  });

  it('sends an empty standard as not set, and the days as a number', () => {
    expect(settingsDraft({ dibao: ' ', days: '7' })).toEqual({ payload: { dibaoFen: null, publicityDays: 7 }, problems: {} });
    expect(settingsDraft({ dibao: '1020.5', days: ' 15 ' })).toEqual({ payload: { dibaoFen: 1020_50, publicityDays: 15 }, problems: {} });
  });

  it('names a standard that is no amount and days out of range', () => {
    expect(settingsDraft({ dibao: 'abc', days: '7' }).problems).toEqual({ dibao: expect.stringContaining('不设置请留空') });
    expect(settingsDraft({ dibao: '', days: '4' }).problems).toEqual({ days: '请填写 5 到 30 之间的整数' });
    expect(settingsDraft({ dibao: '', days: '31' }).problems.days).toBeDefined();
    expect(settingsDraft({ dibao: '', days: '7.5' }).problems.days).toBeDefined();
    expect(settingsFieldOf(['dibaoFen'])).toBe('dibao');
    expect(settingsFieldOf(['publicityDays'])).toBe('days');
  });
});

describe('工委: deciding a referral', () => {
  it('sends an amount only when approving, within the 工委’s cap', () => {
    expect(decideDraft('r1', emptyDecide(), null).problems).toEqual({ outcome: '请选择决定' });
    expect(decideDraft('r1', { outcome: 'decline', amount: '500', reason: ' 本年度已救助 ' }, null)).toEqual({ payload: { referralId: 'r1', outcome: 'decline', reason: '本年度已救助' }, problems: {} });
    expect(decideDraft('r1', { outcome: 'approve', amount: '10000', reason: '符合条件' }, 50000_00)).toEqual({
      payload: { referralId: 'r1', outcome: 'approve', amountFen: 10000_00, reason: '符合条件' },
      problems: {},
    });
    expect(decideDraft('r1', { outcome: 'approve', amount: '', reason: '符合条件' }, null).problems).toEqual({ amount: AMOUNT_PROBLEM });
    expect(decideDraft('r1', { outcome: 'approve', amount: '60000', reason: '符合条件' }, 50000_00).problems.amount).toContain('50,000.00 元');
    expect(decideFieldOf(['amountFen'])).toBe('amount');
  });

  it('asks in red before paying or declining, and says what was done', () => {
    const who = { name: '张三', unionName: '科技局机关工会' };
    expect(decideQuestion({ outcome: 'approve', amountFen: 10000_00 }, who)).toMatchObject({ confirmText: '批准发放', danger: true, content: expect.stringContaining('科技局机关工会推荐的张三大病关爱 10,000.00 元') });
    expect(decideQuestion({ outcome: 'decline' }, who)).toMatchObject({ confirmText: '不予批准', danger: true });
    expect(decideQuestion({}, who)).toBeNull();
    expect(decideDoneText('approved')).toBe('已批准并发放');
    expect(decideDoneText('declined')).toBe('已决定不予批准');
  });

  it('keeps every dialog button within WeChat’s four characters', () => {
    const questions = [
      checkQuestion('pass', '张三'),
      checkQuestion('more', '张三'),
      checkQuestion('reject', '张三'),
      proposeQuestion(1, '张三'),
      referQuestion(1, '张三'),
      approveQuestion({ amountFen: 1, by: '刘' }, '张三', TODAY, 7),
      sendBackQuestion(null),
      rejectQuestion('张三'),
      resolveQuestion('dismissed', '张三'),
      resolveQuestion('upheld', '张三'),
      fileCloseQuestion('张三', TODAY, TODAY),
      decideQuestion({ outcome: 'approve', amountFen: 1 }, { name: '张三', unionName: '工会' }),
      decideQuestion({ outcome: 'decline' }, { name: '张三', unionName: '工会' }),
    ];
    for (const q of questions) expect([...(q?.confirmText ?? '')].length).toBeLessThanOrEqual(4);
  });
});

describe('what the pages show', () => {
  it('lays the household out as lines, with its total', () => {
    expect(householdLines(facts.household)[1]).toEqual({ key: '1', name: '李四', relation: '配偶', age: '43 岁', occupation: '丧失劳动能力', income: '0.00 元' });
    expect(householdSummary(facts.household)).toBe('共 4 口人，家庭月收入合计 4,000.00 元');
    expect(fileHouseholdLines([{ name: ' ', relationLabel: '本人', age: 50, occupationLabel: '在职', monthlyIncomeFen: 3000_00 }])[0]).toMatchObject({ name: '第 1 位', relation: '本人', income: '3,000.00 元' });
  });

  it('lists the expenses and their total', () => {
    expect(expenseLines(facts.expenses).at(-1)).toEqual({ label: '合计', value: '1,300.00 元' });
  });

  it('names the child at school and the patient', () => {
    expect(schoolText(facts)).toBe('张小明（子女，17 岁）：沈阳市第二中学，普通高中');
    expect(schoolText({ ...facts, school: undefined })).toBeNull();
    expect(patientText({ household: facts.household, patientIndex: 0 })).toBe('张三（本人，45 岁）');
    expect(patientText({ household: facts.household })).toBeNull();
  });

  it('says each consent, and a separate one the data did not need as such', () => {
    const lines = consentLines({ purposeAt: '2026-11-03T02:05:00.000Z', health: true, minors: true }, facts);
    expect(lines).toEqual([
      { label: '个人信息使用说明', value: '已阅读并同意（2026年11月3日 10:05）' },
      { label: '健康信息', value: '已单独同意' },
      { label: '不满 14 周岁子女的信息', value: '已单独同意' },
    ]);
    const adults = { ...facts, household: facts.household.slice(0, 1), expenses: { medicalFen: 0, schoolingFen: 0, otherFen: 0 } };
    expect(consentLines({ purposeAt: null, health: false, minors: false }, adults).map((l) => l.value)).toEqual(['未同意', '不涉及', '不涉及']);
  });

  it('says the year’s rule: the cap and how often, or no cap', () => {
    expect(ruleText({ capFen: 2000_00, perYear: 1 }, '困难帮扶')).toBe('本年度政策：困难帮扶每次最高 2,000.00 元，每人每年最多 1 次');
    expect(ruleText({ capFen: null, perYear: null }, '困难帮扶')).toBe('本年度政策：困难帮扶不设每次上限');
    expect(ruleText(null, '困难帮扶')).toBeNull();
  });

  it('writes the 公示 period, with the year when it is not this year’s', () => {
    expect(periodText({ from: '2026-11-19', to: '2026-11-25' }, NOW)).toBe('11月19日至11月25日');
    expect(periodText({ from: '2026-12-28', to: '2027-01-03' }, NOW)).toBe('12月28日至2027年1月3日');
  });

  it('marks what a reviewer has to do in amber', () => {
    expect(statusTone('submitted')).toBe('warn');
    expect(statusTone('paid')).toBe('ok');
    expect(statusTone('withdrawn')).toBe('muted');
  });

  it('shows what an action answered with until a newer read arrives', () => {
    const read = { updatedAt: '2026-11-19T01:00:00.000Z', v: 'read' };
    const reply = { updatedAt: '2026-11-19T02:00:00.000Z', v: 'reply' };
    const later = { updatedAt: '2026-11-19T02:00:00.000Z', v: 'later' };
    const isNewer = (a: typeof read, b: typeof read) => a.updatedAt > b.updatedAt;
    expect(newest(null, read)).toBe(read);
    expect(newest({ data: reply, basis: read }, read, isNewer)).toBe(reply);
    expect(newest({ data: reply, basis: read }, later, isNewer)).toBe(later);
    expect(newest({ data: reply, basis: read }, null, isNewer)).toBe(reply);
    // Without a time to compare: any read made after the action wins.
    expect(newest({ data: reply, basis: read }, read)).toBe(reply);
    expect(newest({ data: reply, basis: read }, { ...read })).toEqual(read);
  });
});

describe('the payloads the forms make pass the contract', () => {
  const accepts = (action: keyof typeof hardshipContract.actions, payload: unknown) => hardshipContract.actions[action].input.safeParse(payload).success;

  it('accepts every filled-in form, and refuses what the form leaves to the schema', () => {
    expect(accepts('check', checkDraft('a1', { outcome: 'pass', message: '' }).payload)).toBe(true);
    expect(accepts('visit', visitDraft('a1', { ...emptyVisit(TODAY), visitors: '刘审核', found: '情况属实，家中三口人' }, 'key-12345678').payload)).toBe(true);
    expect(accepts('visit', visitDraft('a1', { ...emptyVisit(TODAY), visitors: '刘', found: '属实' }, 'key-12345678').payload)).toBe(false);
    expect(accepts('propose', proposeDraft('a1', { amount: '2000', note: '' }, null).payload)).toBe(true);
    expect(accepts('refer', referDraft('a1', { recommendation: '建议给予大病关爱', suggested: '10000' }).payload)).toBe(true);
    expect(accepts('sendBack', reasonPayload('a1', { text: '金额偏高' }))).toBe(true);
    expect(accepts('reject', reasonPayload('a1', { text: ' ' }))).toBe(false);
    expect(accepts('resolve', resolveDraft('a1', 'o1', { outcome: 'upheld', reason: '经核实不属实' }).payload)).toBe(true);
    expect(accepts('fileReview', fileReviewDraft('f1', { category: 'deep', note: '无变化' }).payload)).toBe(true);
    expect(accepts('fileClose', fileCloseDraft('f1', { closedOn: TODAY, reason: '再就业' }).payload)).toBe(true);
    expect(accepts('fileOpen', fileOpenDraft({ member: { id: 'm1', name: '张三' }, category: 'accidental', note: '走访了解' }).payload)).toBe(true);
    expect(accepts('settingsSave', settingsDraft({ dibao: '', days: '7' }).payload)).toBe(true);
    expect(accepts('settingsSave', settingsDraft({ dibao: '1020', days: '30' }).payload)).toBe(true);
    expect(accepts('decideReferral', decideDraft('r1', { outcome: 'approve', amount: '10000', reason: '符合条件' }, null).payload)).toBe(true);
    expect(accepts('decideReferral', decideDraft('r1', { outcome: 'decline', amount: '', reason: '不符合条件' }, null).payload)).toBe(true);
  });
});
