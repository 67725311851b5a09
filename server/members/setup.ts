/** The deployment's first officer: a setup code (UNION_SETUP_CODES) creates one union, once, with its chair. */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Handler } from '../runtime/defineFunction';
import { env } from '../runtime/env';
import type { MembersContract } from '../../src/core/contracts/members';
import { AppError } from '../../src/core/errors';
import { isDuplicateKeyError } from '../db';
import { tables } from '../db/tables';
import { audit } from '../db/audit';
import type { MemberDoc, UnionDoc } from '../db/types';
import { memberSelfView, unionView } from './views';
import { memberIdOf, membersTables, withBirthMonthDay } from './store';
import { claimIdentity, clearFailures, failIdentity, sha256, takeIdentityAttempt } from './binding';

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
    ...withBirthMonthDay(me),
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
