import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfigFile } from '@opsdesk/runtime';
import { startExporter, type RunningExporter } from '@opsdesk/exporter-core';
import { parseExposition, silentLogger, waitFor } from '@opsdesk/testing';
import { transferConfigSchema, transferExporter } from './index';

// Every path in channels.yml is taken from the config file's folder, whatever the working
// directory: the config lives in a temporary folder and names its files relatively, and the
// exporter is run from elsewhere (the repository root here, / for the command line).

const BIN = path.join(__dirname, '..', 'bin', 'opsdesk-transfer-exporter.js');
const TLS = path.join(__dirname, 'fixtures', 'golden-tls');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-transfer-prepare-'));
  mkdirSync(path.join(dir, 'drop', 'fund_c'), { recursive: true });
  mkdirSync(path.join(dir, 'logs'));
  mkdirSync(path.join(dir, 'tls'));
  copyFileSync(path.join(TLS, 'cert.pem'), path.join(dir, 'tls', 'ca.pem'));
  writeFileSync(path.join(dir, 'holidays.yml'), 'holidays: [2026-12-01]\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const config = (over: { drop?: string; holidays?: string; log?: string; ca?: string } = {}) => `
calendars:
  - { name: trading, timezone: Asia/Shanghai, hours: 24x7 }
  - name: settlement
    timezone: Asia/Shanghai
    hours: { weekdays: '09:00-17:00' }
    holidays: { files: [${over.holidays ?? 'holidays.yml'}] }
logs:
  - { path: ${over.log ?? 'logs/gateway.log'}, from: start, poll: 100ms }
participants:
  - name: broker_a
    channels:
      - name: orders_api
        kind: api
        probes:
          - { kind: tls, target: '127.0.0.1:1', tls_config: { ca_file: ${over.ca ?? 'tls/ca.pem'} } }
  - name: fund_c
    channels:
      - name: sftp_drop
        kind: sftp
        directions: [out]
        drop: { path: ${over.drop ?? 'drop/fund_c'}, poll: 1s }
`;

function checkConfig(text: string) {
  const file = path.join(dir, 'channels.yml');
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [BIN, '--check-config', '--config', file], {
    cwd: '/',
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('--check-config from another working directory finds the relative files beside the config', () => {
  const r = checkConfig(config());
  expect(r.err).toBe('');
  expect(r.out).toBe(`${path.join(dir, 'channels.yml')}: valid\n`);
  expect(r.code).toBe(0);
});

test('--check-config names each file that is missing or unusable, by its place in the config', () => {
  writeFileSync(path.join(dir, 'not-a-cert.pem'), 'hello\n');
  const r = checkConfig(
    config({ holidays: 'missing-holidays.yml', ca: 'not-a-cert.pem', drop: 'holidays.yml', log: 'logs' }),
  );
  expect(r.code).toBe(2);
  const lines = r.err.split('\n');
  expect(lines).toContainEqual(
    expect.stringMatching(
      new RegExp(`^channels\\.yml: calendars\\[1\\]: .*${path.join(dir, 'missing-holidays.yml')}.*ENOENT`),
    ),
  );
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^channels\.yml: participants\[0\]\.channels\[0\]\.probes\[0\]\.tls_config\.ca_file: .*not-a-cert\.pem .*is not a PEM certificate/,
    ),
  );
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^channels\.yml: participants\[1\]\.channels\[0\]\.drop\.path: .*holidays\.yml .*is not a folder/,
    ),
  );
  expect(lines).toContainEqual(
    expect.stringMatching(/^channels\.yml: logs\[0\]\.path: .*logs .*is not a file/),
  );
});

test('a drop folder or log folder not there yet is a warning: the exporter reports it once running', () => {
  const r = checkConfig(config({ drop: 'drop/not_mounted', log: 'var/log/gateway.log' }));
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/: valid \(2 warnings\)\n$/);
  expect(r.err).toContain(
    `channels.yml: participants[1].channels[0].drop.path: ${path.join(dir, 'drop', 'not_mounted')} (drop/not_mounted from the config file's folder) does not exist`,
  );
  expect(r.err).toMatch(/channels\.yml: logs\[0\]\.path: .*var\/log, the folder of .* does not exist/);
});

describe('an exporter started from another working directory', () => {
  let exp: RunningExporter;
  afterEach(() => exp?.close());

  test('reads the drop folder, the log and the holiday file from the config file’s folder', async () => {
    const file = path.join(dir, 'channels.yml');
    writeFileSync(file, config());
    writeFileSync(path.join(dir, 'drop', 'fund_c', 'SETTLE.csv'), 'a,b\n');
    appendFileSync(
      path.join(dir, 'logs', 'gateway.log'),
      '{"participant":"broker_a","channel":"orders_api","direction":"in","bytes":10}\n',
    );
    expect(process.cwd()).not.toBe(dir);
    exp = await startExporter(transferExporter, loadConfigFile(file, transferConfigSchema), {
      listen: '127.0.0.1:0',
      log: silentLogger,
      configFile: file,
    });
    const metrics = await waitFor('the drop folder and the log to be read', async () => {
      const m = parseExposition(await (await fetch(`${exp.url}/metrics`)).text());
      const log = 'opsdesk_transfer_log_lines_total{path="logs/gateway.log",result="accepted"}';
      return m.get(log) === 1 &&
        m.get('opsdesk_transfer_drop_readable{participant="fund_c",channel="sftp_drop"}') === 1
        ? m
        : undefined;
    });
    // the label keeps the path as written, so a series does not change name with the working directory
    expect(metrics.get('opsdesk_transfer_log_readable{path="logs/gateway.log"}')).toBe(1);
    expect(
      metrics.get(
        'opsdesk_transfer_messages_total{participant="broker_a",channel="orders_api",direction="in"}',
      ),
    ).toBe(1);
  });

  test('refuses to start on a holiday file that is not there, naming it', async () => {
    const file = path.join(dir, 'channels.yml');
    writeFileSync(file, config({ holidays: 'missing-holidays.yml' }));
    await expect(
      startExporter(transferExporter, loadConfigFile(file, transferConfigSchema), {
        listen: '127.0.0.1:0',
        log: silentLogger,
        configFile: file,
      }),
    ).rejects.toThrow(/^channels\.yml: calendars\[1\]: .*missing-holidays\.yml/);
  });
});
