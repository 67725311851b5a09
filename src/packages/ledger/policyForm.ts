/**
 * The policy editor ⇄ `ledger.policySave`: a saved profile becomes a draft and its caps yuan texts; the officer's
 * changes are made to the draft; the texts become fen again for the payload. Pure, so it is unit-tested. Whether the
 * profile contradicts itself is the function's decision (core/policy/profile's validatePolicy): the editor only names
 * a cap that is not a sum of money.
 */
import { parseYuan } from '@/core/money';
import { HOLIDAYS, type Form, type Holiday } from '@/core/policy/items';
import type { ItemRule, PolicyProfile, RuleItem } from '@/core/policy/profile';
import type { FieldErrors } from '@/hooks/useForm';
import { RULE_ITEMS, yuanInputText } from './format';

/** Cap inputs by key: `holidays.<holiday>`, `items.<item>` and `annual`, as yuan text. */
export type CapTexts = Record<string, string>;

/** A rule's address in the profile: `holidays.<holiday>` or `items.<item>`. */
export type RuleKey = `holidays.${Holiday}` | `items.${RuleItem}`;
export type RuleFlag = 'onePerIllnessPerYear' | 'inServiceOnly';

export interface PolicyFormValues {
  texts: CapTexts;
  /** The profile as edited so far (its caps are the saved ones until the texts are read back on saving). */
  draft: PolicyProfile;
}

/** The cap box of the yearly total of holiday gifts. */
export const ANNUAL = 'annual';

/** What a cap box asks for when its text is not a sum of yuan. */
export const CAP_PROBLEM = '请填写金额（元），例如 300 或 299.50';

/** The error key of a cap box: its rule's address (or `annual`) and `.capFen`, as the function's issues name it. */
export const capField = (key: string): string => `${key}.capFen`;

/** Profiles are plain JSON (they travel as JSON): a deep copy is a round trip. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function ruleAt(p: PolicyProfile, key: RuleKey): ItemRule | undefined {
  const [group, name] = key.split('.') as ['holidays' | 'items', string];
  return group === 'holidays' ? p.holidays[name as Holiday] : p.items[name as RuleItem];
}

/** The editor opened on a saved profile: every cap as the yuan an officer would type, no cap as an empty box. */
export function policyValues(p: PolicyProfile): PolicyFormValues {
  const texts: CapTexts = {};
  for (const h of HOLIDAYS) {
    const rule = p.holidays[h];
    if (rule) texts[`holidays.${h}`] = rule.capFen === null ? '' : yuanInputText(rule.capFen);
  }
  for (const i of RULE_ITEMS) {
    const rule = p.items[i];
    if (rule) texts[`items.${i}`] = rule.capFen === null ? '' : yuanInputText(rule.capFen);
  }
  texts[ANNUAL] = p.holidayAnnualCapFen ? yuanInputText(p.holidayAnnualCapFen.capFen) : '';
  return { texts, draft: copy(p) };
}

/**
 * The profile to send, with every cap read from its box, and the boxes that are not a sum of money. Only 文体活动经费
 * and the yearly total may be left empty (no cap: the budget line, or each holiday's cap, limits them). The yearly
 * total keeps the saved total's source, or names the union's own rule.
 */
export function policyPayload(year: number, values: PolicyFormValues, saved: PolicyProfile): { payload: { year: number; profile: PolicyProfile }; problems: FieldErrors } {
  const problems: FieldErrors = {};
  const fen = (key: string, optional: boolean): number | null => {
    const text = (values.texts[key] ?? '').trim();
    if (text === '' && optional) return null;
    const value = parseYuan(text);
    if (value === null || value < 0) {
      problems[capField(key)] = CAP_PROBLEM;
      return null;
    }
    return value;
  };
  const profile = copy(values.draft);
  for (const h of HOLIDAYS) {
    const rule = profile.holidays[h];
    if (rule) rule.capFen = fen(`holidays.${h}`, false);
  }
  for (const i of RULE_ITEMS) {
    const rule = profile.items[i];
    if (rule) rule.capFen = fen(`items.${i}`, i === 'event_expense');
  }
  const annual = fen(ANNUAL, true);
  profile.holidayAnnualCapFen = annual === null ? null : { capFen: annual, source: saved.holidayAnnualCapFen?.source ?? '本工会规定' };
  return { payload: { year, profile }, problems };
}

/**
 * The editor's field for an issue's path below `profile`: a rule's setting (`holidays.springFestival.allowedForms`,
 * whichever of its forms the issue names), the yearly total's cap box (`annual.capFen`, also for a problem of the
 * total as a whole), the forbidden forms and eligibility switches. What the editor has no field for (sources, a
 * prize's winner share) is left to the list above the button.
 */
export function policyFieldOf(path: readonly (string | number)[]): string | null {
  const [head, name, setting] = path;
  if (head === 'holidayAnnualCapFen') return capField(ANNUAL);
  if ((head === 'holidays' || head === 'items') && typeof name === 'string' && typeof setting === 'string') {
    return ['capFen', 'allowedForms', 'perYear', 'onePerIllnessPerYear', 'inServiceOnly', 'source'].includes(setting) ? `${head}.${name}.${setting}` : null;
  }
  if (head === 'forbiddenForms' && name === 'forms') return 'forbiddenForms.forms';
  if (head === 'eligibility' && (name === 'requireDuesPaid' || name === 'retireesEligible')) return `eligibility.${name}`;
  return null;
}

/**
 * One change to the draft, made on a copy: the new draft and the error keys the change settles (its own field's
 * message goes; the others stay until the next save).
 */
export interface DraftChange {
  draft: PolicyProfile;
  settles: string[];
}

function change(d: PolicyProfile, edit: (next: PolicyProfile) => void, settles: string[] = []): DraftChange {
  const next = copy(d);
  edit(next);
  return { draft: next, settles };
}

/** Allow a form for a rule, or no longer. */
export function toggleForm(d: PolicyProfile, key: RuleKey, form: Form): DraftChange {
  return change(
    d,
    (next) => {
      const rule = ruleAt(next, key);
      if (rule) rule.allowedForms = rule.allowedForms.includes(form) ? rule.allowedForms.filter((f) => f !== form) : [...rule.allowedForms, form];
    },
    [`${key}.allowedForms`],
  );
}

/** A rule's yearly count per member: an empty box is no limit; text that is not a number keeps the count. */
export function setPerYear(d: PolicyProfile, key: RuleKey, text: string): DraftChange {
  return change(
    d,
    (next) => {
      const rule = ruleAt(next, key);
      if (!rule) return;
      const n = Number(text.trim());
      if (text.trim() === '') delete rule.perYear;
      else rule.perYear = Number.isFinite(n) ? n : rule.perYear;
    },
    [`${key}.perYear`],
  );
}

/** A rule's switch (once per illness a year, in-service members only): off is left out of the profile. */
export function setFlag(d: PolicyProfile, key: RuleKey, flag: RuleFlag, on: boolean): DraftChange {
  return change(
    d,
    (next) => {
      const rule = ruleAt(next, key);
      if (!rule) return;
      if (on) rule[flag] = true;
      else delete rule[flag];
    },
    [`${key}.${flag}`],
  );
}

export function setSource(d: PolicyProfile, key: RuleKey, text: string): DraftChange {
  return change(
    d,
    (next) => {
      const rule = ruleAt(next, key);
      if (rule) rule.source = text;
    },
    [`${key}.source`],
  );
}

/** Pay this holiday or item this year, or not. Turning one back on restores the rule as it was saved. */
export function setPaid(d: PolicyProfile, saved: PolicyProfile, key: RuleKey, paid: boolean): DraftChange {
  return change(d, (next) => {
    const [group, name] = key.split('.') as ['holidays' | 'items', string];
    const rule = ruleAt(saved, key);
    if (group === 'holidays') {
      if (paid && rule) next.holidays[name as Holiday] = copy(rule);
      if (!paid) delete next.holidays[name as Holiday];
    } else {
      if (paid && rule) next.items[name as RuleItem] = copy(rule);
      if (!paid) delete next.items[name as RuleItem];
    }
  });
}

export function toggleForbidden(d: PolicyProfile, form: Form): DraftChange {
  return change(
    d,
    (next) => {
      const forms = next.forbiddenForms.forms;
      next.forbiddenForms.forms = forms.includes(form) ? forms.filter((f) => f !== form) : [...forms, form];
    },
    ['forbiddenForms.forms'],
  );
}

export function setEligibility(d: PolicyProfile, field: 'requireDuesPaid' | 'retireesEligible', on: boolean): DraftChange {
  return change(
    d,
    (next) => {
      next.eligibility[field] = on;
    },
    [`eligibility.${field}`],
  );
}
