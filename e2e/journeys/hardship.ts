/**
 * 困难帮扶 (hardship)'s browser journey: 张伟 applies for hardship aid with his household, expenses, the cause, a
 * document and the consents (the self-check shown as he types); 李娜 (帮扶审核) asks for one more document, which he
 * adds; she passes the first check, records the home visit and proposes 1,500 yuan, which she may not approve herself;
 * the chair approves it and the 公示 starts; 陈静 reads the 公示 — 张*, never his name — and objects; 李娜 resolves the
 * objection; after the period the daily job pays, and the yearly report's 困难帮扶 line grows by exactly 1,500 yuan and
 * one payout. Then 张伟's 大病关爱 is referred to the 工委, whose officer reads the package and approves it, paid from
 * the 工委's own ledger; 张伟 reads the outcome. Every member screen is saved.
 */
import type { Locator, Page } from 'playwright-core';
import { addDays, shanghaiAt, shanghaiDateKey } from '../../src/core/time';
import { screenshot } from '../browser';
import type { Journey } from './journey';
import { addFile, button, card, confirm, demoAccount, expectText, openAdmin, pickOption, reportLine, samplePdf, setClock, switchTo, untilRead, visibleText } from './journey';

const CAUSE = '本人今年三月确诊慢性肾病，每周透析三次，妻子辞职在家照顾，家庭收入明显减少。';
const MORE = '请补充近三个月的收入证明';
const FOUND = '家中三口人，本人每周透析三次，妻子无业在家照顾，与申请所述相符。';
const OBJECTION = '据我所知其配偶另有稳定收入，请核实';
const RESOLUTION = '经核实，配偶今年已辞职，无收入，申请属实';
const ILLNESS_CAUSE = '本人今年十月确诊急性白血病，需化疗和骨髓移植，自付费用很高。';

/** A PDF of its own (stored by content: two copies of one PDF would be one document). */
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.concat([samplePdf(), Buffer.from(`% ${name}\n`, 'utf8')]) });

/** An input or text area of the form field labelled `label` (the `nth` such field on the page). */
function field(p: Page, label: string, nth = 0): Locator {
  return p
    .locator('.u-field', { has: p.locator('.u-field__label', { hasText: label }) })
    .filter({ visible: true })
    .nth(nth)
    .locator('input, textarea')
    .first();
}

async function type(p: Page, label: string, value: string, nth = 0): Promise<void> {
  const input = field(p, label, nth);
  await input.click();
  await input.fill(value);
}

/** Switch on the switch whose meaning is `label` (我已阅读并同意, 我单独同意). */
async function switchOn(p: Page, label: string, nth = 0): Promise<void> {
  await p.locator('.u-switch', { hasText: label }).filter({ visible: true }).nth(nth).locator('input').first().click();
}

/** Choose an option of a choice field (the kinds, the outcome of a check). */
async function choose(p: Page, option: string): Promise<void> {
  await p.locator('.u-choice__option', { hasText: option }).filter({ visible: true }).first().click();
}

/** A screenshot with the card titled `title` in view, besides the one saved after each step. */
async function shotOf(p: Page, title: string, name: string): Promise<void> {
  await card(p, title).scrollIntoViewIfNeeded();
  await screenshot(p, name);
}

/** 困难帮扶 → 申请帮扶, the member's household filled in as 张伟's: himself, his wife, their son at school. */
async function fillHousehold(p: Page): Promise<void> {
  await type(p, '年龄', '50');
  await pickOption(p, '请选择', '在职');
  await type(p, '月收入', '4200');
  await visibleText(p, '添加家庭成员', true).click();
  await type(p, '姓名', '王丽', 1);
  await pickOption(p, '请选择', '配偶');
  await type(p, '年龄', '48', 1);
  await pickOption(p, '请选择', '失业/无业');
  await visibleText(p, '添加家庭成员', true).click();
  await type(p, '姓名', '张小明', 2);
  await pickOption(p, '请选择', '子女');
  await type(p, '年龄', '16', 2);
  await pickOption(p, '请选择', '在校学生');
}

/** An application of the member's, from 困难帮扶's 我的申请. */
async function openMine(p: Page, line: string): Promise<void> {
  await visibleText(p, '困难帮扶', true).click();
  await untilRead(p);
  await visibleText(p, line).click();
  await expectText(p, '办理经过');
}

/** 工会管理 → 帮扶审核 → the application of `name` on tab `tab`. */
async function openReview(p: Page, name: string, tab = '待办'): Promise<void> {
  await openAdmin(p, '帮扶审核');
  await untilRead(p);
  await p.locator('.u-tabs').getByText(tab, { exact: true }).filter({ visible: true }).first().click();
  await untilRead(p);
  await visibleText(p, name).click();
  await expectText(p, '家庭成员');
  await untilRead(p);
}

export const hardshipJourney: Journey = (baseUrl) => {
  const member = demoAccount('demo-member-zhang').label;
  const reviewer = demoAccount('demo-officer-li').label;
  const chair = demoAccount('demo-chair-zhao').label;
  const colleague = demoAccount('demo-handler-chen').label;
  const committee = demoAccount('demo-committee-qian').label;
  // The 公示 lasts 7 days from today; the payout is the first run after it.
  const payDay = addDays(shanghaiDateKey(new Date()), 8);
  return [
    {
      name: 'hardship-member-applies',
      run: async (p) => {
        await switchTo(p, baseUrl, member);
        await visibleText(p, '困难帮扶', true).click();
        await expectText(p, '帮扶项目');
        await expectText(p, '还没有帮扶申请');
        await screenshot(p, 'hardship-member-home');
        await button(p, '申请帮扶').click();
        await expectText(p, '您的信息只用于这次帮扶');
        await choose(p, '困难帮扶');
        await fillHousehold(p);
        await shotOf(p, '家庭成员', 'hardship-member-form-household');
        await type(p, '医疗', '2600');
        await type(p, '子女上学', '500');
        await type(p, '发生了什么', CAUSE);
        // The advisory self-check: (4,200 − 3,100) ÷ 3 = 366.66, under the demo's 低保 standard of 1,010.
        await expectText(p, '自测（仅供参考）');
        await expectText(p, '深度困难');
        await shotOf(p, '自测（仅供参考）', 'hardship-member-form-selfcheck');
        await addFile(p, pdf('诊断证明.pdf'));
        await expectText(p, '诊断证明.pdf');
        // Submitting without the consents names both, and sends nothing.
        await button(p, '提交申请').click();
        await expectText(p, '请阅读并同意个人信息的使用说明');
        await expectText(p, '申请涉及健康信息，需要您单独同意');
        await switchOn(p, '我已阅读并同意');
        await switchOn(p, '我单独同意');
        await screenshot(p, 'hardship-member-form-consents');
        await button(p, '提交申请').click();
        await confirm(p, '提交');
        await expectText(p, '工会帮扶审核人员将进行初审');
        await expectText(p, '待初审');
      },
    },
    {
      name: 'hardship-reviewer-asks-for-more',
      run: async (p) => {
        await switchTo(p, baseUrl, reviewer);
        await openReview(p, '张伟');
        await expectText(p, '王丽');
        await expectText(p, '诊断证明.pdf');
        await choose(p, '请会员补充材料');
        await type(p, '需要补充的材料', MORE);
        await button(p, '提交初审结果').click();
        await confirm(p, '发送');
        await expectText(p, '待补充材料');
      },
    },
    {
      name: 'hardship-member-adds-a-document',
      run: async (p) => {
        await switchTo(p, baseUrl, member);
        await visibleText(p, '消息', true).click();
        await expectText(p, '请补充材料：困难帮扶申请');
        await p.goto(`${baseUrl}/#/pages/index/index`);
        await openMine(p, '困难帮扶 · 待补充材料');
        await expectText(p, MORE);
        await type(p, '说明', '已上传近三个月的收入证明');
        await addFile(p, pdf('收入证明.pdf'));
        await shotOf(p, '请补充材料', 'hardship-member-request');
        await button(p, '提交补充材料').click();
        await expectText(p, '待初审');
        await expectText(p, '已补充材料：已上传近三个月的收入证明');
      },
    },
    {
      name: 'hardship-reviewer-visits-and-proposes',
      run: async (p) => {
        await switchTo(p, baseUrl, reviewer);
        await openReview(p, '张伟');
        await expectText(p, '收入证明.pdf');
        await choose(p, '通过初审');
        await button(p, '提交初审结果').click();
        await confirm(p, '通过');
        await expectText(p, '待入户走访');
        await type(p, '走访人员', '李娜、赵建国');
        await type(p, '走访情况', FOUND);
        await button(p, '记录走访').click();
        await expectText(p, '待审议');
        await type(p, '帮扶金额（元）', '1500');
        await button(p, '提出金额').click();
        await confirm(p, '提出');
        await expectText(p, '待复核');
        // Four eyes: the one who proposed is told to leave the approval to another reviewer, and has no 同意 button.
        await expectText(p, '请由其他审核人员办理');
        if (await button(p, '同意并开始公示').isVisible()) throw new Error('the proposer was offered the approval');
      },
    },
    {
      name: 'hardship-chair-approves',
      run: async (p) => {
        await switchTo(p, baseUrl, chair);
        await openReview(p, '张伟');
        await expectText(p, '1,500.00 元');
        await button(p, '同意并开始公示').click();
        await confirm(p, '同意');
        await expectText(p, '公示中');
      },
    },
    {
      name: 'hardship-colleague-objects-to-the-publicity',
      run: async (p) => {
        await switchTo(p, baseUrl, colleague);
        await visibleText(p, '困难帮扶', true).click();
        await visibleText(p, '帮扶公示', true).click();
        await expectText(p, '张*');
        await expectText(p, '1,500.00 元');
        const text = await p.locator('body').innerText();
        for (const hidden of ['张伟', '王丽', '慢性肾病', '透析', '13905330004']) if (text.includes(hidden)) throw new Error(`the 公示 shows ${hidden}`);
        await screenshot(p, 'hardship-publicity');
        await visibleText(p, '提出异议', true).click();
        await type(p, '异议', OBJECTION);
        await button(p, '提交异议').click();
        await confirm(p, '提交');
        await expectText(p, '已提交异议，工会正在核实');
      },
    },
    {
      name: 'hardship-reviewer-resolves-the-objection',
      run: async (p) => {
        await switchTo(p, baseUrl, reviewer);
        await openReview(p, '张伟', '公示中');
        await expectText(p, OBJECTION);
        await choose(p, '异议不成立，继续公示');
        await type(p, '处理理由', RESOLUTION);
        await button(p, '提交处理结果').click();
        await confirm(p, '继续公示');
        await expectText(p, '公示中');
        await expectText(p, RESOLUTION);
      },
    },
    {
      name: 'hardship-paid-after-the-publicity',
      run: async (p) => {
        // The day after the 公示 ends, before the daily job: the report as it stands, then the job, then the report.
        await setClock(baseUrl, shanghaiAt(payDay, '02:00'));
        await switchTo(p, baseUrl, member);
        const before = await reportLine(p, baseUrl, '困难帮扶');
        const job = await fetch(`${baseUrl}/__emulator/triggers/jobs/daily`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        if (!job.ok) throw new Error(`the daily job failed: ${job.status}`);
        const after = await reportLine(p, baseUrl, '困难帮扶');
        if (after.spentFen - before.spentFen !== 150_000 || after.count - before.count !== 1) {
          throw new Error(`困难帮扶 grew by ${after.spentFen - before.spentFen} fen in ${after.count - before.count} payouts, not 150000 in 1`);
        }
        await p.locator('.report__line', { hasText: '困难帮扶' }).filter({ visible: true }).first().scrollIntoViewIfNeeded();
        await screenshot(p, 'hardship-report');
        await p.goto(`${baseUrl}/#/pages/index/index`);
        await openMine(p, '困难帮扶 · 已发放');
        await expectText(p, '已于');
        await screenshot(p, 'hardship-member-paid');
        await p.goto(`${baseUrl}/#/packages/hardship/pages/file/index`);
        await expectText(p, '历次帮扶');
        await expectText(p, '1,500.00 元');
        await screenshot(p, 'hardship-member-file');
        await setClock(baseUrl, null);
      },
    },
    {
      name: 'hardship-illness-is-referred',
      run: async (p) => {
        await switchTo(p, baseUrl, member);
        await visibleText(p, '困难帮扶', true).click();
        await button(p, '申请帮扶').click();
        await choose(p, '大病关爱');
        await fillHousehold(p);
        await type(p, '医疗', '9000');
        await type(p, '发生了什么', ILLNESS_CAUSE);
        await addFile(p, pdf('出院小结.pdf'));
        await switchOn(p, '我已阅读并同意');
        await switchOn(p, '我单独同意');
        await button(p, '提交申请').click();
        await confirm(p, '提交');
        await expectText(p, '待初审');

        await switchTo(p, baseUrl, reviewer);
        await openReview(p, '大病关爱');
        await choose(p, '通过初审');
        await button(p, '提交初审结果').click();
        await confirm(p, '通过');
        await type(p, '走访人员', '李娜');
        await type(p, '走访情况', '已住院化疗，家庭积蓄用尽，情况属实。');
        await button(p, '记录走访').click();
        await expectText(p, '待审议');
        await type(p, '推荐意见', '经入户走访核实，申请人患急性白血病，家庭负担沉重，建议予以大病关爱。');
        await type(p, '建议金额（元）', '30000');
        await button(p, '推荐给工委').click();
        await confirm(p, '推荐');
        await expectText(p, '已报上级工会');
      },
    },
    {
      name: 'hardship-committee-decides',
      run: async (p) => {
        await switchTo(p, baseUrl, committee);
        await openAdmin(p, '大病关爱推荐');
        await untilRead(p);
        await visibleText(p, '张伟').click();
        await expectText(p, '推荐材料');
        await expectText(p, '出院小结.pdf');
        // The package, not the application: no household names.
        if ((await p.locator('body').innerText()).includes('王丽')) throw new Error('the referral package names the household');
        await choose(p, '批准并发放');
        await type(p, '批准金额（元）', '30000');
        await type(p, '决定理由', '符合大病关爱条件，经工委研究批准');
        await button(p, '提交决定').click();
        await confirm(p, '批准发放');
        await expectText(p, '工委已批准');

        await switchTo(p, baseUrl, member);
        await openMine(p, '大病关爱 · 已发放');
        await expectText(p, '30,000.00 元');
        await card(p, '办理经过').scrollIntoViewIfNeeded();
        await expectText(p, '上级工会工委批准大病关爱');
      },
    },
  ];
};
