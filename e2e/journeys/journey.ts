/**
 * A browser journey of one area (e2e/journeys/<area>.ts): steps on the H5 build, each asserting what a person would
 * read; `npm run e2e` runs every journey of the registry (index.ts) in a fixed order — members, ledger, events, then
 * the others — and saves a screenshot after each step. Also the helpers the journeys share.
 */
import type { Locator, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../scripts/demo-data';

export interface JourneyStep {
  name: string;
  run: (page: Page) => Promise<void>;
}

/** What the run gives a journey besides the local system's address. */
export interface JourneyContext {
  /** A one-time code that founds a new union on the local system (`startLocalSystem` keeps one spare). */
  spareSetupCode: string;
  /** A scratch folder for the files a step uploads (removed after the run). */
  scratchDir: string;
  /** Figures printed after the run, one line each (`<label>: <value>`); a step sets its own, e.g. taps to a sign-up. */
  summary: Map<string, string>;
}

/**
 * An area's steps, given the local system's address. A journey may rely on what an earlier one left (members binds a
 * new member, ledger reads as them); the areas after events start signed in as a member of the demo union.
 */
export type Journey = (baseUrl: string, context: JourneyContext) => JourneyStep[];

/** The first visible element showing `text` (Taro's H5 router keeps earlier pages in the DOM, hidden: only what is visible counts). */
export function visibleText(page: Page, text: string, exact = false): Locator {
  return page.getByText(text, { exact }).filter({ visible: true }).first();
}

/** Wait until `text` is visible. */
export async function expectText(page: Page, text: string): Promise<void> {
  await visibleText(page, text).waitFor({ state: 'visible', timeout: 15_000 });
}

export async function fill(page: Page, placeholder: string, value: string): Promise<void> {
  // Taro's H5 <Input> is a custom element carrying the placeholder around a real <input>: fill the real one.
  const input = page.locator(`input[placeholder="${placeholder}"]`).filter({ visible: true }).first();
  await input.click();
  await input.fill(value);
}

/** A demo account (scripts/demo-data.ts) by its openid. */
export function demoAccount(openid: string): (typeof DEMO_ACCOUNTS)[number] {
  const account = DEMO_ACCOUNTS.find((a) => a.openid === openid);
  if (!account) throw new Error(`demo account missing: ${openid}`);
  return account;
}

/**
 * Switch the signed-in account from 我的 → 切换账号 (demo accounts are listed by label), then open 首页 and wait for
 * `ready` on it (a member's and an officer's home offers 文体活动; a shop's clerk's only 核销蛋糕券).
 */
export async function switchTo(page: Page, baseUrl: string, label: string, ready = '文体活动'): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/me/index`);
  // Signed out (a journey run on its own), 我的 lists the demo accounts at once.
  const switchButton = visibleText(page, '切换账号', true);
  await switchButton.or(visibleText(page, '演示登录', true)).first().waitFor({ state: 'visible', timeout: 15_000 });
  if (await switchButton.isVisible()) await switchButton.click();
  await visibleText(page, label).click();
  await expectText(page, '首页');
  await page.goto(`${baseUrl}/#/pages/index/index`);
  await expectText(page, ready);
}

/** Sign in from 我的 → 切换账号 with an OPENID typed in (any WeChat identity, known to a union or not). */
export async function signInWithOpenid(page: Page, baseUrl: string, openid: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/me/index`);
  await visibleText(page, '切换账号', true).click();
  await expectText(page, '或者输入 OPENID 登录');
  await fill(page, '例如 demo-member-1', openid);
  await visibleText(page, '登录', true).click();
}

/** Open a Taro picker by its placeholder and accept what it offers (确定): a date or a time. */
export async function pick(page: Page, placeholder: string): Promise<void> {
  await visibleText(page, placeholder, true).click();
  await page.getByText('确定', { exact: true }).filter({ visible: true }).last().click();
}

/**
 * Open a list picker by its placeholder, tap an option on the wheel, accept (确定). A list opens on its
 * placeholder, not on an option: accepting it as it opened would choose nothing.
 */
export async function pickOption(page: Page, placeholder: string, option: string): Promise<void> {
  await visibleText(page, placeholder, true).click();
  const item = page.locator('.weui-picker__item', { hasText: option }).filter({ visible: true }).first();
  const wheel = page.locator('.weui-picker__bd').filter({ visible: true }).last();
  // The wheel shows three rows each side of the middle one; a list that opens on a value (openAt) may hide the
  // option further along. Tapping a row turns the wheel to it: tap the shown row nearest the option until it shows.
  for (let turn = 0; ; turn += 1) {
    const rows = wheel.locator('.weui-picker__item');
    // The wheel's first row (the option may start below the screen's edge, where it never counts as still).
    await untilStill(page, rows.first());
    // (No named functions inside: the page has no __name, which tsx gives them.)
    const at = await rows.evaluateAll((els, text) => {
      const box = els[0]?.closest('.weui-picker__bd')?.getBoundingClientRect();
      const target = els.findIndex((el) => el.textContent?.includes(text));
      const visible = els
        .map((el, i) => (box !== undefined && el.getBoundingClientRect().top >= box.top && el.getBoundingClientRect().bottom <= box.bottom ? i : -1))
        .filter((i) => i >= 0);
      if (visible.includes(target)) return target;
      return visible.sort((a, b) => Math.abs(a - target) - Math.abs(b - target))[0] ?? -1;
    }, option);
    if (at < 0 || turn >= 6) throw new Error(`the list does not offer "${option}"`);
    const row = rows.nth(at);
    // The tap lands on the wheel's shading above the rows (which is the wheel's own element), hence `force`.
    await row.click({ force: true });
    if ((await row.textContent())?.includes(option)) break;
  }
  await untilStill(page, item);
  await page.getByText('确定', { exact: true }).filter({ visible: true }).last().click();
}

/**
 * Wait until a wheel's row has stopped moving (the same place twice, 100 ms apart): the sheet slides up from the
 * bottom and the wheel turns after a tap, and it reads a tap by where it lands on the screen.
 */
async function untilStill(page: Page, row: Locator): Promise<void> {
  await page.waitForFunction(
    (el) => {
      const top = el?.getBoundingClientRect().top;
      const w = window as unknown as { pickerRowTop?: number };
      const still = top !== undefined && top === w.pickerRowTop && top < window.innerHeight;
      w.pickerRowTop = top;
      return still;
    },
    await row.elementHandle(),
    { timeout: 15_000, polling: 100 },
  );
}

/** A Taro <Image> (its class on the host element) has really loaded its picture: an <img> with a natural width. */
export async function expectImageLoaded(page: Page, host: Locator): Promise<void> {
  const img = host.locator('img').first();
  await img.scrollIntoViewIfNeeded({ timeout: 15_000 });
  await page.waitForFunction((el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0, await img.elementHandle(), { timeout: 15_000 });
}

/** The button at the bottom of a form or a card (ActionButton), not a title or a label with the same words. */
export function button(page: Page, text: string): Locator {
  return page.locator('.u-button', { has: page.getByText(text, { exact: true }) }).filter({ visible: true }).first();
}

/** Tap the confirming button of the dialog asked before an action. */
export async function confirm(page: Page, text: string): Promise<void> {
  await page.locator('.taro-modal__foot').getByText(text, { exact: true }).filter({ visible: true }).last().click();
}

/** "¥1,234.50" → 123450 (fen). */
export function fenOf(text: string): number {
  const m = /([\d,]+)\.(\d{2})/.exec(text);
  if (!m) throw new Error(`no amount in "${text}"`);
  return Number(m[1].replace(/,/g, '')) * 100 + Number(m[2]);
}

/** Set the local system's clock (the emulator's; `now` an instant, or null for the real time again). */
export async function setClock(baseUrl: string, now: Date | string | null): Promise<void> {
  const at = now === null ? null : new Date(now).toISOString();
  const res = await fetch(`${baseUrl}/__emulator/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: at }) });
  if (!res.ok) throw new Error(`the clock was not set: ${res.status}`);
}

/** Wait until nothing on the page says 正在读取… (every list and card of it has its answer). */
export async function untilRead(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.body.innerText.includes('正在读取'), undefined, { timeout: 15_000 });
}

/** A one-page PDF, as a phone's scanner app would save it (the function checks the %PDF- signature). */
export function samplePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Add a file with 添加照片或文件 (the browser's file dialog). */
export async function addFile(p: Page, file: { name: string; mimeType: string; buffer: Buffer }, label = '添加照片或文件'): Promise<void> {
  const chooser = p.waitForEvent('filechooser', { timeout: 15_000 });
  await visibleText(p, label, true).click();
  await (await chooser).setFiles(file);
}

/** A tile of 工会管理, from the home page. */
export async function openAdmin(p: Page, tile: string): Promise<void> {
  await visibleText(p, '工会管理', true).click();
  await visibleText(p, tile, true).click();
}

/** The card titled `title` on the page on top. */
export function card(p: Page, title: string): Locator {
  return p.locator('.u-card', { has: p.locator('.u-card__title', { hasText: title }) }).filter({ visible: true }).last();
}

/** A line of this year's yearly report (经费支出公布) as members read it: what it spent, in how many payouts. */
export async function reportLine(p: Page, baseUrl: string, label: string): Promise<{ spentFen: number; count: number }> {
  await p.goto(`${baseUrl}/#/packages/ledger/pages/report/index`);
  await expectText(p, '按项目');
  const line = p.locator('.report__line', { has: p.locator('.report__line-label', { hasText: label }) }).filter({ visible: true }).first();
  const count = Number(/(\d+) 笔/.exec(await line.locator('.report__line-meta').innerText())?.[1] ?? NaN);
  return { spentFen: fenOf(await line.locator('.report__line-spent').innerText()), count };
}
