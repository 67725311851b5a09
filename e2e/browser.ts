/**
 * Debian's Chromium driven by playwright-core (no browser download — see docs/TOOLING-NOTES.md),
 * with a phone-sized viewport, as a member would see the H5 app. Playwright gives every launch a fresh,
 * throw-away profile of its own.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));

export async function launchPhone(): Promise<{ browser: Browser; page: Page }> {
  const executablePath = CANDIDATES.find((p) => existsSync(p));
  if (!executablePath) throw new Error('找不到 Chromium：请运行 apt-get install -y chromium fonts-noto-cjk');
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  return { browser, page };
}

export const SCREENSHOT_DIR = join(__dirname, 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Taro's H5 pages slide in: let the transition and fonts settle first.
  await page.waitForTimeout(400);
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
