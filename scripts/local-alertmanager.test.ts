import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describeWithPrograms, program } from '@opsdesk/testing';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withLocalReceiversOnly, localAlertmanagerConfig } = require('./local-alertmanager.js') as {
  withLocalReceiversOnly(text: string): { text: string; dropped: Array<{ receiver: string; url: string }> };
  localAlertmanagerConfig(
    text: string,
    opts: { token: string; templates: string },
  ): { text: string; dropped: Array<{ receiver: string; url: string }> };
};

const ROOT = path.join(__dirname, '..');
// what scripts/start.js does before: the compose host names for localhost
const provisioned = readFileSync(path.join(ROOT, 'provisioning/alertmanager/alertmanager.yml'), 'utf8')
  .replace(/opsdesk-server:9744/g, 'localhost:9744')
  .replace('templates/*.tmpl', path.join(ROOT, 'provisioning/alertmanager/templates/*.tmpl'));

interface Receiver {
  name: string;
  [kind: string]: unknown;
}

test('npm start: no receiver points at a host that does not run here; the server stays', () => {
  const { text, dropped } = withLocalReceiversOnly(provisioned);
  const doc = parse(text) as { receivers: Receiver[]; route: unknown };
  const urls = doc.receivers.flatMap((r) =>
    Object.entries(r)
      .filter(([k]) => k.endsWith('_configs'))
      .flatMap(([, v]) => (v as Array<{ url?: string }>).map((c) => c.url ?? '')),
  );
  expect(urls.length).toBeGreaterThan(0);
  for (const u of urls) expect(new URL(u).hostname).toBe('localhost');
  expect(urls).toContain('http://localhost:9744/api/v1/alertmanager/webhook');
  // people's receivers go through the server's bridge, which runs here too: nothing is dropped
  expect(urls).toEqual(
    expect.arrayContaining([
      'http://localhost:9744/api/v1/alertmanager/notify/team',
      'http://localhost:9744/api/v1/alertmanager/notify/oncall',
    ]),
  );
  expect(dropped).toEqual([]);
  // every receiver a route names is still defined (emptied, not removed)
  const names = new Set(doc.receivers.map((r) => r.name));
  const routeReceivers = [...text.matchAll(/receiver: (\S+)/g)].map((m) => m[1]!);
  for (const r of routeReceivers) expect(names.has(r)).toBe(true);
  expect(text).toMatch(/^# Written by scripts\/start.js/);
});

test('a receiver a deployment added that points elsewhere is emptied, and the start-up log names it', () => {
  const withPager = provisioned.replace(
    'receivers:\n',
    'receivers:\n  - name: pager\n    webhook_configs:\n      - url: http://pager.example.internal:8080/hook\n',
  );
  const { text, dropped } = withLocalReceiversOnly(withPager);
  expect(dropped).toEqual([
    { receiver: 'pager', kind: 'webhook_configs', url: 'http://pager.example.internal:8080/hook' },
  ]);
  const doc = parse(text) as { receivers: Receiver[] };
  expect(doc.receivers.find((r) => r.name === 'pager')).toEqual({ name: 'pager' });
});

test('npm start: every receiver reads the local token file, none the Docker secret (the bridge receivers too)', () => {
  const { text } = localAlertmanagerConfig(provisioned, {
    token: '/tmp/run/alertmanager-token',
    templates: '/tmp/templates/*.tmpl',
  });
  expect(text).not.toContain('/run/secrets/');
  const files = [...text.matchAll(/credentials_file: (\S+)/g)].map((m) => m[1]);
  // the OpsDesk receiver and the two Alertmanager → IM bridge receivers (team-im, oncall-im)
  expect(files.length).toBeGreaterThanOrEqual(3);
  expect(new Set(files)).toEqual(new Set(['/tmp/run/alertmanager-token']));
});

describeWithPrograms({ amtool: 'prometheus-alertmanager' }, 'with amtool', () => {
  test('the rewritten config is valid for Alertmanager', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-am-'));
    const file = path.join(dir, 'alertmanager.yml');
    writeFileSync(path.join(dir, 'token'), 'x');
    writeFileSync(
      file,
      withLocalReceiversOnly(provisioned).text.replaceAll(
        '/run/secrets/opsdesk-token',
        path.join(dir, 'token'),
      ),
    );
    const r = spawnSync(program('amtool'), ['check-config', file], { encoding: 'utf8' });
    expect([r.status, r.stdout + r.stderr]).toEqual([0, expect.stringContaining('SUCCESS')]);
  });
});
