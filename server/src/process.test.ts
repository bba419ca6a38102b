import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { waitFor } from '@opsdesk/testing';
import { spawnServer, runServerCommand as run } from './testing/process';
import { webhookPayload } from './testing/alerts';

const AUTH = { authorization: 'Bearer odk_test-admin-token-0123456789', 'content-type': 'application/json' };
/** Waits until the server has logged `text`, or fails naming it. */
const logged = (server: { output(): string }, text: string) =>
  waitFor(text, async () => (server.output().includes(text) ? true : undefined), {
    timeoutMs: 10_000,
    intervalMs: 100,
  });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-process-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const severityOf = async (url: string, name: string) => {
  const res = await fetch(`${url}/api/v1/alertmanager/webhook`, {
    method: 'POST',
    headers: AUTH,
    body: JSON.stringify(
      webhookPayload({ alertname: name }, [
        { labels: { alertname: name, severity: 'page' }, startsAt: '2026-11-30T00:00:00Z' },
      ]),
    ),
  });
  const { incident } = (await res.json()) as { incident: string };
  const got = await fetch(`${url}/api/v1/incidents/${incident}`, { headers: AUTH });
  return ((await got.json()) as { severity: string }).severity;
};

test('SIGHUP reloads the configuration, logs what changed, and refuses a bad file keeping the old one', async () => {
  const config = path.join(dir, 'server.yml');
  writeFileSync(config, 'incidents:\n  default_severity: P4\n');
  const server = await spawnServer(path.join(dir, 'o.db'), {}, ['--config', config]);
  try {
    expect(await severityOf(server.url, 'A')).toBe('P4');
    writeFileSync(
      config,
      'incidents:\n  default_severity: P4\n  severity_map: {page: P1}\nlog_level: debug\n',
    );
    server.child.kill('SIGHUP');
    await logged(server, 'configuration reloaded');
    expect(server.output()).toContain('incidents.severity_map.page: (unset) → \\"P1\\"');
    expect(server.output()).toContain('log_level: \\"info\\" → \\"debug\\"');
    expect(await severityOf(server.url, 'B')).toBe('P1');

    // a bad file: refused, the running configuration stays, the process too
    writeFileSync(config, 'incidents:\n  default_severity: P9\n');
    server.child.kill('SIGHUP');
    await logged(server, 'configuration reload refused');
    expect(server.output()).toContain('incidents.default_severity');
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^opsdesk_config_last_reload_successful 0$/m);
    expect(await severityOf(server.url, 'C')).toBe('P1');

    // listen and database apply only at a restart: kept, and said so
    writeFileSync(config, 'listen: 127.0.0.1:1\nincidents:\n  severity_map: {page: P2}\n');
    server.child.kill('SIGHUP');
    await logged(server, 'apply only after a restart');
    expect(await severityOf(server.url, 'D')).toBe('P2');
    expect(
      (await fetch(`${server.url}/metrics`).then((r) => r.text())).match(
        /^opsdesk_config_last_reload_successful (\d)$/m,
      )?.[1],
    ).toBe('1');
  } finally {
    expect(await server.stop()).toBe(0);
  }
});

test('a stale pid file whose pid now belongs to another program does not stop the server', async () => {
  const db = path.join(dir, 'o.db');
  const other = spawn('sleep', ['60']);
  try {
    // the pid of a live program that is not ours, in either pid-file format
    for (const content of [`${other.pid}\n`, `${other.pid} 12345\n`]) {
      writeFileSync(`${db}.pid`, content);
      const server = await spawnServer(db);
      expect((await fetch(`${server.url}/-/ready`)).status).toBe(200);
      // while it runs, the file is its own and a second server is refused
      const second = await run(['--database', db, '--listen', '127.0.0.1:0']);
      expect([second.status, second.stdout + second.stderr]).toEqual([
        1,
        expect.stringContaining('in use by opsdesk-server'),
      ]);
      expect(await server.stop()).toBe(0);
      expect(existsSync(`${db}.pid`)).toBe(false);
    }
  } finally {
    other.kill();
  }
});

test('restore keeps a complete safety copy, the WAL of a killed server included', async () => {
  const db = path.join(dir, 'live.db');
  const server = await spawnServer(db);
  const create = (title: string) =>
    fetch(`${server.url}/api/v1/incidents`, {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({ title, severity: 'P3' }),
    }).then((r) => r.status);
  expect(await create('in the backup')).toBe(201);
  const backup = path.join(dir, 'backup.db');
  expect((await run(['backup', '--to', backup, '--database', db])).status).toBe(0);
  for (let i = 0; i < 20; i++) expect(await create(`after the backup ${i}`)).toBe(201);
  server.child.kill('SIGKILL'); // no checkpoint: the last transactions live only in live.db-wal
  await server.exited;
  expect(statSync(`${db}-wal`).size).toBeGreaterThan(0);

  const restored = await run(['restore', '--from', backup, '--database', db]);
  expect(restored.status).toBe(0);
  const keep = /the previous file is (\S+)/.exec(restored.stdout)?.[1] as string;
  expect(existsSync(keep)).toBe(true);
  const copy = new Database(keep, { readonly: true });
  const titles = copy.prepare('SELECT title FROM incidents ORDER BY created_at').all() as Array<{
    title: string;
  }>;
  copy.close();
  expect(titles).toHaveLength(21);
  expect(titles[20]?.title).toBe('after the backup 19');

  const back = await spawnServer(db);
  const list = (await (await fetch(`${back.url}/api/v1/incidents`, { headers: AUTH })).json()) as {
    incidents: Array<{ title: string }>;
  };
  expect(list.incidents.map((i) => i.title)).toEqual(['in the backup']);
  await back.stop();
});
