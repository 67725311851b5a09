/**
 * The member roster: the fields of a member, the Excel columns officers import, and how a raw row becomes a
 * member. Pure, so the add-member form on the phone and the import in the function use the same rules.
 */
import { z } from '../zod';
import { isValidDateKey, type DateKey } from '../time';
import { MEMBER_STATUSES, MEMBER_STATUS_LABELS, type MemberStatus } from '../policy/items';
import { GENDERS, ROSTER_COLUMNS, birthDateProblem, type Gender, type RosterColumnKey } from './vocabulary';

export { GENDERS, GENDER_LABELS, ROSTER_COLUMNS, birthDateProblem, birthDateRange, type Gender, type RosterColumnKey } from './vocabulary';

/** 工号: the key a re-import updates by. Letters, digits and dashes only, so it can be part of a document id. */
export const employeeNoSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, '工号只能包含字母、数字、短横线，最长 32 位');

/**
 * A person's name: words of letters (any script, with their combining marks) and digits (test and placeholder
 * names such as 会员C12), separated by one space (John Smith), a middle dot (买买提·吐尔逊, also typed ・ or •), a
 * dot (J. Smith), an apostrophe or a hyphen (O'Brien, Jean-Luc). No emoji, symbols or control characters.
 */
const PERSON_NAME = personNamePattern();

/**
 * Built from a string so that the mini-program's build does not expand `\p{…}` into ~20 KB of explicit ranges for
 * old browsers. A runtime without Unicode property escapes gets a looser pattern (no whitespace other than single
 * spaces, no ASCII symbols or control characters, no emoji surrogates); the function, on Node, always has the
 * strict one and decides.
 */
function personNamePattern(): RegExp {
  try {
    return new RegExp("^[\\p{L}\\p{M}\\p{N}]+(?:(?:[ ·・•.'’-]|\\. )[\\p{L}\\p{M}\\p{N}]+)*$", 'u');
  } catch {
    return /^[^\s\u0000-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\ud800-\udfff]+(?:(?:[ ·・•.'’-]|\. )[^\s\u0000-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\ud800-\udfff]+)*$/;
  }
}

export const personNameSchema = z
  .string()
  .trim()
  .min(1, '请填写姓名')
  .max(30, '姓名最长 30 个字')
  // An empty name is already "请填写姓名"; one problem, one message.
  .refine((v) => v === '' || PERSON_NAME.test(v), '姓名只能由文字、字母和数字组成，中间可用一个空格或 · 分隔，不能有表情或其他符号');

/** Mainland mobile numbers: 11 digits starting with 1. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, '手机号应为 11 位数字');

const dateKeySchema = (label: string) =>
  z
    .string()
    .trim()
    .refine((v): v is DateKey => isValidDateKey(v), `${label}请写成 1980-05-20 这样的格式`);

/** A real past date making the member 16 to 120 years old on the day it is checked (the function's clock). */
const birthDateSchema = dateKeySchema('出生日期').superRefine((v, ctx) => {
  const problem = isValidDateKey(v) ? birthDateProblem(v, new Date()) : null;
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const memberFieldsSchema = z.object({
  name: personNameSchema,
  employeeNo: employeeNoSchema,
  department: z.string().trim().max(50, '部门最长 50 个字').default(''),
  gender: z.enum(GENDERS, { error: '性别应为 男 或 女' }),
  birthDate: birthDateSchema,
  phone: phoneSchema,
  joinedAt: dateKeySchema('入会日期').nullable().default(null),
  status: z.enum(MEMBER_STATUSES, { error: '状态应为 在职、退休 或 调离' }).default('active'),
  /** Union dues paid for the current year (an eligibility rule of most policies). */
  duesPaid: z.boolean().default(true),
});
export type MemberFields = z.infer<typeof memberFieldsSchema>;

/** What a member is shown of a phone number: 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

// ---------------------------------------------------------------------------------------------------------------
// Excel import

const STATUS_BY_LABEL = Object.fromEntries(MEMBER_STATUSES.map((s) => [MEMBER_STATUS_LABELS[s], s])) as Record<string, MemberStatus>;
const GENDER_BY_LABEL: Record<string, Gender> = { 男: 'male', 女: 'female' };
const YES = new Set(['是', '已缴', 'Y', 'y', '1', 'true', 'TRUE']);
const NO = new Set(['否', '未缴', 'N', 'n', '0', 'false', 'FALSE']);

export interface RowProblem {
  /** The spreadsheet row number a person sees (the header is row 1). */
  row: number;
  column: string | null;
  message: string;
}

export type RowResult = { ok: true; member: MemberFields } | { ok: false; problems: RowProblem[] };

/** Dates typed as 1980/5/20, 1980.5.20 or 19800520 are common in unions' spreadsheets. */
export function normaliseDateText(text: string): string {
  const t = text.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : t;
}

/**
 * One spreadsheet row (cells as text, keyed by column key) → a member, or every problem of the row with its
 * row number and column header, so an officer can fix the whole file in one pass.
 */
export function parseRosterRow(row: number, cells: Partial<Record<RosterColumnKey, string>>): RowResult {
  const problems: RowProblem[] = [];
  const text = (k: RosterColumnKey) => (cells[k] ?? '').trim();
  const raw: Record<string, unknown> = {
    name: text('name'),
    employeeNo: text('employeeNo'),
    department: text('department'),
    birthDate: normaliseDateText(text('birthDate')),
    phone: text('phone').replace(/[\s-]/g, ''),
    joinedAt: text('joinedAt') ? normaliseDateText(text('joinedAt')) : null,
  };
  const gender = text('gender');
  raw.gender = GENDER_BY_LABEL[gender] ?? gender;
  const status = text('status');
  raw.status = status ? (STATUS_BY_LABEL[status] ?? status) : undefined;
  const dues = text('duesPaid');
  if (dues) {
    if (YES.has(dues)) raw.duesPaid = true;
    else if (NO.has(dues)) raw.duesPaid = false;
    else problems.push({ row, column: '会费已缴', message: '会费已缴应填写 是 或 否' });
  }
  const parsed = memberFieldsSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const column = ROSTER_COLUMNS.find((c) => c.key === key)?.header ?? null;
      problems.push({ row, column, message: issue.message });
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, member: parsed.data };
}

/**
 * The whole file: header check, every row, and duplicates of 工号 within the file. Nothing is imported unless
 * this returns no problems — a file with errors is never half-imported.
 */
export function parseRosterSheet(header: string[], rows: { row: number; cells: string[] }[]): { members: MemberFields[]; rowNumbers: number[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const index = new Map<RosterColumnKey, number>();
  for (const col of ROSTER_COLUMNS) {
    const at = header.findIndex((h) => h.trim() === col.header);
    if (at >= 0) index.set(col.key, at);
    else if (col.required) problems.push({ row: 1, column: col.header, message: `缺少"${col.header}"列，请使用下载的模板` });
  }
  if (problems.length > 0) return { members: [], rowNumbers: [], problems };

  const members: MemberFields[] = [];
  /** The sheet row of each member, for problems found later (by the server, against the roster). */
  const rowNumbers: number[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const keyed: Partial<Record<RosterColumnKey, string>> = {};
    for (const [key, at] of index) keyed[key] = cells[at] ?? '';
    const result = parseRosterRow(row, keyed);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const seen = firstRowOf.get(result.member.employeeNo);
    if (seen !== undefined) {
      problems.push({ row, column: '工号', message: `工号 ${result.member.employeeNo} 与第 ${seen} 行重复` });
      continue;
    }
    firstRowOf.set(result.member.employeeNo, row);
    members.push(result.member);
    rowNumbers.push(row);
  }
  if (members.length === 0 && problems.length === 0) problems.push({ row: 2, column: null, message: '文件中没有会员数据' });
  return { members, rowNumbers, problems };
}
