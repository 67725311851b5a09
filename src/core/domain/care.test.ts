import { afterRating, allows, canBeAnonymous, deadlineOf, isPrivateCategory, refusalOf, statusLabel, type CaseAction, type CaseState, type CaseStatus } from './care';

const state = (status: CaseStatus, extra: Partial<CaseState> = {}): CaseState => ({ status, category: 'work', reopened: false, rating: null, ...extra });

describe('what a case allows in each state', () => {
  const table: [CaseStatus, CaseAction[]][] = [
    ['submitted', ['withdraw', 'addInfo', 'accept', 'sendBack']],
    ['accepted', ['addInfo', 'assign', 'reply', 'note', 'sendBack', 'close']],
    ['in_progress', ['addInfo', 'assign', 'reply', 'note', 'sendBack', 'close']],
    ['replied', ['addInfo', 'rate', 'assign', 'reply', 'note', 'close']],
    ['closed', ['rate']],
    ['withdrawn', []],
    ['returned', []],
  ];
  const all: CaseAction[] = ['withdraw', 'addInfo', 'rate', 'accept', 'assign', 'reply', 'note', 'sendBack', 'close'];
  test.each(table)('%s', (status, allowed) => {
    expect(all.filter((a) => allows(state(status), a))).toEqual(allowed);
  });

  test('a rated case is not rated again, and a 即时关爱 report is never rated', () => {
    expect(allows(state('closed', { rating: 'fair' }), 'rate')).toBe(false);
    expect(refusalOf(state('closed', { rating: 'fair' }), 'rate')).toBe('已经评价过了');
    expect(allows(state('closed', { category: 'hospitalised' }), 'rate')).toBe(false);
  });

  test('a refusal says the state in words', () => {
    expect(refusalOf(state('accepted'), 'withdraw')).toContain('已受理');
    expect(refusalOf(state('accepted', { category: 'hospitalised' }), 'accept')).toContain('已确认');
  });
});

describe('不满意', () => {
  test('reopens a case once and puts it before the chair', () => {
    expect(afterRating(state('closed'), 'unsatisfied')).toEqual({ status: 'in_progress', reopened: true, supervise: true });
    expect(afterRating(state('closed', { reopened: true }), 'unsatisfied')).toEqual({ status: 'closed', reopened: true, supervise: true });
  });
  test('满意 and 基本满意 only record', () => {
    expect(afterRating(state('replied'), 'satisfied')).toEqual({ status: 'replied', reopened: false, supervise: false });
    expect(afterRating(state('closed'), 'fair')).toEqual({ status: 'closed', reopened: false, supervise: false });
  });
});

describe('rules of categories', () => {
  test('psychological and legal cases are private; only a suggestion may be anonymous', () => {
    expect(['work', 'life', 'psychological', 'legal', 'suggestion'].filter((c) => isPrivateCategory(c as 'work'))).toEqual(['psychological', 'legal']);
    expect(canBeAnonymous('suggestion')).toBe(true);
    expect(canBeAnonymous('work')).toBe(false);
  });
  test('deadlines default to 1 and 5 working days; urgent is accepted the same working day', () => {
    expect(deadlineOf({}, 'life', false)).toEqual({ accept: 1, close: 5 });
    expect(deadlineOf({ life: { accept: 2, close: 10 } }, 'life', true)).toEqual({ accept: 0, close: 10 });
  });
  test('a 即时关爱 report reads as reported, confirmed, visited', () => {
    expect(['submitted', 'accepted', 'replied'].map((s) => statusLabel('hospitalised', s as CaseStatus))).toEqual(['已上报', '已确认', '已慰问']);
    expect(statusLabel('work', 'replied')).toBe('已答复');
  });
});
