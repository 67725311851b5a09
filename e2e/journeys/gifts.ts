/** 生日与节日慰问's browser journey: a member opens the area's page and is greeted. */
import type { Journey } from './journey';
import { expectText } from './journey';

export const giftsJourney: Journey = (baseUrl) => [
  {
    name: 'gifts-member-opens-the-page',
    run: async (page) => {
      await page.goto(`${baseUrl}/#/packages/gifts/pages/index/index`);
      await expectText(page, '，您好');
    },
  },
];
