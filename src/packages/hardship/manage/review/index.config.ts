import { PAGES } from '@/core/pages';

export default definePageConfig({
  navigationBarTitleText: PAGES.hardshipReview.title,
});
