/**
 * The emulator in a process of its own, for what an in-process server can't show: `kill -9` durability, and
 * benchmarks where client and server must not share one event loop.
 *
 * The child is `node --import tsx main.ts`, not the `tsx` CLI: the CLI forks a grandchild that runs the code,
 * so a SIGKILL sent to the CLI would leave the real emulator alive and the durability test would prove nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export function spawnEmulator(dataDir: string, extraArgs: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'main.ts'), '--port', '0', '--data', dataDir, '--no-scheduler', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => {
      // Release the pipe so nothing keeps the parent (a test runner) alive.
      child.stdout?.destroy();
      reject(new Error(`emulator exited (${String(code)})`));
    });
  });
}
