/** Clerks' one-time invitations: an officer invites a cake-shop clerk, who redeems the code with their WeChat. */
import { randomBytes } from 'node:crypto';
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { MembersContract } from '../../src/core/contracts/members';
import { tables } from '../db/tables';
import { actorRef, audit } from '../db/audit';
import { unionView } from './views';
import { membersTables, type InviteDoc } from './store';
import { claimIdentity, clearFailures, failIdentity, sha256, takeIdentityAttempt } from './binding';

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
