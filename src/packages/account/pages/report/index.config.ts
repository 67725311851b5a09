export default definePageConfig({
  navigationBarTitleText: '经费支出公布',
});
