/**
 * Real-name binding (实名认证), the deployment's first officer (bootstrap), and clerks' invitations.
 *
 * One WeChat identity per member and one member per identity, whatever the concurrency:
 * - the identity is claimed by inserting `accounts/<OPENID>` (a second insert of that _id fails);
 * - the member is claimed by a conditional update `openid: null → OPENID` whose `updated` count is checked.
 * When the second step loses a race, the first is undone. A crash between the two leaves an account whose
 * member does not point back at it; `loadActor` treats that as unbound and `claimIdentity` clears it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ActorContext, Handler } from '../runtime/defineFunction';
import { env } from '../runtime/env';
import type { MembersContract } from '../../src/core/contracts/members';
import { AppError } from '../../src/core/errors';
import { formatDateTimeZh } from '../../src/core/time';
import type { Db } from '../db';
import { isDuplicateKeyError } from '../db';
import { tables } from '../db/tables';
import { actorRef, audit } from '../db/audit';
import type { AccountDoc, MemberDoc, UnionDoc } from '../db/types';
import { failedAttempt, forgetAttempts, releaseAttempt, takeAttempt, type AttemptLimit } from '../db/attempts';
import { memberSelfView, unionView } from './views';
import { memberIdOf, membersTables, type InviteDoc } from './store';

function sha256(text: string): string {
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
async function takeIdentityAttempt(db: Db, openid: string, now: Date): Promise<{ count: number }> {
  const taken = await takeAttempt(db, identityKey(openid), BIND_LIMIT, now);
  if (taken.ok) return taken;
  if (taken.why === 'slow') throw new AppError('RATE_LIMITED', '尝试过于频繁，请 1 分钟后再试');
  throw new AppError('RATE_LIMITED', `尝试次数过多，已暂时锁定，请于 ${formatDateTimeZh(taken.until)} 后再试，或联系工会干部核对名册`);
}

/** The caller's attempt was wrong: the reply says how many remain before the lock. */
async function failIdentity(db: Db, openid: string, taken: { count: number }, now: Date, reason: string): Promise<never> {
  const until = await failedAttempt(db, identityKey(openid), taken, BIND_LIMIT, now);
  if (until) throw new AppError('RATE_LIMITED', `连续 ${BIND_LIMIT.max} 次未通过，已锁定 30 分钟，请于 ${formatDateTimeZh(until)} 后再试，或联系工会干部核对名册`);
  throw new AppError('BIND_FAILED', `${reason}（还可尝试 ${Math.max(BIND_LIMIT.max - taken.count, 1)} 次）`);
}

async function clearFailures(db: Db, openid: string): Promise<void> {
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
async function claimIdentity(db: Db, account: AccountDoc): Promise<void> {
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

function matchesAny(code: string, codes: string[]): boolean {
  const given = Buffer.from(sha256(code), 'hex');
  // Compare hashes in constant time, against every code, so timing says nothing about which one is close.
  return codes.map((c) => timingSafeEqual(given, Buffer.from(sha256(c), 'hex'))).some(Boolean);
}

export const bootstrap: Handler<MembersContract, 'bootstrap'> = async (input, { db, openid, now }) => {
  // The deployment's setup codes (environment variable of the members function, set in the cloud console).
  const codes = env().UNION_SETUP_CODES;
  if (codes.length === 0) throw new AppError('FORBIDDEN', '本部署未配置初始化码，请联系系统管理员');
  const mine = await takeIdentityAttempt(db, openid, now);
  if (!matchesAny(input.setupCode, codes)) return failIdentity(db, openid, mine, now, '初始化码不正确');
  await clearFailures(db, openid);
  // Each code creates one union, once: its hash is the _id of a document only the first use can insert.
  try {
    await membersTables(db).setupCodes.insert({ _id: sha256(input.setupCode), usedBy: openid, usedAt: now });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new AppError('ALREADY_EXISTS', '该初始化码已使用过，每个初始化码只能建立一个工会');
    throw error;
  }
  const unionId = `u${randomBytes(5).toString('hex')}`;
  const union: UnionDoc = {
    _id: unionId,
    name: input.union.name,
    shortName: input.union.shortName || input.union.name,
    kind: input.union.kind,
    committeeId: null,
    createdAt: now,
  };
  await tables(db).unions.insert(union);
  const me = input.me;
  const member: MemberDoc = {
    _id: memberIdOf(unionId, me.employeeNo),
    unionId,
    ...me,
    joinedAt: null,
    status: 'active',
    duesPaid: true,
    roles: input.union.kind === 'committee' ? ['officer', 'chair', 'committee'] : ['officer', 'chair'],
    openid,
    boundAt: now,
    createdAt: now,
    updatedAt: now,
  };
  await tables(db).members.insert(member);
  await claimIdentity(db, { _id: openid, kind: 'member', unionId, memberId: member._id, roles: [], name: me.name, shopName: null, createdAt: now });
  await audit(db, {
    unionId,
    at: now,
    actor: { openid, memberId: member._id, name: me.name },
    action: 'union.bootstrap',
    target: { kind: 'union', id: unionId, label: union.name },
    from: null,
    to: { union: union.name, firstOfficer: me.name, roles: member.roles },
  });
  return { member: memberSelfView(member), union: unionView(union) };
};

/** Codes people type: no 0/O or 1/I/L to misread. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_VALID_MS = 7 * 24 * 3600_000;

export const clerkInvite: Handler<MembersContract, 'clerkInvite', ActorContext> = async (input, { db, actor, now }) => {
  const bytes = randomBytes(10);
  const code = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  const invite: InviteDoc = {
    _id: sha256(code),
    unionId: actor.unionId,
    kind: 'clerk',
    name: input.name,
    shopName: input.shopName,
    createdBy: actor.name,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITE_VALID_MS),
    usedBy: null,
    usedAt: null,
  };
  await membersTables(db).invites.insert(invite);
  await audit(db, {
    unionId: actor.unionId,
    at: now,
    actor: actorRef(actor),
    action: 'clerk.invite',
    target: { kind: 'clerk', id: invite._id.slice(0, 12), label: `${input.shopName} ${input.name}` },
    from: null,
    to: { shopName: input.shopName, name: input.name },
  });
  return { code, expiresAt: invite.expiresAt };
};

export const redeemInvite: Handler<MembersContract, 'redeemInvite'> = async (input, { db, openid, now }) => {
  const mine = await takeIdentityAttempt(db, openid, now);
  const code = input.code.toUpperCase().replace(/[\s-]/g, '');
  const id = sha256(code);
  const invite = await membersTables(db).invites.byId(id);
  if (!invite || invite.usedBy || invite.expiresAt <= now) return failIdentity(db, openid, mine, now, '邀请码不正确、已使用或已过期');
  // Claim the invitation first (conditional update), so one code makes one account even when two phones race.
  const taken = await membersTables(db).invites.updateWhere({ _id: id, usedBy: null }, { usedBy: openid, usedAt: now });
  if (taken !== 1) return failIdentity(db, openid, mine, now, '邀请码已被使用');
  await claimIdentity(db, { _id: openid, kind: 'clerk', unionId: invite.unionId, memberId: null, roles: ['clerk'], name: invite.name, shopName: invite.shopName, createdAt: now });
  await clearFailures(db, openid);
  await audit(db, {
    unionId: invite.unionId,
    at: now,
    actor: { openid, memberId: null, name: invite.name },
    action: 'clerk.join',
    target: { kind: 'clerk', id: id.slice(0, 12), label: `${invite.shopName ?? ''} ${invite.name}` },
    from: null,
    to: { roles: ['clerk'] },
  });
  const union = await tables(db).unions.byId(invite.unionId);
  if (!union) throw new Error(`invite ${id} belongs to a missing union`);
  return { kind: 'clerk' as const, name: invite.name, roles: ['clerk' as const], union: unionView(union), shopName: invite.shopName };
};

export const unions: Handler<MembersContract, 'unions'> = async (_input, { db }) => {
  const list = await tables(db).unions.find({}, { limit: 1000 });
  return { items: list.map(unionView).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) };
};

export const unionSetCommittee: Handler<MembersContract, 'unionSetCommittee', ActorContext> = async (input, { db, actor, now }) => {
  const t = tables(db);
  const union = await t.unions.byId(actor.unionId);
  if (!union) throw new Error(`actor's union ${actor.unionId} is missing`);
  if (union.kind === 'committee') throw new AppError('VALIDATION_FAILED', '工委本身不能再隶属于其他工委');
  const committee = input.committeeId ? await t.unions.byId(input.committeeId) : null;
  if (input.committeeId && committee?.kind !== 'committee') throw new AppError('NOT_FOUND', '没有找到这个工委');
  await t.unions.update(union._id, { committeeId: committee?._id ?? null });
  await audit(db, {
    unionId: union._id,
    at: now,
    actor: actorRef(actor),
    action: 'union.committee',
    target: { kind: 'union', id: union._id, label: union.name },
    from: { committeeId: union.committeeId },
    to: { committeeId: committee?._id ?? null, summary: committee ? `隶属：${committee.name}` : '不再隶属任何工委' },
  });
  return { union: unionView({ ...union, committeeId: committee?._id ?? null }), committee: committee ? unionView(committee) : null };
};

export const committeeUnions: Handler<MembersContract, 'committeeUnions', ActorContext> = async (_input, { db, actor }) => {
  const list = await tables(db).unions.find({ committeeId: actor.unionId }, { limit: 1000 });
  return { items: list.map(unionView).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) };
};
