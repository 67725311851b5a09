/**
 * 困难职工档案, one per household: opened when aid is first approved (or by a reviewer directly), the aid paid added
 * to it, reviewed fully every year (the daily job reminds the reviewers once per due day and lists overdue files),
 * closed when the household leaves hardship (with the reason and the day), then kept out of lists for 10 years and
 * deleted. Reviewers read files (every opening recorded) and export them (the export says who made it); a member
 * reads their own file.
 */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { fileView as fileSchema, HardshipContract } from '../../src/core/contracts/hardship';
import type { ActionName } from '../../src/core/contracts/contract';
import {
  AID_KIND_LABELS,
  conflictOf,
  FILE_KEEP_YEARS,
  FILE_REVIEW_YEARS,
  FILE_STATUS_LABELS,
  HARDSHIP_CATEGORY_LABELS,
  RELATION_LABELS,
  OCCUPATION_LABELS,
  selfCheck,
  yearsAfter,
  type HardshipCategory,
} from '../../src/core/domain/hardship';
import { can } from '../../src/core/domain/roles';
import { PAGES } from '../../src/core/pages';
import { AppError } from '../../src/core/errors';
import { isValidDateKey, shanghaiDateKey } from '../../src/core/time';
import type { z } from '../../src/core/zod';
import type { Db } from '../db';
import { actorRef, audit } from '../db/audit';
import { compactDate, publishExport } from '../db/files';
import { inTransaction, type Tx } from '../db/transaction';
import { tables } from '../db/tables';
import type { ActorRef } from '../db/types';
import type { Actor } from '../runtime/actor';
import { notify } from '../notices/api';
import { buildWorkbook, excelDate, MAX_ROWS, sheet } from '../files/xlsx';
import { reviewersOf } from './lifecycle';
import { hardshipTables, householdFileId, type ApplicationDoc, type HouseholdFileDoc } from './store';

type H<K extends ActionName<HardshipContract>> = Handler<HardshipContract, K, ActorContext>;

const NOT_FOUND = '没有找到这份档案';
const fileTarget = (f: Pick<HouseholdFileDoc, '_id'>) => ({ kind: 'hardship_file', id: f._id, label: `困难职工档案 编号 ${f._id.slice(f._id.lastIndexOf(':') + 2, f._id.lastIndexOf(':') + 8).toUpperCase()}（保密）` });

/** The category an approval files a household under: the self-check's, where the union set its 低保 standard. */
function categoryOf(a: ApplicationDoc, dibaoFen: number | null): HardshipCategory {
  if (dibaoFen === null || a.facts.household.length === 0) return 'relative';
  const c = selfCheck(a.facts, dibaoFen).category;
  return c === 'none' ? 'accidental' : c;
}

/**
 * Inside an approval's transaction: the household's file, opened on its first approval (or opened again if it was
 * closed), with the household as this application declares it; `aid` (at payment) is added to it.
 */
export async function fileOnApproval(tx: Tx, a: ApplicationDoc, dibaoFen: number | null, now: Date, by: ActorRef, aid: { amountFen: number } | null): Promise<void> {
  const id = householdFileId(a.unionId, a.applicantId);
  const today = shanghaiDateKey(now);
  const f = await tx.get<HouseholdFileDoc>('hardship_files', id);
  const aids = aid ? [{ applicationId: a._id, kind: a.kind, amountFen: aid.amountFen, at: now }] : [];
  if (!f) {
    const doc: HouseholdFileDoc = {
      _id: id,
      unionId: a.unionId,
      memberId: a.applicantId,
      memberName: a.applicantName,
      department: a.department,
      category: categoryOf(a, dibaoFen),
      household: a.facts.household,
      aids,
      reviews: [],
      status: 'active',
      openedOn: today,
      reviewDue: yearsAfter(today, FILE_REVIEW_YEARS),
      remindedFor: null,
      closed: null,
      keepUntil: null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert<HouseholdFileDoc>('hardship_files', doc);
    await tx.insert('audit_log', { _id: `${id}:open:${a._id}`, unionId: a.unionId, at: now, actor: by, action: 'hardship.fileOpen', target: fileTarget(doc), from: null, to: { summary: '帮扶审批通过，建立困难职工档案' } });
    return;
  }
  const reopened = f.status === 'closed';
  const known = f.aids.some((x) => x.applicationId === a._id);
  await tx.update('hardship_files', id, {
    household: a.facts.household,
    aids: known ? f.aids : [...f.aids, ...aids],
    ...(reopened ? { status: 'active', closed: null, keepUntil: null, openedOn: today, reviewDue: yearsAfter(today, FILE_REVIEW_YEARS), remindedFor: null } : {}),
    updatedAt: now,
  });
}

/** The file for a reviewer of its union who is not of the household (FORBIDDEN with the reason otherwise). */
function mustReviewFile(f: HouseholdFileDoc | null, actor: Actor): HouseholdFileDoc {
  if (!f || f.unionId !== actor.unionId || !can(actor.roles, 'hardship.review')) throw new AppError('NOT_FOUND', NOT_FOUND);
  const conflict = conflictOf({ memberId: actor.memberId ?? '', name: actor.name }, { applicantId: f.memberId, household: f.household });
  if (conflict) throw new AppError('FORBIDDEN', conflict.replace('申请', '档案'));
  return f;
}

function fileView(f: HouseholdFileDoc, today: string, forReviewer: boolean): z.input<typeof fileSchema> {
  return {
    id: f._id,
    memberName: f.memberName,
    department: f.department,
    category: f.category,
    categoryLabel: HARDSHIP_CATEGORY_LABELS[f.category],
    household: f.household.map((m) => ({ name: m.name, relationLabel: RELATION_LABELS[m.relation], age: m.age, occupationLabel: OCCUPATION_LABELS[m.occupation], monthlyIncomeFen: m.monthlyIncomeFen })),
    aids: f.aids.map((x) => ({ kindLabel: AID_KIND_LABELS[x.kind], amountFen: x.amountFen, at: x.at })),
    reviews: f.reviews.map((r) => ({ on: r.on, note: r.note, by: forReviewer ? r.by.name : '工会' })),
    status: f.status,
    statusLabel: FILE_STATUS_LABELS[f.status],
    openedOn: f.openedOn,
    reviewDue: f.reviewDue,
    overdue: f.reviewDue !== null && f.reviewDue < today,
    closed: f.closed ? { on: f.closed.on, reason: f.closed.reason } : null,
    keepUntil: f.keepUntil,
    can: forReviewer ? (f.status === 'active' ? ['review', 'close'] : []) : [],
  };
}

const rowOf = (f: HouseholdFileDoc, today: string) => ({
  id: f._id,
  memberName: f.memberName,
  department: f.department,
  categoryLabel: HARDSHIP_CATEGORY_LABELS[f.category],
  reviewDue: f.reviewDue,
  overdue: f.reviewDue !== null && f.reviewDue < today,
  aidCount: f.aids.length,
  totalFen: f.aids.reduce((s, x) => s + x.amountFen, 0),
});

export const files: H<'files'> = async (input, { db, actor, now }) => {
  const today = shanghaiDateKey(now);
  const _ = db.command;
  // Closed files stay out of lists: kept for the years the rules ask, reachable from their applications only.
  const { items, total } =
    input.stage === 'due'
      ? await hardshipTables(db).files.findPage({ unionId: actor.unionId, status: 'active', reviewDue: _.lte(today) }, ['reviewDue', 'asc'], input.page, input.pageSize)
      : await hardshipTables(db).files.findPage({ unionId: actor.unionId, status: 'active' }, ['memberName', 'asc'], input.page, input.pageSize);
  return { items: items.map((f) => rowOf(f, today)), total, page: input.page, pageSize: input.pageSize };
};

export const file: H<'file'> = async (input, { db, actor, now }) => {
  const f = mustReviewFile(await hardshipTables(db).files.byId(input.fileId), actor);
  await audit(db, { unionId: f.unionId, at: now, actor: actorRef(actor), action: 'hardship.fileRead', target: fileTarget(f), from: null, to: { summary: '查看困难职工档案' } });
  return fileView(f, shanghaiDateKey(now), true);
};

export const myFile: H<'myFile'> = async (_input, { db, actor, now }) => {
  if (!actor.memberId) return { file: null };
  const f = await hardshipTables(db).files.byId(householdFileId(actor.unionId, actor.memberId));
  return { file: f && f.unionId === actor.unionId && f.memberId === actor.memberId ? fileView(f, shanghaiDateKey(now), false) : null };
};

export const fileOpen: H<'fileOpen'> = async (input, { db, actor, now }) => {
  const member = await tables(db).members.byId(input.memberId);
  if (!member || member.unionId !== actor.unionId) throw new AppError('NOT_FOUND', '本工会名册中没有这位会员');
  if (member._id === actor.memberId) throw new AppError('FORBIDDEN', '不能为本人建立困难职工档案，请由其他审核人员办理');
  const id = householdFileId(actor.unionId, member._id);
  const today = shanghaiDateKey(now);
  const by = actorRef(actor);
  await inTransaction(db, async (tx) => {
    const f = await tx.get<HouseholdFileDoc>('hardship_files', id);
    if (f && f.status === 'active') throw new AppError('ALREADY_EXISTS', `${member.name}已有困难职工档案`);
    const fresh = { category: input.category, status: 'active' as const, openedOn: today, reviewDue: yearsAfter(today, FILE_REVIEW_YEARS), remindedFor: null, closed: null, keepUntil: null, updatedAt: now };
    const review = { on: today, note: input.note, by, at: now };
    if (f) await tx.update('hardship_files', id, { ...fresh, reviews: [...f.reviews, review] });
    else await tx.insert<HouseholdFileDoc>('hardship_files', { _id: id, unionId: actor.unionId, memberId: member._id, memberName: member.name, department: member.department, household: [], aids: [], reviews: [review], createdAt: now, ...fresh });
    await tx.insert('audit_log', { _id: `${id}:open:${now.getTime()}`, unionId: actor.unionId, at: now, actor: by, action: 'hardship.fileOpen', target: fileTarget({ _id: id }), from: null, to: { summary: `建立困难职工档案（${HARDSHIP_CATEGORY_LABELS[input.category]}）` } });
  });
  return fileView((await hardshipTables(db).files.byId(id)) as HouseholdFileDoc, today, true);
};

/** One change to a file in a transaction, by a reviewer who may see it, with its audit record. */
async function changeFile(db: Db, id: string, actor: Actor, now: Date, plan: (f: HouseholdFileDoc) => { set: Partial<HouseholdFileDoc>; summary: string; action: string }) {
  const today = shanghaiDateKey(now);
  await inTransaction(db, async (tx) => {
    const f = mustReviewFile(await tx.get<HouseholdFileDoc>('hardship_files', id), actor);
    const { set, summary, action } = plan(f);
    await tx.update('hardship_files', id, { ...set, updatedAt: now });
    await tx.insert('audit_log', { _id: `${id}:${action}:${now.getTime()}`, unionId: f.unionId, at: now, actor: actorRef(actor), action, target: fileTarget(f), from: null, to: { summary } });
  });
  return fileView((await hardshipTables(db).files.byId(id)) as HouseholdFileDoc, today, true);
}

export const fileReview: H<'fileReview'> = async (input, { db, actor, now }) => {
  const today = shanghaiDateKey(now);
  return changeFile(db, input.fileId, actor, now, (f) => {
    if (f.status !== 'active') throw new AppError('NOT_ALLOWED', '档案已脱困关闭，不再年度复核');
    return {
      set: { category: input.category, reviews: [...f.reviews, { on: today, note: input.note, by: actorRef(actor), at: now }], reviewDue: yearsAfter(today, FILE_REVIEW_YEARS), remindedFor: null },
      summary: `年度复核（${HARDSHIP_CATEGORY_LABELS[input.category]}）`,
      action: 'hardship.fileReview',
    };
  });
};

export const fileClose: H<'fileClose'> = async (input, { db, actor, now }) => {
  const today = shanghaiDateKey(now);
  if (!isValidDateKey(input.closedOn) || input.closedOn > today) throw new AppError('VALIDATION_FAILED', '脱困日期不能晚于今天', [{ path: ['closedOn'], message: '脱困日期不能晚于今天' }]);
  return changeFile(db, input.fileId, actor, now, (f) => {
    if (f.status !== 'active') throw new AppError('NOT_ALLOWED', '档案已经关闭');
    if (input.closedOn < f.openedOn) throw new AppError('VALIDATION_FAILED', '脱困日期不能早于建档日期', [{ path: ['closedOn'], message: '脱困日期不能早于建档日期' }]);
    return {
      set: { status: 'closed', closed: { on: input.closedOn, reason: input.reason, by: actorRef(actor) }, keepUntil: yearsAfter(input.closedOn, FILE_KEEP_YEARS), reviewDue: null },
      summary: `脱困，关闭档案（保存至 ${yearsAfter(input.closedOn, FILE_KEEP_YEARS)}）`,
      action: 'hardship.fileClose',
    };
  });
};

export const filesExport: H<'filesExport'> = async (_input, { db, actor, now }) => {
  const today = shanghaiDateKey(now);
  const all = await hardshipTables(db).files.findAll({ unionId: actor.unionId, status: 'active' }, ['memberName', 'asc']);
  if (all.length > MAX_ROWS) throw new AppError('NOT_ALLOWED', `在档超过 ${MAX_ROWS} 户，请联系管理员分批导出`);
  // A reviewer's own household is not theirs to export either.
  const rows = all.filter((f) => conflictOf({ memberId: actor.memberId ?? '', name: actor.name }, { applicantId: f.memberId, household: f.household }) === null).map((f, i) => ({ n: i + 1, f }));
  const content = await buildWorkbook([
    sheet<(typeof rows)[number]>({
      name: '困难职工档案',
      columns: [
        { header: '序号', width: 6, value: (r) => r.n },
        { header: '姓名', value: (r) => r.f.memberName },
        { header: '部门', width: 14, value: (r) => r.f.department },
        { header: '困难类别', value: (r) => HARDSHIP_CATEGORY_LABELS[r.f.category] },
        { header: '家庭人口', value: (r) => r.f.household.length || '' },
        { header: '建档日期', width: 12, value: (r) => r.f.openedOn },
        { header: '下次复核', width: 12, value: (r) => r.f.reviewDue ?? '' },
        { header: '最近复核', width: 12, value: (r) => r.f.reviews.at(-1)?.on ?? '' },
        { header: '帮扶次数', value: (r) => r.f.aids.length },
        { header: '帮扶金额合计（元）', width: 14, value: (r) => r.f.aids.reduce((s, x) => s + x.amountFen, 0) / 100 },
        { header: '最近帮扶', width: 12, value: (r) => excelDate(r.f.aids.at(-1)?.at) },
      ],
      rows,
      note: `保密材料，仅供帮扶审核使用。导出人：${actor.name}，导出时间：${today}。共 ${rows.length} 户在档困难职工（已脱困的档案不列入）。`,
    }),
  ]);
  const fileName = `困难职工档案-${compactDate(now)}-${actor.name}导出.xlsx`;
  const { fileID, url } = await publishExport(actor.unionId, fileName, content, now);
  await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'hardship.fileExport', target: { kind: 'hardship_files', id: actor.unionId, label: '困难职工档案' }, from: null, to: { count: rows.length, summary: `导出在档困难职工档案 ${rows.length} 户` } });
  return { url, fileName, fileID, count: rows.length };
};

/**
 * The daily job's part: reviewers are reminded once of the files whose yearly review fell due (one notice per union,
 * with the count; the list is the files page's 到期复核), and closed files past their keeping are deleted.
 */
export async function filesDaily(db: Db, now: Date): Promise<{ reminded: number; deleted: number }> {
  const today = shanghaiDateKey(now);
  const _ = db.command;
  const t = hardshipTables(db);
  const due = (await t.files.find({ status: 'active', reviewDue: _.lte(today) }, { orderBy: [['reviewDue', 'asc']], limit: 1000 })).filter((f) => f.remindedFor !== f.reviewDue);
  const byUnion = new Map<string, HouseholdFileDoc[]>();
  for (const f of due) byUnion.set(f.unionId, [...(byUnion.get(f.unionId) ?? []), f]);
  for (const [unionId, list] of byUnion) {
    // Marked first, each on its own due day: a second run finds nothing to remind of.
    for (const f of list) await t.files.update(f._id, { remindedFor: f.reviewDue });
    const reviewers = await reviewersOf(db, unionId);
    await notify(
      db,
      reviewers.map((m) => ({ id: `hardship-files:${unionId}:${today}:${m._id}`, unionId, memberId: m._id, kind: 'hardship_file_due' as const, title: '困难职工档案到期复核', body: `有 ${list.length} 户困难职工档案已到年度复核时间，请在「困难职工档案」的“到期复核”中逐户复核。`, link: `${PAGES.hardshipFiles.path}?stage=due` })),
      now,
    );
  }
  const expired = await t.files.find({ status: 'closed', keepUntil: _.lt(today) }, { limit: 500 });
  for (const f of expired) {
    await audit(db, { unionId: f.unionId, at: now, actor: { openid: '', memberId: null, name: '系统（保存期满）' }, action: 'hardship.fileDelete', target: fileTarget(f), from: null, to: { summary: `脱困满 ${FILE_KEEP_YEARS} 年，删除档案` } });
    await t.files.removeWhere({ _id: f._id });
  }
  return { reminded: due.length, deleted: expired.length };
}
