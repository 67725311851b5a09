import { reasonFieldOf, CATEGORY_FILTER, closeQuestion, handlerOptions, queuePayload, queueTabs, requesterText, sendBackQuestion, withdrawQuestion } from './handling';

describe('the queue', () => {
  it('counts each tab from the reply, 全部 never', () => {
    expect(queueTabs({ new: 3, mine: 0, dueSoon: 1, overdue: 2, supervised: 0 }).map((t) => t.label)).toEqual(['新收到 3', '我处理的', '即将到期 1', '已超期 2', '督办', '全部']);
    expect(queueTabs(null).map((t) => t.label)).toEqual(['新收到', '我处理的', '即将到期', '已超期', '督办', '全部']);
  });

  it('sends the category only when one is chosen, the search trimmed', () => {
    expect(queuePayload('all', 'any', ' 加班 ', 2, 20)).toEqual({ view: 'all', q: '加班', page: 2, pageSize: 20 });
    expect(queuePayload('new', 'legal', '', 1, 20)).toEqual({ view: 'new', category: 'legal', q: '', page: 1, pageSize: 20 });
    expect(CATEGORY_FILTER[0]).toEqual({ value: 'any', label: '全部类别' });
  });

  it('never names an anonymous requester', () => {
    expect(requesterText({ anonymous: true, requesterName: '张三' })).toBe('匿名会员');
    expect(requesterText({ anonymous: false, requesterName: '张三' })).toBe('张三');
  });

  it('offers a private case only to those who may take it', () => {
    const items = [
      { memberId: 'a', name: '王芳', roleLabel: '工会干部', mayTakePrivate: false },
      { memberId: 'b', name: '李律师', roleLabel: '关爱专员', mayTakePrivate: true },
    ];
    expect(handlerOptions(items, true)).toEqual([{ value: 'b', label: '李律师（关爱专员）' }]);
    expect(handlerOptions(items, false)).toHaveLength(2);
  });
});

describe('questions before an action', () => {
  it('asks in red before what cannot be taken back', () => {
    const c = { title: '加班费' };
    expect(sendBackQuestion(c)).toMatchObject({ confirmText: '退回', danger: true });
    expect(closeQuestion(c).content).toContain('「加班费」');
    // A 即时关爱 report is not rated.
    expect(closeQuestion({ title: '孙审计生病住院', kind: 'instant' })).toMatchObject({ title: '办结这条上报？', danger: true });
    expect(closeQuestion({ title: '孙审计生病住院', kind: 'instant' }).content).not.toContain('被请求评价');
    expect(withdrawQuestion(c)).toMatchObject({ confirmText: '撤回', cancelText: '不撤回', danger: true });
  });
});

describe('the reason forms', () => {
  it('puts the person picked and the reason, summary or text at their fields', () => {
    expect(reasonFieldOf(['handlerId'])).toBe('handlerId');
    expect(reasonFieldOf(['reason'])).toBe('text');
    expect(reasonFieldOf(['summary'])).toBe('text');
    expect(reasonFieldOf(['caseId'])).toBeNull();
  });
});
