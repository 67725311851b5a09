/**
 * The built mini-program, run offline (issue 11): the home page, the event list and the binding form of
 * `dist/weapp` are rendered the way WeChat renders them — the WXML compiled by WeChat's own compiler (wcc, from
 * miniprogram-compiler) and the components run by WeChat's component framework (miniprogram-exparser, through
 * miniprogram-simulate), with Taro's runtime and our React code as built, in a DOM. `wx.cloud.callFunction` goes
 * to a real local emulator through its gateway, as the signed-in WeChat identity of the test, so the pages show
 * what a member would see. Runs after `npm run build:weapp` (jest project `weapp`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { buildWorld, type World } from '../server/testing/world';
import { eventInput } from '../server/testing/events';

const ROOT = join(__dirname, '../dist/weapp');

type PageConfig = Record<string, unknown> & { data?: unknown; onLoad?: (q: unknown) => void; onShow?: () => void; onReady?: () => void };
interface Rendered {
  dom: { textContent: string | null };
  attach(parent: unknown): void;
}
interface Simulate {
  load(path: string, options: { rootPath: string }): string;
  render(id: string): Rendered;
}

let w: World;
let simulate: Simulate;
/** The WeChat identity the pages run as (the cloud attaches it to every call). */
let caller = 'wx-a-member';
const calls: string[] = [];

function installDom(): void {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  for (const k of ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'getComputedStyle', 'MutationObserver']) {
    g[k] = (dom.window as unknown as Record<string, unknown>)[k];
  }
  g.window = dom.window;
}

/** The WeChat APIs the app uses at start, backed by the emulator where they reach the cloud. */
function installWx(): void {
  const g = globalThis as Record<string, unknown>;
  const wx = (g.wx ?? {}) as Record<string, unknown>;
  Object.assign(wx, {
    getSystemInfoSync: () => ({ platform: 'ios', windowWidth: 390, windowHeight: 844, pixelRatio: 3, SDKVersion: '3.4.0', language: 'zh_CN' }),
    getWindowInfo: () => ({ windowWidth: 390, windowHeight: 844, pixelRatio: 3 }),
    cloud: {
      init() {},
      async callFunction(o: { name: string; data: unknown }) {
        calls.push(`${o.name}.${(o.data as { action?: string }).action ?? ''}`);
        const r = await w.emu.call(o.name, o.data, await w.token(caller));
        if (r.status !== 200) throw Object.assign(new Error('cloud.callFunction:fail'), { errCode: -504002, errMsg: JSON.stringify(r.body) });
        return { result: r.body, errMsg: 'cloud.callFunction:ok' };
      },
    },
  });
  g.wx = wx;
}

let app: Record<string, unknown> | null = null;
let route = '';

function installAppAndPage(): void {
  const g = globalThis as Record<string, unknown>;
  g.App = (config: Record<string, unknown>) => {
    app = config;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => [];
  // A Taro page is a Page(); here it becomes the component the simulator renders, with the page's lifecycle.
  g.Page = (config: PageConfig) => {
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(config)) if (typeof v === 'function') methods[k] = v;
    const component = g.Component as (o: unknown) => void;
    component({
      data: config.data,
      methods,
      lifetimes: {
        attached(this: Record<string, unknown>) {
          this.route = route;
          this.__route__ = route;
          config.onLoad?.call(this, {});
        },
        ready(this: Record<string, unknown>) {
          config.onShow?.call(this);
          config.onReady?.call(this);
        },
      },
    });
  };
}

/** Render a page as `openid` and wait until `expected` shows (the page loads its data from the functions). */
async function renderPage(pagePath: string, openid: string, expected: string): Promise<string> {
  caller = openid;
  route = pagePath;
  const page = simulate.render(simulate.load(join(ROOT, pagePath), { rootPath: ROOT }));
  page.attach(document.createElement('parent-wrapper'));
  const until = Date.now() + 15_000;
  for (;;) {
    const text = page.dom.textContent ?? '';
    if (text.includes(expected) || Date.now() > until) return text;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const built = existsSync(join(ROOT, 'app.js'));
const maybe = built ? describe : describe.skip;

beforeAll(async () => {
  if (!built) throw new Error('dist/weapp is not built: run npm run build:weapp first (npm test does)');
  w = await buildWorld();
  // An event a week from now (the app's own clock is this process's: real time).
  const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const r = await w.call(
    'officer',
    'events',
    'publish',
    eventInput('weapp-render-0001', { title: '乒乓球友谊赛', kind: 'table_tennis', signupOpensAt: at(-1), signupClosesAt: at(5), cancelDeadline: at(6), startsAt: at(7), endsAt: at(7.1) }),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  installDom();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- needs the DOM globals above before it loads
  simulate = require('miniprogram-simulate') as Simulate;
  installWx();
  installAppAndPage();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built app, as WeChat starts it
  require(join(ROOT, 'app.js'));
  (app?.onLaunch as ((o: unknown) => void) | undefined)?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 });
}, 120_000);
afterAll(async () => {
  await w?.dispose();
});

maybe('the built mini-program, rendered offline', () => {
  test('the home page greets a bound member by name and offers the services that are open', async () => {
    const text = await renderPage('pages/index/index', 'wx-a-member', '张伟');
    expect(text).toContain('张伟');
    expect(text).toContain('文体活动');
    expect(text).not.toMatch(/undefined|null|NaN|\[object/);
    expect(calls).toContain('members.whoami');
  });

  test('the event list shows the published event with its sign-up button', async () => {
    const text = await renderPage('packages/events/pages/list/index', 'wx-a-member', '乒乓球友谊赛');
    expect(text).toContain('乒乓球友谊赛');
    expect(text).toContain('报名');
    expect(text).not.toMatch(/undefined|NaN|\[object/);
  });

  test('an unbound WeChat gets the binding form, in Chinese', async () => {
    const text = await renderPage('packages/members/pages/bind/index', 'wx-weapp-newcomer', '工号');
    for (const label of ['姓名', '工号', '手机号后 4 位']) expect(text).toContain(label);
    expect(text).not.toMatch(/undefined|NaN|\[object/);
  });
});
