import { PAGES } from '@/core/pages';

export default definePageConfig({
  navigationBarTitleText: PAGES.identity.title,
});
