/** The officer's roster of an event: live lists and tallies, check-in at the door, Excel, results and prizes. */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { EventsContract } from '../../src/core/contracts/events';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError } from '../../src/core/errors';
import { EVENT_KIND_LABELS, type ExtraField } from '../../src/core/domain/events';
import { formatDateTimeZh } from '../../src/core/time';
import type { Db } from '../db';
import { tables } from '../db/tables';
import { audit, actorRef } from '../db/audit';
import { compactDate, publishExport } from '../db/files';
import type { EventDoc, SignupDoc } from '../db/types';
import { buildWorkbook, sheet } from '../files/xlsx';
import { recordPayout } from '../ledger/payout';
import { checkIn, eventOf } from './seats';
import { answersText, eventAdminView, rosterEntryView } from './views';

type H<K extends ActionName<EventsContract>> = Handler<EventsContract, K, ActorContext>;

const STATUS_LABELS: Record<SignupDoc['status'], string> = { confirmed: '已确认', waitlisted: '候补', cancelled: '已取消' };
const STATUS_ORDER: Record<SignupDoc['status'], number> = { confirmed: 0, waitlisted: 1, cancelled: 2 };

/** Every sign-up of the event, in the order they were accepted, with waitlist places. */
async function entriesOf(db: Db, e: EventDoc) {
  const all = await tables(db).signups.findAll({ eventId: e._id }, ['seq', 'asc']);
  let place = 0;
  const positions = new Map<string, number>();
  for (const s of all) if (s.status === 'waitlisted') positions.set(s._id, (place += 1));
  all.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.seq - b.seq);
  return { all, positions };
}

function tallies(fields: readonly ExtraField[], confirmed: SignupDoc[]) {
  return fields.map((f) => {
    const options = f.type === 'choice' ? f.options : f.type === 'yesno' ? ['是', '否'] : ['家属人数'];
    const counts = options.map((option) => ({
      option,
      count: confirmed.reduce((n, s) => {
        const v = s.answers[f.key];
        if (f.type === 'family') return n + (typeof v === 'number' ? v : 0);
        if (f.type === 'yesno') return n + (v === (option === '是') ? 1 : 0);
        return n + (v === option ? 1 : 0);
      }, 0),
    }));
    return { key: f.key, label: f.label, counts };
  });
}

function countsOf(e: EventDoc, all: SignupDoc[]) {
  const confirmed = all.filter((s) => s.status === 'confirmed');
  return {
    confirmed: confirmed.length,
    seats: confirmed.reduce((n, s) => n + s.seats, 0),
    waitlisted: all.filter((s) => s.status === 'waitlisted').length,
    cancelled: all.filter((s) => s.status === 'cancelled').length,
    checkedIn: confirmed.filter((s) => s.checkedInAt !== null).length,
    family: confirmed.reduce((n, s) => n + s.seats - 1, 0),
    tallies: tallies(e.extraFields, confirmed),
  };
}

export const roster: H<'roster'> = async (input, { db, actor }) => {
  const e = await eventOf(db, input.eventId, actor.unionId);
  const { all, positions } = await entriesOf(db, e);
  const { tallies: t, ...counts } = countsOf(e, all);
  return { event: eventAdminView(e), entries: all.map((s) => rosterEntryView(e, s, positions.get(s._id) ?? null)), counts, tallies: t };
};

/** The code as typed, or as scanned from a member's QR code (`checkin:<eventId>:<code>`). */
function parseCode(raw: string, eventId: string): string {
  const m = /^checkin:(.+):(\d+)$/.exec(raw.trim());
  if (!m) return raw.trim();
  if (m[1] !== eventId) throw new AppError('NOT_ALLOWED', '这是另一个活动的签到码', [{ path: ['code'], message: '不是本活动的签到码' }]);
  return m[2];
}

export const checkin: H<'checkin'> = async (input, { db, actor, now }) => {
  const e = await eventOf(db, input.eventId, actor.unionId);
  const code = parseCode(input.code, e._id);
  const [found] = await tables(db).signups.find({ eventId: e._id, checkinCode: code }, { limit: 1 });
  if (!found) throw new AppError('NOT_FOUND', '签到码不正确，请核对后重试', [{ path: ['code'], message: '没有这个签到码' }]);
  const { event, signup } = await checkIn(db, { eventId: e._id, unionId: actor.unionId, signupId: found._id, by: actor.openid, now });
  return { entry: rosterEntryView(event, signup, null) };
};

export const exportRoster: H<'export'> = async (input, { db, actor, now }) => {
  const e = await eventOf(db, input.eventId, actor.unionId);
  const { all, positions } = await entriesOf(db, e);
  const { tallies: t, ...counts } = countsOf(e, all);
  const content = await buildWorkbook([
    sheet<SignupDoc>({
      name: '报名名单',
      columns: [
        { header: '状态', value: (s) => STATUS_LABELS[s.status] },
        { header: '候补顺序', value: (s) => positions.get(s._id) ?? '' },
        { header: '姓名', value: (s) => s.name },
        { header: '工号', value: (s) => s.employeeNo },
        { header: '部门', width: 16, value: (s) => s.department },
        { header: '人数（含家属）', width: 14, value: (s) => s.seats },
        ...e.extraFields.map((f) => ({ header: f.label, width: 14, value: (s: SignupDoc) => answersText([f], s.answers).replace(`${f.label}：`, '') })),
        { header: '报名时间', width: 18, value: (s) => formatDateTimeZh(s.signedUpAt) },
        { header: '签到时间', width: 18, value: (s) => (s.checkedInAt ? formatDateTimeZh(s.checkedInAt) : '') },
        { header: '签名', width: 14, value: () => '' },
      ],
      rows: all,
      note: `${e.title.includes(EVENT_KIND_LABELS[e.kind]) ? e.title : `${e.title}（${EVENT_KIND_LABELS[e.kind]}）`} ${formatDateTimeZh(e.startsAt)} ${e.place}`,
    }),
    sheet({
      name: '统计',
      columns: [
        { header: '项目', width: 20, value: (r: { label: string; value: number }) => r.label },
        { header: '数量', value: (r: { label: string; value: number }) => r.value },
      ],
      rows: [
        { label: '已确认（人）', value: counts.confirmed },
        { label: '占用名额（含家属）', value: counts.seats },
        { label: '携带家属（人）', value: counts.family },
        { label: '候补（人）', value: counts.waitlisted },
        { label: '已签到（人）', value: counts.checkedIn },
        { label: '已取消（人）', value: counts.cancelled },
        ...t.flatMap((x) => x.counts.map((c) => ({ label: `${x.label}：${c.option}`, value: c.count }))),
      ],
      note: e.workMeal ? '本活动含工作餐' : '',
    }),
  ]);
  const fileName = `活动报名-${e.title}-${compactDate(now)}.xlsx`.replace(/[\\/:*?"<>|]/g, '');
  const { fileID, url } = await publishExport(actor.unionId, fileName, content, now);
  await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'event.export', target: { kind: 'event', id: e._id, label: e.title }, from: null, to: { count: all.length } });
  return { url, fileName, fileID, count: all.length };
};

/**
 * Results and prizes. Each prize is a payout of `event_prize` through the policy engine and the ledger (the
 * share of winners among participants and the prize cap are the policy's); its id is fixed per event and
 * member, so sending the same results again records nothing twice. Participants are those checked in, or
 * those confirmed when nobody was checked in.
 */
export const results: H<'results'> = async (input, { db, actor, now }) => {
  const e = await eventOf(db, input.eventId, actor.unionId);
  if (e.status === 'cancelled') throw new AppError('NOT_ALLOWED', '活动已取消');
  if (now < e.startsAt) throw new AppError('NOT_ALLOWED', '活动开始后才能登记结果和奖品');
  const ids = input.prizes.map((p) => p.memberId);
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', '同一位会员只能登记一项奖品', [{ path: ['prizes'], message: '有重复的会员' }]);
  const { all } = await entriesOf(db, e);
  const confirmed = all.filter((s) => s.status === 'confirmed');
  const participants = e.checkedInCount > 0 ? confirmed.filter((s) => s.checkedInAt !== null) : confirmed;
  const byMember = new Map(participants.map((s) => [s.memberId, s]));
  input.prizes.forEach((p, i) => {
    if (!byMember.has(p.memberId)) throw new AppError('VALIDATION_FAILED', '获奖会员须是本活动的参加者', [{ path: ['prizes', i, 'memberId'], message: '不是本活动的参加者' }]);
  });
  const members = ids.length ? await tables(db).members.find({ unionId: actor.unionId, _id: db.command.in(ids) }, { limit: ids.length }) : [];
  const memberById = new Map(members.map((m) => [m._id, m]));
  const prizes = [];
  for (const p of input.prizes) {
    const member = memberById.get(p.memberId) ?? null;
    if (!member) throw new AppError('NOT_FOUND', '名册中没有这位会员');
    const r = await recordPayout(db, {
      unionId: actor.unionId,
      entryId: `${e._id}:prize:${p.memberId}`,
      proposal: { item: 'event_prize', amountFen: p.amountFen, form: p.form, at: now, prize: { winners: input.prizes.length, participants: participants.length } },
      member,
      eventId: e._id,
      note: p.note || `${e.title}奖品`,
      approvedBy: actorRef(actor),
      now,
    });
    prizes.push({ memberId: p.memberId, name: member.name, amountFen: r.entry.amountFen, entryId: r.entry._id, repeated: r.repeated });
  }
  if (input.results !== e.results) {
    await tables(db).events.update(e._id, { results: input.results });
  }
  await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'event.results', target: { kind: 'event', id: e._id, label: e.title }, from: null, to: { summary: `登记结果，奖品 ${prizes.filter((p) => !p.repeated).length} 项` } });
  return { results: input.results, prizes };
};
