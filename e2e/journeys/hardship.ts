/**
 * 困难帮扶's browser journey, as far as the area goes today: a member opens 困难帮扶 and reads what the union
 * offers this year and that their applications are private. The application form, the review and the 公示 follow.
 */
import type { Journey } from './journey';
import { expectText } from './journey';

export const hardshipJourney: Journey = (baseUrl) => [
  {
    name: 'hardship-member-opens-the-page',
    run: async (page) => {
      await page.goto(`${baseUrl}/#/packages/hardship/pages/index/index`);
      await expectText(page, '帮扶项目');
      await expectText(page, '困难帮扶');
    },
  },
];
