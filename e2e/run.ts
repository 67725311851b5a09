/**
 * Browser journey on the H5 build, against the whole local system (`npm start`'s): a member opens the app,
 * signs in with a demo account, sees the home page with their identity, 我的, 我的身份 and 消息.
 * Every step asserts what a member would read and saves a screenshot to e2e/screenshots/.
 *
 *   npm run e2e
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildWhatIsStale, startLocalSystem } from '../scripts/local-system';
import { DEMO_ACCOUNTS } from '../scripts/demo-data';
import { launchPhone, screenshot } from './browser';

interface Step {
  name: string;
  run: (page: Page) => Promise<void>;
}

/** Taro's H5 router keeps earlier pages in the DOM, hidden: only what is visible counts. */
function visibleText(page: Page, text: string, exact = false) {
  return page.getByText(text, { exact }).filter({ visible: true }).first();
}

async function expectText(page: Page, text: string): Promise<void> {
  await visibleText(page, text).waitFor({ state: 'visible', timeout: 15_000 });
}

async function main(): Promise<void> {
  await buildWhatIsStale();
  const dataDir = mkdtempSync(join(tmpdir(), 'union-e2e-'));
  const system = await startLocalSystem({ port: 0, dataDir });
  const { browser, page } = await launchPhone();
  const member = DEMO_ACCOUNTS[0];
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  const steps: Step[] = [
    {
      name: '01-sign-in',
      run: async (p) => {
        await p.goto(`${system.url}/`);
        await expectText(p, '演示登录');
        await expectText(p, member.label);
      },
    },
    {
      name: '02-home',
      run: async (p) => {
        await visibleText(p, member.label).click();
        // The function answered as this member: the card names the signed-in account and the binding status.
        await expectText(p, `已识别（${member.label}）`);
        await expectText(p, '尚未认证');
        await expectText(p, '目前还没有开放的会员服务');
      },
    },
    {
      name: '03-me',
      run: async (p) => {
        await visibleText(p, '我的', true).click();
        await expectText(p, '我的身份');
      },
    },
    {
      name: '04-identity',
      run: async (p) => {
        await visibleText(p, '我的身份', true).click();
        await p.waitForURL(/identity/, { timeout: 15_000 });
        await expectText(p, member.openid);
      },
    },
    {
      name: '05-inbox',
      run: async (p) => {
        await p.goto(`${system.url}/#/pages/inbox/index`);
        await expectText(p, '暂无消息');
      },
    },
  ];

  let passed = 0;
  let failed = 0;
  try {
    for (const step of steps) {
      try {
        await step.run(page);
        const file = await screenshot(page, step.name);
        console.log(`✓ ${step.name}  ${file}`);
        passed += 1;
      } catch (error) {
        failed += 1;
        const file = await screenshot(page, `${step.name}-FAILED`).catch(() => '(no screenshot)');
        console.log(`✗ ${step.name}  ${file}\n  ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        break;
      }
    }
    if (consoleErrors.length > 0) {
      failed += 1;
      console.log(`✗ page errors:\n  ${consoleErrors.join('\n  ')}`);
    }
  } finally {
    await browser.close();
    await system.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\ne2e: ${passed} passed, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
