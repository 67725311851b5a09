/**
 * 会员 (members)' browser journey: an officer signs in, opens 工会管理 → 会员名册 → 导入名册 and imports an Excel
 * roster with a new member; a new WeChat identity signs in, is asked to bind, binds as that member and sees 我的; a
 * 工委's officer opens 下属工会; the first officer of a new deployment reaches 建立新工会 with its one-time code.
 * It starts the run (a fresh browser, nobody signed in) and leaves the new member bound for the ledger journey.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DEMO_ROSTER } from '../../scripts/demo-data';
import type { Journey } from './journey';
import { demoAccount, expectText, fill, signInWithOpenid, visibleText } from './journey';

/** The member the officer's roster import adds, and who then binds from a WeChat identity of their own. */
export const NEWCOMER = { name: '刘晓', employeeNo: 'E2E01', phone: '13912345678', openid: 'e2e-new-phone' };

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
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

export const membersJourney: Journey = (baseUrl, { spareSetupCode, scratchDir }) => {
  const officer = demoAccount('demo-officer-li');
  return [
    {
      name: '01-sign-in',
      run: async (p) => {
        await p.goto(`${baseUrl}/`);
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
        const file = await rosterFile(scratchDir);
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
        await signInWithOpenid(p, baseUrl, NEWCOMER.openid);
        // A WeChat identity the union does not know yet: binding comes first.
        await expectText(p, '实名认证');
      },
    },
    {
      name: '07-bind',
      run: async (p) => {
        await p.goto(`${baseUrl}/#/packages/members/pages/bind/index`);
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
      name: '10-committee-reads-member-union',
      run: async (p) => {
        // The 工委's officer: 工会管理 → 下属工会 → the member union's report (totals only).
        await signInWithOpenid(p, baseUrl, 'demo-committee-qian');
        await expectText(p, '工会管理');
        await p.goto(`${baseUrl}/#/packages/admin/pages/index/index`);
        await visibleText(p, '下属工会', true).click();
        await visibleText(p, '淄博市科技局机关工会', true).click();
        await expectText(p, '节日慰问');
        await expectText(p, '年经费支出');
      },
    },
    {
      name: '13-setup-page',
      run: async (p) => {
        // The first officer of a new deployment, on a WeChat identity no union knows: from 实名认证, with the
        // deployment's one-time code.
        await signInWithOpenid(p, baseUrl, 'e2e-founder');
        await expectText(p, '实名认证');
        await p.goto(`${baseUrl}/#/packages/members/pages/bind/index`);
        await visibleText(p, '建立新工会', true).click();
        await expectText(p, '每个码只能建立一个工会');
        await fill(p, '请输入初始化码', spareSetupCode);
        await fill(p, '例如 淄博市科技局机关工会', '淄博市统计局机关工会');
        await expectText(p, '您本人的信息（将作为第一位会员）');
      },
    },
  ];
};
