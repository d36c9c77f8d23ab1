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
  // Freshworks' Marketplace asks for 80 % coverage of the app's code; `npm test` runs with --coverage and
  // fails below it. Only the Freshdesk app is measured: instrumenting everything would slow the whole run.
  collectCoverageFrom: ['freshdesk-app/src/**/*.ts', '!freshdesk-app/src/**/*.test.ts'],
  coverageThreshold: { './freshdesk-app/src/': { statements: 80, branches: 80, functions: 80, lines: 80 } },
  coverageReporters: ['text-summary'],
  coverageDirectory: '<rootDir>/test/output/coverage',
  testTimeout: 60000,
};
