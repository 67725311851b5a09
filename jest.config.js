// One jest config with projects: pure unit tests run in-process; emulator/function tests start a real
// emulator (and the real wx-server-sdk) per test file, so they run serially to fit a 2-core machine.
const common = {
  transform: { '^.+\\.(mjs|cjs|[jt]sx?)$': 'babel-jest' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    // src/core imports one zod locale file by its ESM path (to keep the others out of the app bundle);
    // jest runs CommonJS, so it gets the same file's CommonJS twin.
    '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs',
  },
  testEnvironment: 'node',
};
module.exports = {
  // Emulator tests start real servers and worker pools; give them room on a 2-core machine.
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.cjs'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/scripts/**/*.test.ts', '<rootDir>/tools/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/scripts/new-area.test.ts'],
    },
    // `npm run new:area` in a copy of the repo, then tsc, lint and the new area's tests there (about a minute).
    { ...common, displayName: 'scaffold', testMatch: ['<rootDir>/scripts/new-area.test.ts'] },
    {
      ...common,
      displayName: 'emulator',
      testMatch: ['<rootDir>/emulator/**/*.test.ts', '<rootDir>/server/**/*.test.ts'],
      globalSetup: '<rootDir>/emulator/testing/global-setup.ts',
    },
    // The built mini-program rendered offline: runs after `npm run build:weapp` (see package.json "test").
    { ...common, displayName: 'weapp', testMatch: ['<rootDir>/e2e/weapp-render.test.ts'], globalSetup: '<rootDir>/emulator/testing/global-setup.ts' },
  ],
};
