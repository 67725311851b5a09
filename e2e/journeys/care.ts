/** care's browser journey: a member opens the area's page and is greeted. */
import type { Journey } from './journey';
import { expectText } from './journey';

export const careJourney: Journey = (baseUrl) => [
  {
    name: 'care-member-opens-the-page',
    run: async (page) => {
      await page.goto(`${baseUrl}/#/packages/care/pages/index/index`);
      await expectText(page, '，您好');
    },
  },
];
