export default definePageConfig({
  navigationBarTitleText: '上级工委与下属工会',
});
