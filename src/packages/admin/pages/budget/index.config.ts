export default definePageConfig({
  navigationBarTitleText: '预算',
});
