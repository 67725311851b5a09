import { z, toIssues } from '../zod';
import { AppError, ERROR_CODES, ERROR_MESSAGES, isErrorCode } from '../errors';
import { defineContract, requestEnvelope } from './contract';
import { contracts } from './index';

describe('error codes', () => {
  test('every code has a Chinese message', () => {
    for (const code of ERROR_CODES) expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('AppError carries code, default or specific message, and issues', () => {
    expect(new AppError('NOT_FOUND').toBody()).toEqual({ code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND });
    const e = new AppError('VALIDATION_FAILED', '报名已截止', [{ path: ['eventId'], message: '无效' }]);
    expect(e.toBody()).toEqual({ code: 'VALIDATION_FAILED', message: '报名已截止', issues: [{ path: ['eventId'], message: '无效' }] });
    expect(isErrorCode('NOT_FOUND')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('contracts', () => {
  const sample = defineContract('sample', {
    greet: {
      summary: 'test',
      input: z.object({ name: z.string().min(1).max(8), age: z.number().int().min(0) }),
      output: z.object({ text: z.string() }),
    },
  });

  test('validation messages are in Chinese, with field paths', () => {
    const r = sample.actions.greet.input.safeParse({ name: '', age: 1.5 });
    expect(r.success).toBe(false);
    if (r.success) return;
    const issues = toIssues(r.error);
    expect(issues.map((i) => i.path)).toEqual([['name'], ['age']]);
    for (const issue of issues) expect(issue.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('output schemas drop fields the contract does not name', () => {
    expect(sample.actions.greet.output.parse({ text: 'hi', secret: 'x' })).toEqual({ text: 'hi' });
  });

  test('the request envelope needs an action; payload and requestId are optional', () => {
    expect(requestEnvelope.safeParse({ action: 'whoami' }).success).toBe(true);
    expect(requestEnvelope.safeParse({ payload: {} }).success).toBe(false);
    expect(requestEnvelope.safeParse({ action: '' }).success).toBe(false);
    expect(requestEnvelope.safeParse({ action: 'x', requestId: 'r'.repeat(65) }).success).toBe(false);
  });

  test('members.whoami takes no input and accepts a missing payload', () => {
    const input = contracts.members.actions.whoami.input;
    expect(input.parse(undefined)).toEqual({});
    expect(input.safeParse({ openid: 'forged' }).success).toBe(false);
  });
});

describe('codes people type', () => {
  test.each([
    ['members', 'redeemInvite', (code: string) => ({ code }), '邀请码'],
    ['members', 'bootstrap', (setupCode: string) => ({ setupCode, union: { name: '某某工会' }, me: {} }), '初始化码'],
  ] as const)('%s.%s: left empty is 请填写, too short is 不正确', (fn, action, payload, what) => {
    const schema = contracts[fn].actions[action].input;
    const issuesFor = (code: string) => {
      const r = schema.safeParse(payload(code));
      return r.success ? [] : toIssues(r.error).filter((i) => i.path.length === 1);
    };
    expect(issuesFor('   ')).toEqual([{ path: [action === 'redeemInvite' ? 'code' : 'setupCode'], message: `请填写${what}` }]);
    expect(issuesFor('AB')).toEqual([{ path: [action === 'redeemInvite' ? 'code' : 'setupCode'], message: `${what}不正确` }]);
  });
});
