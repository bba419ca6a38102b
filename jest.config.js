// One jest run for every workspace: tests sit next to the code they test (src/**/*.test.ts).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/lib', '<rootDir>/exporters', '<rootDir>/server'],
  testMatch: ['**/src/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // Workspace packages are tested from source, so a test never runs against a stale build.
  moduleNameMapper: {
    '^@opsdesk/exporter-core$': '<rootDir>/exporters/core/src/index.ts',
    '^@opsdesk/calendar$': '<rootDir>/lib/calendar/src/index.ts',
    '^@opsdesk/testing$': '<rootDir>/lib/testing/src/index.ts',
  },
  testTimeout: 60_000,
  // suites share the local PostgreSQL and loopback ports; each makes its own schema and port
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
