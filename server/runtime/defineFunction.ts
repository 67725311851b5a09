/**
 * defineFunction turns a contract and its handlers into a cloud function's `main`:
 *   event → envelope parse → action lookup → caller check → payload parse → handler → output parse → reply.
 * Errors are mapped to the reply envelope here and nowhere else; nothing internal (stack traces, SDK
 * messages, database text) ever reaches the caller — it goes to the function's log instead.
 */
import { randomUUID } from 'node:crypto';
import { AppError, type ErrorBody } from '../../src/core/errors';
import { z, toIssues } from '../../src/core/zod';
import { requestEnvelope, type Contract, type ActionName, type ParsedInput, type ActionResult, type Reply } from '../../src/core/contracts/contract';
import { can, type Permission } from '../../src/core/domain/roles';
import { currentCaller } from './cloud';
import { database, type Db } from '../db';
import { loadActor, type Actor } from './actor';

export interface Context {
  /** The caller's OPENID, from the WeChat context only. Never empty inside a handler. */
  openid: string;
  /** The instant the request arrived: rules take `now` from here, never from a clock of their own. */
  now: Date;
  requestId: string;
  db: Db;
  /** The caller's account, union and roles; null for a caller who has not bound yet. */
  actor: Actor | null;
}

/** A context whose caller is bound, with the permission the action declared. */
export interface ActorContext extends Context {
  actor: Actor;
}

/**
 * Who may call an action, declared beside its handler and checked here before the handler runs:
 * - `anyone`: any WeChat caller, bound or not (whoami);
 * - `unbound`: only a caller without an account (binding, bootstrap, redeeming an invitation);
 * - `{ permission }`: a bound caller whose roles grant it (src/core/domain/roles.ts).
 */
export type Access = 'anyone' | 'unbound' | { permission: Permission };

export type Handler<C extends Contract, K extends ActionName<C>, X extends Context = Context> = (input: ParsedInput<C, K>, ctx: X) => Promise<ActionResult<C, K>>;

export type ActionDef<C extends Contract, K extends ActionName<C>> =
  | { access: 'anyone' | 'unbound'; handler: Handler<C, K> }
  | { access: { permission: Permission }; handler: Handler<C, K, ActorContext> };

export type Handlers<C extends Contract> = { [K in ActionName<C>]: ActionDef<C, K> };

function checkAccess(access: Access, actor: Actor | null): void {
  if (access === 'anyone') return;
  if (access === 'unbound') {
    if (actor) throw new AppError('ALREADY_EXISTS', '您已完成实名认证，无需重复操作');
    return;
  }
  if (!actor) throw new AppError('NOT_BOUND');
  if (!can(actor.roles, access.permission)) throw new AppError('FORBIDDEN');
}

export type CloudMain = (event: unknown, context?: unknown) => Promise<Reply<unknown>>;

function fail(error: ErrorBody): Reply<never> {
  return { ok: false, error };
}

/** Log for the operator (cloud function logs); the reply only ever carries a code and a Chinese sentence. */
function logUnexpected(fn: string, action: string, requestId: string, error: unknown): void {
  const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : JSON.stringify(error);
  console.error(`[${fn}.${action}] request ${requestId} failed: ${detail}`);
}

export function toErrorReply(error: unknown, where: { fn: string; action: string; requestId: string }): Reply<never> {
  if (error instanceof AppError) return fail(error.toBody());
  if (error instanceof z.ZodError) {
    // A ZodError escaping a handler is a bug of ours (bad data from the database or an output that breaks the
    // contract), not the caller's fault: log it and answer INTERNAL.
    logUnexpected(where.fn, where.action, where.requestId, error);
    return fail(new AppError('INTERNAL').toBody());
  }
  logUnexpected(where.fn, where.action, where.requestId, error);
  return fail(new AppError('INTERNAL').toBody());
}

export function defineFunction<C extends Contract>(contract: C, handlers: Handlers<C>): CloudMain {
  const actions = contract.actions as Record<string, { input: z.ZodType; output: z.ZodType }>;
  const table = handlers as Record<string, { access: Access; handler: (input: unknown, ctx: Context) => Promise<unknown> }>;

  return async function main(event: unknown): Promise<Reply<unknown>> {
    const envelope = requestEnvelope.safeParse(event);
    const requestId = (envelope.success && envelope.data.requestId) || randomUUID();
    if (!envelope.success) {
      return fail(new AppError('BAD_REQUEST', '请求格式不正确：缺少 action', toIssues(envelope.error)).toBody());
    }
    const { action, payload } = envelope.data;
    const where = { fn: contract.name, action, requestId };
    if (!Object.prototype.hasOwnProperty.call(actions, action)) {
      return fail(new AppError('UNKNOWN_ACTION', `不支持的操作：${action}`).toBody());
    }

    // Identity comes from WeChat's context alone. An empty OPENID means the call did not come from a
    // signed-in WeChat user (e.g. a console test or another function), and member actions refuse it.
    const caller = currentCaller();
    if (!caller.openid) return fail(new AppError('UNAUTHENTICATED').toBody());

    try {
      const db = database();
      const now = new Date();
      const def = table[action];
      // Who may call comes before what they sent: a caller without the right learns nothing of the action.
      const actor = await loadActor(db, caller.openid);
      checkAccess(def.access, actor);
      const parsed = actions[action].input.safeParse(payload ?? {});
      if (!parsed.success) throw new AppError('VALIDATION_FAILED', undefined, toIssues(parsed.error));
      const ctx: Context = { openid: caller.openid, now, requestId, db, actor };
      const result = await def.handler(parsed.data, ctx);
      // Parse on the way out: only the fields the contract names leave the function.
      return { ok: true, data: actions[action].output.parse(result) };
    } catch (error) {
      return toErrorReply(error, where);
    }
  };
}
