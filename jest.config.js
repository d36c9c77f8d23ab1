/** One jest run for the whole repo: unit tests next to the code, browser tests under test/. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/core', '<rootDir>/bench', '<rootDir>/zendesk-app', '<rootDir>/freshdesk-app', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', isolatedModules: true, diagnostics: false }],
  },
  moduleNameMapper: {
    '^@rakuten-helpdesk/core$': '<rootDir>/core/src/index.ts',
    '^@rakuten-helpdesk/core/node$': '<rootDir>/core/src/node/index.ts',
  },
  setupFilesAfterEnv: ['<rootDir>/test/jest-no-console.js'],
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  testTimeout: 60000,
};
