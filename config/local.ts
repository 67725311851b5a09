import path from 'node:path';
import type { UserConfigExport } from '@tarojs/cli';

const root = path.resolve(__dirname, '..');

/**
 * The H5 build the local system serves (`npm start`, `npm run e2e`: scripts/local-system.ts sets
 * UNION_H5_BUILD=local on top of a production build, and BROWSERSLIST_ENV=development so babel compiles for current
 * browsers, not for ES5). It is read from 127.0.0.1 only, so it skips what costs build time and helps nobody there:
 * no JS or CSS minifying and no source maps (together about half the CPU time of the production build). Webpack's
 * filesystem cache (node_modules/.cache/webpack, `h5-local`) makes a rebuild after a change quick (~9 s instead of
 * ~40 s); it is dropped when a config file, the babel config or the lockfile changes (webpack also checks every
 * source file and package it used).
 * `npm run build:h5` still makes the minified production build.
 */
export default {
  cache: {
    enable: true,
    name: 'h5-local',
    buildDependencies: {
      local: [
        'config/index.ts',
        'config/prod.ts',
        'config/local.ts',
        'babel.config.js',
        'tools/babel-strip-summaries.cjs',
        'package-lock.json',
        'tsconfig.json',
      ].map((f) => path.join(root, f)),
    },
  },
  terser: { enable: false },
  csso: { enable: false },
  logger: { quiet: true, stats: false },
  h5: { enableSourceMap: false },
} satisfies UserConfigExport<'webpack5'>;
