/**
 * Who is calling, from the database: the caller's account (by OPENID) and, for a member, their roster entry.
 * Union and roles come from here and never from the payload. Read on every call, so a role granted or revoked,
 * or an identity unbound, takes effect on the very next call.
 */
import type { Db } from '../db';
import type { AccountDoc, MemberDoc } from '../db/types';
import { memberRoles, type Role } from '../../src/core/domain/roles';
import { tables } from '../db/tables';
import { isCollectionMissingError } from '../db';

export interface Actor {
  openid: string;
  kind: AccountDoc['kind'];
  unionId: string;
  memberId: string | null;
  name: string;
  roles: Role[];
  /** The roster entry of a member (null for clerks). */
  member: MemberDoc | null;
  /** The designated cake shop of a clerk. */
  shopName: string | null;
}

export async function loadActor(db: Db, openid: string): Promise<Actor | null> {
  let account: AccountDoc | null;
  try {
    account = await tables(db).accounts.byId(openid);
  } catch (error) {
    // A deployment whose setup (jobs.daily) has not run yet has no accounts collection: nobody is bound.
    if (isCollectionMissingError(error)) return null;
    throw error;
  }
  if (!account) return null;
  if (account.kind !== 'member') {
    return { openid, kind: account.kind, unionId: account.unionId, memberId: null, name: account.name, roles: account.roles, member: null, shopName: account.shopName };
  }
  const member = account.memberId ? await tables(db).members.byId(account.memberId) : null;
  // An account whose member no longer points back at this identity (unbound by an officer, or a bind that
  // did not finish) is not a binding: the caller is treated as unbound and may bind again.
  if (!member || member.openid !== openid) return null;
  return { openid, kind: 'member', unionId: member.unionId, memberId: member._id, name: member.name, roles: memberRoles(member), member, shopName: null };
}
