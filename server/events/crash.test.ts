/**
 * A crash in the middle of a sign-up rush: the emulator (database, functions and all) is killed with SIGKILL while
 * 240 members tap 报名 for 30 seats, and started again on the same data. Every sign-up a member was told about is
 * there as told; once the claims that were on their way can no longer come, the daily job sets the counters from
 * the records, and they stay equal to them: never more confirmed than seats, nobody twice, nobody left waiting
 * while a seat is free, the waitlist places 1..n.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { spawnEmulator } from '../../emulator/testing/process';
import { connectSdk } from '../../emulator/sdk-client';
import { pool } from '../testing/crowd';
import { writeUnion } from '../testing/fixture';
import { SETTLED_MS } from './seats';

jest.setTimeout(240_000);

const CROWD = 240;
const SEATS = 30;
const ENV = 'union-local';

type Json = Record<string, unknown>;

function client(url: string) {
  return async (path: string, body?: unknown, token?: string): Promise<Json> => {
    const r = await fetch(`${url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await r.json()) as Json;
  };
}

interface RosterReply {
  event: { confirmedCount: number; waitlistCount: number; seatsTaken: number };
  counts: { confirmed: number; waitlisted: number; seats: number };
  entries: { memberId: string; status: string; position: number | null }[];
}

let dataDir: string;
let child: ChildProcess | null = null;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'union-crash-'));
});
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

test('kill -9 mid-rush: what members were told stands, and the counters equal the records after the restart', async () => {
  const first = await spawnEmulator(dataDir, ['--demo', '--instances', '16', '--latency', '10']);
  child = first.child;
  let call = client(first.url);
  const officerLogin = async () => (await call('/auth/dev-login', { openid: 'crash-officer' })).token as string;

  // A union, its officer and the crowd, written as a fixture (setting up and binding are tested elsewhere).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's typings are callback overloads
  const db: any = connectSdk(first.url, ENV).database();
  expect((await call('/__emulator/triggers/jobs/daily', {})).ok).toBe(true);
  const unionId = 'crash-union';
  const now = new Date();
  const people = [{ openid: 'crash-officer', employeeNo: 'K9999', roles: ['officer'] }, ...Array.from({ length: CROWD }, (_, i) => ({ openid: `crash-${i}`, employeeNo: `K${String(i).padStart(4, '0')}` }))];
  const memberIds = await writeUnion(db, unionId, '崩溃测试机关工会', people, now);
  const crowd = people.slice(1).map((p, i) => ({ openid: p.openid, memberId: memberIds[i + 1] }));

  const at = (hours: number) => new Date(now.getTime() + hours * 3600_000).toISOString();
  const published = await call('/functions/events', { action: 'publish', payload: { title: '机关篮球赛', kind: 'other', place: '体育馆', capacity: SEATS, startsAt: at(72), endsAt: at(74), signupOpensAt: at(-1), signupClosesAt: at(48), cancelDeadline: at(60), requestKey: 'crash-rush-0001' } }, await officerLogin());
  expect(published.ok).toBe(true);
  const eventId = (published.data as { event: { id: string } }).event.id;
  const tokens = await pool(CROWD, 16, async (i) => (await call('/auth/dev-login', { openid: crowd[i].openid })).token as string);

  // The rush; the process is killed soon after a sixth of the members have their answer.
  const told = new Map<string, string>();
  let killing = false;
  let killed = false;
  await Promise.all(
    crowd.map(async (c, i) => {
      try {
        const r = await call('/functions/events', { action: 'signup', payload: { eventId } }, tokens[i]);
        const status = (r.data as { signup?: { status: string } } | undefined)?.signup?.status;
        if (r.ok === true && status && !killed) told.set(c.memberId, status);
      } catch {
        // The connection died with the process: this member got no answer.
      }
      if (!killing && told.size >= CROWD / 6) {
        // Members are served in waves, one per instance: the kill lands a few round trips into the next wave,
        // where sign-ups have taken their places and not yet written their records.
        killing = true;
        setTimeout(() => {
          killed = true;
          first.child.kill('SIGKILL');
        }, 45);
      }
    }),
  );
  expect(killed).toBe(true);
  expect(told.size).toBeLessThan(CROWD);

  // Restarted on the same data, later than any claim that was on its way could still come.
  const second = await spawnEmulator(dataDir, ['--demo', '--instances', '16', '--latency', '10']);
  child = second.child;
  call = client(second.url);
  await call('/__emulator/clock', { now: new Date(Date.now() + SETTLED_MS + 60_000).toISOString() });
  const job = await call('/__emulator/triggers/jobs/daily', {});
  expect(job.ok).toBe(true);

  const officer = await officerLogin();
  const roster = (await call('/functions/events', { action: 'roster', payload: { eventId } }, officer)).data as RosterReply;
  // The counters equal the records.
  expect(roster.event).toEqual({ ...roster.event, confirmedCount: roster.counts.confirmed, waitlistCount: roster.counts.waitlisted, seatsTaken: roster.counts.seats });
  expect(roster.counts.seats).toBeLessThanOrEqual(SEATS);
  if (roster.counts.waitlisted > 0) expect(roster.counts.seats).toBe(SEATS);
  const positions = roster.entries.filter((e) => e.status === 'waitlisted').map((e) => e.position);
  expect(positions).toEqual(positions.map((_, i) => i + 1));
  expect(new Set(roster.entries.map((e) => e.memberId)).size).toBe(roster.entries.length);
  // Every answer a member got before the crash stands (a waitlisted one may have moved up since).
  const byMember = new Map(roster.entries.map((e) => [e.memberId, e.status]));
  for (const [memberId, status] of told) expect(status === 'waitlisted' ? ['waitlisted', 'confirmed'] : [status]).toContain(byMember.get(memberId));

  // Those who got no answer try again: each gets a place, and the counters still equal the records.
  const retried = await Promise.all(crowd.filter((c) => !told.has(c.memberId)).map(async (c) => call('/functions/events', { action: 'signup', payload: { eventId } }, (await call('/auth/dev-login', { openid: c.openid })).token as string)));
  expect(retried.filter((r) => r.ok !== true)).toEqual([]);
  const after = (await call('/functions/events', { action: 'roster', payload: { eventId } }, officer)).data as RosterReply;
  expect(after.event).toEqual({ ...after.event, confirmedCount: after.counts.confirmed, waitlistCount: after.counts.waitlisted, seatsTaken: after.counts.seats });
  expect(after.counts.confirmed + after.counts.waitlisted).toBe(CROWD);
  expect(after.counts.seats).toBe(SEATS);
});
