import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** The parts of Taro's mini splitChunks settings (webpack5-runner MiniCombination) this config adjusts. */
interface Module {
  resource?: string;
}
interface CacheGroup {
  test?: ((module: Module) => boolean) | RegExp;
  [key: string]: unknown;
}
interface SplitChunks {
  cacheGroups: Record<string, CacheGroup> & { vendors: CacheGroup };
  [key: string]: unknown;
}

/**
 * Taro 4 build configuration (webpack5 runner, React).
 *
 * Build-time settings come from the shell environment, not from .env files, so CI and `npm start` can set them:
 *   TARO_APP_GATEWAY    H5 only: origin of the emulator gateway; '' (default) means the page's own origin,
 *                       which is how `npm start` serves the H5 app. The emulator grants no cross-origin access
 *                       (a web page must not reach a developer's local system), so another origin works only
 *                       behind a proxy that serves app and gateway as one origin.
 *   TARO_APP_CLOUD_ENV  weapp only: the CloudBase environment id. Unset means `Taro.cloud.init()` without an
 *                       env, i.e. the environment selected in WeChat DevTools (DYNAMIC_CURRENT_ENV semantics).
 *   TARO_APP_EVENT_TEMPLATE_ID  weapp only: the subscribe-message template of event notices (the same id as the
 *                       functions' EVENT_NOTICE_TEMPLATE_ID). Unset: members are not asked to subscribe; every notice
 *                       still lands in the in-app inbox.
 *   TARO_APP_CARE_TEMPLATE_ID  weapp only: the same for care notices (the functions' CARE_NOTICE_TEMPLATE_ID).
 * Taro turns every key of `env` into a `process.env.<KEY>` constant, so dead branches are removed per platform.
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'union-member-services',
    date: '2024-11-21',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // One folder per platform, so a weapp build never clobbers the H5 app the emulator serves (and vice versa).
    outputRoot: `dist/${process.env.TARO_ENV ?? 'unknown'}`,
    plugins: [],
    env: {
      TARO_APP_GATEWAY: JSON.stringify(process.env.TARO_APP_GATEWAY ?? ''),
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      TARO_APP_EVENT_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_EVENT_TEMPLATE_ID ?? ''),
      TARO_APP_CARE_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_CARE_TEMPLATE_ID ?? ''),
    },
    defineConstants: {},
    // The `@/` import prefix (tsconfig "paths") without tsconfig-paths-webpack-plugin.
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // A persistent cache would make the 2-core build faster on repeat, but stale-cache surprises cost more here.
    cache: { enable: false },
    mini: {
      // Class names are component-prefixed (u-card, u-button…), so the order CSS chunks are merged in is irrelevant.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        // Keep zod in the `common` chunk with src/core (which re-exports its configured `z`) instead of `vendors`.
        // Split across two chunks, webpack can no longer see which members of the re-exported `z` namespace are
        // used and keeps all of zod, every locale included: ~460 KB instead of ~130 KB in the main package.
        const splitChunks = chain.optimization.get('splitChunks') as SplitChunks;
        const vendors = splitChunks.cacheGroups.vendors;
        chain.optimization.splitChunks({
          ...splitChunks,
          cacheGroups: {
            ...splitChunks.cacheGroups,
            vendors: { ...vendors, test: (module: Module) => isVendor(module) && !/[\\/]node_modules[\\/]zod[\\/]/.test(module.resource ?? '') },
          },
        });
        function isVendor(module: Module): boolean {
          return typeof vendors.test === 'function' ? vendors.test(module) : /[\\/]node_modules[\\/]/.test(module.resource ?? '');
        }
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing: the gateway serves index.html for unknown paths too, but a hash router also works from any
      // static server and keeps deep links stable.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
