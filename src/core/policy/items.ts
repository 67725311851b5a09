/**
 * The vocabulary of money: what is paid (items), in what form, from which budget line, at which holiday.
 * Every payout or benefit in kind in the ledger is one of these items; the policy profile gives each its cap.
 */
export const HOLIDAYS = ['newYear', 'springFestival', 'qingming', 'labourDay', 'dragonBoat', 'midAutumn', 'nationalDay'] as const;
export type Holiday = (typeof HOLIDAYS)[number];
/** The statutory holidays at which gifts are allowed at all (national rule). */
export const HOLIDAY_LABELS: Record<Holiday, string> = {
  newYear: '元旦',
  springFestival: '春节',
  qingming: '清明',
  labourDay: '劳动节',
  dragonBoat: '端午',
  midAutumn: '中秋',
  nationalDay: '国庆',
};

export const BUDGET_LINES = ['holiday', 'birthday', 'care', 'hardship', 'events', 'awards'] as const;
export type BudgetLine = (typeof BUDGET_LINES)[number];
export const BUDGET_LINE_LABELS: Record<BudgetLine, string> = {
  holiday: '节日慰问',
  birthday: '生日慰问',
  care: '即时关爱',
  hardship: '困难帮扶',
  events: '文体活动',
  awards: '奖励',
};

export const ITEMS = [
  'holiday_gift',
  'birthday',
  'care_hospitalisation',
  'care_member_death',
  'care_relative_death',
  'care_marriage',
  'care_childbirth',
  'care_retirement',
  'hardship_aid',
  'serious_illness',
  'study_aid',
  'event_prize',
  'event_expense',
  'study_award',
] as const;
export type Item = (typeof ITEMS)[number];

export const ITEM_INFO: Record<Item, { label: string; line: BudgetLine; perMember: boolean }> = {
  holiday_gift: { label: '节日慰问品', line: 'holiday', perMember: true },
  birthday: { label: '生日蛋糕', line: 'birthday', perMember: true },
  care_hospitalisation: { label: '生病住院慰问', line: 'care', perMember: true },
  care_member_death: { label: '会员去世慰问', line: 'care', perMember: true },
  care_relative_death: { label: '直系亲属去世慰问', line: 'care', perMember: true },
  care_marriage: { label: '结婚慰问', line: 'care', perMember: true },
  care_childbirth: { label: '生育慰问', line: 'care', perMember: true },
  care_retirement: { label: '退休纪念', line: 'care', perMember: true },
  hardship_aid: { label: '困难帮扶', line: 'hardship', perMember: true },
  serious_illness: { label: '大病关爱', line: 'hardship', perMember: true },
  study_aid: { label: '金秋助学', line: 'hardship', perMember: true },
  event_prize: { label: '文体活动奖品', line: 'events', perMember: true },
  // Venue, transport, work meals of an event: not paid to a member, limited by the budget line only.
  event_expense: { label: '文体活动经费', line: 'events', perMember: false },
  study_award: { label: '优秀学员奖励', line: 'awards', perMember: true },
};

export const FORMS = ['in_kind', 'cash', 'shopping_card', 'pickup_voucher', 'cake_voucher', 'service'] as const;
export type Form = (typeof FORMS)[number];
export const FORM_LABELS: Record<Form, string> = {
  in_kind: '实物',
  cash: '现金（慰问金）',
  shopping_card: '购物卡',
  pickup_voucher: '指定商家提货券',
  cake_voucher: '蛋糕券',
  service: '服务或活动费用',
};

export const MEMBER_STATUSES = ['active', 'retired', 'transferred'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = { active: '在职', retired: '退休', transferred: '调离' };
