/**
 * The care function through the emulator, with the real SDK and the test client typed from the contract: asking
 * for help and following it, the queue and its handling, who sees what (private cases, anonymous senders, another
 * union), deadlines in working days on the emulator's clock, bad input, and two officers accepting at once.
 */
import { PAGES } from '../../src/core/pages';
import { MAX_ATTACHMENT_BYTES } from '../../src/core/domain/care';
import { connectSdk } from '../../emulator/sdk-client';
import { buildWorld, CARE_TEMPLATE, person, unwrap, type World } from '../testing/world';
import type { CallInput } from '../testing/contracts';

let w: World;

/** Thursday 2026-11-19, 10:00 in Shanghai. */
const NOW = '2026-11-19T02:00:00.000Z';
/** A 1×1 PNG, and the start of a PDF. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  w = await buildWorld();
  w.emu.clock.set(NOW);
});
afterAll(async () => {
  await w?.dispose();
});

let keys = 0;
const nextKey = () => `care-test-${String((keys += 1)).padStart(4, '0')}`;

type Ask = CallInput<'care', 'submit'>;
const ask = (over: Partial<Ask> = {}): Ask => ({ category: 'work', title: '车间空调坏了', body: '三车间空调坏了一周，希望尽快修理。', contact: 'app', requestKey: nextKey(), ...over });

async function submit(who: string, over: Partial<Ask> = {}) {
  return unwrap(await w.call(who, 'care', 'submit', ask(over))).case;
}

const inbox = async (who: string) => unwrap(await w.call(who, 'notices', 'list', { pageSize: 50 })).items;
const mineTotal = async (who: string) => unwrap(await w.call(who, 'care', 'mine', {})).total;
const audits = async () => unwrap(await w.call('chair', 'members', 'auditList', { pageSize: 100 })).items;

/** An upload as a form sends it (the name is what the person's phone called it). */
const up = (fileID: string) => ({ fileID, name: '' });

describe('asking for help', () => {
  test('a member asks with a photo and a PDF; the case shows its files, its deadline and what the member may do', async () => {
    const photo = await w.upload(w.openids.member, PNG, '现场.png');
    const doc = await w.upload(w.openids.member, PDF, '说明.pdf');
    const c = await submit('member', { attachments: [{ fileID: photo, name: '现场.png' }, { fileID: doc, name: '../说明\u0000.pdf' }] });
    expect(c).toMatchObject({ status: 'submitted', statusLabel: '已提交', requesterName: '张伟', categoryLabel: '工作', acceptDueDate: '2026-11-20', closeDueDate: null, overdue: false, can: ['withdraw', 'addInfo'] });
    // Shown by the names the phone gave them (without folders or control characters), whatever the upload's own name.
    expect(c.attachments.map((a) => [a.name, a.isImage])).toEqual([
      ['现场.png', true],
      ['说明.pdf', false],
    ]);
    // Copied into the case's folder, with a temporary link.
    for (const a of c.attachments) {
      expect(a.fileID).toContain('/care/');
      expect(a.url).toMatch(/^http/);
    }
    expect(c.steps.map((s) => s.label)).toEqual(['已提交']);
  });

  test('a double tap on 提交 makes one case, also when both taps arrive at once', async () => {
    const before = await mineTotal('member');
    const input = ask();
    const first = unwrap(await w.call('member', 'care', 'submit', input));
    const again = unwrap(await w.call('member', 'care', 'submit', input));
    expect(first.repeated).toBe(false);
    expect(again).toMatchObject({ repeated: true, case: { id: first.case.id } });
    const together = ask();
    const both = await Promise.all([w.call('member', 'care', 'submit', together), w.call('member', 'care', 'submit', together)]);
    expect(new Set(both.map((r) => unwrap(r).case.id)).size).toBe(1);
    expect(both.map((r) => unwrap(r).repeated).sort()).toEqual([false, true]);
    expect(await mineTotal('member')).toBe(before + 2);
    // The same key from another member is another case (the key is per member).
    expect(unwrap(await w.call('auditor', 'care', 'submit', input)).case.id).not.toBe(first.case.id);
  });

  test('bad input is refused in Chinese and writes nothing', async () => {
    const before = await mineTotal('member');
    const refused = async (payload: unknown, code: string, message: RegExp) => {
      const r = await w.callRaw('member', 'care', 'submit', payload);
      expect(r).toMatchObject({ ok: false, error: { code } });
      expect(r.error?.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(JSON.stringify(r.error)).toMatch(message);
    };
    await refused(ask({ body: '字'.repeat(1001) }), 'VALIDATION_FAILED', /最多 1000 字/);
    const seven = await Promise.all(Array.from({ length: 7 }, (_, i) => w.upload(w.openids.member, PNG, `p${i}.png`)));
    await refused(ask({ attachments: seven.map(up) }), 'VALIDATION_FAILED', /最多 6 个附件/);
    const theirs = await w.upload(w.openids.officer, PNG, 'theirs.png');
    const mine = await w.upload(w.openids.member, PNG, 'mine.png');
    await refused(ask({ attachments: [mine, theirs].map(up) }), 'FORBIDDEN', /本人上传/);
    const notPdf = await w.upload(w.openids.member, PNG, 'fake.pdf');
    await refused(ask({ attachments: [notPdf].map(up) }), 'VALIDATION_FAILED', /不是有效的/);
    // The kind is judged by the upload itself, never by the name the phone sent.
    await refused(ask({ attachments: [{ fileID: notPdf, name: '照片.png' }] }), 'VALIDATION_FAILED', /不是有效的/);
    const text = await w.upload(w.openids.member, Buffer.from('hello'), 'note.txt');
    await refused(ask({ attachments: [text].map(up) }), 'VALIDATION_FAILED', /PDF/);
    // Over the size limit (the H5 gateway stops uploads at 10 MB, so this one is stored the way a phone's upload is).
    const cloud = connectSdk(w.emu.url, w.emu.envId);
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    const bigFile = (await cloud.uploadFile({ cloudPath: `uploads/${w.openids.member}/大文件.pdf`, fileContent: big })).fileID;
    await refused(ask({ attachments: [bigFile].map(up) }), 'VALIDATION_FAILED', /超过 10 MB/);
    await refused({ ...ask(), category: 'housing' }, 'VALIDATION_FAILED', /请选择类别/);
    await refused(ask({ category: 'work', anonymous: true }), 'VALIDATION_FAILED', /只有意见建议可以匿名/);
    // A report about a colleague of another union, or in a category that does not exist.
    const b = await w.callRaw('member', 'care', 'report', { category: 'hospitalised', subjectMemberId: `${w.unionB}:B0002`, eventDate: '2026-11-18', place: '市中心医院', requestKey: nextKey() });
    expect(b).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('没有这位同事') } });
    const other = unwrap(await w.call('otherOfficer', 'members', 'rosterList', { q: '周会员' })).items[0].id;
    expect(await w.call('member', 'care', 'report', { category: 'hospitalised', subjectMemberId: other, eventDate: '2026-11-18', place: '市中心医院', requestKey: nextKey() })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await w.callRaw('member', 'care', 'report', { category: 'promotion', eventDate: '2026-11-18', requestKey: nextKey() })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    expect(await mineTotal('member')).toBe(before);
  });

  test('the member withdraws before it is accepted, and not after', async () => {
    const c = await submit('member');
    expect(await w.call('member', 'care', 'withdraw', { caseId: c.id, reason: '已经解决了' })).toMatchObject({ ok: true, data: { status: 'withdrawn', can: [] } });
    const d = await submit('member');
    unwrap(await w.call('officer', 'care', 'accept', { caseId: d.id }));
    expect(await w.call('member', 'care', 'withdraw', { caseId: d.id })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('已受理') } });
  });
});

describe('handling', () => {
  test('accept, reply, note, close: the member is told each time, never sees the note, and rates it', async () => {
    const c = await submit('member', { title: '食堂排队太久' });
    const accepted = unwrap(await w.call('officer', 'care', 'accept', { caseId: c.id }));
    expect(accepted).toMatchObject({ status: 'accepted', handlerName: '李娜', closeDueDate: '2026-11-26' });
    const told = (await inbox('member')).find((n) => n.kind === 'care_accepted' && n.title.includes('食堂排队太久'));
    expect(told?.body).toContain('李娜');
    expect(told?.body).toContain('已由李娜受理，预计11月26日（周四）前办结');
    expect(told?.link).toBe(`${PAGES.careCase.path}?id=${encodeURIComponent(c.id)}`);
    // Pushed on the care template to the member's WeChat (the test deployment configures one).
    const pushed = ((await w.emu.get('/__emulator/outbox')).body as { to: string; templateId: string; page: string; data: Record<string, { value: string }> }[]).filter((m) => m.to === w.openids.member && m.templateId === CARE_TEMPLATE);
    expect(pushed.some((m) => m.data.thing1.value === '食堂排队太久' && m.data.phrase2.value === '已受理')).toBe(true);
    unwrap(await w.call('officer', 'care', 'note', { caseId: c.id, text: '已联系后勤处，内部备注' }));
    const photo = await w.upload(w.openids.officer, PNG, '新窗口.png');
    const replied = unwrap(await w.call('officer', 'care', 'reply', { caseId: c.id, text: '已增开一个窗口。', attachments: [up(photo)] }));
    expect(replied.status).toBe('replied');
    expect(replied.messages.map((m) => [m.from, m.internal])).toEqual([
      ['handler', true],
      ['handler', false],
    ]);
    const seen = unwrap(await w.call('member', 'care', 'get', { caseId: c.id }));
    expect(seen.messages.map((m) => m.text)).toEqual(['已增开一个窗口。']);
    expect(seen.messages[0].attachments[0]).toMatchObject({ name: expect.stringMatching(/\.png$/), isImage: true });
    expect(JSON.stringify(seen)).not.toContain('内部备注');
    expect(seen.can).toEqual(expect.arrayContaining(['rate', 'addInfo']));
    expect((await inbox('member')).some((n) => n.kind === 'care_replied' && n.title.includes('食堂排队太久'))).toBe(true);
    const closed = unwrap(await w.call('officer', 'care', 'close', { caseId: c.id, summary: '增开窗口，高峰排队 5 分钟以内' }));
    expect(closed).toMatchObject({ status: 'closed', summary: '增开窗口，高峰排队 5 分钟以内' });
    expect((await inbox('member')).find((n) => n.kind === 'care_closed' && n.title.includes('食堂排队太久'))?.body).toContain('评价');
    expect(await w.call('member', 'care', 'rate', { caseId: c.id, rating: 'satisfied', comment: '很快' })).toMatchObject({ ok: true, data: { rating: 'satisfied', status: 'closed' } });
    expect(await w.call('member', 'care', 'rate', { caseId: c.id, rating: 'fair' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: '已经评价过了' } });
    const steps = unwrap(await w.call('member', 'care', 'get', { caseId: c.id })).steps.map((s) => s.label);
    expect(steps).toEqual(['已提交', '已受理', '处理中', '已答复', '已办结']);
    const log = (await audits()).filter((e) => e.targetLabel === '食堂排队太久').map((e) => e.action);
    expect(log).toEqual(expect.arrayContaining(['care.accept', 'care.reply', 'care.close']));
  });

  test('不满意 reopens it once and puts it before the chair; a second 不满意 supervises again without reopening', async () => {
    const c = await submit('member', { title: '加班费计算有误' });
    unwrap(await w.call('officer', 'care', 'accept', { caseId: c.id }));
    unwrap(await w.call('officer', 'care', 'reply', { caseId: c.id, text: '已核对，无误。' }));
    const reopened = unwrap(await w.call('member', 'care', 'rate', { caseId: c.id, rating: 'unsatisfied', comment: '没有解释清楚' }));
    expect(reopened).toMatchObject({ status: 'in_progress', reopened: true, supervised: true, rating: null });
    const chairSees = (await inbox('chair')).filter((n) => n.kind === 'care_supervised' && n.title.includes('加班费计算有误'));
    expect(chairSees).toHaveLength(1);
    expect(chairSees[0].body).toContain('没有解释清楚');
    const supervised = unwrap(await w.call('chair', 'care', 'queue', { view: 'supervised' }));
    expect(supervised.items.map((i) => i.id)).toContain(c.id);
    expect(supervised.counts.supervised).toBeGreaterThanOrEqual(1);
    unwrap(await w.call('officer', 'care', 'reply', { caseId: c.id, text: '附上计算明细。' }));
    const again = unwrap(await w.call('member', 'care', 'rate', { caseId: c.id, rating: 'unsatisfied' }));
    expect(again).toMatchObject({ status: 'replied', reopened: true, rating: 'unsatisfied' });
    expect((await inbox('chair')).filter((n) => n.kind === 'care_supervised' && n.title.includes('加班费计算有误'))).toHaveLength(2);
    expect(await w.call('member', 'care', 'rate', { caseId: c.id, rating: 'satisfied' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });

  test('退回 with a reason: the member is told why', async () => {
    const c = await submit('member', { title: '小区停车难' });
    expect(await w.call('officer', 'care', 'sendBack', { caseId: c.id, reason: '不属于单位工会职责，请联系社区' })).toMatchObject({ ok: true, data: { status: 'returned' } });
    expect((await inbox('member')).find((n) => n.kind === 'care_returned' && n.title.includes('小区停车难'))?.body).toContain('请联系社区');
    const seen = unwrap(await w.call('member', 'care', 'get', { caseId: c.id }));
    expect(seen.steps.at(-1)).toMatchObject({ label: '已退回', note: '不属于单位工会职责，请联系社区' });
  });

  test('two officers accept at once, ten times: exactly one wins, the other is told who accepted it', async () => {
    for (let round = 0; round < 10; round += 1) {
      const c = await submit('member', { title: `并发受理 ${round}` });
      const [a, b] = await Promise.all([w.call('officer', 'care', 'accept', { caseId: c.id }), w.call('chair', 'care', 'accept', { caseId: c.id })]);
      const winners = [a, b].filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      const winner = unwrap(winners[0]).handlerName as string;
      const loser = [a, b].find((r) => !r.ok);
      expect(loser?.error?.message).toContain(`已由${winner}`);
      const log = (await audits()).filter((e) => e.action === 'care.accept' && e.targetLabel === `并发受理 ${round}`);
      expect(log).toHaveLength(1);
    }
  });

  test('转派 only to staff of the union, with the new handler told; a named handler then sees only what is theirs', async () => {
    const c = await submit('member', { title: '职工书屋开放时间' });
    expect(await w.call('officer', 'care', 'assign', { caseId: c.id, handlerId: w.ids.careHandler, reason: '请处理' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: '请先受理这件事，再转派' } });
    const who = unwrap(await w.call('officer', 'care', 'handlers')).items;
    expect(who.map((h) => [h.name, h.mayTakePrivate])).toEqual(expect.arrayContaining([['赵主席', true], ['李娜', false], ['郑专员', true]]));
    expect(who.map((h) => h.name)).not.toContain('张伟');
    expect(who.find((h) => h.name === '郑专员')?.roleLabel).toBe('关爱专员');
    unwrap(await w.call('officer', 'care', 'accept', { caseId: c.id }));
    expect(await w.call('officer', 'care', 'assign', { caseId: c.id, handlerId: w.ids.member, reason: '请处理' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('不是工会干部或关爱专员') } });
    expect(await w.call('officer', 'care', 'assign', { caseId: c.id, handlerId: w.ids.otherChair, reason: '请处理' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const given = unwrap(await w.call('officer', 'care', 'assign', { caseId: c.id, handlerId: w.ids.careHandler, reason: '由关爱专员跟进' }));
    expect(given).toMatchObject({ handlerName: '郑专员', status: 'in_progress' });
    expect((await inbox('careHandler')).find((n) => n.kind === 'care_assigned')?.body).toContain('由关爱专员跟进');
    const theirs = unwrap(await w.call('careHandler', 'care', 'queue', { view: 'all', pageSize: 50 }));
    expect(theirs.items.map((i) => i.id)).toEqual([c.id]);
    expect(theirs.counts.mine).toBe(1);
    // The queue's search and category filter.
    expect(unwrap(await w.call('officer', 'care', 'queue', { view: 'all', q: '书屋' })).items.map((i) => i.id)).toEqual([c.id]);
    expect(unwrap(await w.call('officer', 'care', 'queue', { view: 'all', q: '书屋', category: 'life' })).items).toEqual([]);
    const other = await submit('member', { title: '别人的事' });
    expect(await w.call('careHandler', 'care', 'get', { caseId: other.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await w.call('careHandler', 'care', 'accept', { caseId: other.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await w.call('careHandler', 'care', 'reply', { caseId: c.id, text: '周六也开放。' })).toMatchObject({ ok: true, data: { status: 'replied' } });
    // The member sees the handler's name, not the 转派 reason (an internal line).
    const seen = unwrap(await w.call('member', 'care', 'get', { caseId: c.id }));
    expect(seen.handlerName).toBe('郑专员');
    expect(JSON.stringify(seen)).not.toContain('由关爱专员跟进');
  });
});

describe('who sees what', () => {
  test('a psychological case: invisible to an officer not assigned; the chair and its handler read it, and each read is audited', async () => {
    const c = await submit('member', { category: 'psychological', title: '最近压力很大睡不着' });
    expect(c.private).toBe(true);
    const officerQueue = unwrap(await w.call('officer', 'care', 'queue', { view: 'all', pageSize: 50 }));
    expect(officerQueue.items.map((i) => i.id)).not.toContain(c.id);
    expect(JSON.stringify(officerQueue)).not.toContain('最近压力很大');
    expect(await w.call('officer', 'care', 'get', { caseId: c.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await w.call('officer', 'care', 'accept', { caseId: c.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const readsBefore = (await audits()).filter((e) => e.action === 'care.read').length;
    expect(unwrap(await w.call('chair', 'care', 'queue', { view: 'new', pageSize: 50 })).items.map((i) => i.id)).toContain(c.id);
    expect(unwrap(await w.call('chair', 'care', 'get', { caseId: c.id })).title).toBe('最近压力很大睡不着');
    unwrap(await w.call('chair', 'care', 'accept', { caseId: c.id }));
    // Private: only to the chair or a 关爱专员.
    expect(await w.call('chair', 'care', 'assign', { caseId: c.id, handlerId: w.ids.officer, reason: '请跟进' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('只能转派给工会主席或关爱专员') } });
    unwrap(await w.call('chair', 'care', 'assign', { caseId: c.id, handlerId: w.ids.careHandler, reason: '心理咨询师跟进' }));
    expect(unwrap(await w.call('careHandler', 'care', 'get', { caseId: c.id })).title).toBe('最近压力很大睡不着');
    expect(await w.call('officer', 'care', 'get', { caseId: c.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const log = await audits();
    const reads = log.filter((e) => e.action === 'care.read');
    expect(reads.length - readsBefore).toBe(2);
    expect(reads.map((e) => e.actorName)).toEqual(expect.arrayContaining(['赵主席', '郑专员']));
    // The audit log (which officers and auditors read) names a private case by its category only.
    expect(JSON.stringify(log)).not.toContain('最近压力很大');
    // The member reads their own case, unaudited.
    expect(unwrap(await w.call('member', 'care', 'get', { caseId: c.id })).handlerName).toBe('郑专员');
  });

  test('an anonymous suggestion: 匿名会员 in every reply to staff; only the chair’s reveal names the sender, and it is audited', async () => {
    // A sender whose name appears nowhere else in this world's cases.
    const sender = unwrap(await w.call('chair', 'members', 'rosterSave', { fields: person('A0030', '冯秘密', '13900000030') })).id;
    unwrap(await w.call('wx-a-anon', 'members', 'bind', { name: '冯秘密', employeeNo: 'A0030', phoneLast4: '0030' }));
    const photo = await w.upload('wx-a-anon', PNG, '东门.png');
    const c = await submit('wx-a-anon', { category: 'suggestion', title: '建议增加班车', body: '东区职工上下班不便。', anonymous: true, attachments: [up(photo)] });
    expect(c.requesterName).toBe('冯秘密');
    const replies: unknown[] = [];
    const staff = async <T>(r: Promise<T>) => {
      const got = await r;
      replies.push(got);
      return got;
    };
    unwrap(await w.call('wx-a-anon', 'care', 'addInfo', { caseId: c.id, text: '早上七点一班即可。' }));
    const queued = await staff(w.call('officer', 'care', 'queue', { view: 'new', pageSize: 50 }));
    expect(unwrap(queued).items.find((i) => i.id === c.id)?.requesterName).toBe('匿名会员');
    const got = unwrap(await staff(w.call('officer', 'care', 'get', { caseId: c.id })));
    expect(got.requesterName).toBe('匿名会员');
    expect(got.messages[0]).toMatchObject({ from: 'member', authorName: '匿名会员' });
    await staff(w.call('officer', 'care', 'accept', { caseId: c.id }));
    await staff(w.call('officer', 'care', 'note', { caseId: c.id, text: '转交行政处' }));
    await staff(w.call('officer', 'care', 'assign', { caseId: c.id, handlerId: w.ids.careHandler, reason: '请跟进' }));
    await staff(w.call('careHandler', 'care', 'reply', { caseId: c.id, text: '已向行政处反映。' }));
    await staff(w.call('chair', 'care', 'get', { caseId: c.id }));
    await staff(w.call('chair', 'care', 'queue', { view: 'all', pageSize: 50 }));
    await staff(w.call('careHandler', 'care', 'queue', { view: 'mine' }));
    // The member's 不满意 puts it before the chair: the 督办 notice is read below.
    unwrap(await w.call('wx-a-anon', 'care', 'rate', { caseId: c.id, rating: 'unsatisfied', comment: '没有回音' }));
    for (const who of ['officer', 'chair', 'careHandler', 'auditor'] as const) await staff(w.call(who, 'notices', 'list', { pageSize: 50 }));
    // The audit log's care records (its roster records name the member as a member, not as a sender).
    const careLog = async () => (await audits()).filter((e) => e.action.startsWith('care.'));
    replies.push(await careLog());
    // Replies to staff carry neither the name nor the member id.
    const toStaff = JSON.stringify(replies);
    // Nor the sender's WeChat identity (their upload was copied into the case under a name of its content).
    for (const marker of ['冯秘密', sender, 'A0030', 'wx-a-anon']) expect(toStaff).not.toContain(marker);
    expect(unwrap(queued).items.length).toBeGreaterThan(0);
    expect(got.attachments).toHaveLength(1);
    expect(toStaff).toContain('匿名会员');
    expect(toStaff).toContain('督办');
    // The reveal: not for an officer; the chair gets the name, with the reason on record (the record without the name).
    expect(await w.call('officer', 'care', 'reveal', { caseId: c.id, reason: '涉嫌恶意举报' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.call('chair', 'care', 'reveal', { caseId: c.id, reason: '涉嫌恶意举报' })).toEqual({ ok: true, data: { name: '冯秘密', department: '办公室' } });
    const log = await careLog();
    const reveal = log.find((e) => e.action === 'care.reveal');
    expect(reveal).toMatchObject({ actorName: '赵主席', summary: expect.stringContaining('涉嫌恶意举报') });
    expect(JSON.stringify(log)).not.toContain('冯秘密');
    // A case that is not anonymous has nothing to reveal.
    const plain = await submit('member');
    expect(await w.call('chair', 'care', 'reveal', { caseId: plain.id, reason: '测试一下' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });

  test('a member cannot read another member’s case; another union’s officer gets nothing', async () => {
    const c = await submit('member', { title: '家属就医困难' });
    for (const who of ['auditor', 'careHandler'] as const) {
      expect(await w.call(who, 'care', 'get', { caseId: c.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await w.call(who, 'care', 'addInfo', { caseId: c.id, text: '我也是' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    for (const [action, payload] of [
      ['get', { caseId: c.id }],
      ['accept', { caseId: c.id }],
      ['reply', { caseId: c.id, text: '答复' }],
      ['reveal', { caseId: c.id, reason: '测试一下' }],
    ] as const) {
      const r = await w.callRaw('otherOfficer', 'care', action, payload);
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const theirQueue = unwrap(await w.call('otherOfficer', 'care', 'queue', { view: 'all' }));
    expect(theirQueue.total).toBe(0);
    expect(JSON.stringify(theirQueue)).not.toContain('家属就医困难');
    expect(unwrap(await w.call('member', 'care', 'get', { caseId: c.id })).status).toBe('submitted');
  });

  test('即时关爱 about a colleague: the colleague sees it as theirs, officers see who reported it', async () => {
    const colleagues = unwrap(await w.call('member', 'care', 'colleagues', { q: '孙' })).items;
    expect(colleagues).toEqual([{ memberId: w.ids.auditor, name: '孙审计', department: '办公室' }]);
    const r = unwrap(await w.call('member', 'care', 'report', { category: 'hospitalised', subjectMemberId: w.ids.auditor, eventDate: '2026-11-17', place: '市中心医院', note: '阑尾炎手术', requestKey: nextKey() })).case;
    expect(r).toMatchObject({ kind: 'instant', title: '孙审计生病住院', statusLabel: '已上报', subjectName: '孙审计', place: '市中心医院' });
    const theirs = unwrap(await w.call('auditor', 'care', 'mine', {})).items.find((i) => i.id === r.id);
    expect(theirs).toMatchObject({ requesterName: '同事', title: '孙审计生病住院' });
    expect(unwrap(await w.call('officer', 'care', 'get', { caseId: r.id })).requesterName).toBe('张伟');
    expect(await w.call('member', 'care', 'report', { category: 'hospitalised', eventDate: '2026-11-17', requestKey: nextKey() })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '请填写住院的医院' } });
    const confirmed = unwrap(await w.call('officer', 'care', 'accept', { caseId: r.id }));
    expect(confirmed.statusLabel).toBe('已确认');
  });
});

describe('deadlines in working days, on the emulator clock', () => {
  afterAll(() => w.emu.clock.set(NOW));

  test('a case submitted the day before 国庆 is due after the holiday; closing counts working days from 受理', async () => {
    w.emu.clock.set('2026-09-30T02:00:00.000Z');
    const c = await submit('member', { title: '国庆前的求助' });
    expect(c.acceptDueDate).toBe('2026-10-08');
    w.emu.clock.set('2026-10-09T02:00:00.000Z');
    // Overdue now: in the overdue view, and the case says so.
    const overdue = unwrap(await w.call('officer', 'care', 'queue', { view: 'overdue', pageSize: 50 }));
    expect(overdue.items.find((i) => i.id === c.id)).toMatchObject({ overdue: true, dueDate: '2026-10-08' });
    const accepted = unwrap(await w.call('officer', 'care', 'accept', { caseId: c.id }));
    // Friday 10-09 + 5 working days: 10-10 is a make-up Saturday in 2026, so Mon 12 … Thu 15.
    expect(accepted).toMatchObject({ closeDueDate: '2026-10-15', overdue: false });
  });

  test('an urgent case on a Sunday is due Monday; due soon shows it', async () => {
    w.emu.clock.set('2026-11-29T03:00:00.000Z');
    const c = await submit('member', { title: '周日的紧急求助', urgent: true });
    expect(c.acceptDueDate).toBe('2026-11-30');
    const soon = unwrap(await w.call('officer', 'care', 'queue', { view: 'dueSoon', pageSize: 50 }));
    expect(soon.items.map((i) => i.id)).toContain(c.id);
    expect(soon.counts.dueSoon).toBeGreaterThanOrEqual(1);
  });

  test('the union’s deadlines and an entered 放假安排 for a year the library does not know', async () => {
    w.emu.clock.set(NOW);
    const settings = unwrap(await w.call('officer', 'care', 'settingsGet'));
    expect(settings.deadlines.work).toEqual({ accept: 1, close: 5 });
    expect(settings.calendar).toEqual(expect.arrayContaining([{ year: 2026, source: 'library' }, { year: 2027, source: 'weekends' }]));
    const deadlines = { ...settings.deadlines, life: { accept: 3, close: 10 } };
    const bad = await w.call('officer', 'care', 'settingsSave', { deadlines, arrangements: { '2027': { off: ['2027-01-02'], on: [] } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('周末') } });
    unwrap(await w.call('officer', 'care', 'settingsSave', { deadlines, arrangements: { '2027': { off: ['2027-01-01'], on: [] } } }));
    const after = unwrap(await w.call('chair', 'care', 'settingsGet'));
    expect(after.calendar).toEqual(expect.arrayContaining([{ year: 2027, source: 'union' }]));
    expect(after.deadlines.life).toEqual({ accept: 3, close: 10 });
    // Taking the year away again (saved as a whole, not merged).
    unwrap(await w.call('officer', 'care', 'settingsSave', { deadlines, arrangements: {} }));
    expect(unwrap(await w.call('chair', 'care', 'settingsGet')).arrangements).toEqual({});
    // Thursday 11-19 + 3 working days = Tuesday 11-24.
    expect((await submit('member', { category: 'life', title: '按新期限' })).acceptDueDate).toBe('2026-11-24');
    expect((await audits()).some((e) => e.action === 'care.settings')).toBe(true);
  });
});
