/** The shared collections, typed: `tables(db).members.byId(id)`. Each area's own are its store's `<area>Tables(db)`. */
import type { Db } from './index';
import { table } from './table';
import type { AccountDoc, AttemptDoc, AuditDoc, MemberDoc, UnionDoc } from './types';

export function tables(db: Db) {
  return {
    unions: table<UnionDoc>(db, 'unions'),
    members: table<MemberDoc>(db, 'members'),
    accounts: table<AccountDoc>(db, 'accounts'),
    attempts: table<AttemptDoc>(db, 'attempts'),
    audit: table<AuditDoc & { _id: string }>(db, 'audit_log'),
  };
}
export type Tables = ReturnType<typeof tables>;
