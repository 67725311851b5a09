/**
 * A function run by timer triggers (config.json `triggers`). WeChat delivers a timer event as
 * `{ Type: 'Timer', TriggerName, Time }` with no user identity; a call that carries an OPENID came from a
 * mini-program client and is refused, so members cannot run daily jobs by hand.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../src/core/errors';
import { z } from '../../src/core/zod';
import type { Reply } from '../../src/core/contracts/contract';
import { currentCaller } from './cloud';
import { database, type Db } from '../db';
import { toErrorReply, type CloudMain } from './defineFunction';

export interface TimerContext {
  now: Date;
  /** The time the trigger fired for, as WeChat reports it. */
  firedAt: Date;
  requestId: string;
  db: Db;
}

const timerEvent = z.object({
  Type: z.literal('Timer'),
  TriggerName: z.string().min(1),
  Time: z.string().optional(),
});

export function defineTimerFunction(name: string, triggers: Record<string, (ctx: TimerContext) => Promise<unknown>>): CloudMain {
  return async function main(event: unknown): Promise<Reply<unknown>> {
    const requestId = randomUUID();
    if (currentCaller().openid) return { ok: false, error: new AppError('FORBIDDEN').toBody() };
    const parsed = timerEvent.safeParse(event);
    if (!parsed.success) return { ok: false, error: new AppError('BAD_REQUEST', '不是定时触发器事件').toBody() };
    const trigger = triggers[parsed.data.TriggerName];
    if (!trigger) return { ok: false, error: new AppError('UNKNOWN_ACTION', `未知的定时任务：${parsed.data.TriggerName}`).toBody() };
    const now = new Date();
    const firedAt = parsed.data.Time && !Number.isNaN(Date.parse(parsed.data.Time)) ? new Date(parsed.data.Time) : now;
    try {
      const data = await trigger({ now, firedAt, requestId, db: database() });
      return { ok: true, data };
    } catch (error) {
      return toErrorReply(error, { fn: name, action: parsed.data.TriggerName, requestId });
    }
  };
}
