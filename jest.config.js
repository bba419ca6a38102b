// One jest run for every workspace. Node tests sit next to the code they test
// (src/**/*.test.ts); the Grafana app has its own jsdom project (grafana-app/jest.config.js), and its
// browser tests (grafana-app/tests) run here in node, driving Chromium.
const node = {
  displayName: 'node',
  testEnvironment: 'node',
  roots: [
    '<rootDir>/lib',
    '<rootDir>/exporters',
    '<rootDir>/server',
    '<rootDir>/grafana-app/tests',
    '<rootDir>/provisioning',
    '<rootDir>/dashboards',
    '<rootDir>/demo',
    '<rootDir>/tools',
    '<rootDir>/scripts',
  ],
  testMatch: [
    '**/src/**/*.test.ts',
    '**/grafana-app/tests/**/*.test.ts',
    '**/provisioning/tests/**/*.test.ts',
    '<rootDir>/scripts/*.test.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    // temporal-polyfill (and its temporal-utils) ship ES modules only (Node requires them natively; jest's require does not)
    '/node_modules/temporal-(polyfill|utils)/.+\\.js$': [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
    // kysely too (the server's query layer)
    '/node_modules/kysely/.+\\.js$': [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!temporal-(polyfill|utils)/|kysely/)'],
  // Workspace packages are tested from source, so a test never runs against a stale build.
  moduleNameMapper: {
    '^@opsdesk/runtime$': '<rootDir>/lib/runtime/src/index.ts',
    '^@opsdesk/exporter-core$': '<rootDir>/exporters/core/src/index.ts',
    '^@opsdesk/calendar$': '<rootDir>/lib/calendar/src/index.ts',
    '^@opsdesk/testing$': '<rootDir>/lib/testing/src/index.ts',
    '^@opsdesk/slo$': '<rootDir>/lib/slo/src/index.ts',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [node, '<rootDir>/grafana-app/jest.config.js'],
  testTimeout: 120_000,
  // suites share the local PostgreSQL and loopback ports; each makes its own schema and port
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
