/**
 * The daily job's care work through the emulator (the `jobs` timer function, the real SDK, the emulator's clock):
 * reminders the working day before a deadline — over a real holiday and by a union's own 放假安排 — to the right
 * people; 督办 of overdue cases to the chair; each once, also when the job runs twice or two runs overlap; nothing for
 * a closed case; and the job reads the cases whose deadline is near, not every open case.
 */
import { connectSdk } from '../../emulator/sdk-client';
import { PAGES } from '../../src/core/pages';
import { CARE_TEMPLATE, buildWorld, person, unwrap, type World } from '../testing/world';
import type { CallInput } from '../testing/contracts';
import type { CareDailyResult } from './reminders';

let w: World;

/** Shanghai wall time → the instant (the emulator's clock is set in UTC). */
const at = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+08:00`).toISOString();

/** Documents of care_cases the emulator's engine answered with, counted at the engine (not as the job reports). */
let casesReadAtEngine = 0;

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set(at('2026-09-25'));
  // Deadlines of this file: 生活 accepted within 3 working days (the rest keep the defaults 1 and 5).
  const settings = unwrap(await w.call('officer', 'care', 'settingsGet'));
  unwrap(await w.call('officer', 'care', 'settingsSave', { deadlines: { ...settings.deadlines, life: { accept: 3, close: 5 } }, arrangements: {} }));
  const engine = w.emu.db as unknown as { handle(b: Record<string, unknown>): Promise<Record<string, unknown>> };
  const handle = engine.handle.bind(engine);
  engine.handle = async (b) => {
    const reply = await handle(b);
    if (b.action === 'database.getDocument' && b.collectionName === 'care_cases') {
      casesReadAtEngine += ((reply.data as { list?: unknown[] } | undefined)?.list ?? []).length;
    }
    return reply;
  };
}, 120_000);
afterAll(async () => {
  await w?.dispose();
});

let keys = 0;
const nextKey = () => `reminders-${String((keys += 1)).padStart(4, '0')}`;
type Ask = CallInput<'care', 'submit'>;
async function submit(who: string, over: Partial<Ask> = {}) {
  return unwrap(await w.call(who, 'care', 'submit', { category: 'work', title: '求助', body: '请帮忙。', contact: 'app', requestKey: nextKey(), ...over })).case;
}

/** Run the daily trigger at `when` (Shanghai wall time) and answer the care part of its result. */
async function runJob(day: string, hhmm = '02:00'): Promise<CareDailyResult> {
  w.emu.clock.set(at(day, hhmm));
  const r = await w.emu.post('/__emulator/triggers/jobs/daily', {});
  expect(r.body).toMatchObject({ ok: true, result: { ok: true } });
  return (r.body as { result: { data: { care: CareDailyResult } } }).result.data.care;
}

/** Every notice in `who`'s inbox about the case (its link names the case). */
async function noticesAbout(who: string, caseId: string) {
  const out = [];
  for (let page = 1; ; page += 1) {
    const r = unwrap(await w.call(who, 'notices', 'list', { page, pageSize: 50 }));
    out.push(...r.items.filter((n) => n.link?.includes(encodeURIComponent(caseId))));
    if (page * 50 >= r.total) return out;
  }
}
const dueSoon = async (who: string, caseId: string) => (await noticesAbout(who, caseId)).filter((n) => n.kind === 'care_due_soon');
const overdue = async (who: string, caseId: string) => (await noticesAbout(who, caseId)).filter((n) => n.kind === 'care_overdue');
const STAFF = ['chair', 'officer', 'careHandler', 'auditor', 'member'] as const;
/** How many reminders each of the world's people got about the case. */
async function remindersBy(caseId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const who of STAFF) out[who] = (await dueSoon(who, caseId)).length;
  return out;
}

describe('reminders the working day before a deadline', () => {
  test('over 国庆: a case due 10-08 is reminded on 09-30, not before and not during the holiday; one submitted on 09-30 is reminded on 10-08', async () => {
    // Monday 09-28: 生活 within 3 working days → 09-29, 09-30, (国庆 10-01…10-07), 10-08.
    w.emu.clock.set(at('2026-09-28'));
    const a = await submit('member', { category: 'life', title: '节前提交的求助' });
    expect(a.acceptDueDate).toBe('2026-10-08');
    await runJob('2026-09-29');
    expect(await remindersBy(a.id)).toEqual({ chair: 0, officer: 0, careHandler: 0, auditor: 0, member: 0 });
    await runJob('2026-09-30');
    // A new case nobody took yet: the officers (the chair is one) — not the 关爱专员, the auditor or the member.
    expect(await remindersBy(a.id)).toEqual({ chair: 1, officer: 1, careHandler: 0, auditor: 0, member: 0 });
    const [n] = await dueSoon('officer', a.id);
    expect(n).toMatchObject({ title: '10月8日到期：节前提交的求助', link: `${PAGES.careHandle.path}?id=${encodeURIComponent(a.id)}` });
    expect(n.body).toContain('10月8日（下一个工作日）到期');
    expect(n.body).toContain('尚无人受理');
    expect(n.body).toContain('张伟');
    // Pushed on the care template to the officer's WeChat.
    const outbox = (await w.emu.get('/__emulator/outbox')).body as { to: string; templateId: string; data: Record<string, { value: string }> }[];
    expect(outbox.some((m) => m.to === w.openids.officer && m.templateId === CARE_TEMPLATE && m.data.thing1.value === '节前提交的求助' && m.data.thing3.value === '10月8日到期，请及时受理')).toBe(true);

    // Submitted after the 09-30 run: due 10-08 too. Nobody is reminded during 国庆; on 10-08 it is due today.
    w.emu.clock.set(at('2026-09-30', '15:00'));
    const b = await submit('member', { title: '节前下午的求助' });
    expect(b.acceptDueDate).toBe('2026-10-08');
    for (const day of ['2026-10-01', '2026-10-03', '2026-10-05', '2026-10-07']) {
      const r = await runJob(day);
      expect(r).toMatchObject({ workingDay: false, reminders: 0, read: { cases: 0 } });
    }
    expect(await remindersBy(b.id)).toEqual({ chair: 0, officer: 0, careHandler: 0, auditor: 0, member: 0 });
    await runJob('2026-10-08');
    expect((await dueSoon('officer', b.id)).map((x) => x.title)).toEqual(['今天到期：节前下午的求助']);
    // The case reminded on 09-30 is not reminded again on its due day.
    expect(await remindersBy(a.id)).toEqual({ chair: 1, officer: 1, careHandler: 0, auditor: 0, member: 0 });
  });

  test('once when the job runs twice, and when two runs overlap', async () => {
    // Thursday 11-19, due Friday 11-20.
    w.emu.clock.set(at('2026-11-19', '09:00'));
    const c = await submit('member', { title: '重复运行也只提醒一次' });
    expect(c.acceptDueDate).toBe('2026-11-20');
    w.emu.clock.set(at('2026-11-19', '12:00'));
    const [first, second] = await Promise.all([w.emu.post('/__emulator/triggers/jobs/daily', {}), w.emu.post('/__emulator/triggers/jobs/daily', {})]);
    for (const r of [first, second]) expect(r.body).toMatchObject({ ok: true, result: { ok: true } });
    const sent = [first, second].map((r) => (r.body as { result: { data: { care: CareDailyResult } } }).result.data.care.reminders);
    await runJob('2026-11-19', '12:30');
    await runJob('2026-11-20');
    expect(await remindersBy(c.id)).toEqual({ chair: 1, officer: 1, careHandler: 0, auditor: 0, member: 0 });
    // Between them the two overlapping runs sent the two notices (to the chair and the officer), not four.
    expect(sent[0] + sent[1]).toBe(2);
    expect((await dueSoon('chair', c.id))[0].title).toBe('明天到期：重复运行也只提醒一次');
    const pushes = ((await w.emu.get('/__emulator/outbox')).body as { to: string; data: Record<string, { value: string }> }[]).filter((m) => m.to === w.openids.officer && m.data.thing1.value === '重复运行也只提醒一次');
    expect(pushes).toHaveLength(1);
  });

  test('the closing deadline: its handler is reminded, and a new handler after 转派 too', async () => {
    // Accepted Monday 11-23 → close within 5 working days: 11-30 (Monday).
    w.emu.clock.set(at('2026-11-23'));
    const c = await submit('member', { title: '办结期限的提醒' });
    expect(unwrap(await w.call('officer', 'care', 'accept', { caseId: c.id })).closeDueDate).toBe('2026-11-30');
    await runJob('2026-11-26');
    expect((await dueSoon('officer', c.id)).filter((n) => n.title.includes('11月30日'))).toHaveLength(0);
    // Friday 11-27: the next working day is Monday 11-30.
    await runJob('2026-11-27');
    const [n] = (await dueSoon('officer', c.id)).filter((x) => x.title.includes('11月30日'));
    expect(n.body).toContain('由您办理');
    expect(n.body).toContain('请及时办结');
    expect((await dueSoon('chair', c.id)).filter((x) => x.title.includes('11月30日'))).toHaveLength(0);
    w.emu.clock.set(at('2026-11-27', '10:00'));
    unwrap(await w.call('officer', 'care', 'assign', { caseId: c.id, handlerId: w.ids.careHandler, reason: '请专员跟进' }));
    await runJob('2026-11-30');
    expect((await dueSoon('careHandler', c.id)).map((x) => x.title)).toEqual(['今天到期：办结期限的提醒']);
    expect((await dueSoon('officer', c.id)).filter((x) => x.title.includes('办结期限'))).toHaveLength(1);
  });

  test('an anonymous suggestion: the reminder and the 督办 say 匿名会员, never the sender', async () => {
    unwrap(await w.call('chair', 'members', 'rosterSave', { fields: person('A0040', '褚匿名', '13900000040') }));
    unwrap(await w.call('wx-a-anon-2', 'members', 'bind', { name: '褚匿名', employeeNo: 'A0040', phoneLast4: '0040' }));
    w.emu.clock.set(at('2026-12-02'));
    const c = await submit('wx-a-anon-2', { category: 'suggestion', title: '建议延长食堂供餐', anonymous: true });
    await runJob('2026-12-02', '12:00');
    await runJob('2026-12-04');
    const told = [...(await noticesAbout('officer', c.id)), ...(await noticesAbout('chair', c.id))];
    expect(told.map((n) => n.kind).sort()).toEqual(['care_due_soon', 'care_due_soon', 'care_overdue']);
    const text = JSON.stringify(told);
    expect(text).toContain('匿名会员');
    expect(text).not.toContain('褚匿名');
    const pushed = JSON.stringify(((await w.emu.get('/__emulator/outbox')).body as { data: unknown }[]).map((m) => m.data));
    expect(pushed).not.toContain('褚匿名');
  });
  test('a private case: before it is taken the chair only; once given to a 关爱专员, the 关爱专员 only', async () => {
    // Friday 12-04: accept due Monday 12-07, reminded the same day (the next working day is Monday).
    w.emu.clock.set(at('2026-12-04'));
    const c = await submit('member', { category: 'legal', title: '劳动合同纠纷咨询' });
    expect(c).toMatchObject({ private: true, acceptDueDate: '2026-12-07' });
    await runJob('2026-12-04', '12:00');
    expect(await remindersBy(c.id)).toEqual({ chair: 1, officer: 0, careHandler: 0, auditor: 0, member: 0 });
    w.emu.clock.set(at('2026-12-04', '14:00'));
    expect(unwrap(await w.call('chair', 'care', 'accept', { caseId: c.id })).closeDueDate).toBe('2026-12-11');
    unwrap(await w.call('chair', 'care', 'assign', { caseId: c.id, handlerId: w.ids.careHandler, reason: '法律专员' }));
    // Closing due Friday 12-11: reminded Thursday 12-10, to the 关爱专员 only.
    await runJob('2026-12-10');
    expect(await remindersBy(c.id)).toEqual({ chair: 1, officer: 0, careHandler: 1, auditor: 0, member: 0 });
    expect((await dueSoon('careHandler', c.id))[0].title).toBe('明天到期：劳动合同纠纷咨询');
  });

});

describe('督办 of overdue cases', () => {
  test('an overdue case goes before the chair once, with its audit record; the next deadline missed is a new 督办', async () => {
    // Monday 12-14, due Tuesday 12-15; overdue from Wednesday 12-16 00:00.
    w.emu.clock.set(at('2026-12-14'));
    const c = await submit('member', { title: '逾期未受理的求助' });
    await runJob('2026-12-15');
    expect(await overdue('chair', c.id)).toHaveLength(0);
    // Two runs at once, then two more.
    w.emu.clock.set(at('2026-12-16', '02:00'));
    await Promise.all([runJobNow(), runJobNow()]);
    await runJob('2026-12-16', '09:00');
    await runJob('2026-12-17');
    const told = await overdue('chair', c.id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ title: '督办：逾期未受理的求助（已逾期）' });
    expect(told[0].body).toContain('受理期限 2026-12-15 已过');
    expect(told[0].body).toContain('尚无人受理');
    // Only the chair: the officer was reminded, not given the 督办.
    expect(await overdue('officer', c.id)).toHaveLength(0);
    // The case is supervised: in the chair's 督办 view, with one internal line and one audit record by the job.
    w.emu.clock.set(at('2026-12-17'));
    expect(unwrap(await w.call('chair', 'care', 'queue', { view: 'supervised', pageSize: 50 })).items.find((i) => i.id === c.id)).toMatchObject({ supervised: true, overdue: true });
    const seen = unwrap(await w.call('officer', 'care', 'get', { caseId: c.id }));
    expect(seen.messages.filter((m) => m.from === 'system' && m.internal && m.text.includes('督办'))).toHaveLength(1);
    expect(JSON.stringify(unwrap(await w.call('member', 'care', 'get', { caseId: c.id })))).not.toContain('督办');
    const log = unwrap(await w.call('chair', 'members', 'auditList', { pageSize: 100 })).items.filter((e) => e.action === 'care.overdue' && e.targetLabel === '逾期未受理的求助');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorName: '系统（每日任务）', actionLabel: '逾期督办' });
    const pushes = ((await w.emu.get('/__emulator/outbox')).body as { to: string; data: Record<string, { value: string }> }[]).filter((m) => m.to === w.openids.chair && m.data.thing1.value === '逾期未受理的求助' && m.data.thing3.value.includes('督办'));
    expect(pushes).toHaveLength(1);

    // Accepted late on 12-17 → closing due 12-24; missed again → a second 督办, for that deadline.
    expect(unwrap(await w.call('officer', 'care', 'accept', { caseId: c.id })).closeDueDate).toBe('2026-12-24');
    await runJob('2026-12-28');
    await runJob('2026-12-28', '09:00');
    const both = await overdue('chair', c.id);
    expect(both.map((n) => n.body.includes('办结期限 2026-12-24 已过'))).toEqual([true, false]);
    expect(both[0].body).toContain('处理人：李娜');
  });

  test('a closed, withdrawn or returned case is never reminded or supervised', async () => {
    w.emu.clock.set(at('2026-12-29'));
    const closed = await submit('member', { title: '已办结的事' });
    unwrap(await w.call('officer', 'care', 'accept', { caseId: closed.id }));
    unwrap(await w.call('officer', 'care', 'close', { caseId: closed.id, summary: '当天办结' }));
    const withdrawn = await submit('member', { title: '已撤回的事' });
    unwrap(await w.call('member', 'care', 'withdraw', { caseId: withdrawn.id, reason: '已解决' }));
    const returned = await submit('member', { title: '已退回的事' });
    unwrap(await w.call('officer', 'care', 'sendBack', { caseId: returned.id, reason: '不属于工会职责' }));
    for (const day of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06']) await runJob(day, day === '2026-12-29' ? '12:00' : '02:00');
    for (const c of [closed, withdrawn, returned]) {
      for (const who of STAFF) {
        const kinds = (await noticesAbout(who, c.id)).map((n) => n.kind);
        expect(kinds.filter((k) => k === 'care_due_soon' || k === 'care_overdue')).toEqual([]);
      }
    }
  });
});

/** The trigger, on the clock as it is (for runs started together). */
async function runJobNow(): Promise<CareDailyResult> {
  const r = await w.emu.post('/__emulator/triggers/jobs/daily', {});
  expect(r.body).toMatchObject({ ok: true, result: { ok: true } });
  return (r.body as { result: { data: { care: CareDailyResult } } }).result.data.care;
}

describe('working days per union', () => {
  test('a union that entered its own 放假安排 is reminded by it: its day off moves the reminder to the working day before', async () => {
    // Union B (its chair is "otherOfficer") takes Tuesday 2027-01-12 off; union A counts 2027 by weekends only.
    w.emu.clock.set(at('2027-01-08'));
    const settings = unwrap(await w.call('otherOfficer', 'care', 'settingsGet'));
    unwrap(await w.call('otherOfficer', 'care', 'settingsSave', { deadlines: settings.deadlines, arrangements: { '2027': { off: ['2027-01-12'], on: [] } } }));
    // Monday 01-11: B's case is due Wednesday 01-13 (01-12 is B's day off); A's case is due Tuesday 01-12.
    w.emu.clock.set(at('2027-01-11', '09:00'));
    const theirs = await submit('otherOfficer', { title: '乙工会的求助' });
    expect(theirs.acceptDueDate).toBe('2027-01-13');
    const ours = await submit('member', { title: '甲工会周一的求助' });
    expect(ours.acceptDueDate).toBe('2027-01-12');
    // The same run on Monday reminds both: for B, Wednesday is its next working day.
    await runJob('2027-01-11', '12:00');
    expect((await dueSoon('otherOfficer', theirs.id)).map((n) => n.title)).toEqual(['1月13日到期：乙工会的求助']);
    expect((await dueSoon('officer', ours.id)).map((n) => n.title)).toEqual(['明天到期：甲工会周一的求助']);
    // Tuesday 01-12, B's day off: B gets nothing (its case was reminded on Monday); A's case is due today (reminded once).
    const tuesday = await runJob('2027-01-12');
    expect(tuesday.workingDay).toBe(true);
    expect(await dueSoon('otherOfficer', theirs.id)).toHaveLength(1);
    expect(await dueSoon('officer', ours.id)).toHaveLength(1);
    // Wednesday 01-13: A's case is overdue → 督办 to A's chair; B's is due today (already reminded).
    await runJob('2027-01-13');
    expect(await overdue('chair', ours.id)).toHaveLength(1);
    expect(await overdue('otherOfficer', theirs.id)).toHaveLength(0);
    unwrap(await w.call('otherOfficer', 'care', 'settingsSave', { deadlines: settings.deadlines, arrangements: {} }));
  });
});

describe('bounded reads', () => {
  test('with 300 open cases of which 3 are due, the job reads only the 3', async () => {
    // Tuesday 2027-02-02: the three are submitted the day before (due Tuesday, 02-02).
    w.emu.clock.set(at('2027-02-01'));
    const due = [await submit('member', { title: '临近期限一' }), await submit('member', { title: '临近期限二' }), await submit('member', { title: '临近期限三' })];
    // 297 more written straight into the collection: open, with deadlines long past or weeks ahead, and 200 closed.
    const db = connectSdk(w.emu.url, w.emu.envId).database();
    const template = ((await db.collection('care_cases').doc(due[0].id).get()) as { data: Record<string, unknown> }).data;
    const { _id: _ignored, ...rest } = template;
    const day = 86_400_000;
    const start = new Date(at('2027-02-02', '00:00')).getTime();
    const fill = (i: number, open: boolean) => ({
      ...rest,
      _id: `${String(rest.unionId)}:bulk-${String(i).padStart(4, '0')}`,
      title: `批量${i}`,
      open,
      status: open ? 'submitted' : 'closed',
      // Open: half overdue by 10–158 days, half due in 5–153 days (never within the job's windows). Closed: none.
      dueAt: open ? new Date(start + (i % 2 === 0 ? -(10 + (i % 149)) : 5 + (i % 149)) * day) : null,
    });
    const bulk = [...Array.from({ length: 297 }, (_, i) => fill(i, true)), ...Array.from({ length: 200 }, (_, i) => fill(1000 + i, false))];
    for (let i = 0; i < bulk.length; i += 100) await db.collection('care_cases').add({ data: bulk.slice(i, i + 100) });
    const open = (await db.collection('care_cases').where({ unionId: rest.unionId, open: true }).count()) as { total: number };
    expect(open.total).toBeGreaterThanOrEqual(300);

    const before = casesReadAtEngine;
    const r = await runJob('2027-02-02');
    const atEngine = casesReadAtEngine - before;
    expect(r.read.cases).toBe(3);
    // Counted at the engine: the window's three (and the 督办 transactions' reads, none here) — not the 300.
    expect(atEngine).toBe(3);
    for (const c of due) expect(await dueSoon('officer', c.id)).toHaveLength(1);
  });
});
