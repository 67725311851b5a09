export default definePageConfig({
  navigationBarTitleText: '经费台账',
});
