/**
 * Small display helpers over core's vocabulary: how roles, dates and years read on screen. Pure, so any page,
 * component or hook may use them.
 */
import { ROLE_LABELS, type Role } from '@/core/domain/roles';
import { addDays, formatDateTimeZh, formatDateZh, inShanghai, shanghaiDateKey, shanghaiYear } from '@/core/time';

/** "工会干部、工会主席"; the implicit 会员 is left out when there is more to say. */
export function rolesText(roles: readonly Role[]): string {
  const shown = roles.length > 1 ? roles.filter((r) => r !== 'member') : roles;
  return shown.length > 0 ? shown.map((r) => ROLE_LABELS[r]).join('、') : '无';
}

/** An ISO instant from a function reply as "2025年3月8日". */
export function dateText(iso: string): string {
  return formatDateZh(new Date(iso));
}

/** An ISO instant from a function reply as "2025年3月8日 09:05". */
export function dateTimeText(iso: string): string {
  return formatDateTimeZh(new Date(iso));
}

/** When a notice came, as people say it: "刚刚", "5 分钟前", "今天 09:05", "昨天 18:30", "3月8日 09:05". */
export function whenText(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  if (minutes >= 0 && minutes < 1) return '刚刚';
  if (minutes >= 1 && minutes < 60) return `${minutes} 分钟前`;
  const day = shanghaiDateKey(at);
  const today = shanghaiDateKey(now);
  const time = inShanghai(at).format('HH:mm');
  if (day === today) return `今天 ${time}`;
  if (day === addDays(today, -1)) return `昨天 ${time}`;
  if (day.slice(0, 4) === today.slice(0, 4)) return inShanghai(at).format('M月D日 HH:mm');
  return formatDateTimeZh(at);
}

/** The business year now (Asia/Shanghai, whatever the phone's time zone). */
export function currentYear(): number {
  return shanghaiYear(new Date());
}

/** Today in Shanghai as YYYY-MM-DD. */
export function todayKey(): string {
  return shanghaiDateKey(new Date());
}
