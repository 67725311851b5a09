/**
 * The roster's words, in a module without zod: pages in subpackages import these values, and a value imported
 * from a module that builds zod schemas stops webpack from concatenating core/zod.ts — `z` then ships as zod's
 * whole namespace, every locale included (+330 KB in the main package).
 */
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
