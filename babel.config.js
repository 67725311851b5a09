// babel-preset-taro compiles the app for Taro's builds; under jest (NODE_ENV=test) it emits CommonJS,
// which is why tests reuse this file instead of ts-jest (see docs/TOOLING-NOTES.md).
module.exports = {
  presets: [
    ['taro', {
      framework: 'react',
      ts: true,
      compiler: 'webpack5',
    }],
  ],
};
