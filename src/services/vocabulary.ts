/**
 * Roster words the officers' pages show, as copies of core/domain/roster.ts that the type check holds equal to it.
 *
 * Why copies: roster.ts also builds the roster's zod schemas. When a subpackage page imports any value from it,
 * webpack can no longer concatenate it with core/zod.ts, and core/zod's `z` is then exported as zod's whole
 * namespace: every schema type and all locales, +330 KB in the main package. `import type` costs nothing at run
 * time, and `satisfies typeof …` fails the type check the moment core's lists change. Once core keeps these
 * constants in a module without zod, import them from there and delete this file.
 */
import type { GENDER_LABELS as CORE_GENDER_LABELS, GENDERS as CORE_GENDERS, ROSTER_COLUMNS as CORE_ROSTER_COLUMNS } from '@/core/domain/roster';

export const GENDERS = ['male', 'female'] as const satisfies typeof CORE_GENDERS;

export const GENDER_LABELS = { male: '男', female: '女' } as const satisfies typeof CORE_GENDER_LABELS;

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
] as const satisfies typeof CORE_ROSTER_COLUMNS;
