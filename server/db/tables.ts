/** Every collection, typed: `tables(db).members.byId(id)`. */
import type { Db } from './index';
import { table } from './table';
import type { AccountDoc, AttemptDoc, AuditDoc, BudgetDoc, EventDoc, InviteDoc, NoticeDoc, SignupDoc, LedgerDoc, MemberDoc, MemberYearDoc, PolicyDoc, UnionDoc } from './types';

export function tables(db: Db) {
  return {
    unions: table<UnionDoc>(db, 'unions'),
    members: table<MemberDoc>(db, 'members'),
    accounts: table<AccountDoc>(db, 'accounts'),
    attempts: table<AttemptDoc>(db, 'attempts'),
    setupCodes: table<{ _id: string; usedBy: string; usedAt: Date }>(db, 'setup_codes'),
    invites: table<InviteDoc>(db, 'invites'),
    policies: table<PolicyDoc>(db, 'policies'),
    budgets: table<BudgetDoc>(db, 'budgets'),
    ledger: table<LedgerDoc>(db, 'ledger'),
    memberYears: table<MemberYearDoc>(db, 'member_years'),
    events: table<EventDoc>(db, 'events'),
    signups: table<SignupDoc>(db, 'event_signups'),
    notices: table<NoticeDoc>(db, 'notices'),
    audit: table<AuditDoc & { _id: string }>(db, 'audit_log'),
  };
}
export type Tables = ReturnType<typeof tables>;
