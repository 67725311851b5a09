/**
 * Event covers and multi-day events through the `events` function with the real SDK: an officer uploads a picture
 * to their own folder (as the H5 app does), publishes or edits an event with it, and members see it as a temporary
 * link. Someone else's file, a file that is not a picture and a missing file are refused before anything is written.
 * The clock is 2026-11-20 10:00 Shanghai.
 */
import { buildWorld, unwrap, type World } from '../testing/world';
import type { EventFields } from '../testing/events';
import type { CallInput } from '../testing/contracts';

let w: World;

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set('2026-11-20T02:00:00.000Z');
});
afterAll(async () => {
  await w.dispose();
});

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** The first bytes of a JPEG (enough for the signature check). */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

let keyCounter = 0;
const key = () => `cover-key-${String(++keyCounter).padStart(6, '0')}`;

/** A reading club on Saturday 2026-11-28 14:00–16:00 Shanghai; sign-up open until the 26th. */
function eventInput(over: Partial<EventFields> = {}): EventFields {
  return {
    title: '读书分享会',
    kind: 'reading',
    place: '机关图书室',
    startsAt: '2026-11-28T14:00:00+08:00',
    endsAt: '2026-11-28T16:00:00+08:00',
    capacity: 20,
    signupOpensAt: '2026-11-19T09:00:00+08:00',
    signupClosesAt: '2026-11-26T18:00:00+08:00',
    cancelDeadline: '2026-11-27T12:00:00+08:00',
    requestKey: key(),
    ...over,
  };
}

type AdminView = { id: string; coverFileID: string | null; coverUrl: string | null; startsAt: string; endsAt: string };
type Card = { id: string; coverUrl: string | null; endsAt: string };

async function publish(over: Partial<EventFields> = {}) {
  return w.call('officer', 'events', 'publish', eventInput(over));
}

async function update(eventId: string, changes: CallInput<'events', 'update'>['changes']) {
  return w.call('officer', 'events', 'update', { eventId, changes });
}

async function eventCount(): Promise<number> {
  return unwrap(await w.call('officer', 'events', 'adminList', {})).total;
}

async function memberCard(eventId: string): Promise<Card | undefined> {
  const list = unwrap(await w.call('member', 'events', 'list', { pageSize: 50 }));
  return list.items.find((i) => i.id === eventId);
}

async function adminGet(eventId: string): Promise<AdminView> {
  return unwrap(await w.call('officer', 'events', 'adminGet', { eventId }));
}

/** What a browser gets from a temporary link: status, content type, bytes. */
async function fetchLink(url: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const r = await fetch(url);
  return { status: r.status, type: r.headers.get('content-type'), bytes: Buffer.from(await r.arrayBuffer()) };
}

describe('an event with a cover', () => {
  test('published with a picture the officer uploaded: the cover is copied to the union’s folder and every view links to it', async () => {
    const upload = await w.upload(w.openids.officer, PNG, '封面.PNG');
    expect(upload).toContain(`/uploads/${w.openids.officer}/`);
    const r = await publish({ coverFileID: upload });
    expect(r).toMatchObject({ ok: true });
    const e = unwrap(r).event;
    expect(e.coverFileID).toMatch(new RegExp(`^cloud://[^/]+/events/${w.unionA}/[A-Za-z0-9_-]+/cover-[0-9a-f]{16}\\.png$`));
    expect(e.coverUrl).toMatch(/^http/);

    // The member's list and detail, the officer's list and editor: the same picture, served as a picture.
    const card = await memberCard(e.id);
    const detail = unwrap(await w.call('member', 'events', 'get', { eventId: e.id }));
    const adminList = unwrap(await w.call('officer', 'events', 'adminList', { pageSize: 50 }));
    const adminRow = adminList.items.find((i) => i.id === e.id);
    for (const url of [card?.coverUrl, detail.coverUrl, adminRow?.coverUrl, (await adminGet(e.id)).coverUrl]) {
      expect(url).toEqual(expect.stringMatching(/^http/));
      const got = await fetchLink(url ?? '');
      expect({ status: got.status, type: got.type }).toEqual({ status: 200, type: 'image/png' });
      expect(Buffer.compare(got.bytes, PNG)).toBe(0);
    }
  });

  test('the same form sent twice publishes one event with one cover', async () => {
    const first = await w.upload(w.openids.officer, PNG, 'cover.png');
    const input = eventInput({ coverFileID: first });
    const a = unwrap(await w.call('officer', 'events', 'publish', input));
    const b = unwrap(await w.call('officer', 'events', 'publish', input));
    expect(b.repeated).toBe(true);
    expect(b.event.coverFileID).toBe(a.event.coverFileID);
    // A retry after a lost reply, with another picture or an upload cleaned up since: the event as published.
    const other = await w.call('officer', 'events', 'publish', { ...input, coverFileID: await w.upload(w.openids.officer, JPEG, 'other.jpeg') });
    expect(other).toMatchObject({ ok: true, data: { repeated: true, event: { id: a.event.id, coverFileID: a.event.coverFileID } } });
    const otherEnv = await w.call('officer', 'events', 'publish', { ...eventInput(), coverFileID: first.replace(/^cloud:\/\/[^.]+\./, 'cloud://other-env.') });
    expect(otherEnv).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const gone = await w.call('officer', 'events', 'publish', { ...input, coverFileID: `cloud://${first.split('/')[2]}/uploads/${w.openids.officer}/gone.png` });
    expect(gone).toMatchObject({ ok: true, data: { repeated: true } });
  });

  test('an event without a cover has no link (nothing to show, no broken picture)', async () => {
    const r = await publish();
    expect(r.data?.event).toMatchObject({ coverFileID: null, coverUrl: null });
    expect(await memberCard(r.data?.event.id ?? '')).toMatchObject({ coverUrl: null });
  });
});

describe('a cover that cannot be used is refused and nothing is written', () => {
  test('someone else’s upload: FORBIDDEN, and no event is created', async () => {
    const before = await eventCount();
    const theirs = await w.upload(w.openids.member, PNG, 'cover.png');
    expect(await publish({ coverFileID: theirs })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能使用您本人上传的文件' } });
    // A path that only mentions the caller's folder, or climbs out of it, is not the caller's either.
    const host = /^cloud:\/\/[^/]+\//.exec(theirs)?.[0] ?? '';
    for (const forged of [`${host}exports/${w.unionA}/x/uploads/${w.openids.officer}/cover.png`, `${host}uploads/${w.openids.officer}/../${w.openids.member}/cover.png`]) {
      expect(await publish({ coverFileID: forged })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await eventCount()).toBe(before);
  });

  test('someone else’s upload as a new cover of an event: FORBIDDEN, and the event keeps its cover', async () => {
    const e = unwrap(await publish({ coverFileID: await w.upload(w.openids.officer, PNG, 'cover.png') })).event;
    const theirs = await w.upload(w.openids.chair, PNG, 'cover.png');
    expect(await update(e.id, { coverFileID: theirs })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await adminGet(e.id)).coverFileID).toBe(e.coverFileID);
  });

  test('a file that is not a picture: VALIDATION_FAILED on coverFileID, by its name or by its content', async () => {
    const before = await eventCount();
    const text = await w.upload(w.openids.officer, Buffer.from('not a picture'), 'notes.txt');
    const byName = await publish({ coverFileID: text });
    expect(byName).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '封面图片请使用 JPG、PNG 或 WebP 格式的图片' } });
    expect(byName.error?.issues).toEqual([{ path: ['coverFileID'], message: '封面图片请使用 JPG、PNG 或 WebP 格式的图片' }]);
    const disguised = await w.upload(w.openids.officer, Buffer.from('<html>not a picture</html>'), 'cover.png');
    const byContent = await publish({ coverFileID: disguised });
    expect(byContent).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '文件内容不是有效的 JPG、PNG 或 WebP 图片，请换一张图片' } });
    expect(byContent.error?.issues?.[0]?.path).toEqual(['coverFileID']);
    expect(await eventCount()).toBe(before);

    const e = unwrap(await publish()).event;
    const edit = await update(e.id, { coverFileID: text });
    expect(edit).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(edit.error?.issues?.[0]?.path).toEqual(['changes', 'coverFileID']);
  });

  test('a picture over 5 MB: VALIDATION_FAILED', async () => {
    const big = await w.upload(w.openids.officer, Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]), 'big.jpg');
    expect(await publish({ coverFileID: big })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '封面图片不能超过 5 MB，请换一张或压缩后再上传' } });
  });

  test('a file that is not (or no longer) there: NOT_FOUND', async () => {
    const before = await eventCount();
    const real = await w.upload(w.openids.officer, PNG, 'cover.png');
    const missing = real.replace(/[^/]+$/, 'never-uploaded.png');
    expect(await publish({ coverFileID: missing })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '封面图片不存在或已过期，请重新上传' } });
    expect(await eventCount()).toBe(before);
  });
});

describe('changing the cover', () => {
  test('a new picture replaces the cover (the old copy is removed); null removes it; the current one sent back changes nothing', async () => {
    const e = unwrap(await publish({ coverFileID: await w.upload(w.openids.officer, PNG, 'first.png') })).event;
    const firstUrl = e.coverUrl ?? '';

    const same = await update(e.id, { coverFileID: e.coverFileID, title: '读书分享会（第二期）' });
    expect(same).toMatchObject({ ok: true, data: { event: { coverFileID: e.coverFileID } } });

    const replaced = await update(e.id, { coverFileID: await w.upload(w.openids.officer, JPEG, 'second.jpeg') });
    expect(replaced).toMatchObject({ ok: true });
    const second = unwrap(replaced).event;
    expect(second.coverFileID).not.toBe(e.coverFileID);
    expect(second.coverFileID).toMatch(/\.jpg$/);
    expect(await fetchLink(second.coverUrl ?? '')).toMatchObject({ status: 200, type: 'image/jpeg' });
    expect((await fetchLink(firstUrl)).status).toBe(404);
    // The same file: a signed link carries its expiry (now + 1 day, in seconds), so two reads a second apart differ.
    const fileOf = (url: string | null | undefined) => (url ?? '').split('?')[0];
    expect(fileOf((await memberCard(e.id))?.coverUrl)).toBe(fileOf(second.coverUrl));

    const removed = await update(e.id, { coverFileID: null });
    expect(removed).toMatchObject({ ok: true, data: { event: { coverFileID: null, coverUrl: null } } });
    expect((await fetchLink(second.coverUrl ?? '')).status).toBe(404);
    expect(await memberCard(e.id)).toMatchObject({ coverUrl: null });
    const detail = unwrap(await w.call('member', 'events', 'get', { eventId: e.id }));
    expect(detail.coverUrl).toBeNull();
  });
});

describe('events over more than one day', () => {
  test('an end date after the start date is accepted (a two-day outing)', async () => {
    const r = await publish({ title: '秋季两日游', kind: 'outing', startsAt: '2026-11-28T08:00:00+08:00', endsAt: '2026-11-29T18:00:00+08:00' });
    expect(r).toMatchObject({ ok: true });
    const e = unwrap(r).event;
    expect(new Date(e.endsAt).toISOString()).toBe('2026-11-29T10:00:00.000Z');
    expect((await memberCard(e.id))?.endsAt).toBe(e.endsAt);
    const longer = await update(e.id, { endsAt: '2026-11-30T12:00:00+08:00' });
    expect(longer).toMatchObject({ ok: true });
    expect(new Date(longer.data?.event.endsAt ?? '').toISOString()).toBe('2026-11-30T04:00:00.000Z');
  });

  test('an end before the start is refused, on publishing and on editing', async () => {
    const before = await eventCount();
    const early = await publish({ startsAt: '2026-11-28T08:00:00+08:00', endsAt: '2026-11-27T18:00:00+08:00' });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '结束时间应晚于开始时间' } });
    expect(await eventCount()).toBe(before);
    const e = unwrap(await publish()).event;
    expect(await update(e.id, { endsAt: '2026-11-27T16:00:00+08:00' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '结束时间应晚于开始时间' } });
    expect((await adminGet(e.id)).endsAt).toBe(e.endsAt);
  });
});
