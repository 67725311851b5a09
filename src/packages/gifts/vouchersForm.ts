/**
 * 生日慰问设置 ⇄ `gifts.birthdaySettingsGet` / `gifts.birthdaySettingsSave`, and the words of the voucher pages. Pure
 * (no Taro, no React), unit-tested: the amount typed in yuan, the numbers as typed, the payload.
 */
import type { BirthdaySettings } from '@/core/contracts/giftsVouchers';
import type { BirthdayTiming } from '@/core/domain/birthdays';
import { formatYuan, parseYuan } from '@/core/money';
import type { FieldErrors } from '@/hooks/useForm';

/** The settings as the function keeps them (the contract's type). */
export type BirthdaySettingsData = BirthdaySettings;

export interface BirthdayValues {
  enabled: boolean;
  timing: BirthdayTiming | null;
  daysBefore: string;
  shopName: string;
  /** Yuan as typed ("200" or "200.00"). */
  amount: string;
  validDays: string;
  greeting: string;
}

export const DEFAULT_GREETING = '祝您生日快乐，身体健康，工作顺利，阖家幸福！';

export const TIMING_OPTIONS: readonly { value: BirthdayTiming; label: string }[] = [
  { value: 'monthStart', label: '每月1日' },
  { value: 'daysBefore', label: '生日前几天' },
  { value: 'onDay', label: '生日当天' },
];

/** What the chosen timing means, said under the choice. */
export function timingNote(timing: BirthdayTiming | null, daysBefore: string): string {
  if (timing === 'monthStart') return '每月1日为当月过生日的会员发放蛋糕券。';
  if (timing === 'daysBefore') return `在会员生日前 ${/^\d{1,2}$/.test(daysBefore.trim()) ? daysBefore.trim() : 'N'} 天发放蛋糕券。`;
  if (timing === 'onDay') return '在会员生日当天发放蛋糕券。';
  return '请选择什么时候发放蛋糕券。';
}

export function birthdayValuesOf(data: BirthdaySettingsData | null, shops: readonly { shopName: string }[]): BirthdayValues {
  if (!data) {
    return { enabled: true, timing: null, daysBefore: '3', shopName: shops.length === 1 ? shops[0].shopName : '', amount: '', validDays: '30', greeting: DEFAULT_GREETING };
  }
  return {
    enabled: data.enabled,
    timing: data.timing,
    daysBefore: String(data.daysBefore),
    shopName: data.shopName,
    amount: formatYuan(data.amountFen).replace(/,/g, ''),
    validDays: String(data.validDays),
    greeting: data.greeting,
  };
}

const WHOLE = /^\d{1,3}$/;

/** The save payload, and what only the form can name (an amount or a number that is not one). */
export function birthdayDraft(v: BirthdayValues): { payload: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  const amountFen = parseYuan(v.amount.trim());
  if (v.amount.trim() === '') problems.amount = '请填写蛋糕券金额';
  else if (amountFen === null) problems.amount = '金额请填写数字，例如 200 或 199.50';
  if (!v.timing) problems.timing = '请选择发放时间';
  const daysBefore = WHOLE.test(v.daysBefore.trim()) ? Number(v.daysBefore.trim()) : NaN;
  if (v.timing === 'daysBefore' && Number.isNaN(daysBefore)) problems.daysBefore = '提前天数请填整数，例如 3';
  const validDays = WHOLE.test(v.validDays.trim()) ? Number(v.validDays.trim()) : NaN;
  if (Number.isNaN(validDays)) problems.validDays = '有效天数请填整数，例如 30';
  return {
    payload: {
      enabled: v.enabled,
      timing: v.timing ?? undefined,
      // Kept when another timing is chosen (the function needs a number; it is used only with 生日前几天).
      daysBefore: Number.isNaN(daysBefore) ? (v.timing === 'daysBefore' ? -1 : 3) : daysBefore,
      shopName: v.shopName.trim(),
      amountFen: amountFen ?? -1,
      validDays: Number.isNaN(validDays) ? -1 : validDays,
      greeting: v.greeting.trim(),
    },
    problems,
  };
}

/** The form's field of an issue's path (the amount is typed in yuan: `amountFen` shows under 金额). */
export function birthdayFieldOf(path: readonly (string | number)[]): string | null {
  const key = String(path[0] ?? '');
  if (key === 'amountFen') return 'amount';
  return ['timing', 'daysBefore', 'shopName', 'validDays', 'greeting', 'enabled'].includes(key) ? key : null;
}

/** A saved setting in one line, for the top of the page. */
export function settingsSummary(d: BirthdaySettingsData): string {
  const when = d.timing === 'daysBefore' ? `生日前 ${d.daysBefore} 天` : d.timing === 'onDay' ? '生日当天' : '每月1日为当月过生日的会员';
  return `${d.enabled ? '已开启' : '已关闭'}：${when}发放「${d.shopName}」${formatYuan(d.amountFen)} 元蛋糕券，有效 ${d.validDays} 天`;
}

/** '2026-05-20' → '5月20日'; with the year when it is not `year`. */
export function dayText(key: string, year?: number): string {
  const [y, m, d] = key.split('-').map(Number);
  return `${year !== undefined && y !== year ? `${y}年` : ''}${m}月${d}日`;
}

/** '2026-05' → '2026年5月' */
export function monthText(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** The last `n` months up to `now`'s month (Shanghai), newest first: the statement's choices. */
export function recentMonths(now: Date, n = 12): { value: string; label: string }[] {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  let y = shanghai.getUTCFullYear();
  let m = shanghai.getUTCMonth() + 1;
  const out: { value: string; label: string }[] = [];
  for (let i = 0; i < n; i += 1) {
    const value = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ value, label: monthText(value) });
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/** The officers' list's months: next month (vouchers issued early), this month, then the eleven before. */
export function birthdayMonths(now: Date): { value: string; label: string }[] {
  const recent = recentMonths(now, 12);
  const [y, m] = recent[0].value.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [{ value: next, label: monthText(next) }, ...recent];
}
