export default definePageConfig({
  navigationBarTitleText: '登记支出',
});
