/**
 * The members function, built by scripts/build-functions.ts and run unmodified by the emulator's function
 * host with the real wx-server-sdk — called through the gateway exactly as the H5 app calls it.
 */
import { startTestEmulator, type TestEmulator } from '../../emulator/testing/harness';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.dispose();
});

describe('members.whoami', () => {
  test('a signed-in caller who has not bound gets their own OPENID and no account, even before setup ran', async () => {
    const token = await emu.login('wx-openid-001');
    const r = await emu.call('members', { action: 'whoami' }, token);
    expect(r).toEqual({ status: 200, body: { ok: true, data: { openid: 'wx-openid-001', account: null, member: null } } });
  });

  test('a caller without an OPENID is refused with UNAUTHENTICATED in Chinese', async () => {
    const r = await emu.call('members', { action: 'whoami' });
    expect(r.body).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
  });

  test('identity in the payload is refused, never used', async () => {
    const token = await emu.login('wx-openid-002');
    const r = await emu.call('members', { action: 'whoami', payload: { openid: 'someone-else' } }, token);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: [] })] } });
    const withUserInfo = await emu.call('members', { action: 'whoami', userInfo: { openId: 'someone-else' } }, token);
    expect(withUserInfo.body).toMatchObject({ ok: true, data: { openid: 'wx-openid-002' } });
  });
});

describe('the envelope', () => {
  test.each([
    [{}, 'BAD_REQUEST'],
    [{ action: 42 }, 'BAD_REQUEST'],
    [{ action: 'dropTables' }, 'UNKNOWN_ACTION'],
    [{ action: 'toString' }, 'UNKNOWN_ACTION'],
  ])('%p → %s, with a Chinese message and no internals', async (event, code) => {
    const token = await emu.login('wx-openid-003');
    const r = await emu.call('members', event, token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    expect(JSON.stringify(r.body)).not.toMatch(/stack|Error:|node_modules/);
  });

  test('an event that is not an object never reaches the function: the gateway answers 400 in Chinese', async () => {
    const r = await emu.call('members', 'not an object', await emu.login('wx-openid-003'));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ errMsg: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect(JSON.stringify(r.body)).not.toMatch(/stack|Error:|node_modules/);
  });
});

describe('jobs (timer function)', () => {
  test('a mini-program client cannot run daily jobs', async () => {
    const token = await emu.login('wx-openid-004');
    const r = await emu.call('jobs', { Type: 'Timer', TriggerName: 'daily' }, token);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('the daily trigger creates every collection, and running it again is harmless', async () => {
    const first = await emu.post('/__emulator/triggers/jobs/daily', {});
    expect(first.body).toMatchObject({ ok: true, result: { ok: true } });
    const created = (first.body as { result: { data: { created: string[] } } }).result.data.created;
    expect(created).toEqual(expect.arrayContaining(['unions', 'audit_log']));
    const again = await emu.post('/__emulator/triggers/jobs/daily', {});
    expect(again.body).toMatchObject({ ok: true, result: { ok: true, data: { created: [], existing: expect.arrayContaining(['unions', 'audit_log']) } } });
    expect(emu.db.collectionNames(emu.envId)).toEqual(expect.arrayContaining(['unions', 'audit_log']));
  });
});
