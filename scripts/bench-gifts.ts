/**
 * `npm run bench -- gifts`: the birthday cake vouchers' daily job at the size of a very large union. 100,000 members
 * written straight into the roster (a fixture: importing them through the functions would measure the fixture), each
 * with the indexed month-day of the birthday (`birthMonthDay`, written as every member write writes it), birthdays
 * spread over the year (about 274 a day); the union's year set up through the functions as its officers would (the
 * 淄博 policy template, a birthday budget, a cake-shop clerk, birthday vouchers switched on), then the daily job for
 * one day: members read against the roster, vouchers issued, time and round trips; and again the same day, which
 * must issue none. What it proves: at 100,000 members the job reads only today's people.
 *
 * The emulator's clock is set to a fixed day (Thursday 2026-11-19, 02:00 in Shanghai, when the daily trigger fires)
 * so that the figures do not depend on the day the bench runs, and set back afterwards.
 */
import { addDays, shanghaiYear, type DateKey } from '../src/core/time';
import { withBirthMonthDay } from '../server/members/store';
import type { MemberDoc } from '../server/db/types';
import { arg, fmt, statsOf, type Json } from './bench-util';

const UNION = 'bench-gifts-union';
/** Thursday 2026-11-19, 02:00 in Shanghai. */
const NOW = new Date('2026-11-18T18:00:00.000Z');
const TODAY: DateKey = '2026-11-19';
const SHOP = '基准蛋糕店（人民西路店）';
const AMOUNT_FEN = 19_800;
const OFFICER = 'bench-gifts-officer';
const CLERK = 'bench-gifts-clerk';

/** Member i's month-day: the days of a common year in turn (100,000 members: 273 or 274 a day, no 29 February). */
const monthDay = (i: number) => addDays('2001-01-01', i % 365).slice(5);

/** Protocol requests by action between two readings of the emulator's stats, the busiest first. */
function byAction(before: Record<string, number>, after: Record<string, number>): [string, number][] {
  return Object.keys(after)
    .map((k): [string, number] => [k, after[k] - (before[k] ?? 0)])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
}

const sum = (rows: [string, number][], pred: (k: string) => boolean) => rows.filter(([k]) => pred(k)).reduce((n, [, v]) => n + v, 0);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function giftsBench(db: any, json: Json): Promise<void> {
  const size = arg('roster', 100_000);
  const batch = 2_000;
  await json('/__emulator/clock', { now: NOW.toISOString() });
  try {
    // Collections exist, the jobs instance is warm, and the job's own cost with no birthday union is known.
    await json('/__emulator/triggers/jobs/daily', {});
    const emptyBefore = await statsOf(json);
    await json('/__emulator/triggers/jobs/daily', {});
    const emptyTrips = byAction(emptyBefore, await statsOf(json));

    // The roster: member 0 is the officer (and chair) who sets the year up, bound to a WeChat identity.
    const t0 = performance.now();
    await db.collection('unions').add({ data: { _id: UNION, name: '基准测试生日慰问工会', shortName: '生日工会', kind: 'union', committeeId: null, createdAt: NOW } });
    const member = (i: number): MemberDoc => {
      const no = `G${String(i).padStart(6, '0')}`;
      return {
        _id: `${UNION}:${no}`,
        unionId: UNION,
        ...withBirthMonthDay({
          employeeNo: no,
          name: `会员${i}`,
          department: `处室${i % 40}`,
          gender: i % 2 ? 'male' : 'female',
          birthDate: `${1960 + (Math.floor(i / 365) % 40)}-${monthDay(i)}`,
          phone: `137${String(i).padStart(8, '0')}`,
          joinedAt: null,
          status: 'active',
          duesPaid: true,
        }),
        roles: i === 0 ? ['officer', 'chair'] : [],
        openid: i === 0 ? OFFICER : null,
        boundAt: i === 0 ? NOW : null,
        createdAt: NOW,
        updatedAt: NOW,
      };
    };
    for (let i = 0; i < size; i += batch) {
      await db.collection('members').add({ data: Array.from({ length: Math.min(batch, size - i) }, (_, k) => member(i + k)) });
    }
    await db.collection('accounts').add({ data: { _id: OFFICER, kind: 'member', unionId: UNION, memberId: member(0)._id, roles: [], name: member(0).name, shopName: null, createdAt: NOW } });
    const writeSeconds = (performance.now() - t0) / 1000;

    // The year, through the functions: policy from the 淄博 template, a birthday budget for every member, the
    // clerk's shop, birthday vouchers on the day.
    const t1 = performance.now();
    const officer = (await json('/auth/dev-login', { openid: OFFICER })).token as string;
    const call = async (token: string, fn: string, action: string, payload: unknown): Promise<Record<string, unknown>> => {
      const r = await json(`/functions/${fn}`, { action, payload }, token);
      if (r.ok !== true) throw new Error(`${fn}.${action}: ${JSON.stringify(r)}`);
      return r.data as Record<string, unknown>;
    };
    const year = shanghaiYear(NOW);
    await call(officer, 'ledger', 'policySave', { year, templateId: 'zibo-kjj-2017' });
    await call(officer, 'ledger', 'budgetSet', { year, line: 'birthday', amountFen: size * AMOUNT_FEN });
    const invite = await call(officer, 'members', 'clerkInvite', { name: '周敏', shopName: SHOP });
    const clerk = (await json('/auth/dev-login', { openid: CLERK })).token as string;
    await call(clerk, 'members', 'redeemInvite', { code: invite.code });
    await call(officer, 'gifts', 'birthdaySettingsSave', { enabled: true, timing: 'onDay', daysBefore: 3, shopName: SHOP, amountFen: AMOUNT_FEN, validDays: 30, greeting: '祝您生日快乐，身体健康，工作顺利，阖家幸福！' });
    const setupSeconds = (performance.now() - t1) / 1000;

    // Counted here, apart from the job: the roster, today's people (this query also builds the emulator's index
    // on the month-day, which in the cloud exists beforehand), and the backfill's query, which every run makes.
    const roster = (await db.collection('members').where({ unionId: UNION }).count()).total as number;
    const todays = (await db.collection('members').where({ unionId: UNION, birthMonthDay: TODAY.slice(5) }).count()).total as number;
    const b0 = performance.now();
    const unfilled = (await db.collection('members').where({ unionId: UNION, birthMonthDay: db.command.exists(false) }).limit(500).get()).data.length as number;
    const backfillProbeMs = performance.now() - b0;
    console.log(
      `\n生日慰问（同一工会名册 ${roster.toLocaleString()} 人，生日均匀分布全年，今天 ${TODAY} 生日 ${todays} 人；写入名册 ${fmt(writeSeconds)} 秒，每批 ${batch.toLocaleString()} 人；政策、预算、店员、开启设置 ${fmt(setupSeconds)} 秒）：`,
    );
    console.log(`  补录查询（birthMonthDay 不存在，每次运行都查）：返回 ${unfilled} 个，${fmt(backfillProbeMs)} ms`);

    for (const label of ['首次运行', '当天再次运行']) {
      const before = await statsOf(json);
      const s0 = performance.now();
      const r = await json('/__emulator/triggers/jobs/daily', {});
      const ms = performance.now() - s0;
      if (r.ok !== true) throw new Error(JSON.stringify(r));
      const rows = byAction(before, await statsOf(json));
      const dbTrips = sum(rows, (k) => k.startsWith('database.'));
      const otherTrips = sum(rows, (k) => !k.startsWith('database.'));
      const b = (r.result as { data: { gifts: { birthdays: Record<string, number> } } }).data.gifts.birthdays;
      const vouchers = (await db.collection('gift_vouchers').where({ unionId: UNION }).count()).total as number;
      console.log(
        `  定时任务 jobs.daily ${label}：${fmt(ms)} ms；读取会员 ${b.membersRead.toLocaleString()} 人 / 名册 ${roster.toLocaleString()} 人（${fmt((100 * b.membersRead) / roster, 2)}%；今天生日 ${todays} 人），` +
          `发券 ${b.issued}（已发过 ${b.repeated}，拒绝 ${b.refused}，受阻 ${b.blocked}，失败 ${b.failed}，推迟 ${b.deferred}，补录 ${b.backfilled}），库中共 ${vouchers} 张券；` +
          `数据库往返 ${dbTrips.toLocaleString()} 次，另有订阅消息等 ${otherTrips.toLocaleString()} 次（无生日工会时整个任务 ${sum(emptyTrips, () => true)} 次）`,
      );
      console.log(`    往返按类：${rows.map(([k, n]) => `${k} ${n.toLocaleString()}`).join('，')}`);
    }
    console.log(`    （无生日工会时的任务往返按类：${emptyTrips.map(([k, n]) => `${k} ${n}`).join('，')}）`);
  } finally {
    await json('/__emulator/clock', { now: null });
  }
}
