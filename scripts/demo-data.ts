/**
 * Demo data for `npm start` (demo mode only): the accounts offered by the H5 dev sign-in, and a union loaded
 * into a fresh data folder — through the cloud functions themselves, as its officers would build it: the first
 * officer sets the union up with a setup code, adds the roster, members bind, roles are granted (a 关爱专员 too),
 * the year's policy starts from the 淄博 template, budgets are set and the year's gifts are recorded; the coming
 * events are published and a few members have signed up. Birthday cake vouchers are on, at the clerk's shop, and
 * 张伟's birthday is the day the demo is loaded: the daily job run after loading gives him his voucher (陈静's is
 * the day after, for the browser journey's clock). From September on, the coming year's policy and budgets are
 * adopted too, so the 春节 gifts can be prepared.
 */
import type { DemoAccount } from '../emulator/emulator';
import { addDays, shanghaiAt, shanghaiDateKey, shanghaiYear } from '../src/core/time';
import { coverPng, type CoverScene } from './cover-art';

export const DEMO_UNION_NAME = '淄博市科技局机关工会';

/** The designated cake shop, whose clerk is a demo account. */
export const DEMO_CAKE_SHOP = '好利来蛋糕（人民西路店）';
/** The member whose birthday is the day the demo data is loaded (张伟, the member the demo signs in as first). */
export const DEMO_BIRTHDAY_TODAY = 'A0004';
/** The member whose birthday is the day after (陈静): the browser journey sets the clock to it and runs the job. */
export const DEMO_BIRTHDAY_TOMORROW = 'A0007';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { openid: 'demo-member-zhang', label: '演示会员 张伟' },
  { openid: 'demo-member-wang', label: '演示会员 王芳（未认证：工号 A0005，手机后四位 0005）' },
  { openid: 'demo-officer-li', label: '演示工会干部 李娜（兼帮扶审核）' },
  { openid: 'demo-chair-zhao', label: '演示工会主席 赵建国' },
  { openid: 'demo-auditor-sun', label: '演示经费审查 孙丽' },
  { openid: 'demo-handler-chen', label: '演示关爱专员 陈静' },
  { openid: 'demo-clerk-chen', label: '演示蛋糕店店员 周敏' },
  { openid: 'demo-committee-qian', label: '演示工委干部 钱立新（市直机关工会工委）' },
];

interface Person {
  name: string;
  employeeNo: string;
  department: string;
  gender: 'male' | 'female';
  birthDate: string;
  phone: string;
  joinedAt: string;
  status?: 'active' | 'retired';
}

export const DEMO_ROSTER: Person[] = [
  { name: '李娜', employeeNo: 'A0002', department: '机关党委', gender: 'female', birthDate: '1983-04-16', phone: '13905330002', joinedAt: '2006-07-01' },
  { name: '孙丽', employeeNo: 'A0003', department: '财务处', gender: 'female', birthDate: '1979-10-02', phone: '13905330003', joinedAt: '2003-07-01' },
  { name: '张伟', employeeNo: 'A0004', department: '科技处', gender: 'male', birthDate: '1976-11-28', phone: '13905330004', joinedAt: '2000-07-01' },
  { name: '王芳', employeeNo: 'A0005', department: '办公室', gender: 'female', birthDate: '1988-03-09', phone: '13905330005', joinedAt: '2011-07-01' },
  { name: '刘洋', employeeNo: 'A0006', department: '高新技术处', gender: 'male', birthDate: '1990-06-21', phone: '13905330006', joinedAt: '2014-07-01' },
  { name: '陈静', employeeNo: 'A0007', department: '人事处', gender: 'female', birthDate: '1985-12-12', phone: '13905330007', joinedAt: '2008-07-01' },
  { name: '杨帆', employeeNo: 'A0008', department: '科技处', gender: 'male', birthDate: '1992-08-30', phone: '13905330008', joinedAt: '2016-07-01' },
  { name: '赵敏', employeeNo: 'A0009', department: '办公室', gender: 'female', birthDate: '1969-02-14', phone: '13905330009', joinedAt: '1992-07-01', status: 'retired' },
];

type Call = (openid: string, fn: string, action: string, payload?: unknown) => Promise<unknown>;
/** Upload a file as `openid` (as the H5 app does); its fileID. */
type Upload = (openid: string, bytes: Buffer, name: string) => Promise<string>;

/** Load the demo union through the functions. `call` throws on a failed reply. */
export async function seedDemo(call: Call, setupCode: string, committeeSetupCode: string, now: Date, upload: Upload): Promise<void> {
  const year = shanghaiYear(now);
  const today = shanghaiDateKey(now);
  const boot = (await call('demo-chair-zhao', 'members', 'bootstrap', {
    setupCode,
    union: { name: DEMO_UNION_NAME, shortName: '科技局机关工会' },
    me: { name: '赵建国', employeeNo: 'A0001', department: '机关党委', gender: 'male', birthDate: '1968-05-20', phone: '13905330001' },
  })) as { member: { id: string } };
  const ids: Record<string, string> = { A0001: boot.member.id };
  for (const p of DEMO_ROSTER) {
    // 1976 and 1984 are leap years: 29 February is a birthday in them.
    const birthDate = p.employeeNo === DEMO_BIRTHDAY_TODAY ? `1976-${today.slice(5)}` : p.employeeNo === DEMO_BIRTHDAY_TOMORROW ? `1984-${addDays(today, 1).slice(5)}` : p.birthDate;
    const saved = (await call('demo-chair-zhao', 'members', 'rosterSave', { fields: { ...p, birthDate, duesPaid: true } })) as { id: string };
    ids[p.employeeNo] = saved.id;
  }
  for (const [openid, p] of [
    ['demo-officer-li', DEMO_ROSTER[0]],
    ['demo-auditor-sun', DEMO_ROSTER[1]],
    ['demo-member-zhang', DEMO_ROSTER[2]],
    ['demo-handler-chen', DEMO_ROSTER[5]],
  ] as const) {
    await call(openid, 'members', 'bind', { name: p.name, employeeNo: p.employeeNo, phoneLast4: p.phone.slice(-4) });
  }
  await call('demo-chair-zhao', 'members', 'rolesGrant', { memberId: ids.A0002, role: 'officer' });
  await call('demo-chair-zhao', 'members', 'rolesGrant', { memberId: ids.A0003, role: 'auditor' });
  // 会员关爱中心's named handler (关爱专员: e.g. the union's counsellor), who may also take 心理疏导 and 法律咨询.
  await call('demo-chair-zhao', 'members', 'rolesGrant', { memberId: ids.A0007, role: 'care_handler' });
  // 困难帮扶's reviewers: 李娜 (帮扶审核, granted by the chair only) and the chair, so that two different people decide.
  await call('demo-chair-zhao', 'members', 'rolesGrant', { memberId: ids.A0002, role: 'hardship_reviewer' });
  // The local 低保 standard (淄博 urban, per person and month) for the members' self-check, and 7 days of 公示.
  await call('demo-officer-li', 'hardship', 'settingsSave', { dibaoFen: 101_000, publicityDays: 7 });
  const invite = (await call('demo-officer-li', 'members', 'clerkInvite', { name: '周敏', shopName: DEMO_CAKE_SHOP })) as { code: string };
  await call('demo-clerk-chen', 'members', 'redeemInvite', { code: invite.code });

  // The upper-level committee, and the union placed under it: its officers see the union's yearly report.
  await call('demo-committee-qian', 'members', 'bootstrap', {
    setupCode: committeeSetupCode,
    union: { name: '淄博市直机关工会工委', shortName: '市直机关工会工委', kind: 'committee' },
    me: { name: '钱立新', employeeNo: 'W0001', department: '工委办公室', gender: 'male', birthDate: '1970-09-09', phone: '13905339001' },
  });
  const committees = (await call('demo-chair-zhao', 'members', 'unions')) as { items: { id: string; kind: string }[] };
  const committee = committees.items.find((u) => u.kind === 'committee');
  await call('demo-chair-zhao', 'members', 'unionSetCommittee', { committeeId: committee?.id ?? null });
  // The committee decides and pays 大病关爱 from its own budget, under its own policy (辽宁省直: once a year, ≤ 50,000).
  for (const y of Number(today.slice(5, 7)) >= 9 ? [year, year + 1] : [year]) {
    await call('demo-committee-qian', 'ledger', 'policySave', { year: y, templateId: 'liaoning-szjg-2019' });
    await call('demo-committee-qian', 'ledger', 'budgetSet', { year: y, line: 'hardship', amountFen: 500_000_00 });
  }

  // From September on (this year's 中秋 may be past), the coming year's too: its 春节 gifts are prepared before it.
  for (const y of Number(today.slice(5, 7)) >= 9 ? [year, year + 1] : [year]) {
    await call('demo-chair-zhao', 'ledger', 'policySave', { year: y, templateId: 'zibo-kjj-2017' });
    for (const [line, yuan] of [
      ['holiday', 60_000],
      ['birthday', 12_000],
      ['care', 20_000],
      ['hardship', 30_000],
      ['events', 15_000],
      ['awards', 5_000],
    ] as const) {
      await call('demo-officer-li', 'ledger', 'budgetSet', { year: y, line, amountFen: yuan * 100 });
    }
  }
  // The year so far: only what has already happened by today.
  const active = DEMO_ROSTER.filter((p) => p.status !== 'retired').map((p) => p.employeeNo);
  const payouts: { date: string; item: string; holiday?: string; amountFen: number; form: string; members: string[]; note: string }[] = [
    { date: `${year}-02-10`, item: 'holiday_gift', holiday: 'springFestival', amountFen: 39_800, form: 'in_kind', members: ['A0001', ...active], note: '春节慰问品：米面油组合' },
    { date: `${year}-06-16`, item: 'holiday_gift', holiday: 'dragonBoat', amountFen: 28_800, form: 'in_kind', members: ['A0001', ...active], note: '端午慰问品：粽子礼盒' },
    { date: `${year}-03-09`, item: 'birthday', amountFen: 19_800, form: 'cake_voucher', members: ['A0005'], note: '生日蛋糕券' },
    { date: `${year}-04-16`, item: 'birthday', amountFen: 19_800, form: 'cake_voucher', members: ['A0002'], note: '生日蛋糕券' },
    { date: `${year}-05-20`, item: 'birthday', amountFen: 19_800, form: 'cake_voucher', members: ['A0001'], note: '生日蛋糕券' },
    { date: `${year}-09-15`, item: 'care_hospitalisation', amountFen: 50_000, form: 'cash', members: ['A0006'], note: '住院慰问' },
    { date: `${year}-10-20`, item: 'study_award', amountFen: 30_000, form: 'in_kind', members: ['A0008'], note: '读书会优秀学员' },
  ];
  let n = 0;
  for (const p of payouts) {
    if (p.date > today) continue;
    for (const no of p.members) {
      n += 1;
      await call('demo-officer-li', 'ledger', 'ledgerRecord', {
        item: p.item,
        ...(p.holiday ? { holiday: p.holiday } : {}),
        ...(p.item === 'care_hospitalisation' ? { illnessKey: `demo-${no}-${year}` } : {}),
        memberId: ids[no],
        amountFen: p.amountFen,
        form: p.form,
        date: p.date,
        note: p.note,
        requestKey: `demo-seed-${year}-${String(n).padStart(4, '0')}`,
      });
    }
  }

  // Birthday cake vouchers at the clerk's shop, on the day; the daily job after loading issues today's.
  await call('demo-officer-li', 'gifts', 'birthdaySettingsSave', {
    enabled: true,
    timing: 'onDay',
    daysBefore: 3,
    shopName: DEMO_CAKE_SHOP,
    amountFen: 19_800,
    validDays: 30,
    greeting: '祝您生日快乐，身体健康，工作顺利，阖家幸福！',
  });

  await seedEvents(call, upload, now);
}

/**
 * Coming events: one to sign up for in two taps, one with questions (sizes, meals, family), one already full
 * (a new sign-up is waitlisted), one for women only (张伟 sees why he cannot join).
 */
async function seedEvents(call: Call, upload: Upload, now: Date): Promise<void> {
  const day = (days: number, hhmm: string) => shanghaiAt(addDays(shanghaiDateKey(now), days), hhmm).toISOString();
  const window = (days: number) => ({ signupOpensAt: now.toISOString(), signupClosesAt: day(days - 2, '18:00'), cancelDeadline: day(days - 1, '12:00') });
  const events = [
    { title: '机关乒乓球友谊赛', kind: 'table_tennis', place: '机关活动中心二楼', startsAt: day(7, '14:30'), endsAt: day(7, '17:30'), capacity: 16, description: '单打循环赛，球拍球台由工会准备。比赛设一、二、三等奖。', ...window(7) },
    {
      title: '秋季登山健步走',
      kind: 'outing',
      place: '鲁山国家森林公园（机关大院 7:30 集合乘车）',
      startsAt: day(10, '07:30'),
      endsAt: day(10, '16:00'),
      capacity: 40,
      workMeal: true,
      description: '同城一日，往返大巴，午餐为工作餐。可携带家属（计入名额）。',
      extraFields: [
        { key: 'size', label: '衣服尺码', type: 'choice', options: ['S', 'M', 'L', 'XL', 'XXL'] },
        { key: 'meal', label: '是否用餐', type: 'yesno' },
        { key: 'family', label: '携带家属人数', type: 'family', max: 2 },
      ],
      ...window(10),
    },
    { title: '读书分享会：《平凡的世界》', kind: 'reading', place: '三楼职工书屋', startsAt: day(5, '15:00'), endsAt: day(5, '17:00'), capacity: 2, description: '名额有限，满员后可候补。', ...window(5) },
    { title: '女职工瑜伽体验课', kind: 'fitness', place: '机关活动中心一楼', startsAt: day(12, '18:30'), endsAt: day(12, '20:00'), capacity: 20, audience: { genders: ['female'], retirees: true }, ...window(12) },
  ];
  const ids: string[] = [];
  const covers: Partial<Record<string, CoverScene>> = { table_tennis: 'table_tennis', outing: 'outing', reading: 'reading' };
  for (const [i, e] of events.entries()) {
    const scene = covers[e.kind];
    const coverFileID = scene ? await upload('demo-officer-li', coverPng(scene), `${scene}.png`) : null;
    const r = (await call('demo-officer-li', 'events', 'publish', { ...e, coverFileID, requestKey: `demo-event-${String(i + 1).padStart(4, '0')}` })) as { event: { id: string } };
    ids.push(r.event.id);
  }
  await call('demo-officer-li', 'events', 'signup', { eventId: ids[1], answers: { size: 'M', meal: true, family: 1 } });
  await call('demo-auditor-sun', 'events', 'signup', { eventId: ids[1], answers: { size: 'S', meal: false } });
  await call('demo-officer-li', 'events', 'signup', { eventId: ids[2] });
  await call('demo-auditor-sun', 'events', 'signup', { eventId: ids[2] });
}
