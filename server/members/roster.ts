/**
 * The roster: search and page, add and edit one member, unbind, Excel template / export / import.
 * Every query is filtered by the caller's union; a member id of another union is simply "not found".
 */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { MembersContract } from '../../src/core/contracts/members';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError } from '../../src/core/errors';
import { GENDER_LABELS, ROSTER_COLUMNS, maskPhone, parseRosterSheet, type MemberFields, type RowProblem } from '../../src/core/domain/roster';
import { MEMBER_STATUS_LABELS } from '../../src/core/policy/items';
import { ROLE_LABELS } from '../../src/core/domain/roles';
import { isDuplicateKeyError, type Db } from '../db';
import { tables } from '../db/tables';
import { audit, actorRef } from '../db/audit';
import { compactDate, publishExport, readCallerUpload } from '../db/files';
import type { MemberDoc } from '../db/types';
import type { Actor } from '../runtime/actor';
import { buildWorkbook, readFirstSheet, sheet } from '../files/xlsx';
import { rosterDetailView, rosterRowView } from './views';
import { memberIdOf, withBirthMonthDay } from './store';
import { assertMayTouch, changeMember, identityChanges, touchRefusal } from './leadership';
import { memberBindKey } from './binding';
import { forgetAttempts, lockedUntil } from '../db/attempts';

type H<K extends ActionName<MembersContract>> = Handler<MembersContract, K, ActorContext>;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function memberOfUnion(db: Db, actor: Actor, memberId: string): Promise<MemberDoc> {
  const m = await tables(db).members.byId(memberId);
  // Another union's member is indistinguishable from a missing one.
  if (!m || m.unionId !== actor.unionId) throw new AppError('NOT_FOUND', '名册中没有这位会员');
  return m;
}

export const rosterList: H<'rosterList'> = async (input, { db, actor, now }) => {
  const _ = db.command;
  const where: Record<string, unknown> = { unionId: actor.unionId };
  if (input.status) where.status = input.status;
  if (input.department) where.department = input.department;
  const filter = input.q
    ? _.and([where, _.or([{ name: db.RegExp({ regexp: escapeRegExp(input.q), options: 'i' }) }, { employeeNo: db.RegExp({ regexp: `^${escapeRegExp(input.q)}`, options: 'i' }) }])])
    : where;
  const { items, total } = await tables(db).members.findPage(filter, ['employeeNo', 'asc'], input.page, input.pageSize);
  const locks = await lockedUntil(db, items.map((m) => memberBindKey(m._id)), now);
  return { items: items.map((m) => rosterRowView(m, locks.get(memberBindKey(m._id)) ?? null)), total, page: input.page, pageSize: input.pageSize };
};

async function bindLockOf(db: Db, memberId: string, now: Date): Promise<Date | null> {
  return (await lockedUntil(db, [memberBindKey(memberId)], now)).get(memberBindKey(memberId)) ?? null;
}

export const rosterGet: H<'rosterGet'> = async (input, { db, actor, now }) => {
  const m = await memberOfUnion(db, actor, input.memberId);
  return rosterDetailView(m, await bindLockOf(db, m._id, now));
};

/** Lift a lock that wrong guesses put on a member's binding (the member called the officer). */
export const rosterUnlock: H<'rosterUnlock'> = async (input, { db, actor, now }) => {
  const m = await memberOfUnion(db, actor, input.memberId);
  assertMayTouch(actor, m, '实名认证锁定');
  const until = await bindLockOf(db, m._id, now);
  if (!until) return rosterRowView(m);
  await forgetAttempts(db, memberBindKey(m._id));
  await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'member.unlock', target: { kind: 'member', id: m._id, label: `${m.name}（${m.employeeNo}）` }, from: { lockedUntil: until }, to: { lockedUntil: null } });
  return rosterRowView(m);
};

function changedFields(before: MemberDoc, after: MemberFields): Partial<MemberFields> {
  const out: Partial<MemberFields> = {};
  for (const k of Object.keys(after) as (keyof MemberFields)[]) {
    if (before[k] !== after[k]) (out as Record<string, unknown>)[k] = after[k];
  }
  return out;
}

/** What the audit log keeps of a member change: never the whole phone number. */
function auditable(fields: Partial<MemberFields>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  if (typeof fields.phone === 'string') out.phone = maskPhone(fields.phone);
  return out;
}

export const rosterSave: H<'rosterSave'> = async (input, { db, actor, now }) => {
  const fields = input.fields;
  if (!input.memberId) {
    const doc: MemberDoc = { _id: memberIdOf(actor.unionId, fields.employeeNo), unionId: actor.unionId, ...withBirthMonthDay(fields), roles: [], openid: null, boundAt: null, createdAt: now, updatedAt: now };
    try {
      await tables(db).members.insert(doc);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AppError('ALREADY_EXISTS', `工号 ${fields.employeeNo} 已在名册中`, [{ path: ['fields', 'employeeNo'], message: '该工号已存在' }]);
      throw error;
    }
    await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'member.create', target: { kind: 'member', id: doc._id, label: `${doc.name}（${doc.employeeNo}）` }, from: null, to: auditable(fields) });
    return rosterDetailView(doc);
  }
  const updated = await changeMember(db, actor.unionId, input.memberId, now, (before) => {
    if (fields.employeeNo !== before.employeeNo) {
      throw new AppError('VALIDATION_FAILED', '工号不能修改：如工号有误，请新增会员并将原记录设为调离', [{ path: ['fields', 'employeeNo'], message: '工号不能修改' }]);
    }
    const changes = changedFields(before, fields);
    if (Object.keys(changes).length === 0) return null;
    const touched = identityChanges(before, changes);
    if (touched) assertMayTouch(actor, before, touched);
    const from = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof MemberFields]])) as Partial<MemberFields>;
    return { set: changes, audit: { actor: actorRef(actor), action: 'member.update', target: { kind: 'member', id: before._id, label: `${before.name}（${before.employeeNo}）` }, from: auditable(from), to: auditable(changes) } };
  });
  return rosterDetailView(updated, await bindLockOf(db, updated._id, now));
};

export const rosterUnbind: H<'rosterUnbind'> = async (input, { db, actor, now }) => {
  const m = await memberOfUnion(db, actor, input.memberId);
  if (!m.openid) throw new AppError('CONFLICT', '该会员尚未绑定微信');
  assertMayTouch(actor, m, '微信绑定');
  const previous = m.openid;
  const r = await tables(db).members.updateWhere({ _id: m._id, openid: previous }, { openid: null, boundAt: null, updatedAt: now });
  if (r !== 1) throw new AppError('CONFLICT');
  // The account goes too, so the identity can bind again at once (loadActor already treats it as unbound).
  await tables(db).accounts.removeWhere({ _id: previous, memberId: m._id });
  await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'member.unbind', target: { kind: 'member', id: m._id, label: `${m.name}（${m.employeeNo}）` }, from: { bound: true }, to: { bound: false } });
  return rosterRowView({ ...m, openid: null, boundAt: null, updatedAt: now });
};

export const rosterTemplate: H<'rosterTemplate'> = async (_input, { actor, now }) => {
  const example = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.example]));
  const content = await buildWorkbook([
    sheet({
      name: '会员名册',
      columns: ROSTER_COLUMNS.map((c) => ({ header: c.header, width: 16, value: (r: Record<string, string>) => r[c.key] })),
      rows: [example],
      note: '说明：姓名、工号、性别、出生日期、手机号必填；状态填 在职/退休/调离；会费已缴填 是/否；日期写作 1980-05-20。请删除示例行后填写。',
    }),
  ]);
  const fileName = '会员名册导入模板.xlsx';
  const { fileID, url } = await publishExport(actor.unionId, fileName, content, now);
  return { fileID, url, fileName };
};

export const rosterExport: H<'rosterExport'> = async (_input, { db, actor, now }) => {
  const members = await tables(db).members.findAll({ unionId: actor.unionId }, ['employeeNo', 'asc']);
  const content = await buildWorkbook([
    sheet<MemberDoc>({
      name: '会员名册',
      columns: [
        { header: '姓名', value: (m) => m.name },
        { header: '工号', value: (m) => m.employeeNo },
        { header: '部门', width: 18, value: (m) => m.department },
        { header: '性别', value: (m) => GENDER_LABELS[m.gender] },
        { header: '出生日期', width: 14, value: (m) => m.birthDate },
        { header: '手机号', width: 15, value: (m) => m.phone },
        { header: '入会日期', width: 14, value: (m) => m.joinedAt ?? '' },
        { header: '状态', value: (m) => MEMBER_STATUS_LABELS[m.status] },
        { header: '会费已缴', value: (m) => (m.duesPaid ? '是' : '否') },
        { header: '角色', width: 18, value: (m) => m.roles.map((r) => ROLE_LABELS[r]).join('、') },
        { header: '微信绑定', value: (m) => (m.openid ? '已绑定' : '未绑定') },
      ],
      rows: members,
    }),
  ]);
  const fileName = `会员名册-${compactDate(now)}.xlsx`;
  const { fileID, url } = await publishExport(actor.unionId, fileName, content, now);
  await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'member.export', target: { kind: 'roster', id: actor.unionId, label: '会员名册' }, from: null, to: { count: members.length } });
  return { fileID, url, fileName, count: members.length };
};

/** How many problems an import reply lists; the count says how many there are in all. */
const MAX_ISSUES = 100;
const WRITE_CONCURRENCY = 16;
const INSERT_BATCH = 500;

async function inParallel<T>(items: T[], concurrency: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

/**
 * All or nothing as far as the file is concerned: every row is checked before anything is written, and a
 * file with any bad row writes nothing. The writes themselves are idempotent (new members by deterministic
 * _id, existing ones by field update), so should the function be cut off midway, importing the same file again
 * completes it without duplicates.
 */
export const rosterImport: H<'rosterImport'> = async (input, { db, actor, openid, now }) => {
  const sheet = await readFirstSheet(await readCallerUpload(openid, input.fileID));
  const { members, rowNumbers, problems } = parseRosterSheet(sheet.header, sheet.rows);
  const refuse = (found: RowProblem[]) => {
    const shown = found.slice(0, MAX_ISSUES);
    throw new AppError(
      'VALIDATION_FAILED',
      `文件中有 ${found.length} 处错误，未导入任何数据。请修改后重新导入。`,
      shown.map((p) => ({ path: [p.row, p.column ?? ''], message: `第 ${p.row} 行${p.column ? ` ${p.column}` : ''}：${p.message}` })),
    );
  };
  if (problems.length > 0) refuse(problems);
  const existing = new Map((await tables(db).members.findAll({ unionId: actor.unionId })).map((m) => [m.employeeNo, m]));
  const toCreate: MemberDoc[] = [];
  const toUpdate: { id: string; changes: Partial<MemberFields> }[] = [];
  const refused: RowProblem[] = [];
  let unchanged = 0;
  members.forEach((fields, i) => {
    const before = existing.get(fields.employeeNo);
    if (!before) {
      toCreate.push({ _id: memberIdOf(actor.unionId, fields.employeeNo), unionId: actor.unionId, ...withBirthMonthDay(fields), roles: [], openid: null, boundAt: null, createdAt: now, updatedAt: now });
      return;
    }
    const changes = changedFields(before, fields);
    if (Object.keys(changes).length === 0) {
      unchanged += 1;
      return;
    }
    // A role holder's identity fields: only whoever may change their roles (never by a file, for a 调离 that
    // would remove a chair or an officer: that goes through the roster form, which keeps one of each).
    const touched = identityChanges(before, changes);
    const refusal = touched ? touchRefusal(actor, before, touched) : null;
    if (refusal) refused.push({ row: rowNumbers[i], column: null, message: refusal });
    else if (changes.status === 'transferred' && before.roles.some((r) => r === 'chair' || r === 'officer')) {
      refused.push({ row: rowNumbers[i], column: '状态', message: `${before.name}担任${before.roles.map((r) => ROLE_LABELS[r]).join('、')}，请先免去其角色，或在名册中逐个修改` });
    } else toUpdate.push({ id: before._id, changes });
  });
  if (refused.length > 0) refuse(refused);
  const batches: MemberDoc[][] = [];
  for (let i = 0; i < toCreate.length; i += INSERT_BATCH) batches.push(toCreate.slice(i, i + INSERT_BATCH));
  try {
    await inParallel(batches, 2, (batch) => tables(db).members.insert(batch));
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new AppError('CONFLICT', '名册正在被其他人同时导入或修改，请稍后重新导入同一文件');
    throw error;
  }
  await inParallel(toUpdate, WRITE_CONCURRENCY, (u) => tables(db).members.update(u.id, { ...withBirthMonthDay(u.changes), updatedAt: now }));
  const result = { total: members.length, created: toCreate.length, updated: toUpdate.length, unchanged };
  await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'member.import', target: { kind: 'roster', id: actor.unionId, label: '会员名册' }, from: null, to: result });
  return result;
};
