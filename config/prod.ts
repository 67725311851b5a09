import type { UserConfigExport } from '@tarojs/cli';

/** Production builds (the default for `taro build`): minified; what is deployed and what budgets measure. */
export default {
  terser: {
    enable: true,
    // Taro's default for mini-programs writes every non-ASCII character as \uXXXX: each Chinese character the app
    // says then costs six bytes instead of UTF-8's three (~7 KB of the main package). Mini-program and H5 sources
    // are UTF-8, so the text is kept as it is.
    config: { output: { ascii_only: false } },
  },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
