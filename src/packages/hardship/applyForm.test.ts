import { applyFieldOf, consentsNeeded, emptyApply, factsOf, savePayload, selfCheckOf, submitProblems, withoutKept, withoutPerson, withPerson, type ApplyValues } from './applyForm';

/** 张伟, his wife and their son of 16; his illness costs 2,600 a month. */
function filled(extra: Partial<ApplyValues> = {}): ApplyValues {
  return {
    ...emptyApply('张伟'),
    kind: 'hardship',
    household: [
      { name: '张伟', relation: 'self', age: '50', occupation: 'employed', income: '4200' },
      { name: '王丽', relation: 'spouse', age: '48', occupation: 'unemployed', income: '' },
      { name: '张小明', relation: 'child', age: '16', occupation: 'student', income: '' },
    ],
    medical: '2600',
    schooling: '500',
    cause: '本人今年三月确诊慢性肾病，每周透析三次，妻子辞职在家照顾。',
    files: [{ fileID: 'cloud://env.b/uploads/o1/a.pdf', name: '诊断证明.pdf', previewUrl: '' }],
    consentPurpose: true,
    consentHealth: true,
    ...extra,
  };
}

describe('the form and the payload', () => {
  test('amounts typed in 元 become fen, empty ones none; ages whole years', () => {
    const { facts, problems } = factsOf(filled());
    expect(problems).toEqual({});
    expect(facts.household.map((m) => [m.age, m.monthlyIncomeFen])).toEqual([[50, 420_000], [48, 0], [16, 0]]);
    expect(facts.expenses).toEqual({ medicalFen: 260_000, schoolingFen: 50_000, otherFen: 0 });
    expect(facts.school).toBeUndefined();
    expect(facts.patientIndex).toBeUndefined();
  });

  test('what only the form can name: an amount that is not one, an age left empty', () => {
    const v = filled({ medical: '两千', household: [{ name: '张伟', relation: 'self', age: '', occupation: 'employed', income: '4.234' }] });
    expect(factsOf(v).problems).toEqual({ medical: expect.stringContaining('金额'), 'household.0.age': '请填写年龄（周岁）', 'household.0.income': expect.stringContaining('金额') });
  });

  test('the save payload names the draft being edited, the new uploads and the documents removed', () => {
    const kept = [{ fileID: 'cloud://env.b/hardship/x/1.pdf', url: 'u', name: '旧.pdf', isImage: false, addedAt: '2026-11-01T00:00:00.000Z' }];
    const v = { ...filled({ kept }), ...withoutKept({ kept, removed: [] }, kept[0].fileID) };
    const { payload } = savePayload(v, 'key-12345678', 'app-1');
    expect(payload).toMatchObject({ applicationId: 'app-1', requestKey: 'key-12345678', documents: [{ fileID: 'cloud://env.b/uploads/o1/a.pdf', name: '诊断证明.pdf' }], removed: [kept[0].fileID] });
    expect(savePayload(filled(), 'key-12345678', null).payload).not.toHaveProperty('applicationId');
  });

  test('金秋助学 carries the child and the school; 大病关爱 the patient', () => {
    expect(factsOf(filled({ kind: 'schooling', childIndex: 2, school: '淄博第一中学', level: 'highSchool' })).facts.school).toEqual({ childIndex: 2, school: '淄博第一中学', level: 'highSchool' });
    expect(factsOf(filled({ kind: 'illness', patientIndex: 0 })).facts.patientIndex).toBe(0);
  });

  test('rows: at most 10; removing one moves the child and patient chosen below it, and forgets a removed one', () => {
    let household = filled().household;
    for (let i = 0; i < 12; i++) household = withPerson(household);
    expect(household).toHaveLength(10);
    const v = filled({ childIndex: 2, patientIndex: 1 });
    expect(withoutPerson(v, 1)).toMatchObject({ childIndex: 1, patientIndex: null });
    expect(withoutPerson(v, 1).household.map((m) => m.name)).toEqual(['张伟', '张小明']);
  });
});

describe('before 提交', () => {
  test('a complete application has no problems', () => {
    expect(submitProblems(filled())).toEqual({});
  });

  test('each problem at its field, all at once', () => {
    const v = filled({ cause: '太难了', files: [], consentPurpose: false, consentHealth: false, household: [{ name: '', relation: 'self', age: '50', occupation: 'employed', income: '' }] });
    expect(Object.keys(submitProblems(v)).sort()).toEqual(['cause', 'consentHealth', 'consentPurpose', 'files', 'household.0.name'].sort());
  });

  test('a child under 14 asks for its own consent; no medical cost and no illness, no health consent', () => {
    const v = filled({ medical: '', household: [...filled().household.slice(0, 2), { name: '张小红', relation: 'child', age: '9', occupation: 'student', income: '' }], consentHealth: false });
    expect(consentsNeeded(v)).toEqual({ health: false, minors: true });
    expect(Object.keys(submitProblems(v))).toEqual(['consentMinors']);
  });

  test("the function's issue paths land on the form's fields", () => {
    expect(applyFieldOf(['facts', 'household', 2, 'monthlyIncomeFen'])).toBe('household.2.income');
    expect(applyFieldOf(['facts', 'expenses', 'schoolingFen'])).toBe('schooling');
    expect(applyFieldOf(['facts', 'school', 'level'])).toBe('level');
    expect(applyFieldOf(['documents'])).toBe('files');
    expect(applyFieldOf(['consents', 'minors'])).toBe('consentMinors');
    expect(applyFieldOf(['requestKey'])).toBeNull();
  });
});

test('the self-check shows once the form is complete and the union set its standard, and decides nothing', () => {
  expect(selfCheckOf(filled(), null)).toBeNull();
  expect(selfCheckOf(filled({ cause: '' }), 90_000)).toBeNull();
  // (4,200 − 3,100) ÷ 3 = 366.66 ≤ 900.
  expect(selfCheckOf(filled(), 90_000)).toMatchObject({ category: 'deep', perCapitaFen: 36_666 });
});
