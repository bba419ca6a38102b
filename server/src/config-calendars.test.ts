import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfigText } from '@opsdesk/runtime';
import { serverConfigSchema } from './config';
import { SlaPolicies } from './sla/policy';
import { SERVER_BIN } from './testing/process';

const CONFIG = `
sla:
  calendars:
    - name: 5x8
      timezone: Asia/Shanghai
      hours: { weekdays: '09:00-17:00' }
      holidays: { builtin: cn, files: [holidays/client.yml] }
  policies:
    - { severity: P1, response: 15m, resolution: 4h, calendar: 5x8 }
    - { severity: P2, response: 30m, resolution: 8h, calendar: 5x8 }
    - { severity: P3, response: 2h, resolution: 24h, calendar: 5x8 }
    - { severity: P4, response: 8h, resolution: 72h, calendar: 5x8 }
`;

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'opsdesk-server-cal-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test('SLA calendars are service calendars: the make-up Saturday 2026-10-10 counts, a client holiday does not', () => {
  mkdirSync(path.join(root, 'holidays'));
  writeFileSync(path.join(root, 'holidays', 'client.yml'), 'holidays: [2026-10-09]\n');
  const config = parseConfigText(CONFIG, 'server.yml', serverConfigSchema);
  expect(config.sla.calendars[0]!.kind).toBe('service');
  const cal = new SlaPolicies(config.sla, root).calendars.get('5x8')!;
  expect(cal.isWorking(Date.parse('2026-10-10T10:00:00+08:00'))).toBe(true);
  expect(cal.isWorking(Date.parse('2026-10-09T10:00:00+08:00'))).toBe(false);
});

test('a calendar defined twice is refused at its line', () => {
  const twice = CONFIG.replace('  policies:', '    - { name: 5x8, hours: 24x7 }\n  policies:');
  expect(() => parseConfigText(twice, 'server.yml', serverConfigSchema)).toThrow(
    'server.yml:8: sla.calendars[1].name: calendar 5x8 appears twice',
  );
});

test('holiday files resolve against the config file, started from another working directory', () => {
  const etc = path.join(root, 'etc');
  mkdirSync(path.join(etc, 'holidays'), { recursive: true });
  writeFileSync(path.join(etc, 'server.yml'), CONFIG);
  const elsewhere = path.join(root, 'elsewhere');
  mkdirSync(elsewhere);
  // `openapi` builds the whole server context, the SLA calendars included, and exits
  const run = () =>
    spawnSync(process.execPath, [SERVER_BIN, 'openapi', '--config', path.join(etc, 'server.yml')], {
      cwd: elsewhere,
      encoding: 'utf8',
    });
  const missing = run();
  expect(missing.status).not.toBe(0);
  expect(missing.stderr).toContain(
    `calendar 5x8: holidays.files[0]: ${path.join(etc, 'holidays', 'client.yml')}: cannot read holiday file: ENOENT`,
  );
  writeFileSync(path.join(etc, 'holidays', 'client.yml'), 'holidays: [2026-12-30]\n');
  const found = run();
  expect([found.status, found.stderr]).toEqual([0, '']);
  expect(JSON.parse(found.stdout).openapi).toMatch(/^3\.1/);
});
