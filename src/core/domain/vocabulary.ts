/**
 * The roster's words, in a module without zod: pages in subpackages import these values, and a value imported
 * from a module that builds zod schemas stops webpack from concatenating core/zod.ts — `z` then ships as zod's
 * whole namespace, every locale included (+330 KB in the main package).
 */
import { addDays, ageOn, birthdayInYear, formatDateZh, shanghaiDateKey, startOfShanghaiDay, type DateKey } from '../time';
import type { MemberFields } from './roster';

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

/** The Excel template's columns, in order. `required` columns must be present in the header row. */
export const ROSTER_COLUMNS = [
  { key: 'name', header: '姓名', required: true, example: '张伟' },
  { key: 'employeeNo', header: '工号', required: true, example: 'A0001' },
  { key: 'department', header: '部门', required: false, example: '办公室' },
  { key: 'gender', header: '性别', required: true, example: '男' },
  { key: 'birthDate', header: '出生日期', required: true, example: '1980-05-20' },
  { key: 'phone', header: '手机号', required: true, example: '13800000000' },
  { key: 'joinedAt', header: '入会日期', required: false, example: '2005-07-01' },
  { key: 'status', header: '状态', required: false, example: '在职' },
  { key: 'duesPaid', header: '会费已缴', required: false, example: '是' },
] as const satisfies readonly { key: keyof MemberFields; header: string; required: boolean; example: string }[];

export type RosterColumnKey = (typeof ROSTER_COLUMNS)[number]['key'];

/** A member is of working age (16, the legal minimum) and a birth date more than 120 years back is a typo. */
export const MEMBER_MIN_AGE = 16;
export const MEMBER_MAX_AGE = 120;

/** The birth dates a member may have on the Shanghai day of `now`, for the date pickers' ends. */
export function birthDateRange(now: Date): { earliest: DateKey; latest: DateKey } {
  const today = shanghaiDateKey(now);
  const year = Number(today.slice(0, 4));
  return { earliest: addDays(birthdayInYear(today, year - MEMBER_MAX_AGE - 1), 1), latest: birthdayInYear(today, year - MEMBER_MIN_AGE) };
}

/**
 * Why a (well-formed) birth date cannot be a member's on the day of `now`, or null: in the future, too young, or
 * too long ago. The roster's schema asks this, so the form, the Excel import and the function agree.
 */
export function birthDateProblem(birthDate: DateKey, now: Date): string | null {
  const { earliest, latest } = birthDateRange(now);
  if (birthDate > shanghaiDateKey(now)) return '出生日期不能是将来的日期，请核对';
  const age = ageOn(birthDate, now);
  if (age < MEMBER_MIN_AGE) return `出生日期不对：会员应年满 ${MEMBER_MIN_AGE} 周岁（${formatDateZh(startOfShanghaiDay(latest))}或以前出生），请核对`;
  if (age > MEMBER_MAX_AGE) return `出生日期不对：不能早于${formatDateZh(startOfShanghaiDay(earliest))}，请核对`;
  return null;
}
