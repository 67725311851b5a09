import { createHash } from 'node:crypto';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import localConfig from './local';
import prodConfig from './prod';

/** The parts of webpack's module and chunk graphs, and of Taro's mini splitChunks settings (webpack5-runner MiniCombination), this config uses. */
interface Module {
  resource?: string;
}
interface Chunk {
  name?: string | null;
}
interface GraphContext {
  chunkGraph: { getModuleChunksIterable(module: Module): Iterable<Chunk> };
  moduleGraph: { getOutgoingConnections(module: Module): Iterable<{ module: Module | null }> };
}
interface CacheGroup {
  test?: ((module: Module, context: GraphContext) => boolean) | RegExp;
  [key: string]: unknown;
}
interface SplitChunks {
  cacheGroups: Record<string, CacheGroup> & { vendors: CacheGroup };
  [key: string]: unknown;
}

const ZOD = /[\\/]node_modules[\\/]zod[\\/]/;
const CORE_ZOD = path.resolve(__dirname, '..', 'src', 'core', 'zod.ts');
const CORE = `${path.resolve(__dirname, '..', 'src', 'core')}${path.sep}`;

/**
 * The contract check's code in the mini-program: zod, src/core/zod.ts and every src/core module built on it (the
 * contracts), which only subpackages use (hooks/useForm.ts brings them; see services/check.ts). Taro's
 * optimizeMainPackage moves a module that several subpackages use and the main package does not into each of those
 * subpackages, but one file per module (`sub-common/<md5 of its path>`): webpack can then no longer concatenate zod's
 * modules with src/core/zod.ts, which re-exports zod's `z` namespace, and keeps every member of it — ~460 KB of zod
 * per subpackage instead of ~125 KB. This group puts all of that code in one such file instead, named after
 * src/core/zod.ts, so Taro copies it into, and requires it from, exactly the pages that use src/core/zod.ts (every
 * module of the group is imported only through it). Priority: above Taro's one-file-per-module groups (1000), below
 * its per-subpackage `sub-vendors` (10000), which takes what a single subpackage uses.
 */
function checksGroup(): CacheGroup {
  const buildsZod = new Map<Module, boolean>();
  const reachesCoreZod = (module: Module, context: GraphContext): boolean => {
    const resource = module.resource ?? '';
    if (resource === CORE_ZOD) return true;
    if (!resource.startsWith(CORE)) return false;
    const known = buildsZod.get(module);
    if (known !== undefined) return known;
    buildsZod.set(module, false); // a cycle adds nothing
    let result = false;
    for (const connection of context.moduleGraph.getOutgoingConnections(module)) {
      if (connection.module && reachesCoreZod(connection.module, context)) {
        result = true;
        break;
      }
    }
    buildsZod.set(module, result);
    return result;
  };
  return {
    name: `sub-common/${createHash('md5').update(CORE_ZOD).digest('hex')}`,
    priority: 5000,
    test: (module: Module, context: GraphContext) => {
      if (!ZOD.test(module.resource ?? '') && !reachesCoreZod(module, context)) return false;
      const chunks = [...context.chunkGraph.getModuleChunksIterable(module)];
      return chunks.length > 0 && chunks.every((chunk) => /^packages\//.test(chunk.name ?? ''));
    },
  };
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
 *   TARO_APP_GIFT_TEMPLATE_ID  weapp only: the same for gift notices (the functions' GIFT_NOTICE_TEMPLATE_ID).
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
      TARO_APP_GIFT_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_GIFT_TEMPLATE_ID ?? ''),
    },
    defineConstants: {},
    // The `@/` import prefix (tsconfig "paths") without tsconfig-paths-webpack-plugin.
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // A persistent cache would make the 2-core build faster on repeat, but stale-cache surprises cost more in what is
    // deployed and measured; only the local system's H5 build (config/local.ts) keeps one.
    cache: { enable: false },
    mini: {
      // Class names are component-prefixed (u-card, u-button…), so the order CSS chunks are merged in is irrelevant.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        const splitChunks = chain.optimization.get('splitChunks') as SplitChunks;
        const vendors = splitChunks.cacheGroups.vendors;
        chain.optimization.splitChunks({
          ...splitChunks,
          cacheGroups: {
            ...splitChunks.cacheGroups,
            // Keep zod out of `vendors`, with src/core (which re-exports its configured `z`), should the main package
            // ever use it (see `checks` below for why zod must not be split from src/core/zod.ts).
            vendors: { ...vendors, test: (module: Module, context: GraphContext) => isVendor(module, context) && !ZOD.test(module.resource ?? '') },
            checks: checksGroup(),
          },
        });
        function isVendor(module: Module, context: GraphContext): boolean {
          return typeof vendors.test === 'function' ? vendors.test(module, context) : /[\\/]node_modules[\\/]/.test(module.resource ?? '');
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
  // The local system's H5 build (config/local.ts): a production build, not minified, cached.
  if (process.env.UNION_H5_BUILD === 'local' && process.env.TARO_ENV === 'h5') {
    return merge({}, baseConfig, prodConfig, localConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
