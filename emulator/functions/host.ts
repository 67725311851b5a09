/**
 * The function host: runs each built cloudfunctions/<fn>/index.js unmodified, as WeChat Cloud would.
 * - each instance is a worker thread with its own process.env (the WX_* caller context lives there);
 * - an instance runs one invocation at a time; a function has a pool of instances that grows on demand up
 *   to `maxInstances`, and further calls queue in arrival order;
 * - the timeout from the function's config.json is enforced by terminating the instance, as the cloud does;
 * - timer triggers from config.json run on schedule (against the emulator's clock) and on demand.
 */
import { Worker } from 'node:worker_threads';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { isFunctionName } from '../names';
import { parseCron, cronMatches, type CronSchedule } from './cron';

/** Error codes the SDK and WeChat clients use for function failures. */
export const FUNCTION_ERRORS = {
  notFound: -501000,
  executeFail: -504002,
  timeout: -504003,
  resultTooLarge: -604001,
} as const;

const RESULT_LIMIT_BYTES = 1024 * 1024;
const DEFAULT_TIMEOUT_S = 3;

export interface CallerContext {
  openid?: string;
  appid?: string;
  unionid?: string;
  clientIp?: string;
  /** How WeChat reports the call's origin in getWXContext().SOURCE. */
  source: 'wx_client' | 'wx_devtools' | 'wx_function' | 'wx_http' | 'wx_timer';
}

export type InvokeResult = { ok: true; result: unknown } | { ok: false; errCode: number; errMsg: string };
export type InvokeOutcome = InvokeResult & { requestId: string; durationMs: number; cold: boolean };

interface TriggerConfig {
  name: string;
  type: string;
  config: string;
}

interface FunctionConfig {
  timeoutMs: number;
  triggers: (TriggerConfig & { schedule: CronSchedule })[];
}

interface Pending {
  id: string;
  event: unknown;
  caller: CallerContext;
  resolve: (o: InvokeOutcome) => void;
  enqueuedAt: number;
}

interface Instance {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
  cold: boolean;
  lastUsed: number;
  dead: boolean;
}

export interface HostOptions {
  functionsDir: string;
  envId: string;
  /** The emulator's /admin URL that the SDK inside each function talks to. */
  adminUrl: string;
  clock: Clock;
  appid?: string;
  maxInstances?: number;
  /** Idle instances are stopped after this long, as the cloud reclaims idle instances. */
  idleMs?: number;
  /** Environment variables per function, as set in the cloud console (云函数 → 版本与配置 → 环境变量). */
  functionEnv?: Record<string, Record<string, string>>;
}

class FunctionPool {
  readonly instances = new Set<Instance>();
  readonly queue: Pending[] = [];
  invocations = 0;
  coldStarts = 0;

  constructor(
    readonly name: string,
    readonly entry: string,
    readonly config: FunctionConfig,
    private readonly host: FunctionHost,
  ) {}

  submit(p: Pending): void {
    this.queue.push(p);
    this.pump();
  }

  private spawn(): Instance {
    const o = this.host.options;
    const worker = new Worker(resolve(__dirname, 'worker.cjs'), {
      workerData: { entry: this.entry, name: this.name, envId: o.envId, clockOffsetMs: o.clock.offset() },
      // A function is built JavaScript, as deployed: no loader of the emulator's own process (tsx, when started
      // with `--import tsx`), which would run its hooks on every require and a hooks thread per instance.
      execArgv: [],
      // Each instance gets its own copy of the environment: the SDK reads the caller from process.env.
      env: {
        PATH: process.env.PATH ?? '',
        TZ: 'UTC',
        TCB_CONTEXT_CNFG: JSON.stringify({ URL: o.adminUrl }),
        TENCENTCLOUD_SECRETID: 'emulator',
        TENCENTCLOUD_SECRETKEY: 'emulator',
        TENCENTCLOUD_RUNENV: 'SCF',
        TENCENTCLOUD_REGION: 'ap-shanghai',
        TCB_ENV: o.envId,
        SCF_NAMESPACE: o.envId,
        SCF_FUNCTIONNAME: this.name,
        SILENCE: 'true',
        ...(o.functionEnv?.[this.name] ?? {}),
      },
      stdout: false,
      stderr: false,
    });
    const instance: Instance = { worker, busy: false, cold: true, lastUsed: Date.now(), dead: false, ready: Promise.resolve() };
    instance.ready = new Promise<void>((res, rej) => {
      const onMessage = (msg: { type: string; message?: string }) => {
        if (msg.type === 'ready') {
          worker.off('message', onMessage);
          res();
        } else if (msg.type === 'load-error') {
          worker.off('message', onMessage);
          rej(new Error(msg.message));
        }
      };
      worker.on('message', onMessage);
      worker.once('error', rej);
    });
    worker.once('exit', () => {
      instance.dead = true;
      this.instances.delete(instance);
    });
    this.instances.add(instance);
    this.coldStarts += 1;
    return instance;
  }

  pump(): void {
    const max = this.host.options.maxInstances ?? 8;
    while (this.queue.length > 0) {
      let idle = [...this.instances].find((i) => !i.busy && !i.dead);
      if (!idle) {
        if (this.instances.size >= max) return;
        idle = this.spawn();
      }
      const next = this.queue.shift();
      if (!next) return;
      void this.run(idle, next);
    }
  }

  private async run(instance: Instance, p: Pending): Promise<void> {
    instance.busy = true;
    this.invocations += 1;
    const started = Date.now();
    const cold = instance.cold;
    const finish = (o: InvokeResult) => {
      p.resolve({ ...o, requestId: p.id, durationMs: Date.now() - started, cold });
    };
    try {
      await instance.ready;
    } catch (error) {
      instance.dead = true;
      void instance.worker.terminate();
      finish({ ok: false, errCode: FUNCTION_ERRORS.executeFail, errMsg: `functions execute fail: 函数加载失败 ${String((error as Error).message).split('\n')[0]}` });
      this.afterRun(instance);
      return;
    }
    instance.cold = false;
    const { timeoutMs } = this.config;
    await new Promise<void>((done) => {
      const timer = setTimeout(() => {
        // The cloud kills a timed-out instance; so do we, and the next call starts a fresh one.
        instance.dead = true;
        instance.worker.off('message', onMessage);
        void instance.worker.terminate();
        finish({ ok: false, errCode: FUNCTION_ERRORS.timeout, errMsg: `Invoking task timed out after ${timeoutMs / 1000} seconds` });
        done();
      }, timeoutMs);
      const onMessage = (msg: { type: string; id?: string; json?: string | null; message?: string }) => {
        if (msg.id !== p.id) return;
        clearTimeout(timer);
        instance.worker.off('message', onMessage);
        if (msg.type === 'result') {
          const json = msg.json ?? 'null';
          if (Buffer.byteLength(json) > RESULT_LIMIT_BYTES) {
            finish({ ok: false, errCode: FUNCTION_ERRORS.resultTooLarge, errMsg: 'cloudfunction result size exceed limit (1MB)' });
          } else {
            finish({ ok: true, result: JSON.parse(json) as unknown });
          }
        } else {
          finish({ ok: false, errCode: FUNCTION_ERRORS.executeFail, errMsg: `functions execute fail: ${msg.message ?? ''}` });
        }
        done();
      };
      instance.worker.on('message', onMessage);
      const c = p.caller;
      const wxContext: Record<string, string> = {
        OPENID: c.openid ?? '',
        APPID: c.appid ?? this.host.options.appid ?? 'wx0000000000000000',
        UNIONID: c.unionid ?? '',
        CLIENTIP: c.clientIp ?? '',
      };
      instance.worker.postMessage({
        type: 'invoke',
        id: p.id,
        requestId: p.id,
        event: p.event,
        wxContext,
        source: c.source,
        timeoutMs,
        clockOffsetMs: this.host.options.clock.offset(),
      });
    });
    this.afterRun(instance);
  }

  private afterRun(instance: Instance): void {
    instance.busy = false;
    instance.lastUsed = Date.now();
    if (instance.dead) this.instances.delete(instance);
    this.pump();
  }

  reapIdle(now: number, idleMs: number): void {
    for (const i of this.instances) {
      if (!i.busy && now - i.lastUsed > idleMs) {
        i.dead = true;
        this.instances.delete(i);
        void i.worker.terminate();
      }
    }
  }

  async stop(): Promise<void> {
    // Nothing waits forever: queued calls are answered as the cloud answers a function that went away.
    for (const p of this.queue.splice(0)) {
      p.resolve({ ok: false, errCode: FUNCTION_ERRORS.executeFail, errMsg: 'functions execute fail: 函数实例已停止', requestId: p.id, durationMs: Date.now() - p.enqueuedAt, cold: false });
    }
    await Promise.all([...this.instances].map((i) => i.worker.terminate()));
    this.instances.clear();
  }
}

export class FunctionHost {
  private readonly pools = new Map<string, FunctionPool>();
  private ticker: NodeJS.Timeout | null = null;
  private lastTickSecond = 0;
  /** Timer invocations fired by the scheduler, newest last (for tests and the console). */
  readonly timerLog: { fn: string; trigger: string; at: string; ok: boolean }[] = [];

  /**
   * The functions found at start, and only these, are ever run: a folder that appears later (written by anything
   * that can write files) is not code the developer deployed. Restart the emulator after building a new function.
   */
  private readonly known: ReadonlySet<string>;

  constructor(readonly options: HostOptions) {
    const dir = options.functionsDir;
    this.known = new Set(
      existsSync(dir) ? readdirSync(dir).filter((name) => isFunctionName(name) && existsSync(join(dir, name, 'index.js'))) : [],
    );
  }

  functionNames(): string[] {
    return [...this.known].sort();
  }

  private pool(name: string): FunctionPool | null {
    const existing = this.pools.get(name);
    if (existing) return existing;
    if (!isFunctionName(name) || !this.known.has(name)) return null;
    const dir = join(this.options.functionsDir, name);
    const entry = join(dir, 'index.js');
    if (!existsSync(entry)) return null;
    const pool = new FunctionPool(name, entry, readConfig(join(dir, 'config.json')), this);
    this.pools.set(name, pool);
    return pool;
  }

  invoke(name: string, event: unknown, caller: CallerContext): Promise<InvokeOutcome> {
    const requestId = randomUUID();
    const pool = this.pool(name);
    if (!pool) {
      return Promise.resolve({ ok: false, errCode: FUNCTION_ERRORS.notFound, errMsg: `FunctionName parameter could not be found: ${name}`, requestId, durationMs: 0, cold: false });
    }
    return new Promise<InvokeOutcome>((resolvePromise) => {
      pool.submit({ id: requestId, event, caller, resolve: resolvePromise, enqueuedAt: Date.now() });
    });
  }

  triggersOf(name: string): TriggerConfig[] {
    return (this.pool(name)?.config.triggers ?? []).map(({ name: n, type, config }) => ({ name: n, type, config }));
  }

  /** Run a timer trigger now, with the event WeChat sends for it. */
  runTrigger(name: string, trigger: string, at: Date = this.options.clock.now()): Promise<InvokeOutcome> | null {
    const pool = this.pool(name);
    if (!pool || !pool.config.triggers.some((t) => t.name === trigger)) return null;
    const event = { Type: 'Timer', TriggerName: trigger, Time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'), Message: '' };
    return this.invoke(name, event, { source: 'wx_timer' });
  }

  stats(): Record<string, { instances: number; busy: number; queued: number; invocations: number; coldStarts: number }> {
    const out: Record<string, { instances: number; busy: number; queued: number; invocations: number; coldStarts: number }> = {};
    for (const [name, p] of this.pools) {
      out[name] = { instances: p.instances.size, busy: [...p.instances].filter((i) => i.busy).length, queued: p.queue.length, invocations: p.invocations, coldStarts: p.coldStarts };
    }
    return out;
  }

  /** Start firing timer triggers on schedule, checked once per second of the emulator's clock. */
  startScheduler(): void {
    if (this.ticker) return;
    this.lastTickSecond = Math.floor(this.options.clock.now().getTime() / 1000);
    this.ticker = setInterval(() => this.tick(), 250);
    this.ticker.unref();
  }

  private tick(): void {
    const nowSecond = Math.floor(this.options.clock.now().getTime() / 1000);
    const idleMs = this.options.idleMs ?? 5 * 60_000;
    for (const p of this.pools.values()) p.reapIdle(Date.now(), idleMs);
    if (nowSecond <= this.lastTickSecond) return;
    // A clock moved forward by hours must not replay every missed second: fire at most the last 5 seconds.
    const from = Math.max(this.lastTickSecond + 1, nowSecond - 4);
    this.lastTickSecond = nowSecond;
    for (const name of this.functionNames()) {
      const pool = this.pool(name);
      if (!pool) continue;
      for (const t of pool.config.triggers) {
        for (let s = from; s <= nowSecond; s += 1) {
          const at = new Date(s * 1000);
          if (!cronMatches(t.schedule, at)) continue;
          const run = this.runTrigger(name, t.name, at);
          void run?.then((o) => {
            this.timerLog.push({ fn: name, trigger: t.name, at: at.toISOString(), ok: o.ok });
            if (this.timerLog.length > 200) this.timerLog.shift();
          });
        }
      }
    }
  }

  /** Stop every instance (and re-read config.json on the next call); the scheduler keeps running. */
  async resetInstances(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.stop()));
  }

  async stop(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    await this.resetInstances();
  }
}

function readConfig(path: string): FunctionConfig {
  let raw: Record<string, unknown> = {};
  if (existsSync(path)) raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const timeout = typeof raw.timeout === 'number' && raw.timeout > 0 ? raw.timeout : DEFAULT_TIMEOUT_S;
  const triggers = Array.isArray(raw.triggers) ? (raw.triggers as TriggerConfig[]) : [];
  return {
    timeoutMs: timeout * 1000,
    triggers: triggers.filter((t) => t.type === 'timer').map((t) => ({ ...t, schedule: parseCron(t.config) })),
  };
}
