/**
 * 经费 (ledger)'s browser journey: the member the members journey bound reads 经费支出公布 — totals and counts,
 * never a name; an officer edits the year's policy, is refused cash as a 春节 gift, and saves it in kind.
 */
import { DEMO_ROSTER } from '../../scripts/demo-data';
import type { Journey } from './journey';
import { demoAccount, expectText, signInWithOpenid, visibleText } from './journey';
import { NEWCOMER } from './members';

export const ledgerJourney: Journey = (baseUrl) => {
  const officer = demoAccount('demo-officer-li');
  return [
    {
      name: '09-yearly-report',
      run: async (p) => {
        // As the member the members journey bound (signed in on 我的, which then shows their profile), from 我的.
        await signInWithOpenid(p, baseUrl, NEWCOMER.openid);
        await expectText(p, '我的资料');
        await expectText(p, NEWCOMER.employeeNo);
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
      name: '11-policy-editor-refuses-cash-gifts',
      run: async (p) => {
        // An officer edits the year's policy: cash as a 春节 gift contradicts the national rule and is refused.
        await p.goto(`${baseUrl}/#/pages/me/index`);
        await visibleText(p, '切换账号', true).click();
        await visibleText(p, officer.label).click();
        await expectText(p, '工会管理');
        await p.goto(`${baseUrl}/#/packages/ledger/manage/policy/index`);
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
  ];
};
