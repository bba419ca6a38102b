#!/usr/bin/env node
// Server benchmark: a 1000-alert webhook on SQLite, sustained webhooks per second, and listing
// incidents (50 a page, filtered) with 100 000 incidents on SQLite and on PostgreSQL.
//   npm run bench -w server        (needs the local PostgreSQL for the PostgreSQL part)
const { spawn } = require('node:child_process');
const { randomUUID, randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const pg = require('pg');
const { openDb, migrate } = require('../dist/db');

const TOKEN = 'odk_bench-admin-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const POSTGRES = process.env.OPSDESK_TEST_POSTGRES || 'postgres://postgres@127.0.0.1:5432/test';
const INCIDENTS = Number(process.env.BENCH_INCIDENTS || 100_000);

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

// The per-token rate limit is a policy, not capacity: lifted here so the figures show what the server can do.
let configFile;

async function startServer(database) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      path.join(__dirname, '..', 'bin', 'opsdesk-server.js'),
      '--config',
      configFile,
      '--database',
      database,
      '--listen',
      `127.0.0.1:${port}`,
    ],
    {
      env: { ...process.env, OPSDESK_BOOTSTRAP_TOKEN: TOKEN },
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/-/ready`)).ok)
        return { url, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not start');
}

function payload(name, n) {
  const alerts = [];
  for (let i = 0; i < n; i++) {
    alerts.push({
      status: 'firing',
      labels: { alertname: name, instance: `host-${i}`, severity: 'warning', service: 'bench' },
      annotations: { summary: `${name} on host-${i}` },
      startsAt: '2026-11-26T00:00:00Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: '',
      fingerprint: randomBytes(8).toString('hex'),
    });
  }
  return JSON.stringify({
    version: '4',
    groupKey: `{}:{alertname="${name}"}`,
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'opsdesk',
    groupLabels: { alertname: name },
    commonLabels: { alertname: name, service: 'bench' },
    commonAnnotations: {},
    externalURL: '',
    alerts,
  });
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function timed(fn) {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function post(url, body) {
  const res = await fetch(`${url}/api/v1/alertmanager/webhook`, { method: 'POST', headers: AUTH, body });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`webhook → ${res.status}`);
}

/** 100 000 incidents straight into the tables, in batches, as the store would write them. */
async function seed(database) {
  const db = openDb(database);
  await migrate(db);
  const statuses = ['triggered', 'acknowledged', 'mitigated', 'resolved', 'closed', 'closed', 'closed'];
  const services = [
    'gateway',
    'matching',
    'clearing',
    'settlement',
    'market-data',
    'risk',
    'reporting',
    'sftp',
  ];
  const t0 = Date.parse('2025-01-01T00:00:00Z');
  const cols =
    'id, number, title, severity, status, service, source, labels, occurred_at, detected_at, created_at, updated_at';
  for (let start = 0; start < INCIDENTS; start += 500) {
    await db.transaction(async (tx) => {
      const rows = [];
      const params = [];
      for (let i = start; i < Math.min(INCIDENTS, start + 500); i++) {
        const at = t0 + i * 300_000;
        rows.push('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
        params.push(
          randomUUID(),
          `INC-B-${String(i).padStart(6, '0')}`,
          `Bench incident ${i}`,
          `P${1 + (i % 4)}`,
          statuses[i % statuses.length],
          services[i % services.length],
          i % 3 ? 'alertmanager' : 'manual',
          JSON.stringify({ env: i % 5 ? 'prod' : 'uat' }),
          at,
          at,
          at,
          at,
        );
      }
      await tx.run(`INSERT INTO incidents (${cols}) VALUES ${rows.join(', ')}`, params);
    });
  }
  if (db.kind === 'postgres') await db.run('ANALYZE incidents');
  await db.close();
}

async function listBench(url) {
  const queries = [
    '/api/v1/incidents?limit=50',
    '/api/v1/incidents?limit=50&status=triggered,acknowledged&severity=P1,P2',
    '/api/v1/incidents?limit=50&service=clearing&status=closed',
    '/api/v1/incidents?limit=50&severity=P3&label=env%3Dprod',
  ];
  for (let i = 0; i < 40; i++)
    await fetch(`${url}${queries[i % queries.length]}`, { headers: AUTH }).then((r) => r.arrayBuffer());
  const lat = [];
  for (let i = 0; i < 400; i++) {
    lat.push(
      await timed(() =>
        fetch(`${url}${queries[i % queries.length]}`, { headers: AUTH }).then((r) => r.arrayBuffer()),
      ),
    );
  }
  return { p50: quantile(lat, 0.5), p99: quantile(lat, 0.99) };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opsdesk-server-bench-'));
  configFile = path.join(dir, 'server.yml');
  writeFileSync(configFile, 'http:\n  rate_limit: { per_second: 1000000, burst: 1000000 }\n');
  const rows = [];
  try {
    // Webhooks on SQLite
    const sqlite = path.join(dir, 'webhooks.db');
    let s = await startServer(sqlite);
    await post(s.url, payload('Warmup', 10));
    const big = [];
    for (let i = 0; i < 5; i++) big.push(await timed(() => post(s.url, payload(`Big${i}`, 1000))));
    rows.push(['1000-alert webhook, SQLite: median ms', quantile(big, 0.5), '< 300']);
    rows.push(['1000-alert webhook, SQLite: max ms', Math.max(...big), '< 300']);
    const N = 2000;
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < N) {
          const i = next++;
          await post(s.url, payload(`Rate${i % 400}`, 3)); // 400 groups, resent: new and repeat notifications
        }
      }),
    );
    const rate = N / ((Date.now() - started) / 1000);
    rows.push(['sustained webhooks/s, SQLite, 8 senders', rate, '≥ 200']);
    await s.stop();

    // Listing with 100 000 incidents, SQLite then PostgreSQL
    const listDb = path.join(dir, 'list.db');
    let t = Date.now();
    await seed(listDb);
    const seedSqlite = (Date.now() - t) / 1000;
    s = await startServer(listDb);
    const l1 = await listBench(s.url);
    await s.stop();
    rows.push([`list 50/page filtered, SQLite, ${INCIDENTS} incidents: p50 ms`, l1.p50, '']);
    rows.push([`list 50/page filtered, SQLite, ${INCIDENTS} incidents: p99 ms`, l1.p99, '< 30']);

    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const pgUrl = `${POSTGRES}${POSTGRES.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
    try {
      t = Date.now();
      await seed(pgUrl);
      const seedPg = (Date.now() - t) / 1000;
      s = await startServer(pgUrl);
      const l2 = await listBench(s.url);
      await s.stop();
      rows.push([`list 50/page filtered, PostgreSQL, ${INCIDENTS} incidents: p50 ms`, l2.p50, '']);
      rows.push([`list 50/page filtered, PostgreSQL, ${INCIDENTS} incidents: p99 ms`, l2.p99, '< 30']);
      console.log(
        `(seeded ${INCIDENTS} incidents in ${seedSqlite.toFixed(1)} s on SQLite, ${seedPg.toFixed(1)} s on PostgreSQL)`,
      );
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nOpsDesk server benchmark — ${new Date().toISOString()}`);
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}\n`,
  );
  console.log(`${'figure'.padEnd(58)} ${'value'.padStart(10)}  target`);
  for (const [label, v, target] of rows)
    console.log(`${label.padEnd(58)} ${v.toFixed(1).padStart(10)}  ${target}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
