/**
 * Browser journey on the H5 build, against the whole local system (`npm start`'s, demo data included):
 *   an officer signs in, opens 工会管理 → 会员名册 → 导入名册 and imports an Excel roster with a new member;
 *   a new WeChat identity signs in, is asked to bind, binds as that member, and sees 我的 and 经费支出公布;
 *   the yearly report shows totals and counts, never a name.
 * Every step asserts what a person would read and saves a screenshot to e2e/screenshots/.
 *
 *   npm run e2e
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { buildWhatIsStale, startLocalSystem } from '../scripts/local-system';
import { DEMO_ACCOUNTS, DEMO_ROSTER } from '../scripts/demo-data';
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

const NEWCOMER = { name: '刘晓', employeeNo: 'E2E01', phone: '13912345678', openid: 'e2e-new-phone' };

async function main(): Promise<void> {
  await buildWhatIsStale();
  const dataDir = mkdtempSync(join(tmpdir(), 'union-e2e-'));
  const system = await startLocalSystem({ port: 0, dataDir });
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
        await p.goto(`${system.url}/#/packages/account/pages/bind/index`);
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
        await p.goto(`${system.url}/#/packages/admin/pages/policy/index`);
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
        await p.goto(`${system.url}/#/packages/account/pages/bind/index`);
        await visibleText(p, '建立新工会', true).click();
        await expectText(p, '每个码只能建立一个工会');
        await fill(p, '请输入初始化码', system.spareSetupCode);
        await fill(p, '例如 淄博市科技局机关工会', '淄博市统计局机关工会');
        await expectText(p, '您本人的信息（将作为第一位会员）');
      },
    },
  ];

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
  console.log(`\ne2e: ${passed} passed, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
