/**
 * The holiday batch form (officers) ⇄ `gifts.batchSave`, and a member's choice ⇄ `gifts.claimChoose`. Pure (no Taro,
 * no React), so every mapping is unit-tested. Amounts are typed in yuan and sent in fen; a stock left empty is
 * unlimited.
 */
import type { Holiday } from '@/core/policy/items';
import type { Way } from '@/core/domain/holidays';
import { formatYuan, parseYuan } from '@/core/money';
import type { FieldErrors } from '@/hooks/useForm';

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;
export const MAX_PLACES = 10;

export interface OptionDraft {
  id?: string;
  name: string;
  description: string;
  /** The stored photo or the officer's upload (cloud://), and what shows it here. */
  photo: string | null;
  photoUrl: string | null;
  /** Yuan as typed: "298" or "298.00". */
  price: string;
  form: 'in_kind' | 'pickup_voucher' | 'cash' | 'shopping_card';
  /** Units as typed; empty = unlimited. */
  stock: string;
}

export interface PlaceDraft {
  id?: string;
  name: string;
  times: string;
}

export interface BatchValues {
  holiday: Holiday | null;
  year: number;
  title: string;
  note: string;
  closesOn: string | null;
  pickupEndsOn: string | null;
  options: OptionDraft[];
  places: PlaceDraft[];
  delivery: boolean;
  /** The option given to those who do not choose (its place in `options`), or null. */
  fallbackOption: number | null;
}

export const emptyOption = (): OptionDraft => ({ name: '', description: '', photo: null, photoUrl: null, price: '', form: 'in_kind', stock: '' });
export const emptyPlace = (): PlaceDraft => ({ name: '', times: '' });

export function emptyBatch(year: number): BatchValues {
  return { holiday: null, year, title: '', note: '', closesOn: null, pickupEndsOn: null, options: [emptyOption(), emptyOption()], places: [emptyPlace()], delivery: false, fallbackOption: null };
}

/** A saved batch back into the form (editing a draft). */
export function batchValuesOf(b: {
  holiday: Holiday;
  year: number;
  title: string;
  note: string;
  closesOn: string;
  pickupEndsOn: string;
  options: { id: string; name: string; description: string; photo: string | null; photoUrl: string | null; unitFen: number; form: string; stock: number | null }[];
  places: { id: string; name: string; times: string }[];
  delivery: boolean;
  fallbackOptionId: string | null;
}): BatchValues {
  const fallback = b.options.findIndex((o) => o.id === b.fallbackOptionId);
  return {
    holiday: b.holiday,
    year: b.year,
    title: b.title,
    note: b.note,
    closesOn: b.closesOn,
    pickupEndsOn: b.pickupEndsOn,
    options: b.options.map((o) => ({ id: o.id, name: o.name, description: o.description, photo: o.photo, photoUrl: o.photoUrl, price: formatYuan(o.unitFen).replace(/,/g, ''), form: o.form as OptionDraft['form'], stock: o.stock === null ? '' : String(o.stock) })),
    places: b.places.map((p) => ({ id: p.id, name: p.name, times: p.times })),
    delivery: b.delivery,
    fallbackOption: fallback >= 0 ? fallback : null,
  };
}

const STOCK = /^\d{1,6}$/;

/** The `gifts.batchSave` payload and the problems only the form can name (a price or a stock that is not a number). */
export function batchDraft(v: BatchValues, requestKey: string, batchId?: string): { payload: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  if (!v.holiday) problems.holiday = '请选择节日';
  if (!v.closesOn) problems.closesOn = '请选择截止日期';
  if (!v.pickupEndsOn) problems.pickupEndsOn = '请选择领取截止日期';
  const options = v.options.map((o, i) => {
    const fen = parseYuan(o.price.trim());
    if (o.price.trim() === '') problems[`options.${i}.unitFen`] = '请填写单价';
    else if (fen === null) problems[`options.${i}.unitFen`] = '单价请填写金额，例如 298 或 298.50';
    const stock = o.stock.trim();
    if (stock !== '' && !STOCK.test(stock)) problems[`options.${i}.stock`] = '库存请填写整数，不限量请留空';
    return {
      ...(o.id ? { id: o.id } : {}),
      name: o.name.trim(),
      description: o.description.trim(),
      photo: o.photo,
      unitFen: fen ?? undefined,
      form: o.form,
      stock: stock === '' ? null : STOCK.test(stock) ? Number(stock) : undefined,
    };
  });
  const payload: Record<string, unknown> = {
    ...(batchId ? { batchId } : {}),
    requestKey,
    holiday: v.holiday ?? undefined,
    year: v.year,
    title: v.title.trim(),
    note: v.note.trim(),
    closesOn: v.closesOn ?? undefined,
    pickupEndsOn: v.pickupEndsOn ?? undefined,
    options,
    places: v.places.map((p) => ({ ...(p.id ? { id: p.id } : {}), name: p.name.trim(), times: p.times.trim() })),
    delivery: v.delivery,
    fallbackOption: v.fallbackOption !== null && v.fallbackOption < v.options.length ? v.fallbackOption : null,
  };
  return { payload, problems };
}

/** The form's field of an issue: an option's or a place's field by its place in the list (`options.1.unitFen`). */
export function batchFieldOf(path: readonly (string | number)[]): string | null {
  if (path.length === 0 || path[0] === 'requestKey' || path[0] === 'batchId') return null;
  if ((path[0] === 'options' || path[0] === 'places') && path.length >= 3) return path.slice(0, 3).join('.');
  return String(path[0]);
}

export const BATCH_WHEN_EMPTY = { closesOn: '请选择截止日期', pickupEndsOn: '请选择领取截止日期' } as const;

/** Add or remove an option or a place, keeping the fallback pointing at the same option. */
export function withoutOption(v: BatchValues, index: number): Pick<BatchValues, 'options' | 'fallbackOption'> {
  const options = v.options.filter((_, i) => i !== index);
  const f = v.fallbackOption;
  return { options, fallbackOption: f === null || f === index ? null : f > index ? f - 1 : f };
}

/** The ways to get a gift, as the member reads them (the same words as core/domain/holidays, without its calendar). */
export const WAY_TEXT: Record<Way, string> = { pickup: '到点领取', delivery: '送货上门' };

/** A member's choice as the page holds it. */
export interface ChoiceValues {
  optionId: string | null;
  way: Way;
  placeId: string | null;
  name: string;
  phone: string;
  address: string;
}

export function choiceOf(mine: { optionId: string; way: Way; placeId: string | null; address: { name: string; phone: string; address: string } | null } | null, firstPlace: string | null, deliveryOnly: boolean): ChoiceValues {
  if (mine) return { optionId: mine.optionId, way: mine.way, placeId: mine.placeId ?? firstPlace, name: mine.address?.name ?? '', phone: mine.address?.phone ?? '', address: mine.address?.address ?? '' };
  return { optionId: null, way: deliveryOnly ? 'delivery' : 'pickup', placeId: firstPlace, name: '', phone: '', address: '' };
}

/** The `gifts.claimChoose` payload for the option tapped (the choice's place or address as set). */
export function choiceDraft(batchId: string, v: ChoiceValues, optionId: string): Record<string, unknown> {
  return {
    batchId,
    optionId,
    way: v.way,
    placeId: v.way === 'pickup' ? v.placeId : null,
    address: v.way === 'delivery' ? { name: v.name.trim(), phone: v.phone.trim(), address: v.address.trim() } : null,
  };
}

/** The field of a choice's issue (the address's fields by name). */
export function choiceFieldOf(path: readonly (string | number)[]): string | null {
  if (path[0] === 'address') return path.length > 1 ? String(path[1]) : 'address';
  if (path[0] === 'placeId' || path[0] === 'way' || path[0] === 'optionId') return String(path[0]);
  return null;
}

/** "还剩 12 份" / "不限量" / "已领完". */
export function leftText(o: { stock: number | null; left: number | null; soldOut: boolean }): string {
  if (o.soldOut) return '已领完';
  if (o.stock === null) return '不限量';
  return o.left === null ? `共 ${o.stock} 份` : `还剩 ${o.left} 份`;
}
