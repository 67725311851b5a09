/**
 * The one place zod is configured: validation messages in Simplified Chinese, on the client and in functions
 * alike. Import `z` from here, not from 'zod', so no schema is ever built before the locale is set.
 */
import { z } from 'zod';
// Only the zh-CN locale, not `z.locales`: the namespace would pull every language into the client bundle.
import zhCN from 'zod/v4/locales/zh-CN.js';
import { issuesOf, type ErrorIssue } from './errors';

z.config(zhCN());

export { z };

/** Field-level issues for the reply envelope (paths only — never the rejected values). */
export function toIssues(error: z.ZodError): ErrorIssue[] {
  return issuesOf(error);
}
