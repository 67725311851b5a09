export default definePageConfig({
  navigationBarTitleText: '建立工会',
});
