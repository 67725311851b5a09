/**
 * Error codes that cross the wire, each with the Chinese sentence a member or officer reads.
 * Handlers throw `AppError`; the function runtime maps every error to the reply envelope exactly once.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: '填写的内容有误，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作',
  BAD_REQUEST: '请求格式不正确',
  UNAUTHENTICATED: '无法识别您的微信身份，请在微信中重新打开小程序',
  NOT_BOUND: '请先完成实名认证',
  BIND_FAILED: '姓名、工号或手机号后 4 位与工会名册不一致',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '要找的内容不存在或已被删除',
  ALREADY_EXISTS: '该记录已存在，请勿重复提交',
  CONFLICT: '操作冲突，请刷新后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  POLICY_REFUSED: '不符合工会经费使用规定',
  NOT_ALLOWED: '当前不能办理此事项',
  NETWORK: '网络连接失败，请检查网络后重试',
  INTERNAL: '系统繁忙，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

/** One field-level problem, addressed by its path in the payload (e.g. `['phone']`). */
export interface ErrorIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Field-level issues for the reply envelope from a validation error's issues (paths only — never the rejected
 * values). Takes zod's shape without importing zod, so the phone's check can use it where zod is not loaded.
 */
export function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
  }));
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
}

/**
 * The one error type handlers throw. `message` defaults to the code's sentence; pass a more specific
 * Chinese sentence when it helps the reader act (e.g. "报名已截止").
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: ErrorIssue[];

  constructor(code: ErrorCode, message?: string, issues?: ErrorIssue[]) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    if (issues && issues.length > 0) this.issues = issues;
  }

  toBody(): ErrorBody {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}
