import { startFromTemplate } from '@/core/policy/profiles';
import { AMOUNT_PROBLEM, emptyVisit, paidSwitched, paymentTerms, visitDoneText, visitFieldOf, visitPayload, visitProblems, visitQuestion, visitYear, type PaymentTerms, type VisitValues } from './visitForm';

const TODAY = '2026-11-19';
/** The 淄博 template adopted for 2026, as ledger.policyGet answers it. */
const ZIBO_2017 = startFromTemplate('zibo-kjj-2017', 2026, '科技局机关工会');
const filled = (over: Partial<VisitValues> = {}): VisitValues => ({ ...emptyVisit(TODAY), visitors: ' 李娜、赵主席 ', brought: ' 鲜花 ', ...over });

describe('the terms of the year’s policy', () => {
  it('offers the forms the item allows and the union does not forbid, with the cap and the once-per-illness rule', () => {
    const t = paymentTerms(ZIBO_2017, 'hospitalised', 2026) as PaymentTerms;
    expect(t.item).toBe('care_hospitalisation');
    expect(t.options).toEqual([
      { value: 'cash', label: '现金（慰问金）' },
      { value: 'in_kind', label: '实物' },
    ]);
    expect(t.capFen).toBe(500_00);
    expect(t.text).toBe('2026 年度政策：生病住院慰问每人每次不超过 ¥500.00；同一疾病每年只慰问 1 次');
    expect(t.source).toContain('淄科党委字〔2017〕18号');
    expect((paymentTerms(ZIBO_2017, 'marriage', 2026) as PaymentTerms).options.map((o) => o.value)).toEqual(['in_kind']);
    expect((paymentTerms(ZIBO_2017, 'retirement', 2026) as PaymentTerms).text).toContain('每人每年最多 1 次');
  });

  it('says why no 慰问 can be recorded: no policy for the year, the item not in it, every form forbidden', () => {
    expect(paymentTerms(null, 'hospitalised', 2027)).toEqual({ missing: expect.stringContaining('尚未设置 2027 年度政策') });
    const { care_marriage: _gone, ...items } = ZIBO_2017.items;
    expect(paymentTerms({ ...ZIBO_2017, items }, 'marriage', 2026)).toEqual({ missing: expect.stringContaining('不含结婚慰问') });
    const strict = { ...ZIBO_2017, forbiddenForms: { forms: ['in_kind' as const], source: '本工会规定' } };
    expect(paymentTerms(strict, 'marriage', 2026)).toEqual({ missing: expect.stringContaining('没有可用的结婚慰问发放形式') });
    expect(paymentTerms(ZIBO_2017, 'work', 2026)).toEqual({ missing: '只有即时关爱可以登记慰问金' });
  });

  it('reads the policy of the visit’s year', () => {
    expect(visitYear({ visitedOn: '2025-12-30' }, TODAY)).toBe(2025);
    expect(visitYear({ visitedOn: '' }, TODAY)).toBe(2026);
  });
});

describe('the form ⇄ care.visit', () => {
  it('sends the visit alone while 慰问金 is off, trimmed, with the photos', () => {
    const v = filled({ files: [{ fileID: 'cloud://a.png', name: 'a.png', previewUrl: 'blob:a' }], amount: '500', form: 'cash' });
    expect(visitPayload('case-1', v, 'key-12345678')).toEqual({ caseId: 'case-1', visitedOn: TODAY, visitors: '李娜、赵主席', brought: '鲜花', photos: [{ fileID: 'cloud://a.png', name: 'a.png' }], requestKey: 'key-12345678' });
  });

  it('sends the amount in fen and the form when 慰问金 is on', () => {
    const p = visitPayload('case-1', filled({ paid: true, amount: '499.50', form: 'in_kind' }), 'key-12345678');
    expect(p.payment).toEqual({ amountFen: 499_50, form: 'in_kind' });
    // What is not filled in is left out for the contract's check to name.
    expect(visitPayload('case-1', filled({ paid: true, amount: 'abc' }), 'k').payment).toEqual({ amountFen: undefined, form: undefined });
  });

  it('names what only the form can: no day, no amount, no form, a form the policy does not allow, no terms', () => {
    const terms = paymentTerms(ZIBO_2017, 'marriage', 2026);
    expect(visitProblems(filled({ visitedOn: '' }), terms)).toEqual({ visitedOn: '请选择看望日期' });
    expect(visitProblems(filled(), terms)).toEqual({});
    expect(visitProblems(filled({ paid: true, amount: '0' }), terms)).toEqual({ amount: AMOUNT_PROBLEM, form: '请选择发放形式' });
    expect(visitProblems(filled({ paid: true, amount: '300', form: 'cash' }), terms)).toEqual({ form: expect.stringContaining('不在本年度政策允许的范围内') });
    expect(visitProblems(filled({ paid: true, amount: '300', form: 'in_kind' }), terms)).toEqual({});
    expect(visitProblems(filled({ paid: true, amount: '300', form: 'in_kind' }), { missing: '尚未设置' })).toEqual({ amount: '尚未设置' });
  });

  it('chooses the only allowed form when 慰问金 is switched on, and keeps the amount when it is switched off', () => {
    const marriage = paymentTerms(ZIBO_2017, 'marriage', 2026);
    expect(paidSwitched(filled(), true, marriage)).toMatchObject({ paid: true, form: 'in_kind' });
    expect(paidSwitched(filled(), true, paymentTerms(ZIBO_2017, 'hospitalised', 2026))).toMatchObject({ paid: true, form: null });
    expect(paidSwitched(filled({ paid: true, amount: '300', form: 'in_kind' }), false, marriage)).toMatchObject({ paid: false, amount: '300', form: 'in_kind' });
  });

  it('puts each issue at its field; a refusal of the 慰问 as a whole goes to the box', () => {
    expect(visitFieldOf(['visitors'])).toBe('visitors');
    expect(visitFieldOf(['photos', 2])).toBe('files');
    expect(visitFieldOf(['payment', 'amountFen'])).toBe('amount');
    expect(visitFieldOf(['payment', 'form'])).toBe('form');
    expect(visitFieldOf(['payment'])).toBeNull();
    expect(visitFieldOf(['requestKey'])).toBeNull();
  });
});

describe('before and after', () => {
  it('asks in red before money goes into the ledger', () => {
    const c = { subjectName: '孙审计' };
    expect(visitQuestion(c, { visitedOn: '2026-11-18' }, TODAY)).toEqual({ title: '登记看望？', content: '记录11月18日看望孙审计。孙审计会收到通知。', confirmText: '登记' });
    const paid = visitQuestion(c, { visitedOn: '2025-12-30', payment: { amountFen: 500_00, form: 'cash' } }, TODAY);
    expect(paid).toMatchObject({ title: '登记看望和慰问金？', danger: true });
    expect(paid.content).toContain('2025年12月30日看望孙审计，并登记慰问 500.00 元（现金（慰问金））');
    expect(paid.content).toContain('冲正');
  });

  it('says the ledger’s warnings after recording', () => {
    expect(visitDoneText({ repeated: false, warnings: [] })).toBe('已登记看望慰问');
    expect(visitDoneText({ repeated: false, warnings: ['即时关爱预算已使用 85%'] })).toBe('已登记。即时关爱预算已使用 85%');
    expect(visitDoneText({ repeated: true, warnings: [] })).toBe('已经登记过了');
  });
});
