/**
 * The contract pattern: one file per cloud function lists its actions with zod input and output schemas.
 * The client validates with the same schemas for early feedback; the function validates again and is the
 * authority. Output schemas are applied on the way out too, so a handler can only return the fields the
 * contract names (zod objects drop unknown keys) — nothing leaks by accident.
 */
import { z } from '../zod';
import type { ErrorBody } from '../errors';

export interface ActionSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** What the action does, in English, for the contract's readers. */
  summary: string;
  input: I;
  output: O;
}

export interface Contract<N extends string = string, A extends Record<string, ActionSpec> = Record<string, ActionSpec>> {
  /** The cloud function's name (its folder under cloudfunctions/). */
  name: N;
  actions: A;
}

export function defineContract<const N extends string, const A extends Record<string, ActionSpec>>(name: N, actions: A): Contract<N, A> {
  return { name, actions };
}

export type ActionName<C extends Contract> = Extract<keyof C['actions'], string>;
/** What a caller sends (before defaults are applied). */
export type ActionInput<C extends Contract, K extends ActionName<C>> = z.input<C['actions'][K]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<C extends Contract, K extends ActionName<C>> = z.output<C['actions'][K]['input']>;
/** What the caller receives (after the output schema ran: e.g. dates as ISO strings). */
export type ActionOutput<C extends Contract, K extends ActionName<C>> = z.output<C['actions'][K]['output']>;
/** What a handler returns (before the output schema: e.g. dates as Date). */
export type ActionResult<C extends Contract, K extends ActionName<C>> = z.input<C['actions'][K]['output']>;

/** The request every function receives: `{ action, payload, requestId? }`. */
export const requestEnvelope = z.object({
  action: z.string().min(1).max(64),
  payload: z.unknown().optional(),
  requestId: z.string().max(64).optional(),
});
export type RequestEnvelope = z.infer<typeof requestEnvelope>;

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/**
 * An instant on the wire: a handler returns a Date, the caller receives its ISO string (JSON has no dates, and
 * a type that said Date on the client would be a lie).
 */
export const isoDate = z.date().transform((d) => d.toISOString());

/** An action that takes no input. `{}` and a missing payload are both accepted. */
export const noInput = z.object({}).strict().default({});
