/** What officers do with an event: publish, edit, close early, cancel. */
import { createHash, randomInt } from 'node:crypto';
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { EventsContract } from '../../src/core/contracts/events';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError } from '../../src/core/errors';
import { checkSchedule, eventDateIssues } from '../../src/core/domain/events';
import { IMAGE_KINDS_TEXT, MAX_IMAGE_BYTES, MAX_IMAGE_TEXT, imageExtensionOf, imageKindOf } from '../../src/core/domain/images';
import { formatDateTimeZh } from '../../src/core/time';
import { isDuplicateKeyError, type Db } from '../db';
import { tables } from '../db/tables';
import { audit, auditOnce, actorRef } from '../db/audit';
import type { Actor } from '../runtime/actor';
import { assertCallerUpload, cloudPathOf, deleteFiles, readCallerUpload, storeFile } from '../db/files';
import { notify } from '../notices/api';
import { changeEvent, eventOf } from './seats';
import { coverUrls } from './member';
import { coverOf, eventAdminRowView, eventAdminView } from './views';
import { changedNotice, eventCancelledNotice, promotedNotice } from './messages';
import { eventsTables, type EventDoc } from './store';

type H<K extends ActionName<EventsContract>> = Handler<EventsContract, K, ActorContext>;

async function adminView(e: EventDoc) {
  return eventAdminView(e, coverOf(await coverUrls([e]), e));
}

function scheduleIssues(e: Pick<EventDoc, 'signupOpensAt' | 'signupClosesAt' | 'cancelDeadline' | 'startsAt' | 'endsAt'>) {
  const problems = checkSchedule(e);
  if (e.endsAt <= e.startsAt) problems.push('结束时间应晚于开始时间');
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems[0], problems.map((message) => ({ path: ['schedule'], message })));
}

/**
 * An event starts and ends between 2000 and two years from now, checked for the dates being set (`fields`): an
 * event already on the calendar stays editable.
 */
function dateIssues(e: Pick<EventDoc, 'startsAt' | 'endsAt'>, now: Date, fields: readonly string[] = ['startsAt', 'endsAt'], prefix: string[] = []) {
  const issues = eventDateIssues(e, now)
    .filter((i) => fields.includes(i.path[0]))
    .map((i) => ({ path: [...prefix, ...i.path], message: i.message }));
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues[0].message, issues);
}

/** Where an event's own files live: `events/<union>/<hash of the event id>/` (ids may hold any character). */
function eventFolder(unionId: string, eventId: string): string {
  return `events/${unionId.replace(/[^A-Za-z0-9_-]/g, '_')}/${createHash('sha256').update(eventId).digest('hex').slice(0, 16)}/`;
}

/** Whether a stored fileID is one of this event's own files (a cover copied by acceptCover). */
function inEventFolder(fileID: string | null, unionId: string, eventId: string): fileID is string {
  return fileID !== null && (cloudPathOf(fileID)?.startsWith(eventFolder(unionId, eventId)) ?? false);
}

/**
 * A new cover for an event, from a picture the officer uploaded to their own folder. Taken only when the caller
 * uploaded it (FORBIDDEN, before anything is read), it is named as a JPG/PNG/WebP picture and its first bytes say
 * so, it is at most 5 MB (VALIDATION_FAILED at `path`), and it exists (NOT_FOUND). Returns the fileID to store.
 *
 * The picture is copied into the event's own folder rather than pointed to where it was uploaded: `uploads/` is
 * the officers' scratch folder (roster files land there too, and a deployment may clean it up), and the officer
 * who uploaded it may leave the committee — the event keeps its cover regardless. The download the copy needs is
 * also the existence check (a missing file fails it), and lets the bytes be checked. The copy is named by a hash
 * of the upload: the same form sent twice writes the same file, and a new picture gets a new name, so no cached
 * link shows the old one.
 */
async function acceptCover(openid: string, unionId: string, eventId: string, fileID: string, path: string[]): Promise<string> {
  const uploaded = assertCallerUpload(openid, fileID);
  const refuse = (message: string) => new AppError('VALIDATION_FAILED', message, [{ path, message }]);
  if (!imageExtensionOf(uploaded)) throw refuse(`封面图片请使用 ${IMAGE_KINDS_TEXT} 格式的图片`);
  const bytes = await readCallerUpload(openid, fileID).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', '封面图片不存在或已过期，请重新上传', [{ path, message: '图片不存在，请重新上传' }]);
    throw error;
  });
  if (bytes.length > MAX_IMAGE_BYTES) throw refuse(`封面图片不能超过 ${MAX_IMAGE_TEXT}，请换一张或压缩后再上传`);
  const kind = imageKindOf(bytes);
  if (!kind) throw refuse(`文件内容不是有效的 ${IMAGE_KINDS_TEXT} 图片，请换一张图片`);
  const name = createHash('sha256').update(fileID).digest('hex').slice(0, 16);
  return storeFile(`${eventFolder(unionId, eventId)}cover-${name}.${kind}`, bytes);
}

/** Audience lists referring to members of another union are refused: ids are checked against the roster. */
async function checkMemberIds(db: Db, unionId: string, ids: string[] | undefined): Promise<void> {
  if (!ids) return;
  const _ = db.command;
  const found = await tables(db).members.count({ unionId, _id: _.in(ids) });
  if (found !== new Set(ids).size) throw new AppError('VALIDATION_FAILED', '指定人员中有不在本工会名册的会员', [{ path: ['audience', 'memberIds'], message: '有会员不在本工会名册中' }]);
}

export const adminList: H<'adminList'> = async (input, { db, actor }) => {
  const { items, total } = await eventsTables(db).events.findPage({ unionId: actor.unionId }, ['startsAt', 'desc'], input.page, input.pageSize);
  const covers = await coverUrls(items);
  return { items: items.map((e) => eventAdminRowView(e, coverOf(covers, e))), total, page: input.page, pageSize: input.pageSize };
};

export const adminGet: H<'adminGet'> = async (input, { db, actor }) => adminView(await eventOf(db, input.eventId, actor.unionId));

export const publish: H<'publish'> = async (input, { db, actor, openid, now }) => {
  const { requestKey, ...fields } = input;
  scheduleIssues(fields);
  dateIssues(fields, now);
  if (fields.endsAt <= now) throw new AppError('VALIDATION_FAILED', '活动结束时间已过', [{ path: ['endsAt'], message: '结束时间已过' }]);
  await checkMemberIds(db, actor.unionId, fields.audience.memberIds);
  const id = `${actor.unionId}:${requestKey}`;
  // The same form sent again (a double tap, a retry after a lost reply) is the event already published: answered
  // before its cover is looked at, so a retry neither copies a picture nobody uses nor fails on a cleaned upload.
  const published = await eventsTables(db).events.byId(id);
  if (published && published.unionId === actor.unionId) {
    await auditPublish(db, actor, published, published.createdAt);
    return { event: await adminView(published), repeated: true };
  }
  const coverFileID = fields.coverFileID === null ? null : await acceptCover(openid, actor.unionId, id, fields.coverFileID, ['coverFileID']);
  const e: EventDoc = {
    _id: id,
    unionId: actor.unionId,
    ...fields,
    coverFileID,
    status: 'open',
    cancelReason: null,
    seatsTaken: 0,
    confirmedCount: 0,
    waitlistCount: 0,
    checkedInCount: 0,
    nextSeq: 0,
    eventCode: String(randomInt(0, 1_000_000)).padStart(6, '0'),
    results: '',
    remindedAt: null,
    createdBy: actorRef(actor),
    createdAt: now,
    updatedAt: now,
  };
  try {
    await eventsTables(db).events.insert(e);
  } catch (error) {
    // The same form sent twice at the same moment: one event; this call's copy of the cover is nobody's.
    if (!isDuplicateKeyError(error)) throw error;
    const first = await eventOf(db, id, actor.unionId);
    if (coverFileID && coverFileID !== first.coverFileID) await deleteFiles([coverFileID]);
    return { event: await adminView(first), repeated: true };
  }
  await auditPublish(db, actor, e, now);
  return { event: await adminView(e), repeated: false };
};

/** The publish's audit, once, under the event's id: a retry after a failure between the two writes it. */
async function auditPublish(db: Db, actor: Actor, e: EventDoc, at: Date): Promise<void> {
  await auditOnce(db, `${e._id}:publish`, {
    unionId: actor.unionId,
    at,
    actor: actorRef(e.createdBy.openid === actor.openid ? actor : e.createdBy),
    action: 'event.publish',
    target: { kind: 'event', id: e._id, label: e.title },
    from: null,
    to: { summary: `${formatDateTimeZh(e.startsAt)} ${e.place}，名额 ${e.capacity ?? '不限'}` },
  });
}

/** Changes members who signed up are told of. */
const NOTEWORTHY: [keyof EventDoc, string][] = [
  ['title', '名称'],
  ['startsAt', '开始时间'],
  ['endsAt', '结束时间'],
  ['place', '地点'],
  ['cancelDeadline', '取消截止时间'],
  ['workMeal', '工作餐安排'],
];

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : JSON.stringify(a) === JSON.stringify(b));

async function signedUp(db: Db, eventId: string) {
  const _ = db.command;
  return eventsTables(db).signups.findAll({ eventId, status: _.in(['confirmed', 'waitlisted']) });
}

export const update: H<'update'> = async (input, { db, actor, openid, now }) => {
  const changes = { ...input.changes };
  if (changes.audience?.memberIds) await checkMemberIds(db, actor.unionId, changes.audience.memberIds);
  // A new cover is checked and copied before the transaction (storage is no part of it); the event's own cover
  // sent back unchanged is no change.
  let newCover: string | null = null;
  if (typeof changes.coverFileID === 'string') {
    const current = await eventOf(db, input.eventId, actor.unionId);
    if (changes.coverFileID === current.coverFileID) delete changes.coverFileID;
    else {
      changes.coverFileID = await acceptCover(openid, actor.unionId, current._id, changes.coverFileID, ['changes', 'coverFileID']);
      if (changes.coverFileID !== current.coverFileID) newCover = changes.coverFileID;
    }
  }
  const { before, event, promoted } = await changeEvent(db, {
    eventId: input.eventId,
    unionId: actor.unionId,
    now,
    change: (e) => {
      if (e.status === 'cancelled') throw new AppError('NOT_ALLOWED', '活动已取消，不能修改');
      const next = { ...e, ...changes };
      scheduleIssues(next);
      dateIssues(next, now, Object.keys(changes), ['changes']);
      if (next.capacity !== null && next.capacity < e.seatsTaken) {
        throw new AppError('VALIDATION_FAILED', `已确认的报名占 ${e.seatsTaken} 个名额，名额不能少于 ${e.seatsTaken}`, [{ path: ['changes', 'capacity'], message: `不能少于 ${e.seatsTaken}` }]);
      }
      if (changes.extraFields && e.nextSeq > 0 && !same(changes.extraFields, e.extraFields)) {
        throw new AppError('NOT_ALLOWED', '已有会员报名，不能再修改报名问题', [{ path: ['changes', 'extraFields'], message: '已有会员报名' }]);
      }
      return changes;
    },
  }).catch(async (error: unknown) => {
    // The copy is removed unless the event uses it after all (the same change, sent twice, saved by the other).
    if (newCover && (await eventsTables(db).events.byId(input.eventId))?.coverFileID !== newCover) await deleteFiles([newCover]);
    throw error;
  });
  // The replaced cover was the event's own copy: nothing else refers to it.
  if (before.coverFileID !== event.coverFileID && inEventFolder(before.coverFileID, actor.unionId, event._id)) await deleteFiles([before.coverFileID]);
  const changed = NOTEWORTHY.filter(([k]) => !same(before[k], event[k])).map(([, label]) => label);
  const people = changed.length ? await signedUp(db, event._id) : [];
  const promotedIds = new Set(promoted.map((p) => p._id));
  await notify(db, [...promoted.map((p) => promotedNotice(event, p)), ...people.filter((p) => !promotedIds.has(p._id)).map((p) => changedNotice(event, p, changed))], now);
  const diff = Object.keys(changes).filter((k) => !same(before[k as keyof EventDoc], event[k as keyof EventDoc]));
  if (diff.length) {
    await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'event.update', target: { kind: 'event', id: event._id, label: event.title }, from: Object.fromEntries(diff.map((k) => [k, before[k as keyof EventDoc]])), to: Object.fromEntries(diff.map((k) => [k, event[k as keyof EventDoc]])) });
  }
  return { event: await adminView(event), notified: people.length, promoted: promoted.length };
};

export const close: H<'close'> = async (input, { db, actor, now }) => {
  const { before, event } = await changeEvent(db, {
    eventId: input.eventId,
    unionId: actor.unionId,
    now,
    change: (e) => {
      if (e.status === 'cancelled') throw new AppError('NOT_ALLOWED', '活动已取消');
      return { status: 'closed' };
    },
  });
  if (before.status !== 'closed') await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'event.close', target: { kind: 'event', id: event._id, label: event.title }, from: { status: before.status }, to: { status: 'closed' } });
  return { event: await adminView(event) };
};

export const cancel: H<'cancel'> = async (input, { db, actor, now }) => {
  const { before, event } = await changeEvent(db, {
    eventId: input.eventId,
    unionId: actor.unionId,
    now,
    change: (e) => {
      if (e.status === 'cancelled') throw new AppError('NOT_ALLOWED', '活动已经取消过了');
      if (e.checkedInCount > 0 || e.endsAt <= now) throw new AppError('NOT_ALLOWED', '活动已开始签到或已结束，不能取消');
      return { status: 'cancelled', cancelReason: input.reason };
    },
  });
  const people = await signedUp(db, event._id);
  await notify(db, people.map((p) => eventCancelledNotice(event, p, input.reason)), now);
  await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'event.cancel', target: { kind: 'event', id: event._id, label: event.title }, from: { status: before.status }, to: { status: 'cancelled', summary: input.reason } });
  return { event: await adminView(event), notified: people.length };
};
