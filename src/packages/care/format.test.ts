import { newer, badgesOf, calendarNote, caseDueText, dayText, dueText, handlerText, authorText, rowDueText, timelineOf } from './format';

// 2026-12-01 10:00 in Shanghai (a Tuesday).
const NOW = new Date('2026-12-01T02:00:00Z');

describe('dates in words', () => {
  it.each([
    ['2026-12-03', '12月3日（周四）'],
    ['2026-12-06', '12月6日（周日）'],
    ['2027-01-04', '2027年1月4日（周一）'],
    ['not-a-date', ''],
  ])('%s reads %s', (key, text) => {
    expect(dayText(key, NOW)).toBe(text);
  });
});

describe('due dates', () => {
  it.each([
    [{ date: '2026-12-03', stage: 'accept', category: 'work', overdue: false }, '12月3日（周四）前受理'],
    [{ date: '2026-12-03', stage: 'close', category: 'work', overdue: false }, '12月3日（周四）前办结'],
    [{ date: '2026-12-03', stage: 'accept', category: 'hospitalised', overdue: false }, '12月3日（周四）前确认'],
    [{ date: '2026-12-01', stage: 'accept', category: 'life', overdue: false }, '今天（12月1日）内受理'],
    [{ date: '2026-12-02', stage: 'close', category: 'life', overdue: false }, '明天（12月2日）前办结'],
    [{ date: '2026-11-27', stage: 'accept', category: 'legal', overdue: true }, '已超期：应于11月27日（周五）前受理'],
    [{ date: null, stage: 'close', category: 'legal', overdue: false }, null],
  ] as const)('%j → %s', (due, text) => {
    expect(dueText(due, NOW)).toBe(text);
  });

  it('shows a row the next deadline while open, none once it is over', () => {
    expect(rowDueText({ status: 'submitted', dueDate: '2026-12-03', overdue: false, category: 'work' }, NOW)).toBe('12月3日（周四）前受理');
    expect(rowDueText({ status: 'in_progress', dueDate: '2026-12-08', overdue: false, category: 'work' }, NOW)).toBe('12月8日（周二）前办结');
    expect(rowDueText({ status: 'closed', dueDate: '2026-12-08', overdue: false, category: 'work' }, NOW)).toBeNull();
  });

  it('shows a case the accepting deadline first, then the closing one', () => {
    const c = { acceptDueDate: '2026-12-02', closeDueDate: '2026-12-09', overdue: false, category: 'work' as const };
    expect(caseDueText({ ...c, status: 'submitted' }, NOW)).toBe('明天（12月2日）前受理');
    expect(caseDueText({ ...c, status: 'accepted' }, NOW)).toBe('12月9日（周三）前办结');
    expect(caseDueText({ ...c, status: 'withdrawn' }, NOW)).toBeNull();
  });
});

const step = (status: 'submitted' | 'accepted' | 'in_progress' | 'replied' | 'closed' | 'withdrawn' | 'returned', label: string, at: string, note = '') => ({ status, label, at, note });

describe('the timeline', () => {
  it('shows the steps reached, then the ones to come', () => {
    const items = timelineOf({ category: 'work', status: 'accepted', steps: [step('submitted', '已提交', '2026-11-30T01:00:00Z'), step('accepted', '已受理', '2026-11-30T03:30:00Z')] }, NOW);
    expect(items.map((i) => [i.label, i.state])).toEqual([
      ['已提交', 'done'],
      ['已受理', 'current'],
      ['处理中', 'todo'],
      ['已答复', 'todo'],
      ['已办结', 'todo'],
    ]);
    expect(items[0].when).toBe('11月30日 09:00');
  });

  it('ends at 已退回 with the reason, and nothing after it', () => {
    const items = timelineOf({ category: 'life', status: 'returned', steps: [step('submitted', '已提交', '2026-11-30T01:00:00Z'), step('returned', '已退回', '2026-11-30T05:00:00Z', '不属于工会受理范围')] }, NOW);
    expect(items.map((i) => [i.label, i.state, i.note])).toEqual([
      ['已提交', 'done', ''],
      ['已退回', 'ended', '不属于工会受理范围'],
    ]);
  });

  it('shows a reopened case at 处理中 again, with what is still to come', () => {
    const items = timelineOf(
      {
        category: 'work',
        status: 'in_progress',
        steps: [step('submitted', '已提交', '2026-11-20T01:00:00Z'), step('accepted', '已受理', '2026-11-20T02:00:00Z'), step('replied', '已答复', '2026-11-23T02:00:00Z'), step('in_progress', '重新办理', '2026-11-24T02:00:00Z', '会员不满意')],
      },
      NOW,
    );
    expect(items.map((i) => i.label)).toEqual(['已提交', '已受理', '已答复', '重新办理', '已答复', '已办结']);
    expect(items[3].state).toBe('current');
  });

  it('reads a 即时关爱 report in its own words, without 处理中', () => {
    const items = timelineOf({ category: 'hospitalised', status: 'submitted', steps: [step('submitted', '已上报', '2026-11-30T01:00:00Z')] }, NOW);
    expect(items.map((i) => i.label)).toEqual(['已上报', '已确认', '已慰问', '已办结']);
  });

  it('shows a closed case with every step done', () => {
    const items = timelineOf({ category: 'work', status: 'closed', steps: [step('submitted', '已提交', '2026-11-20T01:00:00Z'), step('closed', '已办结', '2026-11-21T01:00:00Z')] }, NOW);
    expect(items.every((i) => i.state === 'done')).toBe(true);
  });
});

describe('rows and messages', () => {
  it('puts warnings before the status', () => {
    expect(badgesOf({ overdue: true, urgent: true, private: true, supervised: true, status: 'accepted', statusLabel: '已受理' }).map((b) => b.text)).toEqual(['已超期', '紧急', '督办', '保密', '已受理']);
    expect(badgesOf({ overdue: true, urgent: false, private: false, supervised: false, status: 'closed', statusLabel: '已办结' })).toEqual([{ text: '已办结', tone: 'muted' }]);
  });

  it('names the handler, or says it is still waiting', () => {
    expect(handlerText({ handlerName: '王芳', category: 'work', status: 'accepted' })).toBe('处理人：王芳');
    expect(handlerText({ handlerName: null, category: 'work', status: 'submitted' })).toBe('尚未受理');
    expect(handlerText({ handlerName: null, category: 'marriage', status: 'submitted' })).toBe('尚未确认');
    expect(handlerText({ handlerName: null, category: 'work', status: 'withdrawn' })).toBe('');
  });

  it('says who wrote a message, as the reader sees it', () => {
    expect(authorText({ from: 'member', authorName: '张三' }, 'member')).toBe('我');
    expect(authorText({ from: 'member', authorName: '匿名会员' }, 'handler')).toBe('匿名会员');
    expect(authorText({ from: 'handler', authorName: '王芳' }, 'member')).toBe('王芳（处理人）');
    expect(authorText({ from: 'system', authorName: '' }, 'member')).toBe('系统');
  });

  it('warns when a year is counted by weekends only', () => {
    expect(calendarNote(2027, 'weekends')).toContain('法定节假日和调休上班都没有计入');
    expect(calendarNote(2026, 'library')).toContain('无需录入');
  });
});

describe('two readings of a case', () => {
  it('keeps the newer one, whichever came last', () => {
    const old = { id: 'c1', updatedAt: '2026-12-01T01:00:00.000Z' };
    const fresh = { id: 'c1', updatedAt: '2026-12-01T02:00:00.000Z' };
    expect(newer(old, fresh)).toBe(fresh);
    expect(newer(fresh, old)).toBe(fresh);
    expect(newer(null, old)).toBe(old);
    expect(newer(null, null)).toBeNull();
  });
});
