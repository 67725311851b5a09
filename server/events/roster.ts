/** The officer's roster of an event: live lists and tallies, and its Excel. */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { EventsContract } from '../../src/core/contracts/events';
import type { ActionName } from '../../src/core/contracts/contract';
import { EVENT_KIND_LABELS, type ExtraField } from '../../src/core/domain/events';
import { formatDateTimeZh } from '../../src/core/time';
import { audit, actorRef } from '../db/audit';
import { compactDate, publishExport } from '../db/files';
import { buildWorkbook, sheet } from '../files/xlsx';
import { entriesOf, eventOf } from './seats';
import { answersText, eventAdminView, prizeView, rosterEntryView } from './views';
import type { EventDoc, SignupDoc } from './store';
import { prizesOf } from './results';

type H<K extends ActionName<EventsContract>> = Handler<EventsContract, K, ActorContext>;

const STATUS_LABELS: Record<SignupDoc['status'], string> = { confirmed: '已确认', waitlisted: '候补', cancelled: '已取消' };

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

export const roster: H<'roster'> = async (input, { db, actor, now }) => {
  const e = await eventOf(db, input.eventId, actor.unionId);
  const [{ all, positions }, { live }] = await Promise.all([entriesOf(db, e), prizesOf(db, e)]);
  const { tallies: t, ...counts } = countsOf(e, all);
  return {
    event: eventAdminView(e), entries: all.map((s) => rosterEntryView(e, s, positions.get(s._id) ?? null)),
    counts,
    tallies: t,
    prizes: live.map(prizeView),
    started: now >= e.startsAt,
    ended: now >= e.endsAt,
  };
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
  const { fileID, url, fileName } = await publishExport(actor.unionId, `活动报名-${e.title}-${compactDate(now)}.xlsx`, content, now);
  await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'event.export', target: { kind: 'event', id: e._id, label: e.title }, from: null, to: { count: all.length } });
  return { url, fileName, fileID, count: all.length };
};

