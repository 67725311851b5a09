import { useCallback, useRef, useState } from 'react';
import { contracts, type FunctionName } from '@/core/contracts';
import type { ErrorBody, ErrorIssue } from '@/core/errors';
import type { ActionOf, CallInput } from '@/services/cloud';
import { checkPayload, knowContracts } from '@/services/check';

// Only subpackage pages have forms: the contracts (their zod schemas) come with this hook into the subpackages and
// are made known to the phone's check (services/check.ts), so the main package ships none of them.
knowContracts(contracts);

/** Field errors keyed by the form's field names (for nested fields, the issue's path joined with dots: `fields.phone` → `phone`). */
export type FieldErrors = Partial<Record<string, string>>;

type Path = readonly (string | number)[];

/** The message of the box above the button when the phone's own check found something. */
export const FIX_BELOW = '还有内容没有填好，请按提示修改';

export interface FormOptions<T> {
  /**
   * The form's field for an issue's path below the prefix, or null for an issue no field shows (it is then listed in
   * the box). Default: the path joined with dots.
   */
  fieldOf?: (path: Path) => string | null;
  /**
   * For a field left empty, a plain request to fill it in instead of the schema's format message ("工号只能包含字母…",
   * "出生日期请写成 1980-05-20 这样的格式").
   */
  whenEmpty?: Partial<Record<keyof T, string>>;
  /** The other fields' messages an edit settles (a date and its time share one message: the instant they make). */
  settles?: Partial<Record<keyof T, readonly string[]>>;
}

const joined = (path: Path): string => path.join('.');

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Split a reply's issues into what the form's fields show (the first message per field) and what only the box can
 * show (each message once). Issues come from the contract's zod schema, run on the phone before anything is sent,
 * or from the function itself (e.g. "该工号已存在").
 */
export function placeIssues<T extends object>(
  issues: readonly ErrorIssue[] | undefined,
  values: T,
  prefix: Path = [],
  options: Pick<FormOptions<T>, 'fieldOf' | 'whenEmpty'> = {},
): { fields: FieldErrors; unplaced: ErrorIssue[] } {
  const fields: FieldErrors = {};
  const unplaced: ErrorIssue[] = [];
  const fieldOf = options.fieldOf ?? joined;
  for (const issue of issues ?? []) {
    const below = prefix.every((p, i) => issue.path[i] === p);
    const key = below ? fieldOf(issue.path.slice(prefix.length)) : null;
    if (key === null || key === '') {
      if (!unplaced.some((u) => u.message === issue.message)) unplaced.push(issue);
      continue;
    }
    const empty = options.whenEmpty?.[key as keyof T];
    const message = empty && isEmpty(values[key as keyof T]) ? empty : issue.message;
    fields[key] ??= message;
  }
  return { fields, unplaced };
}

export interface FormState<T> {
  values: T;
  set: <K extends keyof T>(key: K, value: T[K]) => void;
  replace: (values: T) => void;
  /** Messages under the fields they belong to. */
  errors: FieldErrors;
  /** The box above the button: the reply's sentence, and the issues no field shows. */
  error: ErrorBody | null;
  /** Show a refused reply: field messages beside their fields (issues under `prefix`), the rest in the box. */
  showError: (error: ErrorBody, prefix?: Path) => void;
  /**
   * Check a payload against the action's contract before sending it, together with the problems only the form can
   * name (a date not picked yet, a number that is not one): all of them show at once, and null is returned. The
   * payload itself when all is well.
   */
  check: <F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, payload: unknown, options?: { prefix?: Path; problems?: FieldErrors }) => CallInput<F, A> | null;
  /** Drop the messages of these fields (e.g. the questions after one was removed, whose messages point by index). */
  settle: (keys: readonly string[] | ((key: string) => boolean)) => void;
  clearErrors: () => void;
}

/** A form's values and the errors a reply put on them; editing a field clears that field's message. */
export function useForm<T extends object>(initial: T | (() => T), options: FormOptions<T> = {}): FormState<T> {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const latest = useRef({ values, options });
  latest.current = { values, options };

  const settle = useCallback((keys: readonly string[] | ((key: string) => boolean)) => {
    const drop = typeof keys === 'function' ? keys : (k: string) => keys.includes(k);
    setErrors((e) => (Object.keys(e).some(drop) ? Object.fromEntries(Object.entries(e).filter(([k]) => !drop(k))) : e));
  }, []);

  const set = useCallback(
    <K extends keyof T>(key: K, value: T[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      settle(latest.current.options.settles?.[key] ?? [key as string]);
    },
    [settle],
  );

  const show = useCallback((err: ErrorBody, prefix: Path = [], problems: FieldErrors = {}) => {
    const { fields, unplaced } = placeIssues(err.issues, latest.current.values, prefix, latest.current.options);
    setErrors({ ...fields, ...problems });
    setError({ ...err, issues: unplaced });
  }, []);
  const showError = useCallback((err: ErrorBody, prefix: Path = []) => show(err, prefix), [show]);

  const check = useCallback(
    <F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, payload: unknown, opts: { prefix?: Path; problems?: FieldErrors } = {}) => {
      const checked = checkPayload(fn, action, payload);
      const problems = opts.problems ?? {};
      if (checked.ok && Object.keys(problems).length === 0) {
        setErrors({});
        setError(null);
        return checked.data;
      }
      show({ code: 'VALIDATION_FAILED', message: FIX_BELOW, issues: checked.ok ? [] : checked.error.issues }, opts.prefix, problems);
      return null;
    },
    [show],
  );

  const clearErrors = useCallback(() => {
    setErrors({});
    setError(null);
  }, []);

  return { values, set, replace: setValues, errors, error, showError, check, settle, clearErrors };
}
