/**
 * The ledger area's display helpers: the items a policy rules, a ledger entry's title, money as a yuan box shows it.
 * Pure, over core's zod-free vocabulary.
 */
import { HOLIDAY_LABELS, ITEMS, type Holiday, type Item } from '@/core/policy/items';
import { formatYuan } from '@/core/money';

/**
 * The items a policy rules one by one (holiday gifts are ruled per holiday). The same list as core/policy/profile's
 * RULE_ITEMS, derived here from the zod-free vocabulary: see vocabulary.ts for why subpackages avoid profile.ts.
 */
export const RULE_ITEMS: readonly Exclude<Item, 'holiday_gift'>[] = ITEMS.filter((i): i is Exclude<Item, 'holiday_gift'> => i !== 'holiday_gift');

/** A ledger entry's item as an officer reads it: "端午节慰问品", "节日慰问品（端午）", "生日蛋糕". */
export function entryTitle(itemLabel: string, holiday: Holiday | null): string {
  return holiday && !itemLabel.includes(HOLIDAY_LABELS[holiday]) ? `${itemLabel}（${HOLIDAY_LABELS[holiday]}）` : itemLabel;
}

/** Fen as a person would type it back into a yuan box: "300", "299.5" → "299.50", never "1,000.00". */
export function yuanInputText(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : formatYuan(fen).replace(/,/g, '');
}
