import type { UserConfigExport } from '@tarojs/cli';

/** Production builds (the default for `taro build`): minified; what is deployed and what budgets measure. */
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
