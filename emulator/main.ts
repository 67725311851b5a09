/**
 * The emulator on its own, without building anything (used by tests that need a separate process to kill,
 * and by anyone who wants only the backend):
 *   tsx emulator/main.ts --port 8787 --data .emulator-data [--reset] [--demo] [--no-scheduler]
 *                        [--function-env '{"events":{"EVENT_NOTICE_TEMPLATE_ID":"T"}}'] [--latency <ms>] [--instances <n>]
 * Prints one line `READY <url>` on stdout when it accepts requests.
 */
import { startEmulator } from './emulator';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const functionEnv = arg('function-env');
const latency = arg('latency');
const instances = arg('instances');

startEmulator({
  port: Number(arg('port') ?? 8787),
  dataDir: arg('data') ?? '.emulator-data',
  reset: process.argv.includes('--reset'),
  demo: process.argv.includes('--demo'),
  functionsDir: arg('functions'),
  scheduler: !process.argv.includes('--no-scheduler'),
  ...(latency !== undefined ? { latencyMs: Number(latency) } : {}),
  ...(instances !== undefined ? { maxInstances: Number(instances) } : {}),
  ...(functionEnv ? { functionEnv: JSON.parse(functionEnv) as Record<string, Record<string, string>> } : {}),
})
  .then((emulator) => {
    console.log(`READY ${emulator.url}`);
    const stop = () => void emulator.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
