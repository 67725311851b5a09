/**
 * WeChat Cloud timer triggers use a 7-field cron: second minute hour day-of-month month day-of-week year,
 * evaluated in China time (UTC+8). Fields accept `*`, numbers, ranges `a-b`, lists `a,b`, and steps `x/n`.
 * Day-of-week is 0–6 with 0 = Sunday (7 is accepted as Sunday too). As in classic cron, when both
 * day-of-month and day-of-week are restricted, either matching is enough.
 */
const CHINA_OFFSET_MS = 8 * 3600_000;

interface Field {
  min: number;
  max: number;
}
const FIELDS: Field[] = [
  { min: 0, max: 59 }, // second
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12 }, // month
  { min: 0, max: 7 }, // day of week
  { min: 1970, max: 2199 }, // year
];
const NAMES = ['秒', '分', '时', '日', '月', '星期', '年'];

export interface CronSchedule {
  source: string;
  sets: Set<number>[];
  domRestricted: boolean;
  dowRestricted: boolean;
}

function parseField(text: string, field: Field, index: number): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`cron 第 ${index + 1} 段（${NAMES[index]}）无法解析：${part}`);
    const [, startText, endText, stepText] = m;
    const start = startText === '*' ? field.min : Number(startText);
    const end = endText !== undefined ? Number(endText) : startText === '*' || stepText !== undefined ? field.max : start;
    const step = stepText !== undefined ? Number(stepText) : 1;
    if (start < field.min || end > field.max || start > end || step < 1) {
      throw new Error(`cron 第 ${index + 1} 段（${NAMES[index]}）超出范围：${part}`);
    }
    for (let v = start; v <= end; v += step) values.add(index === 5 && v === 7 ? 0 : v);
  }
  return values;
}

export function parseCron(source: string): CronSchedule {
  const parts = source.trim().split(/\s+/);
  if (parts.length !== 7) throw new Error(`定时触发器的 cron 需要 7 段（秒 分 时 日 月 星期 年），实际为 ${parts.length} 段：${source}`);
  const sets = parts.map((p, i) => parseField(p, FIELDS[i], i));
  return { source, sets, domRestricted: parts[3] !== '*', dowRestricted: parts[5] !== '*' };
}

/** Does the schedule fire in the (China-time) second that contains `at`? */
export function cronMatches(schedule: CronSchedule, at: Date): boolean {
  const t = new Date(at.getTime() + CHINA_OFFSET_MS);
  const [sec, min, hour, dom, month, dow, year] = schedule.sets;
  if (!sec.has(t.getUTCSeconds()) || !min.has(t.getUTCMinutes()) || !hour.has(t.getUTCHours())) return false;
  if (!month.has(t.getUTCMonth() + 1) || !year.has(t.getUTCFullYear())) return false;
  const domOk = dom.has(t.getUTCDate());
  const dowOk = dow.has(t.getUTCDay());
  if (schedule.domRestricted && schedule.dowRestricted) return domOk || dowOk;
  return domOk && dowOk;
}
