/**
 * Error replies. The SDK turns a reply carrying `code` into a thrown TcbError, and wx-server-sdk maps the code to
 * the errCode user code sees (see CLOUDBASE-PROTOCOL.md, "Errors as function code sees them").
 */

export type DbErrorCode =
  /** Any failure MongoDB itself would report (bad filter, bad operator, duplicate key, size limit): -502001. */
  | 'DATABASE_REQUEST_FAILED'
  /** -502005 */
  | 'DATABASE_COLLECTION_NOT_EXIST'
  /** addCollection on an existing name. The exact code the cloud uses is not captured; the name follows the
   * family of the codes above. */
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  /** runTransaction retries on exactly this code. */
  | 'DATABASE_TRANSACTION_CONFLICT'
  /** A transaction that is unknown, expired, already finished, or used wrongly. */
  | 'DATABASE_TRANSACTION_FAIL'
  /** Malformed request (missing/mistyped fields). The SDK's own INVALID_PARAM code. */
  | 'INVALID_PARAM';

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

export function errorReply(e: unknown): { code: string; message: string } {
  if (e instanceof DbError) return { code: e.code, message: e.message };
  // Anything else was thrown by mingo (MingoError: unknown operator, immutable _id, bad $inc argument, ...) or by
  // an input we did not foresee: MongoDB would report those as a failed request.
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'DATABASE_REQUEST_FAILED', message };
}
