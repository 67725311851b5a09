import { checkPayload } from '@/services/check';
import { placeIssues } from '@/hooks/useForm';
import { validatePolicy, type PolicyProfile } from '@/core/policy/profile';
import { startFromTemplate } from '@/core/policy/profiles';
import { CAP_PROBLEM, policyFieldOf, policyPayload, policyValues, setEligibility, setFlag, setPaid, setPerYear, setSource, toggleForbidden, toggleForm } from './policyForm';

const saved: PolicyProfile = startFromTemplate('zibo-kjj-2017', 2026, '淄博市科技局机关工会');

describe('policy editor ⇄ ledger.policySave', () => {
  test('opening the editor shows each cap in yuan, no cap as an empty box, and leaves the saved profile alone', () => {
    const values = policyValues(saved);
    expect(values.texts).toMatchObject({ 'holidays.springFestival': '400', 'items.birthday': '200', 'items.event_expense': '', annual: '1000' });
    expect(values.texts).not.toHaveProperty('holidays.qingming');
    expect(values.draft).toEqual(saved);
    expect(values.draft).not.toBe(saved);
  });

  test('saved unchanged, the same profile is sent, and it passes the contract and the policy check', () => {
    const { payload, problems } = policyPayload(2026, policyValues(saved), saved);
    expect(problems).toEqual({});
    expect(payload).toEqual({ year: 2026, profile: saved });
    expect(checkPayload('ledger', 'policySave', payload).ok).toBe(true);
    expect(validatePolicy(payload.profile).ok).toBe(true);
  });

  test('caps typed in yuan are sent in fen; the yearly total keeps its source, and an empty one is no total', () => {
    const values = policyValues(saved);
    values.texts['holidays.dragonBoat'] = '299.50';
    values.texts.annual = '1200';
    const { profile } = policyPayload(2026, values, saved).payload;
    expect(profile.holidays.dragonBoat?.capFen).toBe(29950);
    expect(profile.holidayAnnualCapFen).toEqual({ capFen: 120000, source: saved.holidayAnnualCapFen?.source });
    values.texts.annual = ' ';
    expect(policyPayload(2026, values, saved).payload.profile.holidayAnnualCapFen).toBeNull();
    const noTotal = { ...saved, holidayAnnualCapFen: null };
    values.texts.annual = '900';
    expect(policyPayload(2026, values, noTotal).payload.profile.holidayAnnualCapFen).toEqual({ capFen: 90000, source: '本工会规定' });
  });

  test('a cap that is not a sum is named beside its box; only 文体活动经费 and the yearly total may be empty', () => {
    const values = policyValues(saved);
    values.texts['holidays.springFestival'] = '四百';
    values.texts['items.birthday'] = '';
    values.texts['items.study_award'] = '-5';
    values.texts['items.event_expense'] = '';
    values.texts.annual = '';
    expect(policyPayload(2026, values, saved).problems).toEqual({
      'holidays.springFestival.capFen': CAP_PROBLEM,
      'items.birthday.capFen': CAP_PROBLEM,
      'items.study_award.capFen': CAP_PROBLEM,
    });
  });

  test("cash as a 春节 gift: the function's reason lands beside the rule's forms", () => {
    const values = policyValues(saved);
    const { draft } = toggleForm(values.draft, 'holidays.springFestival', 'cash');
    const { payload } = policyPayload(2026, { ...values, draft }, saved);
    const checked = validatePolicy(payload.profile);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const issues = checked.issues.map((i) => ({ ...i, path: ['profile', ...i.path] }));
    const { fields, unplaced } = placeIssues(issues, values, ['profile'], { fieldOf: policyFieldOf });
    expect(fields['holidays.springFestival.allowedForms']).toMatch(/不能发放现金/);
    expect(unplaced).toEqual([]);
  });

  test("issue paths: a rule's settings, the yearly total, forbidden forms, eligibility; the rest to the list", () => {
    expect(policyFieldOf(['holidays', 'springFestival', 'capFen'])).toBe('holidays.springFestival.capFen');
    expect(policyFieldOf(['items', 'birthday', 'allowedForms', 1])).toBe('items.birthday.allowedForms');
    expect(policyFieldOf(['items', 'birthday', 'perYear'])).toBe('items.birthday.perYear');
    expect(policyFieldOf(['holidayAnnualCapFen'])).toBe('annual.capFen');
    expect(policyFieldOf(['holidayAnnualCapFen', 'capFen'])).toBe('annual.capFen');
    expect(policyFieldOf(['forbiddenForms', 'forms', 0])).toBe('forbiddenForms.forms');
    expect(policyFieldOf(['eligibility', 'retireesEligible'])).toBe('eligibility.retireesEligible');
    expect(policyFieldOf(['items', 'event_prize', 'maxWinnerShare', 'num'])).toBeNull();
    expect(policyFieldOf(['forbiddenForms', 'source'])).toBeNull();
    expect(policyFieldOf(['sources', 0, 'id'])).toBeNull();
    expect(policyFieldOf(['year'])).toBeNull();
  });
});

describe('policy draft changes', () => {
  test('each change is made on a copy and settles its own field', () => {
    const toggled = toggleForm(saved, 'holidays.springFestival', 'cash');
    expect(toggled.draft.holidays.springFestival?.allowedForms).toEqual(['in_kind', 'cash']);
    expect(saved.holidays.springFestival?.allowedForms).toEqual(['in_kind']);
    expect(toggled.settles).toEqual(['holidays.springFestival.allowedForms']);
    expect(toggleForm(toggled.draft, 'holidays.springFestival', 'cash').draft.holidays.springFestival?.allowedForms).toEqual(['in_kind']);
  });

  test('yearly count: empty is no limit, text that is no number keeps it', () => {
    expect(setPerYear(saved, 'items.birthday', '').draft.items.birthday).not.toHaveProperty('perYear');
    expect(setPerYear(saved, 'items.birthday', '2').draft.items.birthday?.perYear).toBe(2);
    expect(setPerYear(saved, 'items.birthday', 'x').draft.items.birthday?.perYear).toBe(1);
  });

  test('switches, sources, forbidden forms and eligibility', () => {
    const flagged = setFlag(saved, 'items.birthday', 'inServiceOnly', true);
    expect(flagged.draft.items.birthday?.inServiceOnly).toBe(true);
    expect(setFlag(flagged.draft, 'items.birthday', 'inServiceOnly', false).draft.items.birthday).not.toHaveProperty('inServiceOnly');
    expect(setSource(saved, 'items.birthday', '本工会规定').draft.items.birthday?.source).toBe('本工会规定');
    expect(toggleForbidden(saved, 'shopping_card').draft.forbiddenForms.forms).toEqual([]);
    const eligible = setEligibility(saved, 'retireesEligible', true);
    expect(eligible.draft.eligibility.retireesEligible).toBe(true);
    expect(eligible.settles).toEqual(['eligibility.retireesEligible']);
  });

  test('not paying a holiday drops its rule; paying it again restores the saved rule, not the edited one', () => {
    const edited = setSource(saved, 'holidays.dragonBoat', '改过的依据').draft;
    const dropped = setPaid(edited, saved, 'holidays.dragonBoat', false).draft;
    expect(dropped.holidays).not.toHaveProperty('dragonBoat');
    expect(setPaid(dropped, saved, 'holidays.dragonBoat', true).draft.holidays.dragonBoat).toEqual(saved.holidays.dragonBoat);
    expect(setPaid(saved, saved, 'items.study_award', false).draft.items).not.toHaveProperty('study_award');
  });
});
