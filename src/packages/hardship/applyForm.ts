/**
 * The 申请帮扶 form ⇄ `hardship.save` and `hardship.submit`: what a member types (amounts in 元, ages as text, a
 * household of rows) and the payloads, the problems only the form can name, the issues of the area's own checks
 * (domain/hardship checkApplication, the consents its data needs) placed on the form's fields, and the advisory
 * self-check shown while typing. Pure (no Taro, no React), so every mapping is unit-tested.
 */
import type { ApplicationView } from '@/core/contracts/hardship';
import {
  checkApplication,
  MAX_HOUSEHOLD,
  selfCheck,
  sensitiveConsents,
  type AidFacts,
  type AidKind,
  type Occupation,
  type Relation,
  type SchoolLevel,
  type SelfCheck,
} from '@/core/domain/hardship';
import { parseYuan } from '@/core/money';
import type { FieldErrors } from '@/hooks/useForm';
import { uploadOf, type FileDraft } from '@/services/fileDrafts';

/** Documents an application holds in all (the function's limit). */
export const MAX_DOCUMENTS = 12;
export const CAUSE_LIMIT = 500;

/** One row of the household as typed. */
export interface PersonDraft {
  name: string;
  relation: Relation | null;
  age: string;
  occupation: Occupation | null;
  /** 元 per month, as typed; empty counts as none. */
  income: string;
}

/** A document the draft already holds (kept unless removed). */
export type KeptDocument = ApplicationView['documents'][number];

export interface ApplyValues {
  kind: AidKind | null;
  household: PersonDraft[];
  medical: string;
  schooling: string;
  other: string;
  cause: string;
  /** 金秋助学: the child (an index into the household), the school and its level. */
  childIndex: number | null;
  school: string;
  level: SchoolLevel | null;
  /** 大病关爱: the patient (an index into the household). */
  patientIndex: number | null;
  kept: KeptDocument[];
  /** Documents of the draft the member removed (dropped when it is saved). */
  removed: string[];
  files: FileDraft[];
  consentPurpose: boolean;
  consentHealth: boolean;
  consentMinors: boolean;
}

export const emptyPerson = (relation: Relation | null = null, name = ''): PersonDraft => ({ name, relation, age: '', occupation: null, income: '' });

/** A new application: the first row is the member themself. */
export function emptyApply(myName: string): ApplyValues {
  return {
    kind: null,
    household: [emptyPerson('self', myName)],
    medical: '',
    schooling: '',
    other: '',
    cause: '',
    childIndex: null,
    school: '',
    level: null,
    patientIndex: 0,
    kept: [],
    removed: [],
    files: [],
    consentPurpose: false,
    consentHealth: false,
    consentMinors: false,
  };
}

const yuanOf = (fen: number): string => (fen === 0 ? '' : (fen / 100).toFixed(2).replace(/\.00$/, ''));

/** A draft as the form shows it again. */
export function valuesOf(a: ApplicationView): ApplyValues {
  const f = a.facts;
  return {
    kind: f.kind,
    household: f.household.map((m) => ({ name: m.name, relation: m.relation, age: String(m.age), occupation: m.occupation, income: yuanOf(m.monthlyIncomeFen) })),
    medical: yuanOf(f.expenses.medicalFen),
    schooling: yuanOf(f.expenses.schoolingFen),
    other: yuanOf(f.expenses.otherFen),
    cause: f.cause,
    childIndex: f.school?.childIndex ?? null,
    school: f.school?.school ?? '',
    level: f.school?.level ?? null,
    patientIndex: f.patientIndex ?? null,
    kept: a.documents,
    removed: [],
    files: [],
    consentPurpose: false,
    consentHealth: false,
    consentMinors: false,
  };
}

/** The household after a row was added (never more than MAX_HOUSEHOLD) or removed (the member's own row stays). */
export function withPerson(household: readonly PersonDraft[]): PersonDraft[] {
  return household.length >= MAX_HOUSEHOLD ? [...household] : [...household, emptyPerson()];
}
export function withoutPerson(values: ApplyValues, index: number): Pick<ApplyValues, 'household' | 'childIndex' | 'patientIndex'> {
  const shift = (i: number | null) => (i === null || i === index ? null : i > index ? i - 1 : i);
  return { household: values.household.filter((_, i) => i !== index), childIndex: shift(values.childIndex), patientIndex: shift(values.patientIndex) };
}

const AMOUNT_PROBLEM = '请填写金额（元），最多两位小数；没有请留空';

/** An amount typed in 元 → fen; empty is 0; null when it is not an amount. */
function fenOf(text: string): number | null {
  return text.trim() === '' ? 0 : parseYuan(text);
}

/** Whole years typed → a number (anything else is passed on as NaN, which the contract refuses at its field). */
function ageOf(text: string): number {
  return /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

/** The declared facts, as far as they can be read, and what only the form can name (an amount that is not one). */
export function factsOf(v: ApplyValues): { facts: AidFacts; problems: FieldErrors } {
  const problems: FieldErrors = {};
  const money = (text: string, key: string): number => {
    const fen = fenOf(text);
    if (fen === null) problems[key] = AMOUNT_PROBLEM;
    return fen ?? 0;
  };
  const household = v.household.map((m, i) => {
    if (m.age.trim() === '') problems[`household.${i}.age`] = '请填写年龄（周岁）';
    return {
      name: m.name.trim(),
      relation: m.relation as Relation,
      age: ageOf(m.age),
      occupation: m.occupation as Occupation,
      monthlyIncomeFen: money(m.income, `household.${i}.income`),
    };
  });
  const facts: AidFacts = {
    kind: v.kind as AidKind,
    household,
    expenses: { medicalFen: money(v.medical, 'medical'), schoolingFen: money(v.schooling, 'schooling'), otherFen: money(v.other, 'other') },
    cause: v.cause.trim(),
  };
  if (v.kind === 'schooling') facts.school = { childIndex: v.childIndex ?? -1, school: v.school.trim(), level: v.level as SchoolLevel };
  if (v.kind === 'illness') facts.patientIndex = v.patientIndex ?? -1;
  return { facts, problems };
}

/** The `hardship.save` payload (a new draft by its request key, or the draft being edited). */
export function savePayload(v: ApplyValues, requestKey: string, applicationId: string | null) {
  const { facts, problems } = factsOf(v);
  return { payload: { ...(applicationId ? { applicationId } : {}), requestKey, facts, documents: v.files.map(uploadOf), removed: v.removed }, problems };
}

/** A document of the draft removed from the form: it goes when the draft is saved. */
export function withoutKept(v: Pick<ApplyValues, 'kept' | 'removed'>, fileID: string): Pick<ApplyValues, 'kept' | 'removed'> {
  return { kept: v.kept.filter((d) => d.fileID !== fileID), removed: [...v.removed, fileID] };
}

/** Which separate consents the form asks for now. */
export function consentsNeeded(v: ApplyValues): { health: boolean; minors: boolean } {
  if (v.kind === null) return { health: false, minors: false };
  const { facts } = factsOf(v);
  return sensitiveConsents({ kind: v.kind, household: facts.household.filter((m) => Number.isFinite(m.age)), expenses: facts.expenses });
}

/** A facts path (domain/hardship, the contract) → the form field that shows it. */
export function applyFieldOf(path: readonly (string | number)[]): string | null {
  const [head, ...rest] = path;
  if (head === 'documents') return 'files';
  if (head === 'consents') return rest[0] === 'health' ? 'consentHealth' : rest[0] === 'minors' ? 'consentMinors' : 'consentPurpose';
  if (head !== 'facts') return null;
  const [field, a, b] = rest;
  switch (field) {
    case 'kind':
    case 'cause':
    case 'patientIndex':
      return field;
    case 'household':
      if (a === undefined) return 'household';
      return `household.${String(a)}.${b === 'monthlyIncomeFen' ? 'income' : String(b ?? 'name')}`;
    case 'expenses':
      return a === 'medicalFen' ? 'medical' : a === 'schoolingFen' ? 'schooling' : 'other';
    case 'school':
      return a === 'school' ? 'school' : a === 'level' ? 'level' : 'childIndex';
    default:
      return null;
  }
}

/**
 * Before 提交: the area's own checks (a household with 本人, the cause, the school or the patient …), a document at
 * least, and the consents — each at its field, all at once. Empty when the application may go.
 */
export function submitProblems(v: ApplyValues): FieldErrors {
  const { facts, problems } = factsOf(v);
  const out: FieldErrors = { ...problems };
  if (v.kind === null) out.kind = '请选择帮扶类别';
  else {
    const check = checkApplication(facts);
    if (!check.ok) {
      for (const issue of check.issues) {
        const key = applyFieldOf(['facts', ...issue.path]);
        if (key) out[key] ??= issue.message;
      }
    }
  }
  if (v.kept.length + v.files.length === 0) out.files = '请上传至少一份证明材料（如诊断证明、收入证明、录取通知书）';
  if (!v.consentPurpose) out.consentPurpose = '请阅读并同意个人信息的使用说明';
  const needed = consentsNeeded(v);
  if (needed.health && !v.consentHealth) out.consentHealth = '申请涉及健康信息，需要您单独同意';
  if (needed.minors && !v.consentMinors) out.consentMinors = '家庭中有不满 14 周岁的子女，需要您单独同意';
  return out;
}

/** The advisory self-check while typing: null until the form is complete enough, or when the union set no standard. */
export function selfCheckOf(v: ApplyValues, dibaoFen: number | null): SelfCheck | null {
  if (dibaoFen === null || v.kind === null) return null;
  const { facts, problems } = factsOf(v);
  if (Object.keys(problems).length > 0 || !checkApplication(facts).ok) return null;
  return selfCheck(facts, dibaoFen);
}
