import { z } from '../zod';
import { defineContract, isoDate, noInput } from './contract';
import { ROLES, GRANTABLE_ROLES } from '../domain/roles';
import { GENDERS, memberFieldsSchema, employeeNoSchema, personNameSchema, phoneSchema } from '../domain/roster';
import { MEMBER_STATUSES } from '../policy/items';

const id = z.string().min(1).max(100);

export const unionInfo = z.object({ id: z.string(), name: z.string(), shortName: z.string(), kind: z.enum(['union', 'committee']) });

/** What a member sees of themself. The phone is masked even for its owner: the screen may be seen by others. */
export const memberSelf = z.object({
  id: z.string(),
  name: z.string(),
  employeeNo: z.string(),
  department: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string(),
  phoneMasked: z.string(),
  joinedAt: z.string().nullable(),
  status: z.enum(MEMBER_STATUSES),
  duesPaid: z.boolean(),
  roles: z.array(z.enum(ROLES)),
});
export type MemberSelf = z.infer<typeof memberSelf>;

/** The caller's own union, with the 工委 it is under (null: none), so its chair's 上级工委 page starts from it. */
const accountUnion = unionInfo.extend({ committeeId: z.string().nullable() });

export const accountInfo = z.object({
  kind: z.enum(['member', 'clerk']),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  union: accountUnion,
  shopName: z.string().nullable(),
});

/** An officer's view of a roster row. */
export const rosterRow = memberSelf.extend({
  bound: z.boolean(),
  boundAt: isoDate.nullable(),
  /** Real-name binding for this member is locked until then, after repeated wrong guesses (officers may lift it). */
  bindLockedUntil: isoDate.nullable(),
  updatedAt: isoDate,
});
export type RosterRow = z.infer<typeof rosterRow>;

/** The full record, for editing: officers with roster.write see the whole phone number. */
export const rosterDetail = rosterRow.extend({ phone: z.string() });

const fileRef = z.object({ url: z.string(), fileName: z.string(), fileID: z.string() });

export const auditEntry = z.object({
  id: z.string(),
  at: isoDate,
  actorName: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  targetLabel: z.string(),
  summary: z.string(),
});

/** A code a person types (setup, invitation): left empty, they are asked to fill it in, not told it is wrong. */
function typedCode(what: string, min: number, max: number) {
  return z
    .string()
    .trim()
    .refine((v) => v !== '', `请填写${what}`)
    .refine((v) => v === '' || (v.length >= min && v.length <= max), `${what}不正确`);
}

const page = z.coerce.number().int().min(1).max(10_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(100).default(20);

/** The `members` cloud function: identity, real-name binding, the roster, roles and the audit log. */
export const membersContract = defineContract('members', {
  whoami: {
    summary: "The caller's WeChat identity, account and bound member record.",
    input: noInput,
    output: z.object({
      openid: z.string().min(1),
      account: accountInfo.nullable(),
      member: memberSelf.nullable(),
    }),
  },
  unions: {
    summary: 'The unions of this deployment (names only), for a member to pick theirs when binding.',
    input: noInput,
    output: z.object({ items: z.array(unionInfo) }),
  },
  bind: {
    summary: "Real-name binding: name + 工号 + the last four digits of the roster's phone number.",
    input: z
      .object({
        name: personNameSchema,
        employeeNo: employeeNoSchema,
        phoneLast4: z.string().trim().regex(/^\d{4}$/, '请填写手机号后 4 位数字'),
        unionId: id.optional(),
      })
      .strict(),
    output: z.object({ member: memberSelf, union: unionInfo }),
  },
  bootstrap: {
    summary: "Create a union and its first officer (the caller), with a one-time setup code from the deployment's configuration.",
    input: z
      .object({
        setupCode: typedCode('初始化码', 8, 64),
        union: z.object({
          name: z.string().trim().min(2, '请填写工会全称').max(50),
          shortName: z.string().trim().max(20).default(''),
          kind: z.enum(['union', 'committee']).default('union'),
        }),
        me: memberFieldsSchema.pick({ name: true, employeeNo: true, department: true, gender: true, birthDate: true, phone: true }),
      })
      .strict(),
    output: z.object({ member: memberSelf, union: unionInfo }),
  },
  redeemInvite: {
    summary: 'A cake-shop clerk binds their WeChat identity with the one-time code an officer gave them.',
    input: z.object({ code: typedCode('邀请码', 6, 32) }).strict(),
    output: accountInfo,
  },
  rosterList: {
    summary: 'The roster, searched by name or 工号, filtered by status or department, a page at a time.',
    input: z
      .object({
        q: z.string().trim().max(30).default(''),
        status: z.enum(MEMBER_STATUSES).optional(),
        department: z.string().trim().max(50).optional(),
        page,
        pageSize,
      })
      .strict()
      .default({ q: '', page: 1, pageSize: 20 }),
    output: z.object({ items: z.array(rosterRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  },
  rosterGet: {
    summary: 'One member, in full, for editing.',
    input: z.object({ memberId: id }).strict(),
    output: rosterDetail,
  },
  rosterSave: {
    summary: 'Add a member, or edit one (the 工号 of an existing member cannot change: it is the key re-imports use).',
    input: z.object({ memberId: id.optional(), fields: memberFieldsSchema }).strict(),
    output: rosterDetail,
  },
  rosterImport: {
    summary: 'Import an uploaded .xlsx roster: every row checked first, nothing written unless all rows are good; re-import updates by 工号.',
    input: z.object({ fileID: z.string().min(1).max(500) }).strict(),
    output: z.object({ total: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  },
  rosterTemplate: {
    summary: 'The Excel template for imports, with an example row.',
    input: noInput,
    output: fileRef,
  },
  rosterExport: {
    summary: 'The whole roster as an Excel file.',
    input: noInput,
    output: fileRef.extend({ count: z.number().int() }),
  },
  rosterUnbind: {
    summary: "Unbind a member's WeChat identity (a lost phone, a wrong binding); the member can bind again.",
    input: z.object({ memberId: id }).strict(),
    output: rosterRow,
  },
  rosterUnlock: {
    summary: "Lift the lock on a member's real-name binding that repeated wrong guesses set.",
    input: z.object({ memberId: id }).strict(),
    output: rosterRow,
  },
  rolesList: {
    summary: 'Members holding a role besides 会员, and the cake-shop clerks.',
    input: noInput,
    output: z.object({
      members: z.array(z.object({ memberId: z.string(), name: z.string(), employeeNo: z.string(), department: z.string(), roles: z.array(z.enum(ROLES)) })),
      clerks: z.array(z.object({ name: z.string(), shopName: z.string(), since: isoDate })),
    }),
  },
  rolesGrant: {
    summary: 'Grant a role to a member of the union; effective on their next call.',
    input: z.object({ memberId: id, role: z.enum(GRANTABLE_ROLES) }).strict(),
    output: z.object({ memberId: z.string(), roles: z.array(z.enum(ROLES)) }),
  },
  rolesRevoke: {
    summary: "Take a role away; the union's last chair or officer cannot be removed.",
    input: z.object({ memberId: id, role: z.enum(GRANTABLE_ROLES) }).strict(),
    output: z.object({ memberId: z.string(), roles: z.array(z.enum(ROLES)) }),
  },
  clerkInvite: {
    summary: 'A one-time code (valid 7 days) for a clerk of the designated cake shop.',
    input: z.object({ name: personNameSchema, shopName: z.string().trim().min(2, '请填写蛋糕店名称').max(50) }).strict(),
    output: z.object({ code: z.string(), expiresAt: isoDate }),
  },
  unionSetCommittee: {
    summary: "Put the union under an upper-level committee (工委) of this deployment, or take it out (null).",
    input: z.object({ committeeId: id.nullable() }).strict(),
    output: z.object({ union: unionInfo, committee: unionInfo.nullable() }),
  },
  committeeUnions: {
    summary: "A committee's member unions (those that put themselves under it), for its officers to open their reports.",
    input: noInput,
    output: z.object({ items: z.array(unionInfo) }),
  },
  auditList: {
    summary: "The union's audit log, newest first.",
    input: z.object({ page, pageSize }).strict().default({ page: 1, pageSize: 20 }),
    output: z.object({ items: z.array(auditEntry), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  },
});

export type MembersContract = typeof membersContract;

export { phoneSchema };
