import { useCallback, useState } from 'react';
import type { ErrorBody, ErrorIssue } from '@/core/errors';

/** Field errors keyed by the issue's path below `prefix`, joined with dots: `['fields','phone']` → `phone`. */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * The first message per field of a reply's issues. Issues come from the contract's zod schema, run on the phone
 * by callFunction before anything is sent, or from the function itself (e.g. "该工号已存在").
 */
export function issuesToFields(issues: readonly ErrorIssue[] | undefined, prefix: readonly (string | number)[] = []): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues ?? []) {
    const matches = prefix.every((p, i) => issue.path[i] === p);
    if (!matches) continue;
    const key = issue.path.slice(prefix.length).join('.');
    if (key && out[key] === undefined) out[key] = issue.message;
  }
  return out;
}

/**
 * Replace the schema's format message of a field left empty ("工号只能包含字母…", "出生日期请写成 1980-05-20 这样的格式")
 * with a plain request to fill it in. `depth` is where the field name sits in the issue's path.
 */
export function whenEmpty<T extends object>(
  issues: readonly ErrorIssue[] | undefined,
  values: T,
  messages: Partial<Record<keyof T, string>>,
  depth = 0,
): ErrorIssue[] | undefined {
  return issues?.map((issue) => {
    const field = issue.path[depth] as keyof T;
    const message = messages[field];
    const value = values[field] as unknown;
    const empty = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
    return message && empty ? { ...issue, message } : issue;
  });
}

export interface FormState<T> {
  values: T;
  set: <K extends keyof T>(key: K, value: T[K]) => void;
  replace: (values: T) => void;
  /** Messages under the fields they belong to. */
  errors: FieldErrors;
  /** The reply's error for the box above the button (its sentence, and issues no field shows). */
  error: ErrorBody | null;
  /** Show a refused reply: field messages beside their fields, the sentence in the error box. */
  showError: (error: ErrorBody, prefix?: readonly (string | number)[]) => void;
  clearErrors: () => void;
}

/** A form's values and the errors a reply put on them; editing a field clears that field's message. */
export function useForm<T extends object>(initial: T | (() => T)): FormState<T> {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);

  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      if (e[key as string] === undefined) return e;
      const next = { ...e };
      delete next[key as string];
      return next;
    });
  }, []);

  const showError = useCallback((err: ErrorBody, prefix: readonly (string | number)[] = []) => {
    setErrors(issuesToFields(err.issues, prefix));
    setError(err);
  }, []);

  const clearErrors = useCallback(() => {
    setErrors({});
    setError(null);
  }, []);

  return { values, set, replace: setValues, errors, error, showError, clearErrors };
}
