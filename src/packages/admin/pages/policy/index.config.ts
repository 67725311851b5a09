export default definePageConfig({
  navigationBarTitleText: '年度政策',
});
