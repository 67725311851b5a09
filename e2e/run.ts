/**
 * Browser journey on the H5 build, against the whole local system (`npm start`'s, demo data included):
 *   an officer signs in, opens 工会管理 → 会员名册 → 导入名册 and imports an Excel roster with a new member;
 *   a new WeChat identity signs in, is asked to bind, binds as that member, and sees 我的 and 经费支出公布;
 *   the yearly report shows totals and counts, never a name; an officer publishes an event with 2 seats, three
 *   members sign up from the list in two taps each, the third is waitlisted, one cancels, the third is promoted
 *   and reads the notice, and on the day the officer checks two in and exports the roster.
 * Every step asserts what a person would read and saves a screenshot to e2e/screenshots/.
 *
 *   npm run e2e
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { buildWhatIsStale, startLocalSystem } from '../scripts/local-system';
import { coverPng } from '../scripts/cover-art';
import { DEMO_ACCOUNTS, DEMO_ROSTER } from '../scripts/demo-data';
import { addDays, shanghaiDateKey } from '../src/core/time';
import { launchPhone, screenshot } from './browser';
import { JOURNEYS } from './journeys';

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

async function fill(page: Page, placeholder: string, value: string): Promise<void> {
  // Taro's H5 <Input> is a custom element carrying the placeholder around a real <input>: fill the real one.
  const input = page.locator(`input[placeholder="${placeholder}"]`).filter({ visible: true }).first();
  await input.click();
  await input.fill(value);
}

/** The roster an officer imports: one new member, and one existing member whose department changed. */
async function rosterFile(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('会员名册');
  sheet.addRow(['姓名', '工号', '部门', '性别', '出生日期', '手机号', '入会日期', '状态', '会费已缴']);
  sheet.addRow([NEWCOMER.name, NEWCOMER.employeeNo, '高新技术处', '女', '1993-07-08', NEWCOMER.phone, '2019-07-01', '在职', '是']);
  const moved = DEMO_ROSTER.find((p) => p.employeeNo === 'A0006');
  if (!moved) throw new Error('demo roster changed: A0006 is missing');
  sheet.addRow([moved.name, moved.employeeNo, '成果转化处', moved.gender === 'male' ? '男' : '女', moved.birthDate, moved.phone, moved.joinedAt, '在职', '是']);
  const file = join(dir, '会员名册-新增.xlsx');
  writeFileSync(file, Buffer.from((await wb.xlsx.writeBuffer())));
  return file;
}

/** Switch the signed-in account from 我的 → 切换账号 (demo accounts are listed by label). */
async function switchTo(page: Page, label: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/me/index`);
  await visibleText(page, '切换账号', true).click();
  await visibleText(page, label).click();
  await expectText(page, '首页');
  await page.goto(`${baseUrl}/#/pages/index/index`);
  await expectText(page, '文体活动');
}

/** Open a Taro picker by its placeholder and accept what it offers (确定): a date or a time. */
async function pick(page: Page, placeholder: string): Promise<void> {
  await visibleText(page, placeholder, true).click();
  await page.getByText('确定', { exact: true }).filter({ visible: true }).last().click();
}

/**
 * Open a list picker by its placeholder, tap an option on the wheel, accept (确定). A list opens on its
 * placeholder, not on an option: accepting it as it opened would choose nothing. The tap lands on the wheel's
 * shading above the rows (which is the wheel's own element), hence `force`.
 */
async function pickOption(page: Page, placeholder: string, option: string): Promise<void> {
  await visibleText(page, placeholder, true).click();
  const item = page.locator('.weui-picker__item', { hasText: option }).filter({ visible: true }).first();
  // The sheet slides up from the bottom, and the wheel reads a tap by where it lands on the screen: tap the row
  // once it has stopped moving (the same place twice, 100 ms apart).
  await page.waitForFunction(
    (el) => {
      const top = el?.getBoundingClientRect().top;
      const w = window as unknown as { pickerRowTop?: number };
      const still = top !== undefined && top === w.pickerRowTop && top < window.innerHeight;
      w.pickerRowTop = top;
      return still;
    },
    await item.elementHandle(),
    { timeout: 15_000, polling: 100 },
  );
  await item.click({ force: true });
  await page.getByText('确定', { exact: true }).filter({ visible: true }).last().click();
}


/** A Taro <Image> (its class on the host element) has really loaded its picture: an <img> with a natural width. */
async function expectImageLoaded(page: Page, host: Locator): Promise<void> {
  const img = host.locator('img').first();
  await img.scrollIntoViewIfNeeded({ timeout: 15_000 });
  await page.waitForFunction((el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0, await img.elementHandle(), { timeout: 15_000 });
}

const EVENT_TITLE = '乒乓球双打体验赛';
const RESULTS_PLACEHOLDER = '例如：第一名 张伟；第二名 刘洋';
const RESULTS_TEXT = '冠军：孙丽、赵建国组合';
let baseUrl = '';
const codes = { sun: '', zhao: '' };
const tapsToSignUp: number[] = [];

const NEWCOMER = { name: '刘晓', employeeNo: 'E2E01', phone: '13912345678', openid: 'e2e-new-phone' };

async function main(): Promise<void> {
  await buildWhatIsStale();
  const dataDir = mkdtempSync(join(tmpdir(), 'union-e2e-'));
  const system = await startLocalSystem({ port: 0, dataDir });
  baseUrl = system.url;
  const { browser, page } = await launchPhone();
  const officer = DEMO_ACCOUNTS.find((a) => a.openid === 'demo-officer-li');
  if (!officer) throw new Error('demo officer missing');
  const file = await rosterFile(dataDir);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));

  const steps: Step[] = [
    {
      name: '01-sign-in',
      run: async (p) => {
        await p.goto(`${system.url}/`);
        await expectText(p, '演示登录');
        await expectText(p, officer.label);
      },
    },
    {
      name: '02-officer-home',
      run: async (p) => {
        await visibleText(p, officer.label).click();
        await expectText(p, '工会管理');
        await expectText(p, '经费支出公布');
      },
    },
    {
      name: '03-admin',
      run: async (p) => {
        await visibleText(p, '工会管理', true).click();
        await expectText(p, '会员名册');
        await expectText(p, '经费台账');
        await expectText(p, '审计日志');
      },
    },
    {
      name: '04-roster',
      run: async (p) => {
        await visibleText(p, '会员名册', true).click();
        await expectText(p, '张伟');
        await expectText(p, 'A0004');
      },
    },
    {
      name: '05-import',
      run: async (p) => {
        await visibleText(p, '导入名册', true).click();
        await expectText(p, '第二步：选择文件导入');
        const chooser = p.waitForEvent('filechooser', { timeout: 15_000 });
        await visibleText(p, '选择 Excel 文件并导入', true).click();
        await (await chooser).setFiles(file);
        await expectText(p, '导入完成');
        await expectText(p, '新增 1 人');
        await expectText(p, '更新 1 人');
        await visibleText(p, '更新 1 人').scrollIntoViewIfNeeded();
      },
    },
    {
      name: '06-switch-account',
      run: async (p) => {
        await p.goto(`${system.url}/#/pages/me/index`);
        await visibleText(p, '切换账号', true).click();
        await expectText(p, '或者输入 OPENID 登录');
        await fill(p, '例如 demo-member-1', NEWCOMER.openid);
        await visibleText(p, '登录', true).click();
        // A WeChat identity the union does not know yet: binding comes first.
        await expectText(p, '实名认证');
      },
    },
    {
      name: '07-bind',
      run: async (p) => {
        await p.goto(`${system.url}/#/packages/members/pages/bind/index`);
        await expectText(p, '核对会员信息');
        await fill(p, '例如 张伟', NEWCOMER.name);
        await fill(p, '请输入工号', NEWCOMER.employeeNo);
        await fill(p, '例如 5678', NEWCOMER.phone.slice(-4));
      },
    },
    {
      name: '08-me-after-binding',
      run: async (p) => {
        await visibleText(p, '提交认证', true).click();
        await expectText(p, '我的资料');
        await expectText(p, NEWCOMER.employeeNo);
        await expectText(p, '高新技术处');
        await expectText(p, '139****5678');
      },
    },
    {
      name: '09-yearly-report',
      run: async (p) => {
        await visibleText(p, '经费支出公布', true).click();
        await expectText(p, '节日慰问');
        await expectText(p, '生日慰问');
        await expectText(p, '淄博市科技局机关工会');
        // Totals and counts only: no member's name anywhere on the page.
        const text = await p.locator('body').innerText();
        for (const person of DEMO_ROSTER) if (text.includes(person.name)) throw new Error(`the report shows a name: ${person.name}`);
      },
    },
    {
      name: '10-committee-reads-member-union',
      run: async (p) => {
        // The 工委's officer: 工会管理 → 下属工会 → the member union's report (totals only).
        await p.goto(`${system.url}/#/pages/me/index`);
        await visibleText(p, '切换账号', true).click();
        await fill(p, '例如 demo-member-1', 'demo-committee-qian');
        await visibleText(p, '登录', true).click();
        await expectText(p, '工会管理');
        await p.goto(`${system.url}/#/packages/admin/pages/index/index`);
        await visibleText(p, '下属工会', true).click();
        await visibleText(p, '淄博市科技局机关工会', true).click();
        await expectText(p, '节日慰问');
        await expectText(p, '年经费支出');
      },
    },
    {
      name: '11-policy-editor-refuses-cash-gifts',
      run: async (p) => {
        // An officer edits the year's policy: cash as a 春节 gift contradicts the national rule and is refused.
        await p.goto(`${system.url}/#/pages/me/index`);
        await visibleText(p, '切换账号', true).click();
        await visibleText(p, officer.label).click();
        await expectText(p, '工会管理');
        await p.goto(`${system.url}/#/packages/ledger/manage/policy/index`);
        await visibleText(p, '修改政策', true).click();
        await visibleText(p, '现金（慰问金）', true).click();
        await visibleText(p, '保存', true).click();
        await expectText(p, '没有保存');
        await visibleText(p, '没有保存').scrollIntoViewIfNeeded();
      },
    },
    {
      name: '12-policy-editor-saves',
      run: async (p) => {
        await visibleText(p, '✓ 现金（慰问金）', true).click();
        await visibleText(p, '保存', true).click();
        await expectText(p, '修改政策');
        await expectText(p, '发放形式：实物');
      },
    },
    {
      name: '13-setup-page',
      run: async (p) => {
        // The first officer of a new deployment, on a WeChat identity no union knows: from 实名认证, with the
        // deployment's one-time code.
        await p.goto(`${system.url}/#/pages/me/index`);
        await visibleText(p, '切换账号', true).click();
        await fill(p, '例如 demo-member-1', 'e2e-founder');
        await visibleText(p, '登录', true).click();
        await expectText(p, '实名认证');
        await p.goto(`${system.url}/#/packages/members/pages/bind/index`);
        await visibleText(p, '建立新工会', true).click();
        await expectText(p, '每个码只能建立一个工会');
        await fill(p, '请输入初始化码', system.spareSetupCode);
        await fill(p, '例如 淄博市科技局机关工会', '淄博市统计局机关工会');
        await expectText(p, '您本人的信息（将作为第一位会员）');
      },
    },
    // Events: the officer publishes an event with 2 seats; three members sign up from the list in two taps each;
    // the third is waitlisted; the first cancels; the third is promoted and reads the notice; on the day the
    // officer checks two in and exports the roster.
    {
      name: '14-officer-publishes-event',
      run: async (p) => {
        await switchTo(p, officer.label);
        await p.goto(`${system.url}/#/packages/events/manage/list/index`);
        await visibleText(p, '发布活动', true).click();
        await fill(p, '例如：乒乓球友谊赛', EVENT_TITLE);
        await pickOption(p, '请选择活动类型', '乒乓球');
        await expectText(p, '乒乓球');
        await fill(p, '例如：机关活动中心二楼', '机关活动中心三楼');
        // 封面图片: 上传封面 opens the file dialog; the picture shows in the form at once.
        const chooser = p.waitForEvent('filechooser', { timeout: 15_000 });
        await visibleText(p, '上传封面', true).click();
        await (await chooser).setFiles({ name: '乒乓球封面.png', mimeType: 'image/png', buffer: coverPng() });
        await expectImageLoaded(p, p.locator('.evedit__cover').filter({ visible: true }).first());
        await expectText(p, '更换');
        await screenshot(p, '14a-event-form-with-cover');
        await pick(p, '请选择活动日期');
        await pick(p, '开始时间');
        await pick(p, '结束时间');
        await fill(p, '例如：30', '2');
        await p.locator('.evedit__pair').first().scrollIntoViewIfNeeded();
        // The button, not the page's title bar (发布活动 too).
        await p.locator('.u-button', { hasText: '发布活动' }).filter({ visible: true }).first().click();
        // Published: the live roster, empty.
        await expectText(p, '现场签到');
        await expectText(p, EVENT_TITLE);
        await screenshot(p, '14b-event-published');
        // As members see it (the officer is one): the cover on the event's card, then at the top of its page.
        await p.goto(`${system.url}/#/packages/events/pages/list/index`);
        const card = p.locator('.events__card', { hasText: EVENT_TITLE }).filter({ visible: true }).first();
        await expectImageLoaded(p, card.locator('.events__cover'));
        await screenshot(p, '14c-member-list-with-cover');
        await card.locator('.events__title').click();
        await expectText(p, '参加范围');
        await expectImageLoaded(p, p.locator('.detail__cover').filter({ visible: true }).first());
      },
    },
    ...(['demo-member-zhang', 'demo-auditor-sun', 'demo-chair-zhao'] as const).map((openid, i) => ({
      name: `${15 + i}-member-${i + 1}-signs-up`,
      run: async (p: Page) => {
        await switchTo(p, DEMO_ACCOUNTS.find((a) => a.openid === openid)?.label ?? openid);
        await visibleText(p, '文体活动', true).click();
        await expectText(p, EVENT_TITLE);
        // From the list: tap 报名 on the card, then 确认报名 in the dialog — two taps. The third finds the event full:
        // the card says 候补报名 and the dialog the place in line, before the tap.
        const card = p.locator('.events__card', { hasText: EVENT_TITLE }).filter({ visible: true }).first();
        const full = i === 2;
        let taps = 0;
        await card.getByText(full ? '候补报名' : '报名', { exact: true }).click();
        taps += 1;
        if (full) await expectText(p, '候补报名：排在第 1 位');
        await p.getByText(full ? '确认候补' : '确认报名', { exact: true }).filter({ visible: true }).last().click();
        taps += 1;
        await expectText(p, i < 2 ? '报名成功' : '名额已满，已进入候补第 1 位');
        tapsToSignUp.push(taps);
      },
    })),
    {
      name: '18-first-member-cancels',
      run: async (p) => {
        await switchTo(p, DEMO_ACCOUNTS.find((a) => a.openid === 'demo-member-zhang')?.label ?? '');
        await p.goto(`${system.url}/#/packages/events/pages/mine/index`);
        await visibleText(p, EVENT_TITLE, true).click();
        await expectText(p, '我的签到码');
        await visibleText(p, '取消报名', true).click();
        await p.getByText('取消报名', { exact: true }).filter({ visible: true }).last().click();
        await expectText(p, '您曾取消本活动的报名，可以重新报名。');
      },
    },
    {
      name: '19-waitlisted-member-promoted-notice',
      run: async (p) => {
        await switchTo(p, DEMO_ACCOUNTS.find((a) => a.openid === 'demo-chair-zhao')?.label ?? '');
        await p.goto(`${system.url}/#/pages/inbox/index`);
        await expectText(p, `候补成功：${EVENT_TITLE}`);
        await expectText(p, '您已从候补转为正式报名');
      },
    },
    {
      name: '20-promoted-member-detail',
      run: async (p) => {
        await visibleText(p, `候补成功：${EVENT_TITLE}`, true).click();
        await expectText(p, '我的签到码');
        codes.zhao = (await p.locator('.detail__code').filter({ visible: true }).first().innerText()).trim();
        // The QR code the officer scans (checkin:<eventId>:<code>), sharp and large enough for a phone camera, the
        // digits still under it for typing.
        const qr = p.locator('.detail__code-box .u-qr__image img').filter({ visible: true }).first();
        await qr.waitFor({ state: 'visible', timeout: 15_000 });
        await p.locator('.detail__code-box').filter({ visible: true }).first().scrollIntoViewIfNeeded();
        const box = await qr.boundingBox();
        const frame = await p.locator('.detail__code-box .u-qr__image').filter({ visible: true }).first().boundingBox();
        if (!box || !frame || box.x < frame.x - 1 || box.y < frame.y - 1 || box.x + box.width > frame.x + frame.width + 1 || box.y + box.height > frame.y + frame.height + 1) {
          throw new Error('the check-in QR code is cut off by its frame');
        }
        const image = await qr.evaluate((img) => ({ src: (img as HTMLImageElement).src, natural: (img as HTMLImageElement).naturalWidth, loaded: (img as HTMLImageElement).complete }));
        if (!image.src.startsWith('data:image/gif;base64,') || !image.loaded || image.natural === 0) throw new Error('the check-in QR code did not load');
        if (!box || box.width < 160 || Math.abs(box.width - box.height) > 2) throw new Error(`the check-in QR code is ${box ? `${box.width}×${box.height}` : 'not laid out'}, not a square at least 160 px wide`);
        if (image.natural < box.width) throw new Error(`the check-in QR code is blurry: ${image.natural} px drawn over ${box.width} px`);
        if (!/^\d{6}$/.test(codes.zhao)) throw new Error(`no check-in digits under the QR code: "${codes.zhao}"`);
      },
    },
    {
      name: '21-my-events',
      run: async (p) => {
        await switchTo(p, DEMO_ACCOUNTS.find((a) => a.openid === 'demo-auditor-sun')?.label ?? '');
        await p.goto(`${system.url}/#/packages/events/pages/mine/index`);
        const card = p.locator('.mine__card', { hasText: EVENT_TITLE }).filter({ visible: true }).first();
        codes.sun = (await card.locator('.mine__code').innerText()).trim();
        await expectText(p, '签到码');
      },
    },
    {
      name: '22-officer-checks-in-two',
      run: async (p) => {
        // The day of the event, 08:00 (the event was published for a week from today).
        const eventDay = addDays(shanghaiDateKey(new Date()), 7);
        await fetch(`${system.url}/__emulator/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: `${eventDay}T08:00:00+08:00` }) });
        await switchTo(p, officer.label);
        await p.goto(`${system.url}/#/packages/events/manage/list/index`);
        await visibleText(p, EVENT_TITLE, true).click();
        await expectText(p, '现场签到');
        for (const [name, code] of [['孙丽', codes.sun], ['赵建国', codes.zhao]]) {
          if (!/^\d{6}$/.test(code)) throw new Error(`no check-in code read from the member's screen: "${code}"`);
          await fill(p, '输入会员签到码', code);
          await visibleText(p, '签到', true).click();
          await expectText(p, `已签到：${name}`);
        }
        await visibleText(p, '已签到', true).click();
        await expectText(p, '孙丽');
        await expectText(p, '赵建国');
      },
    },
    {
      name: '23-officer-exports-roster',
      run: async (p) => {
        await visibleText(p, '导出 Excel', true).click();
        await expectText(p, '已开始下载');
      },
    },
    {
      name: '24-officer-records-results-and-a-prize',
      run: async (p) => {
        // The evening of the event day: the games are over.
        const eventDay = addDays(shanghaiDateKey(new Date()), 7);
        await fetch(`${system.url}/__emulator/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: `${eventDay}T20:00:00+08:00` }) });
        await p.goto(`${system.url}/#/packages/events/manage/list/index`);
        await visibleText(p, EVENT_TITLE, true).click();
        await expectText(p, '结果与奖品');
        await p.locator(`textarea[placeholder="${RESULTS_PLACEHOLDER}"]`).filter({ visible: true }).first().fill(RESULTS_TEXT);
        await visibleText(p, '添加一项奖品', true).click();
        await pickOption(p, '请选择参加的会员', '孙丽');
        await fill(p, '例如 100', '100');
        await visibleText(p, '保存结果并登记奖品', true).click();
        await p.getByText('登记', { exact: true }).filter({ visible: true }).last().click();
        await expectText(p, '已保存，登记奖品 1 项');
        await expectText(p, '¥100.00 · 实物');
        await expectText(p, '已登记奖品 1 项');
      },
    },
    {
      name: '25-member-reads-results',
      run: async (p) => {
        await switchTo(p, DEMO_ACCOUNTS.find((a) => a.openid === 'demo-auditor-sun')?.label ?? '');
        await p.goto(`${system.url}/#/packages/events/pages/list/index`);
        await visibleText(p, '往期活动', true).click();
        await visibleText(p, EVENT_TITLE, true).click();
        await expectText(p, '活动结果');
        await expectText(p, RESULTS_TEXT);
      },
    },
  ];
  // Then each area's own journey (e2e/journeys/index.ts), still signed in as the member of the last step.
  steps.push(...Object.values(JOURNEYS).flatMap((journey) => journey(system.url)));

  let passed = 0;
  let failed = 0;
  try {
    for (const step of steps) {
      try {
        await step.run(page);
        const shot = await screenshot(page, step.name);
        console.log(`✓ ${step.name}  ${shot}`);
        passed += 1;
      } catch (error) {
        failed += 1;
        const shot = await screenshot(page, `${step.name}-FAILED`).catch(() => '(no screenshot)');
        console.log(`✗ ${step.name}  ${shot}\n  ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        break;
      }
    }
    if (pageErrors.length > 0) {
      failed += 1;
      console.log(`✗ page errors:\n  ${pageErrors.join('\n  ')}`);
    }
  } finally {
    await browser.close();
    await system.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (tapsToSignUp.length) console.log(`taps from the event list to a sign-up: ${tapsToSignUp.join(', ')} (goal 2)`);
  console.log(`\ne2e: ${passed} passed, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
