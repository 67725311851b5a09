import { startTestEmulator, FIXTURE_FUNCTIONS, type TestEmulator } from '../testing/harness';

interface Echo {
  openid: string;
  source: string;
  envOpenid: string;
  now: string;
  dateNow: number;
  event: unknown;
}

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS, maxInstances: 8 });
});
afterAll(async () => {
  await emu.dispose();
});

describe('caller identity', () => {
  test('200 simultaneous calls from different callers each see their own OPENID', async () => {
    const openids = Array.from({ length: 200 }, (_, i) => `user-${i}`);
    const tokens = await Promise.all(openids.map((o) => emu.login(o)));
    const replies = await Promise.all(tokens.map((t, i) => emu.call('echo', { i }, t)));
    replies.forEach((r, i) => {
      expect(r.status).toBe(200);
      const body = r.body as Echo;
      expect(body.openid).toBe(openids[i]);
      expect(body.envOpenid).toBe(openids[i]);
      expect(body.event).toEqual({ i });
      expect(body.source).toBe('wx_client');
    });
    // One invocation at a time per instance: the pool grew to its cap and no further.
    const stats = (await emu.get('/__emulator/functions')).body as { stats: Record<string, { instances: number; invocations: number }> };
    expect(stats.stats.echo.instances).toBeLessThanOrEqual(8);
    expect(stats.stats.echo.invocations).toBeGreaterThanOrEqual(200);
  });

  test('without a token the function runs with an empty OPENID; a forged token is refused', async () => {
    const anon = await emu.call('echo', {});
    expect(anon.status).toBe(200);
    expect((anon.body as Echo).openid).toBe('');
    const forged = await emu.call('echo', {}, 'dXNlci0x.not-a-signature');
    expect(forged.status).toBe(401);
  });

  test('an identity in the event is just data: getWXContext still reports the token holder', async () => {
    const token = await emu.login('real-user');
    const r = await emu.call('echo', { userInfo: { openId: 'forged' }, openid: 'forged' }, token);
    expect((r.body as Echo).openid).toBe('real-user');
  });
});

describe('limits the cloud enforces', () => {
  test('a function over its config.json timeout is stopped, and the next call gets a fresh instance', async () => {
    const started = Date.now();
    const r = await emu.call('slow', {});
    expect(r.status).toBe(502);
    expect(r.body).toMatchObject({ errCode: -504003 });
    expect(Date.now() - started).toBeLessThan(3000);
    const quick = await emu.call('slow', { quick: true });
    expect(quick).toMatchObject({ status: 200, body: { finished: true } });
  });

  test('a thrown error is reported as -504002 without the stack', async () => {
    const r = await emu.call('boom', {});
    expect(r.status).toBe(502);
    expect(r.body).toMatchObject({ errCode: -504002 });
    expect(JSON.stringify(r.body)).not.toMatch(/at .*index\.js/);
  });

  test('a result over 1 MB is refused with -604001', async () => {
    const r = await emu.call('huge', {});
    expect(r.body).toMatchObject({ errCode: -604001 });
  });

  test('an unknown function is a 404', async () => {
    const r = await emu.call('nope', {});
    expect(r.status).toBe(404);
  });
});

describe('function to function', () => {
  test('cloud.callFunction reaches the other function, which runs without a user identity', async () => {
    const token = await emu.login('outer-user');
    const r = await emu.call('caller', { target: 'echo' }, token);
    expect(r.status).toBe(200);
    const body = r.body as { callerOpenid: string; result: Echo };
    expect(body.callerOpenid).toBe('outer-user');
    expect(body.result.event).toMatchObject({ from: 'caller' });
    expect(body.result.openid).toBe('');
    expect(body.result.source).toBe('wx_function');
  });

  test('a failing callee surfaces as an SDK error in the caller', async () => {
    const r = await emu.call('caller', { target: 'boom' });
    expect(r.status).toBe(502);
    expect(JSON.stringify(r.body)).toMatch(/-504002|kaboom/);
  });
});

describe('subscribe messages (wx.openApi, protobuf)', () => {
  test('a sent message lands in the outbox with recipient, template, page and data', async () => {
    const token = await emu.login('subscriber-1');
    const r = await emu.call('notify', { templateId: 'TPL_A' }, token);
    expect(r.body).toMatchObject({ ok: true, errCode: 0 });
    const outbox = (await emu.get('/__emulator/outbox')).body as { to: string; templateId: string; page: string; data: unknown }[];
    expect(outbox).toContainEqual(
      expect.objectContaining({ to: 'subscriber-1', templateId: 'TPL_A', page: 'pages/inbox/index', data: { thing1: { value: '乒乓球比赛' }, time2: { value: '2024年5月1日 09:00' } } }),
    );
  });

  test('an OPENID marked unsubscribed gets errCode 43101 and nothing is sent', async () => {
    await emu.post('/__emulator/subscriptions', { openid: 'declined-1', subscribed: false });
    const token = await emu.login('declined-1');
    const before = ((await emu.get('/__emulator/outbox')).body as unknown[]).length;
    const r = await emu.call('notify', {}, token);
    expect(r.body).toMatchObject({ ok: false, errCode: 43101 });
    expect(((await emu.get('/__emulator/outbox')).body as unknown[]).length).toBe(before);
  });
});

describe('clock and timers', () => {
  afterEach(async () => {
    await emu.post('/__emulator/clock', { now: null });
  });

  test('a set clock is what function code sees as now', async () => {
    await emu.post('/__emulator/clock', { now: '2030-02-10T01:00:00.000Z' });
    const r = await emu.call('echo', {});
    const seen = Date.parse((r.body as Echo).now);
    expect(Math.abs(seen - Date.parse('2030-02-10T01:00:00.000Z'))).toBeLessThan(5000);
    expect(Math.abs((r.body as Echo).dateNow - seen)).toBeLessThan(1000);
  });

  test('a timer trigger runs on demand with the timer event', async () => {
    const r = await emu.post('/__emulator/triggers/echo/everyTwoSeconds', {});
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, result: { event: { Type: 'Timer', TriggerName: 'everyTwoSeconds' }, openid: '' } });
    expect((await emu.post('/__emulator/triggers/echo/nope', {})).status).toBe(404);
  });

  test('timer triggers fire on schedule', async () => {
    emu.functions.startScheduler();
    await new Promise((r) => setTimeout(r, 4500));
    const fired = emu.functions.timerLog.filter((t) => t.fn === 'echo' && t.trigger === 'everyTwoSeconds');
    expect(fired.length).toBeGreaterThanOrEqual(1);
    expect(fired.every((t) => new Date(t.at).getUTCSeconds() % 2 === 0)).toBe(true);
  });
});
