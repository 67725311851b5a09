// babel-preset-taro compiles the app for Taro's builds; under jest (NODE_ENV=test) it emits CommonJS,
// which is why tests reuse this file instead of ts-jest (see docs/TOOLING-NOTES.md).
module.exports = {
  // Taro's builds only: contract summaries are for developers, not for the mini-program's size budget.
  plugins: process.env.TARO_ENV ? [require.resolve('./tools/babel-strip-summaries.cjs')] : [],
  presets: [
    ['taro', {
      framework: 'react',
      ts: true,
      compiler: 'webpack5',
    }],
  ],
};
