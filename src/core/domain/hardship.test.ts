import { yuan } from '../money';
import {
  AID_KIND_LABELS,
  AID_KIND_NOTES,
  AID_KINDS,
  checkApplication,
  CONSENT_TEXTS,
  maskName,
  MAX_HOUSEHOLD,
  OCCUPATION_LABELS,
  OCCUPATIONS,
  PUBLICITY_FIELDS,
  publicityEntry,
  RELATION_LABELS,
  RELATIONS,
  SCHOOL_LEVEL_LABELS,
  SCHOOL_LEVELS,
  selfCheck,
  sensitiveConsents,
  type AidFacts,
  type HouseholdMember,
  yearsAfter,
} from './hardship';

const member = (relation: HouseholdMember['relation'], extra: Partial<HouseholdMember> = {}): HouseholdMember => ({
  name: { self: '张伟', spouse: '李娜', child: '张小明', parent: '张建国', parentInLaw: '李秀英', sibling: '张强', other: '王芳' }[relation],
  relation,
  age: { self: 45, spouse: 43, child: 16, parent: 72, parentInLaw: 70, sibling: 40, other: 30 }[relation],
  occupation: relation === 'child' ? 'student' : 'employed',
  monthlyIncomeFen: 0,
  ...extra,
});

const facts = (extra: Partial<AidFacts> = {}): AidFacts => ({
  kind: 'hardship',
  household: [member('self', { monthlyIncomeFen: yuan(4000) }), member('spouse', { occupation: 'unemployed' }), member('child')],
  expenses: { medicalFen: 0, schoolingFen: 0, otherFen: 0 },
  cause: '妻子去年失业，孩子上高中，家里只有我一份工资',
  ...extra,
});

/** The issues' paths, or [] for an application that passes. */
const pathsOf = (f: AidFacts): string[] => {
  const r = checkApplication(f);
  return r.ok ? [] : r.issues.map((i) => i.path.join('.'));
};
const messagesOf = (f: AidFacts): string => {
  const r = checkApplication(f);
  return r.ok ? '' : r.issues.map((i) => i.message).join(' / ');
};

const withMember = (i: number, extra: Partial<HouseholdMember>): AidFacts => {
  const f = facts();
  f.household[i] = { ...f.household[i], ...extra };
  return f;
};

describe('the words on screen', () => {
  test.each([
    ['AID_KINDS', AID_KINDS, AID_KIND_LABELS],
    ['AID_KINDS notes', AID_KINDS, AID_KIND_NOTES],
    ['RELATIONS', RELATIONS, RELATION_LABELS],
    ['OCCUPATIONS', OCCUPATIONS, OCCUPATION_LABELS],
    ['SCHOOL_LEVELS', SCHOOL_LEVELS, SCHOOL_LEVEL_LABELS],
  ] as [string, readonly string[], Record<string, string>][])('%s: every value has Chinese words and no raw code', (_name, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const text of Object.values(labels)) {
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).not.toMatch(/[A-Za-z]/);
    }
  });

  test('the labels are the ones members know', () => {
    expect(AID_KINDS.map((k) => AID_KIND_LABELS[k])).toEqual(['困难帮扶', '大病关爱', '金秋助学']);
    expect(RELATION_LABELS.self).toBe('本人');
    expect(RELATION_LABELS.parentInLaw).toBe('配偶父母');
    expect(OCCUPATION_LABELS.disabled).toBe('丧失劳动能力');
    expect(SCHOOL_LEVEL_LABELS.vocational).toBe('中职');
  });

  test('大病关爱 is for in-service members, once a year, decided by the 工委', () => {
    expect(AID_KIND_NOTES.illness).toEqual(expect.stringContaining('在职会员'));
    expect(AID_KIND_NOTES.illness).toEqual(expect.stringContaining('工委'));
    expect(AID_KIND_NOTES.schooling).toEqual(expect.stringContaining('不与其他帮扶同时享受'));
  });

  test.each(Object.entries(CONSENT_TEXTS))('consent text %s is plain Chinese', (_key, text) => {
    expect(text).not.toMatch(/[A-Za-z]/);
    expect(text.length).toBeGreaterThan(40);
  });

  test('the purpose says who sees the data and what a 公示 shows', () => {
    expect(CONSENT_TEXTS.purpose).toEqual(expect.stringContaining('工会主席'));
    expect(CONSENT_TEXTS.purpose).toEqual(expect.stringContaining('只显示姓氏、部门、帮扶类别和金额'));
    expect(CONSENT_TEXTS.minors).toEqual(expect.stringContaining('14 周岁'));
  });
});

describe('checkApplication: the household', () => {
  test('a plain application passes', () => {
    expect(checkApplication(facts())).toEqual({ ok: true });
  });

  const eleven = Array.from({ length: MAX_HOUSEHOLD + 1 }, (_, i) => (i === 0 ? member('self') : member('other')));
  const ten = eleven.slice(0, MAX_HOUSEHOLD);

  test.each([
    ['an empty household', facts({ household: [] }), ['household']],
    ['no 本人', facts({ household: [member('spouse'), member('child')] }), ['household']],
    ['two 本人', facts({ household: [member('self'), member('self')] }), ['household.1.relation']],
    ['two 配偶', facts({ household: [member('self'), member('spouse'), member('spouse')] }), ['household.2.relation']],
    ['11 members', facts({ household: eleven }), ['household']],
    ['10 members', facts({ household: ten }), []],
    ['a blank name', withMember(1, { name: '  ' }), ['household.1.name']],
    ['an unknown relation', withMember(1, { relation: 'friend' as never }), ['household.1.relation']],
    ['an unknown occupation', withMember(1, { occupation: 'boss' as never }), ['household.1.occupation']],
  ])('%s', (_name, f, paths) => {
    expect(pathsOf(f)).toEqual(paths);
  });

  test('the messages say what to do, in Chinese', () => {
    expect(messagesOf(facts({ household: [] }))).toContain('本人');
    expect(messagesOf(facts({ household: [member('self'), member('self')] }))).toContain('“本人”只能有一位');
    expect(messagesOf(facts({ household: eleven }))).toContain('最多填写 10 人');
  });
});

describe('checkApplication: ages', () => {
  test.each([
    ['a newborn child', 2, { age: 0 }, []],
    ['a 120-year-old', 1, { relation: 'other' as const, age: 120 }, []],
    ['121', 1, { age: 121 }, ['household.1.age']],
    ['a negative age', 2, { age: -1 }, ['household.2.age']],
    ['a fraction', 2, { age: 12.5 }, ['household.2.age']],
    ['not a number', 2, { age: Number.NaN }, ['household.2.age']],
    ['本人 at 16', 0, { age: 16 }, []],
    ['本人 at 15', 0, { age: 15 }, ['household.0.age']],
    ['a spouse at 17', 1, { age: 17 }, ['household.1.age']],
    ['a parent at 29', 1, { relation: 'parent' as const, age: 29 }, ['household.1.age']],
    ['a parent-in-law at 30', 1, { relation: 'parentInLaw' as const, age: 30 }, []],
    ['a child older than usual (a grown-up child)', 2, { age: 50, occupation: 'employed' as const }, []],
    ['a sibling of 3', 1, { relation: 'sibling' as const, age: 3, occupation: 'preschool' as const }, []],
    ['学龄前 at 8', 2, { age: 8, occupation: 'preschool' as const }, []],
    ['学龄前 at 12', 2, { age: 12, occupation: 'preschool' as const }, ['household.2.age']],
  ])('%s', (_name, i, extra, paths) => {
    expect(pathsOf(withMember(i, extra))).toEqual(paths);
  });

  test('an implausible age names the relation', () => {
    expect(messagesOf(withMember(1, { relation: 'parent', age: 3 }))).toContain('父母，年龄不应小于 30 周岁');
  });
});

describe('checkApplication: incomes and expenses', () => {
  test.each([
    ['no income', 1, 0, []],
    ['one fen', 1, 1, []],
    ['1,000,000 yuan a month', 0, yuan(1_000_000), []],
    ['an absurd income', 0, yuan(1_000_000) + 1, ['household.0.monthlyIncomeFen']],
    ['a negative income', 1, -100, ['household.1.monthlyIncomeFen']],
    ['a fraction of a fen', 1, 10.5, ['household.1.monthlyIncomeFen']],
    ['infinity', 1, Number.POSITIVE_INFINITY, ['household.1.monthlyIncomeFen']],
  ])('%s', (_name, i, monthlyIncomeFen, paths) => {
    expect(pathsOf(withMember(i, { monthlyIncomeFen }))).toEqual(paths);
  });

  test.each([
    ['medical 3,000 yuan', { medicalFen: yuan(3000), schoolingFen: 0, otherFen: 0 }, []],
    ['negative schooling', { medicalFen: 0, schoolingFen: -1, otherFen: 0 }, ['expenses.schoolingFen']],
    ['absurd other', { medicalFen: 0, schoolingFen: 0, otherFen: yuan(2_000_000) }, ['expenses.otherFen']],
    ['a fraction', { medicalFen: 0.5, schoolingFen: 0, otherFen: 0 }, ['expenses.medicalFen']],
  ])('%s', (_name, expenses, paths) => {
    expect(pathsOf(facts({ expenses }))).toEqual(paths);
  });

  test('an absurd income asks to check the digits', () => {
    expect(messagesOf(withMember(0, { monthlyIncomeFen: yuan(5_000_000) }))).toContain('超过每月 100 万元');
    expect(messagesOf(withMember(0, { monthlyIncomeFen: -1 }))).toContain('不能是负数');
  });
});

describe('checkApplication: cause, school, patient', () => {
  const schooling = (extra: Partial<AidFacts> = {}) => facts({ kind: 'schooling', school: { childIndex: 2, school: '淄博市第一中学', level: 'highSchool' }, ...extra });

  test.each([
    ['no cause', facts({ cause: '' }), ['cause']],
    ['a cause of blanks', facts({ cause: '          ' }), ['cause']],
    ['a cause of 9 characters', facts({ cause: '妻子患病住院化疗中' }), ['cause']],
    ['a cause of 10 characters', facts({ cause: '妻子患病住院正在化疗' }), []],
    ['a cause of 501 characters', facts({ cause: '难'.repeat(501) }), ['cause']],
    ['金秋助学 for a child in high school', schooling(), []],
    ['金秋助学 without a child in the household', schooling({ household: [member('self'), member('spouse')], school: undefined }), ['school']],
    ['金秋助学 without school data', schooling({ school: undefined }), ['school']],
    ['金秋助学 for the spouse', schooling({ school: { childIndex: 1, school: '山东理工大学', level: 'graduate' } }), ['school.childIndex']],
    ['金秋助学 for a child who is not a student', schooling({ household: [member('self'), member('child', { occupation: 'employed' })], school: { childIndex: 1, school: '山东理工大学', level: 'undergraduate' } }), ['school.childIndex']],
    ['金秋助学 for a member who does not exist', schooling({ school: { childIndex: 5, school: '淄博市第一中学', level: 'highSchool' } }), ['school.childIndex']],
    ['金秋助学 without a school name', schooling({ school: { childIndex: 2, school: ' ', level: 'highSchool' } }), ['school.school']],
    ['金秋助学 with an unknown level', schooling({ school: { childIndex: 2, school: '淄博市第一中学', level: 'phd' as never } }), ['school.level']],
    ['school data on a 困难帮扶 application', facts({ school: { childIndex: 2, school: '淄博市第一中学', level: 'highSchool' } }), ['school']],
    ['大病关爱 for 本人', facts({ kind: 'illness', patientIndex: 0 }), []],
    ['大病关爱 for a listed spouse', facts({ kind: 'illness', patientIndex: 1 }), []],
    ['大病关爱 without a patient', facts({ kind: 'illness' }), ['patientIndex']],
    ['大病关爱 for someone not listed', facts({ kind: 'illness', patientIndex: 3 }), ['patientIndex']],
    ['a patient on a 困难帮扶 application', facts({ patientIndex: 0 }), ['patientIndex']],
    ['an unknown kind', facts({ kind: 'loan' as never }), ['kind']],
  ])('%s', (_name, f, paths) => {
    expect(pathsOf(f)).toEqual(paths);
  });

  test('金秋助学 without a child says to add the child', () => {
    expect(messagesOf(schooling({ household: [member('self')], school: undefined }))).toContain('请先在家庭成员中填写子女');
  });

  test('every message is Chinese without raw codes', () => {
    const bad = facts({
      kind: 'schooling',
      household: [member('self', { age: 3, name: '' }), member('self', { monthlyIncomeFen: -5 })],
      expenses: { medicalFen: -1, schoolingFen: 1.5, otherFen: yuan(9_000_000) },
      cause: '',
      patientIndex: 0,
    });
    const r = checkApplication(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.length).toBeGreaterThan(6);
    for (const { message } of r.issues) {
      expect(message).toMatch(/[\u4e00-\u9fff]/);
      expect(message).not.toMatch(/[A-Za-z]/);
    }
  });
});

describe('selfCheck (advisory)', () => {
  const DIBAO = yuan(1000);
  const household = (...incomesYuan: number[]): HouseholdMember[] =>
    incomesYuan.map((y, i) => member(i === 0 ? 'self' : i === 1 ? 'spouse' : 'child', { monthlyIncomeFen: yuan(y) }));
  const expenses = (medical = 0, schooling = 0, other = 0) => ({ medicalFen: yuan(medical), schoolingFen: yuan(schooling), otherFen: yuan(other) });

  test.each([
    ['below the standard', household(2000, 0, 0), expenses(), 'deep', 66_666],
    ['exactly at the standard', household(3000, 0, 0), expenses(), 'deep', yuan(1000)],
    ['one fen above the standard', [member('self', { monthlyIncomeFen: yuan(1000) + 1 })], expenses(), 'relative', yuan(1000) + 1],
    ['exactly at twice the standard', household(4000, 2000, 0), expenses(), 'relative', yuan(2000)],
    ['above twice the standard', household(4000, 2000, 3), expenses(), 'none', yuan(2001)],
    ['income 0', household(0, 0), expenses(), 'deep', 0],
    ['income 0 and medical bills', household(0, 0), expenses(800), 'deep', 0],
    ['expenses above income: floored at 0', household(3000), expenses(5000), 'deep', 0],
    ['medical bills bring it to the standard', household(6000, 0, 0), expenses(3000), 'deep', yuan(1000)],
    ['high income, but medical bills take half of it', household(10000, 10000), expenses(6000, 4000), 'accidental', yuan(5000)],
    ['high income, medical bills just under half', household(10000, 10000), expenses(9999, 0), 'none', yuan(5000) + 50],
  ])('%s', (_name, hh, ex, category, perCapitaFen) => {
    const r = selfCheck({ household: hh, expenses: ex }, DIBAO);
    expect(r.category).toBe(category);
    expect(r.perCapitaFen).toBe(perCapitaFen);
  });

  test('the explanation shows the arithmetic and says the union decides', () => {
    const r = selfCheck({ household: household(9000, 0, 0), expenses: expenses(2000, 1000) }, DIBAO);
    expect(r).toMatchObject({ category: 'relative', label: '相对困难', perCapitaFen: yuan(2000) });
    expect(r.explanation).toBe(
      '家庭月收入 9,000.00 元，每月刚性支出 3,000.00 元（医疗 2,000.00 元、子女上学 1,000.00 元、其他 0.00 元），共 3 口人，' +
        '人均月收入（9,000.00 元 − 3,000.00 元）÷ 3 = 2,000.00 元，高于当地低保标准 1,000.00 元，等于低保标准的 2 倍（2,000.00 元），' +
        '属于相对困难情形。以上结果仅供参考，不影响提交申请；是否帮扶、帮扶多少，由工会审核决定。',
    );
  });

  test.each([
    ['deep, exactly at', household(3000, 0, 0), expenses(), '等于当地低保标准 1,000.00 元'],
    ['deep, below', household(2000, 0, 0), expenses(), '≈ 666.66 元，低于当地低保标准'],
    ['floored', household(3000), expenses(5000), '按 0.00 元计（刚性支出超过收入）'],
    ['accidental', household(10000, 10000), expenses(6000, 4000), '刚性支出占家庭收入的 50%'],
    ['none', household(4000, 2000, 3), expenses(), '暂未达到困难标准'],
  ])('explanation, %s', (_name, hh, ex, words) => {
    const r = selfCheck({ household: hh, expenses: ex }, DIBAO);
    expect(r.explanation).toContain(words);
    expect(r.explanation).toContain('仅供参考');
    expect(r.explanation).not.toMatch(/[A-Za-z]/);
  });

  test.each([
    ['no standard', 0],
    ['a negative standard', -100],
    ['a fraction', 10.5],
  ])('refuses %s (the union has not set it)', (_name, standard) => {
    expect(() => selfCheck(facts(), standard)).toThrow(RangeError);
  });

  test('refuses an empty household', () => {
    expect(() => selfCheck({ household: [], expenses: expenses() }, DIBAO)).toThrow(RangeError);
  });
});

describe('公示', () => {
  test.each([
    ['张伟', '张*'],
    ['张三丰', '张*'],
    ['欧阳娜娜', '欧*'],
    ['司马相如', '司*'],
    ['阿卜杜热合曼·买买提', '阿*'],
    ['𠮷田', '𠮷*'],
    [' 王五 ', '王*'],
    ['王', '*'],
    ['𠮷', '*'],
    ['', '*'],
    ['   ', '*'],
  ])('maskName(%j) = %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  test('an entry carries exactly the allowed fields, with the name masked', () => {
    const entry = publicityEntry({ name: '欧阳娜娜', department: '办公室', kind: 'illness', amountFen: yuan(20_000), period: { from: '2027-03-01', to: '2027-03-07' } });
    expect(Object.keys(entry).sort()).toEqual([...PUBLICITY_FIELDS].sort());
    expect(entry).toEqual({ maskedName: '欧*', department: '办公室', kindLabel: '大病关爱', amountFen: yuan(20_000), period: { from: '2027-03-01', to: '2027-03-07' } });
  });

  test('the allowed fields hold no ID number, illness, address, phone or bank data', () => {
    expect([...PUBLICITY_FIELDS]).toEqual(['maskedName', 'department', 'kindLabel', 'amountFen', 'period']);
  });
});

describe('sensitiveConsents', () => {
  const adults = [member('self'), member('spouse')];
  const noExpenses = { medicalFen: 0, schoolingFen: 0, otherFen: 0 };
  test.each([
    ['困难帮扶, adults, no medical bills', facts({ household: adults, expenses: noExpenses }), { health: false, minors: false }],
    ['大病关爱', facts({ kind: 'illness', household: adults, expenses: noExpenses }), { health: true, minors: false }],
    ['medical bills', facts({ household: adults, expenses: { ...noExpenses, medicalFen: 1 } }), { health: true, minors: false }],
    ['a member who cannot work', facts({ household: [member('self'), member('spouse', { occupation: 'disabled' })], expenses: noExpenses }), { health: true, minors: false }],
    ['a child of 13', facts({ household: [...adults, member('child', { age: 13 })], expenses: noExpenses }), { health: false, minors: true }],
    ['a child of 14', facts({ household: [...adults, member('child', { age: 14 })], expenses: noExpenses }), { health: false, minors: false }],
    ['a newborn and medical bills', facts({ household: [...adults, member('child', { age: 0 })], expenses: { ...noExpenses, medicalFen: yuan(100) } }), { health: true, minors: true }],
    ['a sibling under 14', facts({ household: [member('self'), member('sibling', { age: 10 })], expenses: noExpenses }), { health: false, minors: true }],
  ])('%s', (_name, f, consents) => {
    expect(sensitiveConsents(f)).toEqual(consents);
  });
});

describe('household files', () => {
  test.each([
    ['2026-03-15', 1, '2027-03-15'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2026-12-31', 10, '2036-12-31'],
  ])('%s plus %i year(s) is %s', (day, years, expected) => {
    expect(yearsAfter(day, years)).toBe(expected);
  });
});
