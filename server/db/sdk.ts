/**
 * The one module that loads wx-server-sdk. `cloud.init()` runs at module load, as WeChat's guide asks, with
 * DYNAMIC_CURRENT_ENV so a function always talks to the environment it is deployed in (locally: the emulator
 * named by TCB_ENV / TCB_CONTEXT_CNFG, see docs/CLOUDBASE-PROTOCOL.md). It sits under server/db so the database
 * needs nothing of the runtime; the runtime reads the caller and sends messages through the same handle.
 */
import cloud from 'wx-server-sdk';

// The typings declare DYNAMIC_CURRENT_ENV as a symbol while `env` is typed as a string; at run time the SDK
// accepts the symbol and resolves it from the function's environment.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export { cloud };

/** The cloud environment this function runs in ('' when the platform does not say). */
export function currentEnv(): string {
  const env: unknown = cloud.getWXContext().ENV;
  return typeof env === 'string' ? env : '';
}
