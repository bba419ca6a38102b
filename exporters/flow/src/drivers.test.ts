import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The database drivers are loaded by the SQL checks that use them, not by the exporter: a flow
// exporter is made from a config in a fresh Node process (the built package, as the binary runs
// it), and require.cache then says which drivers came in.

const PACKAGE = path.join(__dirname, '..');
const DRIVERS = ['pg', 'mysql2', 'better-sqlite3'];

const LOADED_AFTER_CREATE = `
const { createLogger, loadConfigFile } = require('@opsdesk/runtime');
const { exporterContext } = require('@opsdesk/exporter-core');
const { flowExporter, flowConfigSchema } = require('./dist/index.js');
const file = process.argv[1];
const log = createLogger('test', 'error');
flowExporter.create(loadConfigFile(file, flowConfigSchema), exporterContext({ log, configFile: file }));
const loaded = ${JSON.stringify(DRIVERS)}.filter((d) =>
  Object.keys(require.cache).some((k) => k.includes(require('node:path').sep + 'node_modules' + require('node:path').sep + d + require('node:path').sep)),
);
process.stdout.write(JSON.stringify(loaded));
`;

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-flow-drivers-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function driversLoadedBy(config: string): string[] {
  const file = path.join(dir, 'flows.yml');
  writeFileSync(file, config);
  const out = execFileSync(process.execPath, ['-e', LOADED_AFTER_CREATE, file], {
    cwd: PACKAGE,
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[];
}

const FLOWS = 'flows: [{ name: order, steps: [{ name: received }, { name: settled, terminal: success }] }]\n';

test('an exporter without SQL checks loads no database driver', () => {
  expect(driversLoadedBy(FLOWS)).toEqual([]);
});

test('a SQLite check loads better-sqlite3 and nothing else', () => {
  const check = `sql_checks: [{ name: orders_open, driver: sqlite, dsn: orders.db, query: 'SELECT 1 AS value' }]\n`;
  expect(driversLoadedBy(FLOWS + check)).toEqual(['better-sqlite3']);
});

test('a PostgreSQL and a MySQL check load their own drivers', () => {
  const checks = `sql_checks:
  - { name: a, driver: postgres, dsn: 'postgres://127.0.0.1/x', query: 'SELECT 1 AS value' }
  - { name: b, driver: mysql, dsn: 'mysql://127.0.0.1/x', query: 'SELECT 1 AS value' }
`;
  expect(driversLoadedBy(FLOWS + checks)).toEqual(['pg', 'mysql2']);
});
