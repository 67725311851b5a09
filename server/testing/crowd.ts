/**
 * A crowd of bound members for load tests and benchmarks, made through the functions: the chair imports them
 * from an Excel roster (one call) and each binds their own WeChat identity (one call each, a few at a time).
 */
import { buildWorkbook, sheet } from '../files/xlsx';
import type { World } from './world';

export interface CrowdMember {
  openid: string;
  memberId: string;
  name: string;
}

const HEADER = ['姓名', '工号', '部门', '性别', '出生日期', '手机号'];

/** Run `count` tasks, at most `concurrency` at a time; the results in task order. */
export async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

export async function addCrowd(w: World, count: number, prefix = 'C'): Promise<CrowdMember[]> {
  const people = Array.from({ length: count }, (_, i) => {
    const no = `${prefix}${String(i + 1).padStart(5, '0')}`;
    return { no, name: `会员${prefix}${i + 1}`, phone: `137${String(i + 1).padStart(8, '0')}`, openid: `wx-crowd-${no}` };
  });
  const bytes = await buildWorkbook([
    sheet({
      name: '名册',
      columns: HEADER.map((header, k) => ({ header, value: (p: (typeof people)[number]) => [p.name, p.no, `处室${k % 5}`, k % 2 ? '男' : '女', '1985-05-20', p.phone][k] })),
      rows: people,
    }),
  ]);
  const fileID = await w.upload(w.openids.chair, bytes, 'crowd.xlsx');
  const imported = await w.call('chair', 'members', 'rosterImport', { fileID });
  if (!imported.ok) throw new Error(`crowd import failed: ${JSON.stringify(imported.error)}`);
  return pool(count, 16, async (i) => {
    const p = people[i];
    const r = await w.call(p.openid, 'members', 'bind', { name: p.name, employeeNo: p.no, phoneLast4: p.phone.slice(-4) });
    if (!r.ok) throw new Error(`bind ${p.no} failed: ${JSON.stringify(r.error)}`);
    return { openid: p.openid, memberId: `${w.unionA}:${p.no}`, name: p.name };
  });
}
