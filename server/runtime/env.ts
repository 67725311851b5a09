/**
 * The functions' environment variables (the cloud console's 环境变量 per function, README "部署"), parsed once
 * per instance and read only through `env()`. The console restarts a function's instances when its variables
 * change (the emulator does the same), so reading them once is reading them current.
 */
import { z } from '../../src/core/zod';

/** A variable that is unset, or set to blanks, is absent. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => v?.trim() || null);

const schema = z.object({
  /** Codes that may each create one union (members function); shorter than 12 characters are ignored. */
  UNION_SETUP_CODES: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c.length >= 12),
    ),
  /** The subscribe-message template of event notices (events and jobs functions); absent: inbox only. */
  EVENT_NOTICE_TEMPLATE_ID: optionalText,
  /** The subscribe-message template of care notices (已受理, 答复, 办结, 转派, 督办; care function); absent: inbox only. */
  CARE_NOTICE_TEMPLATE_ID: optionalText,
  /** The subscribe-message template of gift notices (birthday voucher, a batch opens, a voucher redeemed; gifts and jobs functions); absent: inbox only. */
  GIFT_NOTICE_TEMPLATE_ID: optionalText,
  /**
   * How the events function takes seats: `claim` (one find-and-modify of the event per sign-up; the default) or
   * `transaction` (one transaction on the event per sign-up, for a database without find-and-modify — taken by
   * itself when the database refuses the first claim).
   */
  EVENT_SIGNUPS: z
    .enum(['claim', 'transaction'])
    .optional()
    .transform((v) => v ?? 'claim'),
  /** Which version of the mini-program a subscribe message opens: developer, trial or formal (the default). */
  MINIPROGRAM_STATE: optionalText.transform((v) => v ?? 'formal'),
});

export type FunctionEnv = z.infer<typeof schema>;

/** Parses an environment; throws naming the variable that is wrong. */
export function parseEnv(source: Record<string, string | undefined>): FunctionEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new Error(`Function environment is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

let cached: FunctionEnv | null = null;

/** This instance's environment, parsed on first use. */
export function env(): FunctionEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Each area that sends subscribe messages has its own template, named by the area: a notice says which
 * template it is written for, so a gifts or care notice can never go out on the event template (its fields
 * would be wrong, and WeChat would show it under the event template's title). An area whose template is not
 * configured — hardship has none yet — sends its notices to the inbox only.
 */
export type NoticeTemplateKey = 'events' | 'care' | 'gifts' | 'hardship';

/** The template id a notice with this key is pushed on, or null: inbox only. */
export function noticeTemplate(key: NoticeTemplateKey, from: FunctionEnv = env()): string | null {
  const templates: Record<NoticeTemplateKey, string | null> = {
    events: from.EVENT_NOTICE_TEMPLATE_ID,
    care: from.CARE_NOTICE_TEMPLATE_ID,
    gifts: from.GIFT_NOTICE_TEMPLATE_ID,
    hardship: null,
  };
  return templates[key];
}
