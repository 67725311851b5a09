import type { ErrorBody, ErrorCode } from '@/core/errors';
import { Notice } from '../Notice';

export interface ErrorNoticeProps {
  error: ErrorBody | null;
  /** A heading per code where the page has something better to say than the sentence alone. */
  titles?: Partial<Record<ErrorCode, string>>;
  /** List every issue's message too (an import file's rows, a policy's contradictions). */
  listIssues?: boolean;
}

/** Codes that mean "not now" or "already done" rather than "wrong": shown in amber, not red. */
const SOFT: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['RATE_LIMITED', 'ALREADY_EXISTS', 'CONFLICT']);

/** A refused reply as a person reads it: the function's Chinese sentence, a heading if given, the issues if asked. */
export function ErrorNotice({ error, titles, listIssues = false }: ErrorNoticeProps) {
  if (!error) return null;
  const items = listIssues ? (error.issues ?? []).map((i) => i.message) : undefined;
  return (
    <Notice tone={SOFT.has(error.code) ? 'warn' : 'error'} title={titles?.[error.code]} items={items}>
      {error.message}
    </Notice>
  );
}
