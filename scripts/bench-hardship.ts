/**
 * `npm run bench -- hardship`: the hardship area's screens at the size of a large union.
 *
 * One union (a chair, two 帮扶审核 reviewers, a plain member and the applicants, written as a fixture like the other
 * benches do) with 2,000 applications and 500 household files written straight into the database (a fixture:
 * 2,000 submissions through the functions would measure the fixture, not the screens). The applications come from a
 * few hundred members (`--applicants`, default 400) and are spread over the statuses as a union's year would leave
 * them — most still to decide (submitted, moreRequested, visiting, deciding, proposed), some in their 公示 (a period
 * that covers today), paid, refused and withdrawn ones, and drafts the reviewers never see — each with every field its
 * status has (the course, requests for more, the first check's note, the home visit with photos, the proposal, the
 * approval and its 公示). The files are active, about one in seven past its yearly review. The year's policy (the 淄博
 * template) and the union's hardship settings (a 低保 standard, a 7-day 公示) are set through the functions.
 *
 * Then, through the gateway, each screen's call `--calls` times (default 30) after a warm-up call: p50/p95, database
 * round trips per call (and the other requests, such as temporary links to documents) and the reply's size. As a
 * reviewer: hardship.queue (to do, page 1 and the last page; all, page 1), hardship.open of one application (its
 * documents and visit photos stored for real, so the links are real), hardship.files (active and due). As a plain
 * member: hardship.publicity page 1, and how many 公示 entries are showing.
 *
 *   npm run bench -- hardship [--applications 2000] [--files 500] [--applicants 400] [--calls 30]
 *
 * The emulator's clock is set to a fixed day (Tuesday 2026-11-17, 15:00 in Shanghai) so that the figures do not
 * depend on the day the bench runs, and set back afterwards.
 */
import {
  APPLICATION_STATUS_LABELS,
  sensitiveConsents,
  type AidFacts,
  type AidKind,
  type ApplicationStatus,
  type HardshipCategory,
} from '../src/core/domain/hardship';
import { addDays, shanghaiDateKey, shanghaiYear, type DateKey } from '../src/core/time';
import { applicationId, householdFileId, publicityIdOf, type ApplicationDoc, type HardshipFile, type HouseholdFileDoc } from '../server/hardship/store';
import type { ActorRef } from '../server/db/types';
import { writeUnion } from '../server/testing/fixture';
import { arg, fmt, percentile, statsOf, tripsByAction, type Json } from './bench-util';

const UNION = 'bench-hardship-union';
/** Tuesday 2026-11-17, 15:00 in Shanghai. */
const NOW = new Date('2026-11-17T07:00:00.000Z');
const TODAY: DateKey = shanghaiDateKey(NOW);
const DAY = 86_400_000;
/** People before the applicants: the chair (sets the policy), the reviewer who measures, the reviewer who proposes, a plain member. */
const CHAIR = 0;
const REVIEWER = 1;
const PROPOSER = 2;
const PLAIN = 3;
const FIRST_APPLICANT = 4;
const BATCH = 100;

/** The statuses by share of 100, in a union's year: most still to decide. */
const MIX: [ApplicationStatus, number][] = [
  ['draft', 8],
  ['submitted', 20],
  ['moreRequested', 8],
  ['visiting', 14],
  ['deciding', 12],
  ['proposed', 6],
  ['publicizing', 4],
  ['paid', 16],
  ['rejected', 7],
  ['withdrawn', 5],
];
const SLOTS: ApplicationStatus[] = MIX.flatMap(([s, n]) => Array.from({ length: n }, () => s));
/** Application i's status: the slots in a different order in every hundred (37 is prime to 100). */
const statusOf = (i: number): ApplicationStatus => SLOTS[(i * 37 + Math.floor(i / 100)) % 100];
const UNDECIDED: readonly ApplicationStatus[] = ['submitted', 'moreRequested', 'visiting', 'deciding', 'proposed'];
/** 大病关爱 is referred to the 工委, never proposed here: those of its statuses are 困难帮扶 instead. */
const kindOf = (i: number, status: ApplicationStatus): AidKind => {
  const k: AidKind = i % 10 < 7 ? 'hardship' : i % 10 < 9 ? 'schooling' : 'illness';
  return k === 'illness' && ['proposed', 'publicizing', 'paid'].includes(status) ? 'hardship' : k;
};

const at = (day: DateKey, time: string) => new Date(`${day}T${time}+08:00`);
const employeeNo = (p: number) => `K${String(p).padStart(5, '0')}`;
const nameOf = (p: number) => `会员${employeeNo(p)}`;
/** As server/testing/fixture.ts writes the department. */
const departmentOf = (p: number) => `处室${p % 9}`;
const refOf = (p: number): ActorRef => ({ openid: `bench-hardship-${p}`, memberId: `${UNION}:${employeeNo(p)}`, name: nameOf(p) });

const CAUSES = [
  '配偶今年三月确诊慢性肾病，每周透析三次，医保报销后每月自付仍有两千余元，家中只有本人一份工资收入。',
  '孩子今年考入大学，学费住宿费每年一万二千元，父母年老多病需要照顾，家庭收入难以负担。',
  '七月暴雨中家中房屋受损，修缮花费三万余元，借款尚未还清，配偶失业在家，生活较为困难。',
  '本人去年做了心脏手术，术后长期服药复查，配偶在超市打零工收入不稳定，孩子正在读高中。',
];

/** A household as a member declares it: 本人, 配偶, a child at school, sometimes a parent; complete, so the form's checks pass. */
function factsOf(p: number, kind: AidKind, n: number): AidFacts {
  const household: AidFacts['household'] = [
    { name: nameOf(p), relation: 'self', age: 32 + (p % 25), occupation: 'employed', monthlyIncomeFen: 320_000 + (p % 7) * 15_000 },
    { name: `配偶${p}`, relation: 'spouse', age: 31 + (p % 25), occupation: p % 3 === 0 ? 'unemployed' : 'flexible', monthlyIncomeFen: p % 3 === 0 ? 0 : 150_000 },
    { name: `子女${p}`, relation: 'child', age: 10 + (p % 9), occupation: 'student', monthlyIncomeFen: 0 },
    ...(p % 2 ? [{ name: `父亲${p}`, relation: 'parent' as const, age: 66 + (p % 15), occupation: 'retired' as const, monthlyIncomeFen: 180_000 }] : []),
  ];
  return {
    kind,
    household,
    expenses: { medicalFen: kind === 'illness' || p % 4 === 0 ? 210_000 : 0, schoolingFen: kind === 'schooling' ? 100_000 : 40_000, otherFen: 60_000 },
    cause: CAUSES[n % CAUSES.length],
    ...(kind === 'schooling' ? { school: { childIndex: 2, school: '淄博市第一中学', level: 'highSchool' as const } } : {}),
    ...(kind === 'illness' ? { patientIndex: 0 } : {}),
  };
}

/** The statuses an application went through after its draft, to reach `status`. */
function courseTo(status: ApplicationStatus, i: number): ApplicationStatus[] {
  const toDeciding: ApplicationStatus[] = ['submitted', ...(i % 5 === 0 ? (['moreRequested', 'submitted'] as const) : []), 'visiting', 'deciding'];
  switch (status) {
    case 'draft':
      return [];
    case 'submitted':
      return i % 3 === 0 ? ['submitted', 'moreRequested', 'submitted'] : ['submitted'];
    case 'moreRequested':
      return ['submitted', 'moreRequested'];
    case 'visiting':
      return ['submitted', 'visiting'];
    case 'deciding':
      return toDeciding;
    case 'proposed':
      return [...toDeciding, 'proposed'];
    case 'publicizing':
      return [...toDeciding, 'proposed', 'publicizing'];
    case 'paid':
      return [...toDeciding, 'proposed', 'publicizing', 'paid'];
    case 'rejected':
      return i % 2 ? ['submitted', 'rejected'] : [...toDeciding, 'rejected'];
    case 'withdrawn':
      return i % 2 ? ['withdrawn'] : ['submitted', 'withdrawn'];
    default:
      throw new Error(`not seeded: ${status}`);
  }
}

const NOTES: Partial<Record<ApplicationStatus, string>> = {
  moreRequested: '请补充配偶的诊断证明和近三个月的医疗费用票据',
  rejected: '家庭人均收入高于本会帮扶标准，暂不予帮扶',
  withdrawn: '家里情况有所好转，先撤回申请',
};

/** Application i: its member, kind and status, and every field that status has. `files` makes a document's fileID. */
function applicationOf(i: number, applicants: number, fileIdOf: (id: string, name: string) => string): ApplicationDoc {
  const p = FIRST_APPLICANT + (i % applicants);
  const memberId = `${UNION}:${employeeNo(p)}`;
  const status = statusOf(i);
  const kind = kindOf(i, status);
  const id = applicationId(UNION, memberId, `bench-hardship-${i}`);
  const facts = factsOf(p, kind, i);
  const course = courseTo(status, i);

  // When: still to decide within the last two months; in its 公示 since one of the last 7 days; decided within two years.
  let created: Date;
  let end: Date;
  let publicity: { from: DateKey; to: DateKey } | null = null;
  if (status === 'draft' || UNDECIDED.includes(status)) {
    created = new Date(NOW.getTime() - (2 + ((i * 13) % 58)) * DAY);
    end = new Date(NOW.getTime() - (1 + (i % 20)) * 3_600_000);
  } else if (status === 'publicizing' || status === 'paid') {
    const from = addDays(TODAY, status === 'publicizing' ? -(i % 7) : -(10 + ((i * 7) % 700)));
    publicity = { from, to: addDays(from, 6) };
    end = at(from, '09:30:00');
    created = new Date(end.getTime() - 30 * DAY);
  } else {
    end = new Date(NOW.getTime() - (3 + ((i * 11) % 700)) * DAY);
    created = new Date(end.getTime() - (course.length === 1 ? 3 : 20) * DAY);
  }
  // The steps spread from the draft to the last decision; the payout the day after the 公示 ends, at 02:00.
  const spread = course.filter((s) => s !== 'paid');
  const steps: ApplicationDoc['steps'] = [
    { status: 'draft' as const, at: created, note: '' },
    ...spread.map((s, k) => {
      const prev = spread[k - 1];
      const note = s === 'submitted' && prev === 'moreRequested' ? '已补充材料：已上传诊断证明和费用票据' : (NOTES[s] ?? '');
      return { status: s, at: new Date(created.getTime() + ((end.getTime() - created.getTime()) * (k + 1)) / spread.length), note };
    }),
  ];
  const paidAt = status === 'paid' && publicity ? at(addDays(publicity.to, 1), '02:00:00') : null;
  if (paidAt) steps.push({ status: 'paid', at: paidAt, note: '' });
  const stepAt = (s: ApplicationStatus) => steps.find((x) => x.status === s)?.at ?? null;
  const submittedAt = stepAt('submitted');

  const doc = (name: string, addedAt: Date): HardshipFile => ({ fileID: fileIdOf(id, name), name, isImage: !name.endsWith('.pdf'), addedAt });
  const documents = [doc('诊断证明.pdf', created), doc('收入证明.jpg', created), doc('户口簿.jpg', created)];
  const more = stepAt('moreRequested');
  if (more && steps.filter((s) => s.status === 'submitted').length > 1) documents.push(doc('费用票据.jpg', steps[steps.findIndex((s) => s.status === 'moreRequested') + 1].at));
  const answer = steps.findIndex((s) => s.status === 'moreRequested');
  const requests = more
    ? [{ at: more, message: NOTES.moreRequested as string, by: refOf(PROPOSER), answeredAt: steps[answer + 1]?.at ?? null, answer: steps[answer + 1] ? '已上传诊断证明和费用票据' : '' }]
    : [];
  const visiting = stepAt('visiting');
  const deciding = stepAt('deciding');
  const proposed = stepAt('proposed');
  const approvedAt = stepAt('publicizing');
  const consents = sensitiveConsents(facts);
  return {
    _id: id,
    unionId: UNION,
    applicantId: memberId,
    applicantName: nameOf(p),
    department: departmentOf(p),
    kind,
    facts,
    documents,
    status,
    open: UNDECIDED.includes(status),
    steps,
    requests,
    consents: submittedAt ? { purposeAt: submittedAt, health: consents.health, minors: consents.minors } : { purposeAt: null, health: false, minors: false },
    visits: deciding
      ? [
          {
            id: `v${String(i).padStart(15, '0')}`,
            visitedOn: shanghaiDateKey(deciding),
            visitors: `${nameOf(PROPOSER)}、${nameOf(REVIEWER)}`,
            found: '入户了解，家中陈设简朴，配偶在家照顾病人，所述收支情况属实，邻居和社区反映一致。',
            photos: [doc('走访照片1.jpg', deciding), doc('走访照片2.jpg', deciding)],
            by: refOf(PROPOSER),
            at: deciding,
          },
        ]
      : [],
    notes: visiting ? [{ at: visiting, by: refOf(PROPOSER), text: '初审通过：材料齐全' }] : [],
    proposal: proposed ? { amountFen: 100_000 + (i % 5) * 20_000, note: '按困难程度和本会标准提出', by: refOf(PROPOSER), at: proposed } : null,
    approvedBy: approvedAt ? refOf(REVIEWER) : null,
    approvedAt,
    publicity,
    publicityId: publicity ? publicityIdOf(id) : null,
    publicUntil: status === 'publicizing' && publicity ? publicity.to : null,
    objectionsOpen: 0,
    payIssue: null,
    paidAt,
    referral: null,
    version: steps.length,
    submittedAt,
    createdAt: created,
    updatedAt: steps[steps.length - 1].at,
  };
}

/** The household file of member p (file n): active, its review due in the coming year or (one in seven) already past. */
function fileOf(n: number, p: number, paid: readonly ApplicationDoc[]): HouseholdFileDoc {
  const memberId = `${UNION}:${employeeNo(p)}`;
  const due = n % 7 === 0;
  const reviewDue = due ? addDays(TODAY, -(1 + (n % 60))) : addDays(TODAY, 1 + ((n * 17) % 360));
  const reviewed = n % 2 === 1;
  const openedOn = addDays(reviewDue, reviewed ? -730 : -365);
  const aids = paid.length
    ? paid.map((a) => ({ applicationId: a._id, kind: a.kind, amountFen: (a.proposal as NonNullable<ApplicationDoc['proposal']>).amountFen, at: a.paidAt as Date }))
    : [{ applicationId: applicationId(UNION, memberId, `bench-hardship-file-${n}`), kind: 'hardship' as const, amountFen: 150_000, at: at(addDays(openedOn, 10), '02:00:00') }];
  const categories: HardshipCategory[] = ['deep', 'relative', 'accidental'];
  return {
    _id: householdFileId(UNION, memberId),
    unionId: UNION,
    memberId,
    memberName: nameOf(p),
    department: departmentOf(p),
    category: categories[n % 3],
    household: factsOf(p, 'hardship', n).household,
    aids,
    reviews: reviewed ? [{ on: addDays(reviewDue, -365), note: '年度复核：家庭收入和支出无明显变化，继续在档', by: refOf(REVIEWER), at: at(addDays(reviewDue, -365), '10:00:00') }] : [],
    status: 'active',
    openedOn,
    reviewDue,
    remindedFor: due && n % 2 === 0 ? reviewDue : null,
    closed: null,
    keepUntil: null,
    createdAt: at(openedOn, '10:00:00'),
    updatedAt: at(reviewed ? addDays(reviewDue, -365) : openedOn, '10:00:00'),
  };
}

type Reply = Record<string, unknown>;

/** A call through the gateway that must succeed: its data. */
async function must(json: Json, token: string, fn: string, action: string, payload: unknown): Promise<Record<string, unknown>> {
  const r = await json(`/functions/${fn}`, { action, payload }, token);
  if (r.ok !== true) throw new Error(`${fn}.${action}: ${JSON.stringify(r)}`);
  return r.data as Record<string, unknown>;
}

const sum = (rows: [string, number][], pred: (k: string) => boolean) => rows.filter(([k]) => pred(k)).reduce((n, [, v]) => n + v, 0);
const rowsText = (rows: [string, number][], per: number) => rows.map(([k, n]) => `${k} ${fmt(n / per, 2)}`).join('，');

/** One screen's call `runs` times in a row after a warm-up call: sorted latencies, round trips by kind, the last reply. */
async function measure(json: Json, token: string, action: string, payload: unknown, runs: number): Promise<{ times: number[]; rows: [string, number][]; last: Reply }> {
  await must(json, token, 'hardship', action, payload); // warm the instance and the indexes
  const before = await statsOf(json);
  const times: number[] = [];
  let last: Reply = {};
  for (let k = 0; k < runs; k += 1) {
    const s = performance.now();
    last = await json('/functions/hardship', { action, payload }, token);
    times.push(performance.now() - s);
    if (last.ok !== true) throw new Error(`hardship.${action}: ${JSON.stringify(last)}`);
  }
  const rows = tripsByAction(before, await statsOf(json));
  times.sort((a, b) => a - b);
  return { times, rows, last };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function hardshipBench(db: any, json: Json): Promise<void> {
  const count = arg('applications', 2_000);
  const fileCount = arg('files', 500);
  const applicants = Math.max(1, arg('applicants', 400));
  const runs = arg('calls', 30);
  // The server's modules load wx-server-sdk: only after bench.ts has pointed it at the emulator.
  const { storeFile } = await import('../server/db/files');
  const { recordFolder } = await import('../server/db/uploads');
  await json('/__emulator/clock', { now: NOW.toISOString() });
  try {
    await json('/__emulator/triggers/jobs/daily', {}); // the collections

    // The union: the chair, two reviewers, a plain member, then the applicants (as many as the files need).
    const t0 = performance.now();
    const size = FIRST_APPLICANT + Math.max(Math.min(applicants, count), fileCount);
    const people = Array.from({ length: size }, (_, p) => ({
      openid: refOf(p).openid,
      employeeNo: employeeNo(p),
      ...(p === CHAIR ? { roles: ['officer', 'chair'] } : p === REVIEWER || p === PROPOSER ? { roles: ['hardship_reviewer'] } : {}),
    }));
    await writeUnion(db, UNION, '困难帮扶基准机关工会', people, NOW);

    // The application the reviewer opens: one proposed by the other reviewer, its documents and photos stored for
    // real (their temporary links are in the reply); the others' fileIDs name files in their own folders that are
    // not stored (only hardship.open reads them).
    const target = Array.from({ length: count }, (_, i) => i).find((i) => statusOf(i) === 'proposed' && kindOf(i, 'proposed') === 'hardship') ?? -1;
    const targetId = target >= 0 ? applicationId(UNION, `${UNION}:${employeeNo(FIRST_APPLICANT + (target % applicants))}`, `bench-hardship-${target}`) : null;
    const bytes = Buffer.from('bench document '.repeat(64));
    const stored = new Map<string, string>();
    if (targetId) {
      for (const name of ['诊断证明.pdf', '收入证明.jpg', '户口簿.jpg', '费用票据.jpg', '走访照片1.jpg', '走访照片2.jpg']) {
        const path = `${recordFolder('hardship', UNION, targetId)}${name}`;
        stored.set(path, await storeFile(path, bytes));
      }
    }
    const [path0, id0] = [...stored][0] ?? ['', `cloud://union-local.bench/`];
    const prefix = id0.slice(0, id0.length - path0.length);
    const fileIdOf = (id: string, name: string) => {
      const path = `${recordFolder('hardship', UNION, id)}${name}`;
      return stored.get(path) ?? `${prefix}${path}`;
    };

    const docs = Array.from({ length: count }, (_, i) => applicationOf(i, applicants, fileIdOf));
    for (let i = 0; i < docs.length; i += BATCH) await db.collection('hardship_applications').add({ data: docs.slice(i, i + BATCH) });
    const paidOf = new Map<string, ApplicationDoc[]>();
    for (const a of docs) if (a.status === 'paid') paidOf.set(a.applicantId, [...(paidOf.get(a.applicantId) ?? []), a]);
    const files = Array.from({ length: fileCount }, (_, n) => fileOf(n, FIRST_APPLICANT + n, paidOf.get(`${UNION}:${employeeNo(FIRST_APPLICANT + n)}`) ?? []));
    for (let i = 0; i < files.length; i += BATCH) await db.collection('hardship_files').add({ data: files.slice(i, i + BATCH) });
    const writeSeconds = (performance.now() - t0) / 1000;

    // The year through the functions: the 淄博 policy (the rule the opened application shows) and the settings.
    const chair = (await json('/auth/dev-login', { openid: refOf(CHAIR).openid })).token as string;
    const reviewer = (await json('/auth/dev-login', { openid: refOf(REVIEWER).openid })).token as string;
    const plain = (await json('/auth/dev-login', { openid: refOf(PLAIN).openid })).token as string;
    await must(json, chair, 'ledger', 'policySave', { year: shanghaiYear(NOW), templateId: 'zibo-kjj-2017' });
    await must(json, reviewer, 'hardship', 'settingsSave', { dibaoFen: 98_000, publicityDays: 7 });

    const byStatus = new Map<ApplicationStatus, number>();
    for (const a of docs) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    const todo = docs.filter((a) => a.open).length;
    const showing = docs.filter((a) => a.publicUntil !== null && a.publicUntil >= TODAY).length;
    const dueFiles = files.filter((f) => f.reviewDue !== null && f.reviewDue <= TODAY).length;
    const lastTodoPage = Math.max(1, Math.ceil(todo / 20));
    console.log(
      `\n困难帮扶（名册 ${size.toLocaleString()} 人，申请 ${count.toLocaleString()} 份来自 ${Math.min(applicants, count).toLocaleString()} 名会员，困难职工档案 ${fileCount.toLocaleString()} 户（到期复核 ${dueFiles} 户）；` +
        `直接写库 ${fmt(writeSeconds)} 秒，政策（淄博模板）与帮扶设置经云函数；时钟 ${TODAY} 15:00；每项热调用 ${runs} 次）：`,
    );
    console.log(`  申请按状态：${MIX.map(([s]) => `${APPLICATION_STATUS_LABELS[s]} ${byStatus.get(s) ?? 0}`).join('，')}（待办 ${todo}，公示中 ${showing}）`);

    const cases: [string, string, string, unknown][] = [
      ['审核待办 hardship.queue todo 第 1 页', reviewer, 'queue', { stage: 'todo', page: 1, pageSize: 20 }],
      [`审核待办 hardship.queue todo 第 ${lastTodoPage} 页（最后一页）`, reviewer, 'queue', { stage: 'todo', page: lastTodoPage, pageSize: 20 }],
      ['全部申请 hardship.queue all 第 1 页', reviewer, 'queue', { stage: 'all', page: 1, pageSize: 20 }],
      ...(targetId ? [['打开一份申请 hardship.open（待复核，每次打开记审计）', reviewer, 'open', { applicationId: targetId }] as [string, string, string, unknown]] : []),
      ['困难职工档案 hardship.files active 第 1 页', reviewer, 'files', { stage: 'active', page: 1, pageSize: 20 }],
      ['到期复核 hardship.files due 第 1 页', reviewer, 'files', { stage: 'due', page: 1, pageSize: 20 }],
      ['帮扶公示 hardship.publicity 第 1 页（会员）', plain, 'publicity', { page: 1, pageSize: 20 }],
    ];
    for (const [label, token, action, payload] of cases) {
      const { times, rows, last } = await measure(json, token, action, payload, runs);
      const replyBytes = Buffer.byteLength(JSON.stringify(last));
      const data = last.data as { items?: unknown[]; total?: number; documents?: { url: string }[]; visits?: { photos: unknown[] }[]; can?: string[] };
      const links = [...(data.documents ?? []), ...(data.visits ?? []).flatMap((v) => v.photos as { url: string }[])];
      const what = data.items
        ? `本页 ${data.items.length} 条，共 ${String(data.total)} 条`
        : `材料与走访照片 ${links.length} 个（临时链接 ${links.filter((l) => l.url).length} 个），可做：${(data.can ?? []).join('、')}`;
      console.log(
        `  ${label}：p50 ${fmt(percentile(times, 50))} ms，p95 ${fmt(percentile(times, 95))} ms，数据库往返 ${fmt(sum(rows, (k) => k.startsWith('database.')) / runs, 1)} 次/调用` +
          `（${rowsText(rows, runs)}），回复 ${fmt(replyBytes / 1024, 1)} KB（${what}）`,
      );
    }
    const shown = await must(json, plain, 'hardship', 'publicity', { page: 1, pageSize: 20 });
    console.log(
      `  公示中的条目：${String(shown.total)} 条（写入的申请中公示期覆盖今天的 ${showing} 份：${shown.total === showing ? '一致' : '不一致！'}）`,
    );
  } finally {
    await json('/__emulator/clock', { now: null });
  }
}
