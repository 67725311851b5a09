import { checkPayload } from '@/services/check';
import { newPrize, prizeCandidates, prizesQuestion, resultsChanged, resultsDoneText, resultsDraft, type ResultsValues } from './results';

const row = (key: number, memberId: string | null, amount: string) => ({ ...newPrize(key), memberId, amount });

describe('results and prizes ⇄ events.results', () => {
  test('results untouched are not sent; edited ones are sent trimmed', () => {
    expect(resultsDraft('ev-1', { results: null, prizes: [] })).toEqual({ payload: { eventId: 'ev-1', prizes: [] }, problems: {} });
    const { payload } = resultsDraft('ev-1', { results: ' 第一名 张伟 ', prizes: [] });
    expect(payload).toEqual({ eventId: 'ev-1', prizes: [], results: '第一名 张伟' });
    expect(checkPayload('events', 'results', payload).ok).toBe(true);
  });

  test('prizes go in fen, with their form and note', () => {
    const values: ResultsValues = { results: null, prizes: [{ ...row(1, 'm-1', '¥100.5'), form: 'cash', note: ' 一等奖 ' }] };
    const { payload, problems } = resultsDraft('ev-1', values);
    expect(problems).toEqual({});
    expect(payload.prizes).toEqual([{ memberId: 'm-1', amountFen: 10050, form: 'cash', note: '一等奖' }]);
    expect(checkPayload('events', 'results', payload).ok).toBe(true);
  });

  test('a row without its winner or a sum is told at that row', () => {
    const { problems } = resultsDraft('ev-1', { results: null, prizes: [row(1, 'm-1', '50'), row(2, null, 'abc'), row(3, 'm-3', '0')] });
    expect(problems).toEqual({ 'prizes.1.memberId': '请选择获奖会员', 'prizes.1.amountFen': '请填写奖品金额（元），例如 100', 'prizes.2.amountFen': '请填写奖品金额（元），例如 100' });
  });

  test('recording prizes is asked first, with their number and total; saving results alone is not', () => {
    expect(prizesQuestion([])).toBeNull();
    expect(prizesQuestion([{ amountFen: 10000 }, { amountFen: 5050 }])).toEqual({
      title: '登记奖品',
      content: '将登记 2 项奖品，共 ¥150.50，记入经费台账（文体活动）。登记后如需更改，须在台账中冲正。确定登记吗？',
      confirmText: '登记',
      cancelText: '再看看',
    });
  });

  test('the line after saving counts only the prizes recorded now', () => {
    expect(resultsDoneText({ prizes: [] })).toBe('已保存');
    expect(resultsDoneText({ prizes: [{ repeated: false }, { repeated: true }, { repeated: false }] as never })).toBe('已保存，登记奖品 2 项');
    expect(resultsDoneText({ prizes: [{ repeated: true }] as never })).toBe('已保存');
  });

  test('a winner is chosen once: not one with a prize already, not one chosen in another row', () => {
    const people = [{ memberId: 'm-1' }, { memberId: 'm-2' }, { memberId: 'm-3' }];
    const rows = [row(1, 'm-2', ''), row(2, null, '')];
    expect(prizeCandidates(people, [{ memberId: 'm-1' }], rows, rows[0]).map((p) => p.memberId)).toEqual(['m-2', 'm-3']);
    expect(prizeCandidates(people, [{ memberId: 'm-1' }], rows, rows[1]).map((p) => p.memberId)).toEqual(['m-3']);
  });

  test('保存 has something to send: a prize row, or results that differ from the published ones', () => {
    expect(resultsChanged({ results: null, prizes: [] }, '第一名')).toBe(false);
    expect(resultsChanged({ results: ' 第一名 ', prizes: [] }, '第一名')).toBe(false);
    expect(resultsChanged({ results: '第二名', prizes: [] }, '第一名')).toBe(true);
    expect(resultsChanged({ results: null, prizes: [newPrize(1)] }, '')).toBe(true);
  });
});
