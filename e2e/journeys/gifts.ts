/**
 * 生日与节日慰问 (gifts)'s browser journey, first step: a member opens 我的福利 from the home page and reads that no
 * holiday gifts are open yet. The full journey of the issue (the birthday job, the clerk's redemption, the statement,
 * a 中秋 batch with three options, pickups and the yearly report) is still to be written.
 */
import type { Journey } from './journey';
import { expectText, visibleText } from './journey';

export const giftsJourney: Journey = (baseUrl) => [
  {
    name: 'gifts-member-opens-my-benefits',
    run: async (page) => {
      await page.goto(`${baseUrl}/#/pages/index/index`);
      await visibleText(page, '我的福利').click();
      await expectText(page, '暂无节日慰问品');
    },
  },
];
