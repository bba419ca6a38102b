import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startExporter, type RunningExporter } from '@opsdesk/exporter-core';
import { loadConfigFile } from '@opsdesk/runtime';
import { parseExposition, silentLogger, waitFor } from '@opsdesk/testing';
import { flowConfigSchema, flowExporter } from './index';

// flows.yml names its state file, its SQLite database and its holiday file relatively: they are
// taken from the config file's folder, whatever the working directory of the exporter.

const BIN = path.join(__dirname, '..', 'bin', 'opsdesk-flow-exporter.js');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-flow-prepare-'));
  mkdirSync(path.join(dir, 'db'));
  const db = new Database(path.join(dir, 'db', 'orders.db'));
  db.exec("CREATE TABLE orders (status TEXT); INSERT INTO orders VALUES ('new'), ('new'), ('matched')");
  db.close();
  writeFileSync(path.join(dir, 'holidays.yml'), 'holidays: [2026-12-01]\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const config = (holidays = 'holidays.yml') => `
state: { path: run/flow-state, save_interval: 1m }
calendars:
  - { name: trading, timezone: Asia/Shanghai, hours: { weekdays: '09:15-15:00' }, holidays: { files: [${holidays}] } }
flows:
  - name: order
    calendar: trading
    steps: [{ name: received, time_limit: 1m }, { name: settled, terminal: success }]
sql_checks:
  - name: orders_open
    driver: sqlite
    dsn: db/orders.db
    query: SELECT status, COUNT(*) AS value FROM orders GROUP BY status
    label_columns: [status]
    interval: 1s
`;

test('started from another working directory, the exporter reads and writes beside its config', async () => {
  const file = path.join(dir, 'flows.yml');
  writeFileSync(file, config());
  expect(process.cwd()).not.toBe(dir);
  let exp: RunningExporter | undefined;
  try {
    exp = await startExporter(flowExporter, loadConfigFile(file, flowConfigSchema), {
      listen: '127.0.0.1:0',
      log: silentLogger,
      configFile: file,
    });
    const m = await waitFor('the SQL check to read db/orders.db', async () => {
      const body = parseExposition(await (await fetch(`${exp!.url}/metrics`)).text());
      return body.get('opsdesk_flow_sql_check_success{check="orders_open"}') === 1 ? body : undefined;
    });
    expect(m.get('opsdesk_flow_sql_orders_open{status="new"}')).toBe(2);
  } finally {
    await exp?.close();
  }
  // the state folder was created at start and the final save landed in it
  expect(existsSync(path.join(dir, 'run', 'flow-state'))).toBe(true);
});

test('--check-config from / names a holiday file that is not beside the config', () => {
  const file = path.join(dir, 'flows.yml');
  writeFileSync(file, config('missing.yml'));
  const r = spawnSync(process.execPath, [BIN, '--check-config', '--config', file], {
    cwd: '/',
    encoding: 'utf8',
  });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(
    new RegExp(`^flows\\.yml: calendars\\[0\\]: .*${path.join(dir, 'missing.yml')}.*ENOENT`, 'm'),
  );
  writeFileSync(file, config());
  const ok = spawnSync(process.execPath, [BIN, '--check-config', '--config', file], {
    cwd: '/',
    encoding: 'utf8',
  });
  // the state folder is created at start: said, not refused
  expect(ok.stderr).toMatch(
    /flows\.yml: state\.path: .*run, the folder of .* does not exist; it is created at start/,
  );
  expect(ok.stdout).toBe(`${file}: valid (1 warning)\n`);
  expect(ok.status).toBe(0);
});
