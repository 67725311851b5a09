/**
 * `npm run bench -- care`: 会员关爱 at the size of a large union. 10,000 open cases written straight into the
 * collection (a fixture: filing them through the function would measure the fixture), then through the gateway
 * the officer's queue (new / overdue / due soon / all), the chair's, and a member's "my requests" — p50/p95 and DB
 * round trips per call — and the daily job over them: time, documents read, what it sent.
 *
 * The emulator's clock is set to a fixed working day (Thursday 2026-11-19, 02:00 in Shanghai, when the daily trigger
 * fires) so that the figures do not depend on the day the bench runs, and set back afterwards.
 */
import type { CareCategory, CaseStatus } from '../src/core/domain/care';
import { addWorkingDays, dueInstant, isWorkingDay } from '../src/core/domain/workdays';
import { addDays, type DateKey } from '../src/core/time';
import type { CaseDoc } from '../server/care/store';
import type { CareDailyResult } from '../server/care/reminders';
import { arg, fmt, measureCall, percentile, statsOf, tripsBetween, type Json } from './bench-util';

const UNION = 'bench-care-union';
/** Thursday 2026-11-19, 02:00 in Shanghai. */
const NOW = new Date('2026-11-18T18:00:00.000Z');
const TODAY: DateKey = '2026-11-19';

/** The working days from `back` before today to `ahead` after it (today included), oldest first. */
function workingDaysAround(back: number, ahead: number): DateKey[] {
  const before: DateKey[] = [];
  for (let day = TODAY; before.length < back; ) {
    day = addDays(day, -1);
    if (isWorkingDay(day, {})) before.unshift(day);
  }
  const after = Array.from({ length: ahead }, (_, k) => addWorkingDays(TODAY, k + 1, {}));
  return [...before, TODAY, ...after];
}

const id = (no: string) => `${UNION}:${no}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function careBench(db: any, json: Json): Promise<void> {
  const count = arg('cases', 10_000);
  const spread = arg('spread', 60);
  await json('/__emulator/clock', { now: NOW.toISOString() });
  try {
    // Collections exist, the jobs instance is warm, and the job's own cost with no case is known.
    await json('/__emulator/triggers/jobs/daily', {});
    const emptyBefore = await statsOf(json);
    await json('/__emulator/triggers/jobs/daily', {});
    const emptyTrips = tripsBetween(emptyBefore, await statsOf(json));

    // The union, its staff (officer, chair, three 关爱专员) and one member with 20 requests of their own.
    const t0 = performance.now();
    await db.collection('unions').add({ data: { _id: UNION, name: '基准测试关爱工会', shortName: '关爱工会', kind: 'union', committeeId: null, createdAt: NOW } });
    const people: [string, string, string[], string | null][] = [
      ['K0001', '钱干部', ['officer'], 'bench-care-officer'],
      ['K0002', '孙主席', ['officer', 'chair'], 'bench-care-chair'],
      ['K0003', '李会员', [], 'bench-care-member'],
      ['K0004', '周专员', ['care_handler'], 'bench-care-handler-1'],
      ['K0005', '吴专员', ['care_handler'], 'bench-care-handler-2'],
      ['K0006', '郑专员', ['care_handler'], 'bench-care-handler-3'],
    ];
    await db.collection('members').add({
      data: people.map(([no, name, roles, openid]) => ({
        _id: id(no),
        unionId: UNION,
        employeeNo: no,
        name,
        department: '办公室',
        gender: 'female',
        birthDate: '1980-05-20',
        phone: `1350000${no.slice(1)}`,
        joinedAt: null,
        status: 'active',
        duesPaid: true,
        roles,
        openid,
        boundAt: NOW,
        createdAt: NOW,
        updatedAt: NOW,
      })),
    });
    await db.collection('accounts').add({ data: people.map(([no, name, , openid]) => ({ _id: openid, kind: 'member', unionId: UNION, memberId: id(no), roles: [], name, shopName: null, createdAt: NOW })) });

    // The cases: 15% new, 45% accepted, 30% in progress, 10% answered; one in ten private, one in twenty an anonymous
    // suggestion; deadlines spread evenly over the `spread` working days before and after today.
    const days = workingDaysAround(spread, spread);
    const handlers = [id('K0001'), id('K0002'), id('K0004'), id('K0005'), id('K0006')];
    const privateHandlers = [id('K0002'), id('K0004'), id('K0005'), id('K0006')];
    const names = new Map(people.map(([no, name]) => [id(no), name]));
    const categories: CareCategory[] = ['psychological', 'suggestion', 'life', 'work', 'work', 'work', 'life', 'work', 'legal', 'work'];
    const make = (i: number): CaseDoc => {
      const status: CaseStatus = i % 20 < 3 ? 'submitted' : i % 20 < 12 ? 'accepted' : i % 20 < 18 ? 'in_progress' : 'replied';
      const category = categories[i % 10];
      const priv = category === 'psychological' || category === 'legal';
      const mine = i % 500 === 0;
      const requesterId = mine ? id('K0003') : id(`R${String(i % 3000).padStart(5, '0')}`);
      const due = days[(i * 7919) % days.length];
      const createdAt = new Date(NOW.getTime() - ((i % 90) + 1) * 86_400_000 - (i % 1440) * 60_000);
      const handlerId = status === 'submitted' ? null : (priv ? privateHandlers : handlers)[i % (priv ? 4 : 5)];
      return {
        _id: `${UNION}:bench-case-${String(i).padStart(6, '0')}`,
        unionId: UNION,
        kind: 'help',
        category,
        title: `求助事项${i}`,
        body: '职工反映的问题，'.repeat(10),
        contact: 'app',
        urgent: i % 13 === 0,
        anonymous: category === 'suggestion' && i % 20 === 1,
        private: priv,
        status,
        open: true,
        requesterId,
        requesterName: mine ? '李会员' : `会员${i % 3000}`,
        subjectId: null,
        subjectName: null,
        involved: [requesterId],
        eventDate: null,
        place: '',
        handlerId,
        handlerName: handlerId ? (names.get(handlerId) ?? null) : null,
        acceptDueDate: status === 'submitted' ? due : addDays(due, -7),
        closeDueDate: status === 'submitted' ? null : due,
        dueAt: dueInstant(due),
        attachments: [],
        steps: [{ status: 'submitted', at: createdAt, note: '' }],
        rating: null,
        ratingComment: '',
        ratings: [],
        summary: '',
        reopened: false,
        supervised: i % 50 === 0,
        supervisedAt: i % 50 === 0 ? createdAt : null,
        messageCount: 0,
        version: 1,
        acceptedAt: status === 'submitted' ? null : createdAt,
        closedAt: null,
        createdAt,
        updatedAt: new Date(createdAt.getTime() + (i % 600) * 60_000),
      };
    };
    for (let i = 0; i < count; i += 500) {
      await db.collection('care_cases').add({ data: Array.from({ length: Math.min(500, count - i) }, (_, k) => make(i + k)) });
    }
    const inWindow = (from: DateKey, to: DateKey) => days.filter((d) => d >= from && d <= to).length;
    console.log(
      `\n会员关爱（同一工会 ${count.toLocaleString()} 件未办结事项，期限均匀分布在前后各 ${spread} 个工作日；数据准备 ${fmt((performance.now() - t0) / 1000)} 秒）：`,
    );

    const officer = (await json('/auth/dev-login', { openid: 'bench-care-officer' })).token as string;
    const chair = (await json('/auth/dev-login', { openid: 'bench-care-chair' })).token as string;
    const member = (await json('/auth/dev-login', { openid: 'bench-care-member' })).token as string;
    const runs = arg('careRuns', 50);
    const screens: [string, string, unknown, string][] = [
      ['干部待办：新事项（每页 20 件，含五个计数）', 'queue', { view: 'new' }, officer],
      ['干部待办：已逾期', 'queue', { view: 'overdue' }, officer],
      ['干部待办：即将到期', 'queue', { view: 'dueSoon' }, officer],
      ['干部待办：全部', 'queue', { view: 'all' }, officer],
      ['主席待办：全部（含保密事项）', 'queue', { view: 'all' }, chair],
      ['干部待办：全部，第 100 页', 'queue', { view: 'all', page: 100 }, officer],
      ['我的求助（会员，20 件）', 'mine', {}, member],
    ];
    for (const [label, action, payload, token] of screens) {
      const { times, tripsPerCall } = await measureCall(json, 'care', action, payload, token, runs);
      console.log(`  ${label}：p50 ${fmt(percentile(times, 50))} ms，p95 ${fmt(percentile(times, 95))} ms，数据库往返 ${fmt(tripsPerCall, 1)} 次/调用`);
    }

    // The daily job: the first run reminds and supervises; the second finds everything done.
    const soon = inWindow(TODAY, addWorkingDays(TODAY, 1, {}));
    const passed = days.filter((d) => d < TODAY).slice(-3).length;
    const expected = Math.round((count * (soon + passed)) / days.length);
    for (const label of ['首次运行（发提醒、督办）', '再次运行（均已处理）']) {
      const before = await statsOf(json);
      const s0 = performance.now();
      const r = await json('/__emulator/triggers/jobs/daily', {});
      const ms = performance.now() - s0;
      if (r.ok !== true) throw new Error(JSON.stringify(r));
      const trips = tripsBetween(before, await statsOf(json));
      const care = (r.result as { data: { care: CareDailyResult } }).data.care;
      const read = care.read;
      console.log(
        `  定时任务 jobs.daily ${label}：${fmt(ms)} ms，读取文档 ${(read.cases + read.settings + read.members).toLocaleString()} 个（事项 ${read.cases.toLocaleString()}，共 ${count.toLocaleString()} 件未办结；设置 ${read.settings}，会员 ${read.members}），` +
          `到期提醒 ${care.reminders} 条，逾期督办 ${care.supervised} 件（通知 ${care.supervisedNotices} 条），数据库往返 ${trips.toLocaleString()} 次（其中建集合等与事项无关的 ${emptyTrips} 次）`,
      );
    }
    console.log(`    （窗口：今天起到下一个工作日到期的 ${soon} 天，加最近 3 个工作日内逾期的 ${passed} 天，约占 ${days.length} 个工作日中的 ${soon + passed} 个 → 预期约 ${expected.toLocaleString()} 件）`);
  } finally {
    await json('/__emulator/clock', { now: null });
  }
}
