import { checkPayload } from '@/services/check';
import { placeIssues } from '@/hooks/useForm';
import type { ItemRule } from '@/core/policy/profile';
import type { RosterRow } from '@/hooks/useMemberSearch';
import { AMOUNT_PROBLEM, changeRecord, emptyRecord, needsMember, recordFieldOf, recordPayload, recordProblems, ruleHint, type RecordValues } from './recordForm';

const KEY = 'req-12345678';
const member = { id: 'm-1', name: '王芳', employeeNo: 'A0001' } as unknown as RosterRow;

function filled(overrides: Partial<RecordValues> = {}): RecordValues {
  return { ...emptyRecord('2025-05-20'), item: 'birthday', member, amount: '300', form: 'cake_voucher', ...overrides };
}

/** What the form shows beside each field: the contract's issues placed, then the form's own problems over them. */
function shown(values: RecordValues) {
  const checked = checkPayload('ledger', 'ledgerRecord', recordPayload(values, KEY));
  const { fields, unplaced } = placeIssues(checked.ok ? [] : checked.error.issues, values, [], { fieldOf: recordFieldOf });
  return { fields: { ...fields, ...recordProblems(values) }, unplaced };
}

describe('登记支出 form ⇄ ledger.ledgerRecord', () => {
  test('an empty form asks for each choice plainly, beside its field, and nothing in the box', () => {
    const values = emptyRecord('2025-05-20');
    expect(recordProblems(values)).toEqual({ item: '请选择支出项目', amount: AMOUNT_PROBLEM, form: '请选择发放形式' });
    const { fields, unplaced } = shown(values);
    expect(fields).toEqual({ item: '请选择支出项目', amount: AMOUNT_PROBLEM, form: '请选择发放形式' });
    expect(unplaced).toEqual([]);
  });

  test('a filled form has no problems and its payload passes the contract', () => {
    const values = filled({ note: '  发放地点：工会办公室 ' });
    expect(recordProblems(values)).toEqual({});
    const payload = recordPayload(values, KEY);
    expect(payload).toEqual({ item: 'birthday', amountFen: 30000, form: 'cake_voucher', date: '2025-05-20', note: '发放地点：工会办公室', requestKey: KEY, memberId: 'm-1' });
    expect(checkPayload('ledger', 'ledgerRecord', payload).ok).toBe(true);
  });

  test('a holiday gift needs its holiday, and sends it', () => {
    const values = filled({ item: 'holiday_gift', form: 'in_kind' });
    expect(recordProblems(values)).toEqual({ holiday: '请选择节日' });
    const payload = recordPayload({ ...values, holiday: 'dragonBoat' }, KEY);
    expect(payload).toMatchObject({ item: 'holiday_gift', holiday: 'dragonBoat', memberId: 'm-1' });
    expect(checkPayload('ledger', 'ledgerRecord', payload).ok).toBe(true);
  });

  test('changing the item away from 节日慰问品 clears the holiday; other changes keep it', () => {
    const values = filled({ item: 'holiday_gift', holiday: 'dragonBoat' });
    expect(changeRecord(values, 'amount', '200').holiday).toBe('dragonBoat');
    expect(changeRecord(values, 'item', 'holiday_gift').holiday).toBe('dragonBoat');
    const changed = changeRecord(values, 'item', 'birthday');
    expect(changed).toMatchObject({ item: 'birthday', holiday: null, amount: '300' });
    expect(values.holiday).toBe('dragonBoat');
  });

  test('a per-member item needs the member; an item not given to a person sends none', () => {
    expect(needsMember('care_hospitalisation')).toBe(true);
    expect(recordProblems(filled({ member: null }))).toEqual({ member: '请选择领取的会员' });
    expect(needsMember('event_expense')).toBe(false);
    const payload = recordPayload(filled({ item: 'event_expense', form: 'in_kind' }), KEY);
    expect(payload).not.toHaveProperty('memberId');
    expect(recordProblems(filled({ item: 'event_expense', form: 'in_kind', member: null }))).toEqual({});
  });

  test('a hospital visit needs the illness, sent trimmed', () => {
    const values = filled({ item: 'care_hospitalisation', form: 'cash', illnessKey: '  ' });
    expect(recordProblems(values)).toEqual({ illnessKey: '请注明是哪一次疾病' });
    const payload = recordPayload({ ...values, illnessKey: ' 2025 年 3 月阑尾炎住院 ' }, KEY);
    expect(payload.illnessKey).toBe('2025 年 3 月阑尾炎住院');
    expect(checkPayload('ledger', 'ledgerRecord', payload).ok).toBe(true);
  });

  test('an event prize needs participants and winners as whole numbers, sent as the prize', () => {
    const values = filled({ item: 'event_prize', member: null, form: 'in_kind' });
    expect(recordProblems(values)).toMatchObject({ participants: '请填写参加人数', winners: '请填写获奖人数' });
    expect(recordProblems({ ...values, participants: '30', winners: '0' })).toMatchObject({ winners: '请填写获奖人数' });
    expect(recordProblems({ ...values, participants: '3.5', winners: '1' })).toMatchObject({ participants: '请填写参加人数' });
    const payload = recordPayload({ ...values, participants: ' 30 ', winners: '10' }, KEY);
    expect(payload.prize).toEqual({ participants: 30, winners: 10 });
    expect(recordPayload(values, KEY)).not.toHaveProperty('prize');
  });

  test('amounts: 300 and 299.50 yuan are fen, anything else asks for a sum', () => {
    expect(recordPayload(filled({ amount: '300' }), KEY).amountFen).toBe(30000);
    expect(recordPayload(filled({ amount: '299.50' }), KEY).amountFen).toBe(29950);
    expect(recordProblems(filled({ amount: '299.50' }))).toEqual({});
    for (const bad of ['', '三百', '1.234', '0', '-5']) {
      expect(recordProblems(filled({ amount: bad }))).toEqual({ amount: AMOUNT_PROBLEM });
    }
    // A sum that is not one is named once, beside the amount, whatever the contract says of amountFen.
    expect(shown(filled({ amount: 'abc' })).fields).toEqual({ amount: AMOUNT_PROBLEM });
  });

  test("the function's issue paths land on the form's fields", () => {
    expect(recordFieldOf(['amountFen'])).toBe('amount');
    expect(recordFieldOf(['memberId'])).toBe('member');
    expect(recordFieldOf(['prize', 'participants'])).toBe('participants');
    expect(recordFieldOf(['prize', 'winners'])).toBe('winners');
    expect(recordFieldOf(['prize'])).toBe('winners');
    expect(recordFieldOf(['date'])).toBe('date');
    expect(recordFieldOf(['requestKey'])).toBeNull();
  });

  test("the rule hint says the year's cap and forms", () => {
    const rule = { capFen: 30000, allowedForms: ['in_kind', 'cake_voucher'], source: '本工会规定' } as unknown as ItemRule;
    expect(ruleHint(rule, 2025)).toBe('2025 年度政策：每人每次不超过 ¥300.00；可发放实物、蛋糕券');
    expect(ruleHint({ ...rule, capFen: null }, 2025)).toMatch(/^2025 年度政策：不设每人上限；/);
    expect(ruleHint(undefined, 2025)).toBeUndefined();
  });
});
