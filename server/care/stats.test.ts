/**
 * The care figures and the Excel through the emulator (the real SDK, the emulator's clock): four cases received in
 * October 2026 around 国庆 (10-01…10-07 off, Saturday 10-10 a 调休 working day) and one in September, made through the
 * functions — on time and rated 满意; accepted late and rated 不满意; a private one (心理疏导) past its close deadline;
 * an anonymous suggestion never accepted — and the figures asserted one by one; the Excel read back with exceljs:
 * the private case by its category only, the anonymous one as 匿名会员; the export audited; another union's officer
 * gets nothing of ours; a 关爱专员 and the auditor are refused.
 */
import { workbookAt } from '../testing/excel';
import { buildWorld, unwrap, type World } from '../testing/world';
import type { CallInput, CallOutput } from '../testing/contracts';

let w: World;

/** Shanghai wall time → the instant (the emulator's clock is set in UTC). */
const at = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
const setClock = (day: string, hhmm = '10:00') => w.emu.clock.set(at(day, hhmm));

let keys = 0;
const nextKey = () => `stats-${String((keys += 1)).padStart(4, '0')}`;
type Ask = CallInput<'care', 'submit'>;
async function submit(who: string, over: Partial<Ask> = {}) {
  return unwrap(await w.call(who, 'care', 'submit', { category: 'work', title: '求助', body: '请帮忙。', contact: 'app', requestKey: nextKey(), ...over })).case;
}

const ids = { onTime: '', late: '', secret: '', anonymous: '', september: '' };

beforeAll(async () => {
  w = await buildWorld();

  // September: received Monday 09-28, never accepted.
  setClock('2026-09-28');
  ids.september = (await submit('member', { title: '九月的求助' })).id;

  // 1. Received during 国庆 (10-02): due to be accepted on the first working day after it, 10-08; accepted then,
  //    closed 10-12 (due 10-14: 10-09, 10-10 调休, 10-12, 10-13, 10-14), rated 满意.
  setClock('2026-10-02');
  const onTime = await submit('member', { title: '节日期间的求助', body: '节日期间门禁坏了。' });
  ids.onTime = onTime.id;
  expect(onTime.acceptDueDate).toBe('2026-10-08');
  setClock('2026-10-08', '09:00');
  expect(unwrap(await w.call('officer', 'care', 'accept', { caseId: onTime.id })).closeDueDate).toBe('2026-10-14');
  setClock('2026-10-12', '16:00');
  unwrap(await w.call('officer', 'care', 'close', { caseId: onTime.id, summary: '已联系物业修好门禁' }));
  unwrap(await w.call('member', 'care', 'rate', { caseId: onTime.id, rating: 'satisfied' }));

  // 2. Received Friday 10-09: due the next working day, Saturday 10-10 (调休); accepted Monday 10-12 — late, two
  //    working days (10-10, 10-12). Closed 10-13, rated 不满意 (reopened with a new deadline 10-20), closed again 10-14.
  setClock('2026-10-09');
  const late = await submit('member', { category: 'life', title: '调休前的求助' });
  ids.late = late.id;
  expect(late.acceptDueDate).toBe('2026-10-10');
  setClock('2026-10-12');
  unwrap(await w.call('officer', 'care', 'accept', { caseId: late.id }));
  setClock('2026-10-13');
  unwrap(await w.call('officer', 'care', 'close', { caseId: late.id, summary: '已协调' }));
  setClock('2026-10-13', '15:00');
  unwrap(await w.call('member', 'care', 'rate', { caseId: late.id, rating: 'unsatisfied', comment: '没解决' }));
  setClock('2026-10-14');
  unwrap(await w.call('officer', 'care', 'close', { caseId: late.id, summary: '再次协调，已解决' }));

  // 3. A private case (心理疏导), accepted by the chair the day it arrived (10-12), due to close 10-19, still open.
  setClock('2026-10-12', '11:00');
  const secret = await submit('member', { category: 'psychological', title: '心理秘密标题', body: '心理秘密经过' });
  ids.secret = secret.id;
  unwrap(await w.call('chair', 'care', 'accept', { caseId: secret.id }));
  unwrap(await w.call('chair', 'care', 'reply', { caseId: secret.id, text: '心理秘密答复' }));

  // 4. An anonymous suggestion from the auditor (a member too), 10-13: due 10-14, never accepted.
  setClock('2026-10-13');
  ids.anonymous = (await submit('auditor', { category: 'suggestion', title: '匿名建议标题', body: '匿名建议经过', anonymous: true })).id;

  // Union B's own case in October.
  await submit('otherOfficer', { title: '乙工会的求助' });

  // The figures are read on 10-20 (10:00): the private case is past its deadline (10-19), the suggestion too (10-14).
  setClock('2026-10-20');
}, 180_000);
afterAll(async () => {
  await w?.dispose();
});

type Stats = CallOutput<'care', 'stats'>;
const month = (s: Stats, m: number) => s.months.find((x) => x.month === m)?.figures;
const category = (s: Stats, c: string) => s.categories.find((x) => x.category === c)?.figures;

describe('the figures', () => {
  test("October's figures, one by one", async () => {
    const s = unwrap(await w.call('officer', 'care', 'stats', { year: 2026, month: 10 }));
    expect(s).toMatchObject({ year: 2026, month: 10, calendar: 'library', asOf: expect.stringMatching(/^2026-10-20T02:00/) });
    expect(s.months.map((m) => m.month)).toEqual([10]);
    expect(s.total).toEqual({
      received: 4,
      accepted: 3,
      closed: 2,
      withdrawn: 0,
      returned: 0,
      // 0 (the 国庆 case, accepted the first working day), 2 (10-09 → 10-12), 0 (the private case): the middle is 0.
      medianAcceptDays: 0,
      // On time: the 国庆 case and the private one; late: the one accepted Monday, the suggestion still waiting.
      acceptOnTime: { hit: 2, of: 4 },
      // The 国庆 case; the reopened one by its new deadline (10-20); not the private one, open past 10-19.
      closeOnTime: { hit: 2, of: 3 },
      // Only the 国庆 case was accepted and closed on time; the others are late one way or the other.
      onTime: { hit: 1, of: 4 },
      // Each case's latest rating: the reopened case's 不满意 stays until it is rated again.
      ratings: { satisfied: 1, fair: 0, unsatisfied: 1 },
      open: 2,
      overdue: 2,
    });
    expect(s.total).toEqual(month(s, 10));
    // The private case counts, by its category only; nothing of its content is in the reply.
    expect(category(s, 'psychological')).toMatchObject({ received: 1, accepted: 1, closed: 0, open: 1, overdue: 1, medianAcceptDays: 0 });
    expect(s.categories.find((c) => c.category === 'psychological')).toMatchObject({ categoryLabel: '心理疏导', private: true });
    expect(category(s, 'life')).toMatchObject({ received: 1, medianAcceptDays: 2, acceptOnTime: { hit: 0, of: 1 }, closeOnTime: { hit: 1, of: 1 } });
    expect(category(s, 'suggestion')).toMatchObject({ received: 1, accepted: 0, medianAcceptDays: null, acceptOnTime: { hit: 0, of: 1 } });
    expect(s.categories).toHaveLength(10);
    const text = JSON.stringify(s);
    for (const secret of ['心理秘密', '匿名建议', '孙审计', '张伟', '乙工会']) expect(text).not.toContain(secret);
  });

  test('a year: twelve months, empty ones included, and the total of them; the chair reads the same', async () => {
    const s = unwrap(await w.call('chair', 'care', 'stats', { year: 2026 }));
    expect(s.month).toBeNull();
    expect(s.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(month(s, 9)).toMatchObject({ received: 1, accepted: 0, acceptOnTime: { hit: 0, of: 1 }, open: 1, overdue: 1 });
    expect(month(s, 10)?.received).toBe(4);
    expect(month(s, 11)).toMatchObject({ received: 0, medianAcceptDays: null, acceptOnTime: { hit: 0, of: 0 } });
    expect(s.total).toMatchObject({ received: 5, accepted: 3, open: 3, overdue: 3 });
    expect(category(s, 'work')?.received).toBe(2);
    // Another year: nothing.
    expect(unwrap(await w.call('officer', 'care', 'stats', { year: 2025 })).total.received).toBe(0);
  });

  test("another union's officer reads their own union's figures, nothing of ours; a 关爱专员, the auditor and a member are refused", async () => {
    const b = unwrap(await w.call('otherOfficer', 'care', 'stats', { year: 2026, month: 10 }));
    expect(b.total).toMatchObject({ received: 1, accepted: 0 });
    for (const who of ['careHandler', 'auditor', 'member'] as const) {
      expect(await w.call(who, 'care', 'stats', { year: 2026 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await w.call(who, 'care', 'export', { year: 2026 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const bad = await w.callRaw('officer', 'care', 'stats', { year: 2026, month: 13 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: ['month'], message: '月份不正确' }] } });
  });
});

describe('the Excel', () => {
  test("October's cases: content for the plain ones only, the private one by category, the anonymous one as 匿名会员; audited", async () => {
    const r = unwrap(await w.call('officer', 'care', 'export', { year: 2026, month: 10 }));
    expect(r.count).toBe(4);
    expect(r.fileName).toBe('关爱事项-2026年10月-20261020.xlsx');
    const book = await workbookAt(r.url);
    expect(Object.keys(book)).toEqual(['关爱事项', '按月统计', '按类别统计']);
    const [header, ...rest] = book['关爱事项'];
    const col = (name: string) => {
      const i = header.indexOf(name);
      expect(i).toBeGreaterThanOrEqual(0);
      return i;
    };
    const rows = rest.filter((cells) => /^\d+$/.test(cells[0]));
    expect(rows).toHaveLength(4);
    const byCategory = (label: string) => rows.find((cells) => cells[col('类别')] === label) as string[];

    const plain = byCategory('工作');
    expect([plain[col('标题')], plain[col('提出人')], plain[col('办理结果')], plain[col('状态')], plain[col('处理人')], plain[col('评价')]]).toEqual(['节日期间的求助', '张伟', '已联系物业修好门禁', '已办结', '李娜', '满意']);
    expect([plain[col('受理期限')], plain[col('办结期限')], plain[col('受理用时（工作日）')], plain[col('按时受理')], plain[col('按时办结')]]).toEqual(['2026-10-08', '2026-10-14', '0', '是', '是']);
    expect(plain[col('事项编号')]).toBe(ids.onTime.split(':')[1]);

    const late = byCategory('生活');
    expect([late[col('受理用时（工作日）')], late[col('按时受理')], late[col('按时办结')], late[col('评价')]]).toEqual(['2', '否', '是', '不满意']);

    const secret = byCategory('心理疏导');
    expect([secret[col('标题')], secret[col('提出人')], secret[col('办理结果')], secret[col('处理人')], secret[col('状态')]]).toEqual(['内容保密', '内容保密', '内容保密', '赵主席', '已答复']);
    expect(secret[col('按时办结')]).toBe('否');

    const anonymous = byCategory('意见建议');
    expect([anonymous[col('标题')], anonymous[col('提出人')], anonymous[col('状态')], anonymous[col('按时受理')]]).toEqual(['匿名意见', '匿名会员', '已提交', '否']);

    // Nothing of the private case's or the anonymous sender's text anywhere in the file, nor of union B.
    const text = JSON.stringify(book);
    for (const hidden of ['心理秘密', '匿名建议', '孙审计', '乙工会']) expect(text).not.toContain(hidden);

    // The figures sheets: October's line and the categories' total.
    const months = book['按月统计'];
    expect(months[0].slice(0, 6)).toEqual(['月份', '收到', '受理', '办结', '受理用时中位数（工作日）', '按时受理率']);
    expect(months[1].slice(0, 8)).toEqual(['2026年10月', '4', '3', '2', '0', '50%', '67%', '25%']);
    const total = book['按类别统计'].find((cells) => cells[0] === '合计') as string[];
    expect(total[1]).toBe('4');
    expect(total[11]).toBe('50%');

    // Audited: who exported which period.
    const log = unwrap(await w.call('chair', 'members', 'auditList', { page: 1, pageSize: 20 }));
    expect(log.items.find((e) => e.action === 'care.export')).toMatchObject({ actorName: '李娜', actionLabel: '导出关爱事项', targetLabel: '2026年10月关爱事项', summary: expect.stringContaining('4 件') });
  });

  test("the chair's Excel hides the private case's content too; another union's officer exports only their own", async () => {
    const r = unwrap(await w.call('chair', 'care', 'export', { year: 2026 }));
    expect(r.count).toBe(5);
    const text = JSON.stringify(await workbookAt(r.url));
    expect(text).toContain('九月的求助');
    expect(text).not.toContain('心理秘密');
    const b = unwrap(await w.call('otherOfficer', 'care', 'export', { year: 2026, month: 10 }));
    expect(b.count).toBe(1);
    const theirs = JSON.stringify(await workbookAt(b.url));
    expect(theirs).toContain('乙工会的求助');
    for (const ours of ['张伟', '节日期间', '李娜', '赵主席']) expect(theirs).not.toContain(ours);
  });
});
