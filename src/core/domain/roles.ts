/**
 * Roles and what each may do. A bound member always has `member`; the other roles are granted by an officer or
 * the chair and are read from the database on every call, so a grant or a revocation takes effect at once.
 * Clerks of the designated cake shop are accounts, not members. Committee officers (工委干部) are members of
 * the committee's own roster (a union of kind `committee`) holding the `committee` role.
 */
export const ROLES = ['member', 'officer', 'chair', 'auditor', 'committee', 'clerk', 'care_handler', 'hardship_reviewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  member: '会员',
  officer: '工会干部',
  chair: '工会主席',
  auditor: '经费审查',
  committee: '工委干部',
  clerk: '蛋糕店店员',
  care_handler: '关爱专员',
  hardship_reviewer: '帮扶审核',
};

/** Roles an officer or the chair can grant to a member (member is implicit; clerks are invited; committee only in a 工委). */
export const GRANTABLE_ROLES = ['officer', 'chair', 'auditor', 'committee', 'care_handler', 'hardship_reviewer'] as const satisfies readonly Role[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export const PERMISSIONS = {
  /** See the union's roster (names, departments, statuses; phone numbers only masked). */
  'roster.read': ['officer', 'chair'],
  /** Add, edit, import members; unbind a WeChat identity. */
  'roster.write': ['officer', 'chair'],
  'roles.read': ['officer', 'chair'],
  /** Grant and revoke roles (which roles: canGrant), invite cake-shop clerks. */
  'roles.write': ['officer', 'chair'],
  'policy.read': ['officer', 'chair', 'auditor'],
  'policy.write': ['officer', 'chair'],
  'budget.read': ['officer', 'chair', 'auditor'],
  'budget.write': ['officer', 'chair'],
  /** The full ledger, with names: officers, the chair and the fund auditors only. */
  'ledger.read': ['officer', 'chair', 'auditor'],
  /** Record a payout or a correction by hand (services record their own through the same path). */
  'ledger.write': ['officer', 'chair'],
  'audit.read': ['officer', 'chair', 'auditor'],
  /** A committee's member unions and their yearly reports. */
  'committee.read': ['committee'],
  /** Put the union under an upper-level committee (工委), whose officers then see its yearly report. */
  'union.write': ['chair'],
  /** Publish, edit, close and cancel events; see their rosters, check members in, record results and prizes. */
  'events.manage': ['officer', 'chair'],
  /** See the union's events and sign up, cancel, check in oneself. */
  'events.join': ['member'],
  /** The caller's own in-app notices. */
  'notices.read': ['member', 'officer', 'chair', 'auditor', 'committee', 'clerk'],
  /** A member's own benefits of the year. */
  'self.read': ['member'],
  /** The yearly spending report (totals and counts per budget line, never who received what). */
  'report.read': ['member', 'officer', 'chair', 'auditor', 'committee'],
  /** 会员关爱中心: ask for help, report 即时关爱, follow one's own cases, rate the answer. */
  'care.ask': ['member'],
  /**
   * Handle cases: the queue, accept, assign, reply, notes, send back, close. A named handler (关爱专员, e.g. a
   * counsellor or a lawyer) sees only the cases assigned to them; psychological and legal cases only their handler
   * and the chair (server/care decides per case).
   */
  'care.handle': ['officer', 'chair', 'care_handler'],
  /** The deadlines and the 放假安排 of years the calendar does not know yet. */
  'care.settings': ['officer', 'chair'],
  /**
   * The care figures by month and category, and the Excel of a period's cases (private ones by category only):
   * officers and the chair, who answer for the service. Not a 关爱专员 (they see only the cases given to them), nor
   * the fund auditor: the figures carry no money (the 慰问 paid are in the ledger the auditor reads), and the Excel
   * names members and what they asked.
   */
  'care.stats': ['officer', 'chair'],
  /** Who sent an anonymous suggestion: the chair only, with a reason, audited. */
  'care.reveal': ['chair'],
  /** 生日与节日慰问: one's own birthday vouchers and holiday gifts (我的福利): see them, choose a gift, change the choice. */
  'gifts.receive': ['member'],
  /**
   * Run the service: birthday settings (timing, shop, amount), holiday batches (options, stock, pickup, the rule for
   * those who do not choose), live tallies, marking pickups, the distribution list, members' delivery addresses.
   */
  'gifts.manage': ['officer', 'chair'],
  /** The shop's monthly statement of redeemed vouchers (what the shop is paid on), with its Excel. */
  'gifts.statement': ['officer', 'chair', 'auditor'],
  /** A designated shop's clerk: check a voucher code and redeem it; sees its amount and validity, nothing personal. */
  'gifts.redeem': ['clerk'],
  /**
   * 困难帮扶, 大病关爱, 金秋助学: apply (drafts, documents, consents), follow one's own applications, answer a request
   * for more, withdraw before the decision; see one's own household file.
   */
  'hardship.apply': ['member'],
  /**
   * Review applications: the list, opening one (every opening is recorded), the first check, the home visit, proposing
   * and approving an amount (two different reviewers, neither of them the applicant nor of the household), refusing.
   * The 帮扶审核 role and the chair only: other officers, the fund auditor and members see no application.
   */
  'hardship.review': ['hardship_reviewer', 'chair'],
  /** A 工委's officers: the 大病关爱 cases its unions referred (the package, not the whole application), decided and paid. */
  'hardship.committee': ['committee'],
  // new-area: permissions (`npm run new:area` inserts above this line)
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/**
 * The roles a member holds: `member` always, plus those granted — except after leaving (调离), when a member keeps
 * nothing but the right to see who they are.
 */
export function memberRoles(member: { status: string; roles: readonly Role[] }): Role[] {
  return member.status === 'transferred' ? [] : ['member', ...member.roles.filter((r) => r !== 'member')];
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

/**
 * Who may grant or revoke which role. The chair's role is granted only by a chair, so an officer cannot make
 * themselves chair; an officer may appoint officers and auditors (the issue: "granted by an officer or the
 * chair"). 帮扶审核 too is the chair's to grant: it opens members' hardship applications (health, income, children),
 * which other officers may not read, so an officer must not reach them by granting it to themself.
 */
const CHAIR_GRANTS: readonly GrantableRole[] = ['chair', 'hardship_reviewer'];

export function canGrant(granter: readonly Role[], role: GrantableRole): boolean {
  if (granter.includes('chair')) return true;
  if (granter.includes('officer')) return !CHAIR_GRANTS.includes(role);
  return false;
}

function isGrantable(role: Role): role is GrantableRole {
  return (GRANTABLE_ROLES as readonly Role[]).includes(role);
}

/**
 * The first of a member's roles that `actor` may not grant or revoke, or null. Whoever may not change a member's
 * roles may not change what identifies them at binding (name, phone, status) or unbind them either: that would be
 * another route to their role. The function refuses it (server/members/leadership.ts); pages use the same rule to
 * hide what an officer may not do, instead of refusing after they confirm.
 */
export function roleBeyond(actor: readonly Role[], holder: readonly Role[]): GrantableRole | null {
  return holder.filter(isGrantable).find((r) => !canGrant(actor, r)) ?? null;
}
