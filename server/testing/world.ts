/**
 * A small world for function tests, built only through the functions themselves (no documents written behind
 * their back): two unions set up with setup codes, members added and bound, roles granted, a clerk invited.
 *
 *   union A (淄博市科技局机关工会): chair (also officer), officer, auditor, member, a named care handler (关爱专员),
 *                                 an unbound roster entry, a clerk
 *   union B (another union):        its chair, "otherOfficer" to the tests
 */
import { startTestEmulator, type TestEmulator } from '../../emulator/testing/harness';
import type { EmulatorOptions } from '../../emulator/emulator';
import type { ActionOf, CallInput, CallOutput, FunctionName, PayloadArgs, TestReply } from './contracts';

export const SETUP_CODES = ['SETUP-CODE-AAAA-1111', 'SETUP-CODE-BBBB-2222', 'SETUP-CODE-CCCC-3333', 'SETUP-CODE-DDDD-4444'];

/** The subscribe-message template the test deployment configures for event notices. */
export const EVENT_TEMPLATE = 'TPL_EVENT_NOTICE';
/** The subscribe-message template the test deployment configures for care notices. */
export const CARE_TEMPLATE = 'TPL_CARE_NOTICE';
/** The gift notices' subscribe template in tests (birthday vouchers, batches). */
export const GIFT_TEMPLATE = 'TPL_GIFT_NOTICE';

export type Who = 'unbound' | 'member' | 'otherOfficer' | 'officer' | 'chair' | 'auditor' | 'careHandler' | 'reviewer' | 'committee' | 'clerk';
/**
 * The roles the access matrix calls every action as. `committee` is an officer of the 工委 union A belongs to: a
 * member of the committee's own roster holding the committee role only (its chair, who set it up, is not in this list).
 */
export const EVERYONE: Who[] = ['unbound', 'member', 'otherOfficer', 'officer', 'chair', 'auditor', 'careHandler', 'reviewer', 'committee', 'clerk'];

/** An untyped reply (what `callRaw` returns). */
export interface Reply {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string; issues?: { path: (string | number)[]; message: string }[] };
}

export interface World {
  emu: TestEmulator;
  unionA: string;
  unionB: string;
  /** The 工委 union A belongs to (union B belongs to none). */
  committee: string;
  tokens: Record<Who, string>;
  openids: Record<Who, string>;
  /** Member ids of union A by role name, and the unbound roster entry. */
  ids: { chair: string; officer: string; auditor: string; member: string; careHandler: string; reviewer: string; unboundEntry: string; otherChair: string };
  /**
   * Call an action as a role of the world (or any OPENID), typed from the contract: the payload is the action's
   * input, the reply carries its output.
   */
  call<F extends FunctionName, A extends ActionOf<F>>(who: string, fn: F, action: A, ...payload: PayloadArgs<F, A>): Promise<TestReply<CallOutput<F, A>>>;
  /** The untyped way in, for payloads a contract would refuse (bad input is a test of its own). */
  callRaw(who: string, fn: string, action: string, payload?: unknown): Promise<Reply>;
  /** Upload a file as `openid` the way the H5 app does (POST /storage/upload); returns its fileID. */
  upload(openid: string, bytes: Buffer, name?: string): Promise<string>;
  /** Sign in as any OPENID (a new WeChat identity). */
  token(openid: string): Promise<string>;
  dispose(): Promise<void>;
}

/** A roster entry's fields, as `rosterSave` takes them. */
export type PersonFields = CallInput<'members', 'rosterSave'>['fields'];

export function person(employeeNo: string, name: string, phone: string, extra: Partial<PersonFields> = {}): PersonFields {
  return { name, employeeNo, department: '办公室', gender: 'female', birthDate: '1985-03-12', phone, joinedAt: '2010-07-01', status: 'active', duesPaid: true, ...extra };
}

function expectOk<T>(r: TestReply<T>, what: string): T {
  if (!r.ok) throw new Error(`${what} failed: ${JSON.stringify(r.error)}`);
  return r.data;
}

/** The data of a reply that must be ok (a refusal fails the test with its error). */
export function unwrap<T>(r: TestReply<T>): T {
  return expectOk(r, 'the call');
}

export async function buildWorld(options: Partial<EmulatorOptions> = {}): Promise<World> {
  const emu = await startTestEmulator({
    ...options,
    functionEnv: { members: { UNION_SETUP_CODES: SETUP_CODES.join(',') }, events: { EVENT_NOTICE_TEMPLATE_ID: EVENT_TEMPLATE }, jobs: { EVENT_NOTICE_TEMPLATE_ID: EVENT_TEMPLATE, CARE_NOTICE_TEMPLATE_ID: CARE_TEMPLATE, GIFT_NOTICE_TEMPLATE_ID: GIFT_TEMPLATE }, care: { CARE_NOTICE_TEMPLATE_ID: CARE_TEMPLATE }, gifts: { GIFT_NOTICE_TEMPLATE_ID: GIFT_TEMPLATE }, ...options.functionEnv },
  });
  const setup = await emu.post('/__emulator/triggers/jobs/daily', {});
  if ((setup.body as { ok?: boolean }).ok !== true) throw new Error(`setup failed: ${JSON.stringify(setup.body)}`);

  const tokenCache = new Map<string, string>();
  const token = async (openid: string) => {
    const cached = tokenCache.get(openid);
    if (cached) return cached;
    const t = await emu.login(openid);
    tokenCache.set(openid, t);
    return t;
  };
  const openidOf: Record<Who, string> = {
    unbound: 'wx-unbound',
    member: 'wx-a-member',
    otherOfficer: 'wx-b-chair',
    officer: 'wx-a-officer',
    chair: 'wx-a-chair',
    auditor: 'wx-a-auditor',
    careHandler: 'wx-a-care-handler',
    reviewer: 'wx-a-reviewer',
    committee: 'wx-c-officer',
    clerk: 'wx-a-clerk',
  };
  const callRaw = async (who: string, fn: string, action: string, payload?: unknown): Promise<Reply> => {
    const openid = (openidOf as Record<string, string>)[who] ?? who;
    const r = await emu.call(fn, payload === undefined ? { action } : { action, payload }, await token(openid));
    return r.body as Reply;
  };
  // The function applied the contract's output schema on its way out: the reply has the contract's shape.
  const call = (<F extends FunctionName, A extends ActionOf<F>>(who: string, fn: F, action: A, ...[payload]: PayloadArgs<F, A>) =>
    callRaw(who, fn, action, payload) as Promise<TestReply<CallOutput<F, A>>>) as World['call'];

  const a = expectOk(
    await call('chair', 'members', 'bootstrap', {
      setupCode: SETUP_CODES[0],
      union: { name: '淄博市科技局机关工会', shortName: '科技局机关工会' },
      me: { name: '赵主席', employeeNo: 'A0001', department: '办公室', gender: 'male', birthDate: '1970-01-15', phone: '13900000001' },
    }),
    'bootstrap A',
  );
  const b = expectOk(
    await call('otherOfficer', 'members', 'bootstrap', {
      setupCode: SETUP_CODES[1],
      union: { name: '淄博市统计局机关工会', shortName: '统计局机关工会' },
      me: { name: '钱主席', employeeNo: 'B0001', department: '办公室', gender: 'male', birthDate: '1971-02-16', phone: '13900000009' },
    }),
    'bootstrap B',
  );

  const c = expectOk(
    await call('wx-c-chair', 'members', 'bootstrap', {
      setupCode: SETUP_CODES[3],
      union: { name: '淄博市科技系统工会工委', shortName: '科技系统工委', kind: 'committee' },
      me: { name: '陈工委', employeeNo: 'C0001', department: '工委办公室', gender: 'male', birthDate: '1968-05-10', phone: '13900000021' },
    }),
    'bootstrap the committee',
  );

  const add = async (p: ReturnType<typeof person>, by: Who = 'chair') => expectOk(await call(by, 'members', 'rosterSave', { fields: p }), `add ${p.employeeNo}`).id;
  const officer = await add(person('A0002', '李娜', '13900000002'));
  const auditor = await add(person('A0003', '孙审计', '13900000003'));
  const member = await add(person('A0004', '张伟', '13900000004', { gender: 'male' }));
  const unboundEntry = await add(person('A0005', '王芳', '13900000005'));
  const careHandler = await add(person('A0006', '郑专员', '13900000006'));
  // Born in August, a month no birthday test uses: the reviewer must not change the gifts tests' counts of birthdays.
  const reviewer = await add(person('A0007', '刘审核', '13900000007', { birthDate: '1982-08-18' }));
  await add(person('B0002', '周会员', '13900000010'), 'otherOfficer');
  const committeeOfficer = await add(person('C0002', '冯工委', '13900000022', { department: '工委办公室' }), 'wx-c-chair' as Who);

  for (const [who, name, no, phone] of [
    ['officer', '李娜', 'A0002', '0002'],
    ['auditor', '孙审计', 'A0003', '0003'],
    ['member', '张伟', 'A0004', '0004'],
    ['careHandler', '郑专员', 'A0006', '0006'],
    ['reviewer', '刘审核', 'A0007', '0007'],
    ['committee', '冯工委', 'C0002', '0022'],
  ] as const) {
    expectOk(await call(who, 'members', 'bind', { name, employeeNo: no, phoneLast4: phone }), `bind ${no}`);
  }
  expectOk(await call('chair', 'members', 'rolesGrant', { memberId: officer, role: 'officer' }), 'grant officer');
  expectOk(await call('chair', 'members', 'rolesGrant', { memberId: auditor, role: 'auditor' }), 'grant auditor');
  expectOk(await call('chair', 'members', 'rolesGrant', { memberId: careHandler, role: 'care_handler' }), 'grant care_handler');
  expectOk(await call('chair', 'members', 'rolesGrant', { memberId: reviewer, role: 'hardship_reviewer' }), 'grant hardship_reviewer');
  expectOk(await call('wx-c-chair', 'members', 'rolesGrant', { memberId: committeeOfficer, role: 'committee' }), 'grant committee');
  expectOk(await call('chair', 'members', 'unionSetCommittee', { committeeId: c.union.id }), 'union A under the committee');
  const invite = expectOk(await call('chair', 'members', 'clerkInvite', { name: '蛋糕店小陈', shopName: '好利来（人民路店）' }), 'invite');
  expectOk(await call('clerk', 'members', 'redeemInvite', { code: invite.code }), 'redeem');

  const tokens = Object.fromEntries(await Promise.all(EVERYONE.map(async (w) => [w, await token(openidOf[w])]))) as Record<Who, string>;
  return {
    emu,
    unionA: a.union.id,
    unionB: b.union.id,
    committee: c.union.id,
    tokens,
    openids: openidOf,
    ids: { chair: a.member.id, officer, auditor, member, careHandler, reviewer, unboundEntry, otherChair: b.member.id },
    call,
    callRaw,
    token,
    async upload(openid, bytes, name = 'upload.xlsx') {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), name);
      const r = await fetch(`${emu.url}/storage/upload`, { method: 'POST', headers: { authorization: `Bearer ${await token(openid)}` }, body: form });
      if (r.status !== 200) throw new Error(`upload failed: ${r.status} ${await r.text()}`);
      return ((await r.json()) as { fileID: string }).fileID;
    },
    dispose: () => emu.dispose(),
  };
}
