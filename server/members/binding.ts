/**
 * Real-name binding (实名认证): a WeChat identity claims a member of the roster by name, 工号 and phone digits.
 *
 * One WeChat identity per member and one member per identity, whatever the concurrency:
 * - the identity is claimed by inserting `accounts/<OPENID>` (a second insert of that _id fails);
 * - the member is claimed by a conditional update `openid: null → OPENID` whose `updated` count is checked.
 * When the second step loses a race, the first is undone. A crash between the two leaves an account whose
 * member does not point back at it; `loadActor` treats that as unbound and `claimIdentity` clears it.
 * The identity's guess counting here serves the setup and invitation codes too (setup.ts, clerks.ts).
 */
import { createHash } from 'node:crypto';
import type { Handler } from '../runtime/defineFunction';
import type { MembersContract } from '../../src/core/contracts/members';
import { AppError } from '../../src/core/errors';
import { formatDateTimeZh } from '../../src/core/time';
import type { Db } from '../db';
import { isDuplicateKeyError } from '../db';
import { tables } from '../db/tables';
import { audit } from '../db/audit';
import type { AccountDoc, MemberDoc } from '../db/types';
import { failedAttempt, forgetAttempts, releaseAttempt, takeAttempt, type AttemptLimit } from '../db/attempts';
import { memberSelfView, unionView } from './views';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Binding, setup and invitation codes from one WeChat identity: after 3 failures each further attempt waits a
 * minute, after 5 the identity is locked for 30 minutes; failures are forgotten after a quiet day.
 */
export const BIND_LIMIT: AttemptLimit = { max: 5, lockMs: 30 * 60_000, slowAfter: 3, slowMs: 60_000, forgetMs: 24 * 3600_000 };
/**
 * Guesses at one roster member's last four digits, from any number of identities: 5 wrong locks the member's
 * binding for 30 minutes, each further lock twice as long (up to a day). Officers see the lock and can lift it.
 */
export const MEMBER_BIND_LIMIT: AttemptLimit = { max: 5, lockMs: 30 * 60_000, escalate: true, forgetMs: 24 * 3600_000 };

const identityKey = (openid: string) => `bind:${openid}`;
export const memberBindKey = (memberId: string) => `bind-member:${memberId}`;

/** Take an attempt for the caller's identity, or refuse a locked or slowed caller. */
export async function takeIdentityAttempt(db: Db, openid: string, now: Date): Promise<{ count: number }> {
  const taken = await takeAttempt(db, identityKey(openid), BIND_LIMIT, now);
  if (taken.ok) return taken;
  if (taken.why === 'slow') throw new AppError('RATE_LIMITED', '尝试过于频繁，请 1 分钟后再试');
  throw new AppError('RATE_LIMITED', `尝试次数过多，已暂时锁定，请于 ${formatDateTimeZh(taken.until)} 后再试，或联系工会干部核对名册`);
}

/** The caller's attempt was wrong: the reply says how many remain before the lock. */
export async function failIdentity(db: Db, openid: string, taken: { count: number }, now: Date, reason: string): Promise<never> {
  const until = await failedAttempt(db, identityKey(openid), taken, BIND_LIMIT, now);
  if (until) throw new AppError('RATE_LIMITED', `连续 ${BIND_LIMIT.max} 次未通过，已锁定 30 分钟，请于 ${formatDateTimeZh(until)} 后再试，或联系工会干部核对名册`);
  throw new AppError('BIND_FAILED', `${reason}（还可尝试 ${Math.max(BIND_LIMIT.max - taken.count, 1)} 次）`);
}

export async function clearFailures(db: Db, openid: string): Promise<void> {
  await forgetAttempts(db, identityKey(openid));
}

/** 工号 as people type it: a roster's "A0005" found from "a0005" too. */
function employeeNoVariants(employeeNo: string): string[] {
  return [...new Set([employeeNo, employeeNo.toUpperCase(), employeeNo.toLowerCase()])];
}

/**
 * Insert `accounts/<openid>`. An existing account that is not a live binding (its member was unbound or
 * points elsewhere) is left over from an unbinding or an interrupted bind and is replaced.
 */
export async function claimIdentity(db: Db, account: AccountDoc): Promise<void> {
  const { _id, ...data } = account;
  try {
    await tables(db).accounts.insert({ _id, ...data });
    return;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const existing = await tables(db).accounts.byId(_id);
  const live = existing?.kind === 'clerk' || (existing?.memberId ? (await tables(db).members.byId(existing.memberId))?.openid === _id : false);
  if (live) throw new AppError('ALREADY_EXISTS', '您的微信已绑定工会账号');
  await tables(db).accounts.removeWhere({ _id, kind: 'member' });
  try {
    await tables(db).accounts.insert({ _id, ...data });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new AppError('CONFLICT', '正在处理您的另一次认证，请稍后刷新');
    throw error;
  }
}


export const bind: Handler<MembersContract, 'bind'> = async (input, { db, openid, now }) => {
  const mine = await takeIdentityAttempt(db, openid, now);
  const found = await tables(db).members.find({ employeeNo: db.command.in(employeeNoVariants(input.employeeNo)), name: input.name }, { limit: 20 });
  const named = found.filter((m) => !input.unionId || m.unionId === input.unionId);
  // A member is guessed at whatever identities the guesses come from: count them against the member too.
  const guessedAt: { id: string; taken: { count: number } }[] = [];
  for (const m of named) {
    const taken = await takeAttempt(db, memberBindKey(m._id), MEMBER_BIND_LIMIT, now);
    if (!taken.ok) throw new AppError('RATE_LIMITED', `该会员的实名认证因多次核对未通过已暂时锁定（至 ${formatDateTimeZh(taken.until)}），请联系工会干部解除锁定或核对名册`);
    guessedAt.push({ id: m._id, taken });
  }
  const candidates = named.filter((m) => m.phone.slice(-4) === input.phoneLast4);
  if (candidates.length === 0) {
    for (const g of guessedAt) await failedAttempt(db, memberBindKey(g.id), g.taken, MEMBER_BIND_LIMIT, now);
    return failIdentity(db, openid, mine, now, '姓名、工号或手机号后 4 位与工会名册不一致，请核对后重试');
  }
  // The right details: whatever the answer now, this was no guess.
  await Promise.all([clearFailures(db, openid), ...guessedAt.map((g) => releaseAttempt(db, memberBindKey(g.id)))]);
  if (candidates.length > 1) throw new AppError('CONFLICT', '您的工号在多个工会中都有登记，请先选择所在工会');
  const member = candidates[0];
  if (member.status === 'transferred') throw new AppError('FORBIDDEN', '名册显示您已调离本单位，如有疑问请联系工会干部');
  if (member.openid === openid) throw new AppError('ALREADY_EXISTS', '您已完成实名认证，无需重复操作');
  if (member.openid) throw new AppError('ALREADY_EXISTS', '该会员已绑定其他微信；如需更换，请联系工会干部解除绑定');

  await claimIdentity(db, { _id: openid, kind: 'member', unionId: member.unionId, memberId: member._id, roles: [], name: member.name, shopName: null, createdAt: now });
  const claimed = await tables(db).members.updateWhere({ _id: member._id, openid: null }, { openid, boundAt: now, updatedAt: now });
  if (claimed !== 1) {
    await tables(db).accounts.removeWhere({ _id: openid, memberId: member._id });
    throw new AppError('ALREADY_EXISTS', '该会员已绑定其他微信；如需更换，请联系工会干部解除绑定');
  }
  await forgetAttempts(db, memberBindKey(member._id));
  const bound: MemberDoc = { ...member, openid, boundAt: now, updatedAt: now };
  await audit(db, {
    unionId: member.unionId,
    at: now,
    actor: { openid, memberId: member._id, name: member.name },
    action: 'member.bind',
    target: { kind: 'member', id: member._id, label: `${member.name}（${member.employeeNo}）` },
    from: { bound: false },
    to: { bound: true },
  });
  const union = await tables(db).unions.byId(member.unionId);
  if (!union) throw new Error(`member ${member._id} belongs to a missing union`);
  return { member: memberSelfView(bound), union: unionView(union) };
};

