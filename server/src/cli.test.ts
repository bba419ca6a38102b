import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnServer, runServerCommand as run } from './testing/process';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('token create shows the secret once; list never shows it; revoke stops it working', async () => {
  const db = path.join(dir, 'o.db');
  const created = await run(['token', 'create', '--name', 'grafana', '--role', 'editor', '--database', db]);
  expect(created.status).toBe(0);
  const secret = created.stdout.trim();
  expect(secret).toMatch(/^odk_[A-Za-z0-9_-]{43}$/);
  expect(
    (await run(['token', 'create', '--name', 'grafana', '--role', 'editor', '--database', db])).stderr,
  ).toContain('already exists');
  const list = await run(['token', 'list', '--database', db]);
  expect(list.stdout).toMatch(/^grafana\teditor\tcreated /m);
  expect(list.stdout).not.toContain(secret);

  const server = await spawnServer(db);
  const get = () =>
    fetch(`${server.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${secret}` } }).then(
      (r) => r.status,
    );
  expect(await get()).toBe(200);
  const post = await fetch(`${server.url}/api/v1/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: '{"name":"x","role":"admin"}',
  });
  expect(post.status).toBe(403);
  await server.stop();
  expect((await run(['token', 'revoke', 'grafana', '--database', db])).status).toBe(0);
  const again = await spawnServer(db);
  expect(
    await fetch(`${again.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${secret}` } }).then(
      (r) => r.status,
    ),
  ).toBe(401);
  await again.stop();
});

test('token create --scope backups:ingest makes a token the ingest routes take and every other refuses', async () => {
  const db = path.join(dir, 'o.db');
  const created = await run([
    'token',
    'create',
    '--name',
    'backup-db-1',
    '--role',
    'editor',
    '--scope',
    'backups:ingest',
    '--database',
    db,
  ]);
  expect(created.status).toBe(0);
  expect(created.stderr).toContain('created editor token backup-db-1 with scope backups:ingest');
  const secret = created.stdout.trim();
  expect((await run(['token', 'list', '--database', db])).stdout).toMatch(
    /^backup-db-1\teditor scope backups:ingest\t/m,
  );
  const wrong = await run([
    'token',
    'create',
    '--name',
    'b2',
    '--role',
    'editor',
    '--scope',
    'all',
    '--database',
    db,
  ]);
  expect([wrong.status, wrong.stderr.trim()]).toEqual([
    2,
    'opsdesk-server: token create: --scope must be one of backups:ingest',
  ]);
  const viewer = await run([
    'token',
    'create',
    '--name',
    'b3',
    '--role',
    'viewer',
    '--scope',
    'backups:ingest',
    '--database',
    db,
  ]);
  expect(viewer.status).not.toBe(0);
  expect(viewer.stderr).toContain('must have role editor');
  const server = await spawnServer(db);
  try {
    const call = (method: string, url: string, body?: unknown) =>
      fetch(`${server.url}${url}`, {
        method,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then((r) => r.status);
    expect(await call('GET', '/api/v1/incidents')).toBe(403);
    expect(await call('GET', '/api/v1/backups/policies')).toBe(403);
    expect(await call('POST', '/api/v1/backups/runs', {})).toBe(400); // authorised, then validated
  } finally {
    await server.stop();
  }
});

test('backup while running, then restore into a stopped server', async () => {
  const db = path.join(dir, 'live.db');
  const server = await spawnServer(db);
  const auth = {
    authorization: 'Bearer odk_test-admin-token-0123456789',
    'content-type': 'application/json',
  };
  const create = (title: string) =>
    fetch(`${server.url}/api/v1/incidents`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title, severity: 'P3' }),
    });
  expect((await create('before backup')).status).toBe(201);
  const backup = path.join(dir, 'backup.db');
  expect((await run(['backup', '--to', backup, '--database', db])).status).toBe(0);
  expect((await create('after backup')).status).toBe(201);
  // restoring under a running server is refused
  const busy = await run(['restore', '--from', backup, '--database', db]);
  await server.stop();
  expect([busy.status, busy.stderr]).toEqual([1, expect.stringContaining('stop the server first')]);
  const restored = await run(['restore', '--from', backup, '--database', db]);
  expect(restored.status).toBe(0);
  const back = await spawnServer(db);
  const list = (await (await fetch(`${back.url}/api/v1/incidents`, { headers: auth })).json()) as {
    incidents: Array<{ title: string }>;
  };
  expect(list.incidents.map((i) => i.title)).toEqual(['before backup']);
  await back.stop();
  expect((await run(['restore', '--from', path.join(dir, 'nope.db'), '--database', db])).stderr).toContain(
    'not found',
  );
  expect((await run(['backup', '--to', 'x.dump', '--database', 'postgres://u@h/db'])).stderr).toContain(
    'pg_dump',
  );
});

test('an invalid config exits 2 naming file, line, path and reason', async () => {
  const file = path.join(dir, 'server.yml');
  writeFileSync(
    file,
    'sla:\n  policies:\n    - severity: P1\n      response: 15m\n      resolution: 4h\n      calendar: 5x8\n',
  );
  const r = await run(['--config', file]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(
    'server.yml:6: sla.policies[0].calendar: no calendar named "5x8"; defined: 24x7',
  );
  expect(r.stderr).toContain('no policy for severity P2 without a service');
});
