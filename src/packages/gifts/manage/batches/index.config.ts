import { PAGES } from '@/core/pages';

export default definePageConfig({
  navigationBarTitleText: PAGES.giftBatches.title,
});
