#!/usr/bin/env node
// Server benchmark: a 1000-alert webhook on SQLite, sustained webhooks per second, listing
// incidents (50 a page, filtered) with 100 000 incidents on SQLite and on PostgreSQL, and the SLA
// cost with 20 000 open incidents on a 5×8 calendar: /metrics p99, SLA-tick p99, and /-/healthy
// and a webhook while the server recomputes every stored due time (start after an upgrade, a new day).
//   npm run bench -w server              (needs the local PostgreSQL for the PostgreSQL part)
//   npm run bench -w server -- --only=sla   (only the SLA part)
//   npm run bench -w server -- --only=list  (only the listing, with each query's own p50 and p99)
const { spawn } = require('node:child_process');
const { randomUUID, randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const pg = require('pg');
const { freePort, machineSummary, waitReady } = require('@opsdesk/testing');
const { sql } = require('kysely');
const { openDb, migrate } = require('../dist/db');

const TOKEN = 'odk_bench-admin-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const POSTGRES = process.env.OPSDESK_TEST_POSTGRES || 'postgres://postgres@127.0.0.1:5432/test';
const INCIDENTS = Number(process.env.BENCH_INCIDENTS || 100_000);

// The per-token rate limit is a policy, not capacity: lifted here so the figures show what the server can do.
let configFile;

async function startServer(database, config = configFile) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      path.join(__dirname, '..', 'bin', 'opsdesk-server.js'),
      '--config',
      config,
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
  await waitReady(`${url}/-/ready`, { child });
  return { url, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
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
  for (let start = 0; start < INCIDENTS; start += 500) {
    await db.transaction(async (tx) => {
      const rows = [];
      for (let i = start; i < Math.min(INCIDENTS, start + 500); i++) {
        const at = t0 + i * 300_000;
        rows.push({
          id: randomUUID(),
          number: `INC-B-${String(i).padStart(6, '0')}`,
          title: `Bench incident ${i}`,
          severity: `P${1 + (i % 4)}`,
          status: statuses[i % statuses.length],
          service: services[i % services.length],
          source: i % 3 ? 'alertmanager' : 'manual',
          labels: JSON.stringify({ env: i % 5 ? 'prod' : 'uat' }),
          occurred_at: at,
          detected_at: at,
          created_at: at,
          updated_at: at,
        });
      }
      await tx.kysely.insertInto('incidents').values(rows).execute();
    });
  }
  if (db.kind === 'postgres') await sql`ANALYZE incidents`.execute(db.kysely);
  await db.close();
}

/**
 * Waits until the server has stored the clocks of the incidents the seed wrote behind its back
 * (opsdesk_sla_clocks_stale falls to 0), so the listing is measured in the steady state and not
 * against the one-off background recompute; answers how long that took, in seconds.
 */
async function settled(url) {
  const t0 = Date.now();
  while (Date.now() - t0 < 600_000) {
    const text = await fetch(`${url}/metrics`).then((r) => r.text());
    const m = /^opsdesk_sla_clocks_stale\s+(\S+)/m.exec(text);
    if (!m || Number(m[1]) === 0) return (Date.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the stored SLA clocks did not settle within 10 minutes');
}

async function listBench(url) {
  const settle = await settled(url);
  const queries = [
    '/api/v1/incidents?limit=50',
    '/api/v1/incidents?limit=50&status=triggered,acknowledged&severity=P1,P2',
    '/api/v1/incidents?limit=50&service=clearing&status=closed',
    '/api/v1/incidents?limit=50&severity=P3&label=env%3Dprod',
  ];
  for (let i = 0; i < 40; i++)
    await fetch(`${url}${queries[i % queries.length]}`, { headers: AUTH }).then((r) => r.arrayBuffer());
  const lat = [];
  const byQuery = queries.map(() => []);
  for (let i = 0; i < 400; i++) {
    const ms = await timed(() =>
      fetch(`${url}${queries[i % queries.length]}`, { headers: AUTH }).then((r) => r.arrayBuffer()),
    );
    lat.push(ms);
    byQuery[i % queries.length].push(ms);
  }
  // each query's own figures, so a p99 over the mix names the query that makes it
  const perQuery = queries.map((q, i) => ({
    query: q.slice('/api/v1/incidents?'.length),
    p50: quantile(byQuery[i], 0.5),
    p99: quantile(byQuery[i], 0.99),
  }));
  return { p50: quantile(lat, 0.5), p99: quantile(lat, 0.99), settle, perQuery };
}

const OPEN = Number(process.env.BENCH_OPEN_INCIDENTS || 20_000);
const SLA_CONFIG = `http:
  rate_limit: { per_second: 1000000, burst: 1000000 }
sla:
  tick_interval: 1s
  calendars:
    - { name: 5x8, timezone: Asia/Shanghai, hours: { weekdays: '09:00-17:00' }, holidays: { builtin: cn } }
  policies:
    - { severity: P1, response: 15m, resolution: 4h, calendar: 5x8 }
    - { severity: P2, response: 30m, resolution: 8h, calendar: 5x8 }
    - { severity: P3, response: 2h, resolution: 24h, calendar: 5x8 }
    - { severity: P4, response: 8h, resolution: 72h, calendar: 5x8 }
`;

/**
 * 20 000 open incidents detected over the last 30 days, as an upgraded database has them: stored
 * clocks not computed yet (sla_stale = 1), so the server's first tick computes every one.
 */
async function seedOpen(database) {
  const db = openDb(database);
  await migrate(db);
  const now = Date.now();
  const statuses = ['triggered', 'acknowledged', 'mitigated'];
  for (let start = 0; start < OPEN; start += 500) {
    await db.transaction(async (tx) => {
      const rows = [];
      for (let i = start; i < Math.min(OPEN, start + 500); i++) {
        const at = now - Math.floor((i / OPEN) * 30 * 86_400_000) - 60_000;
        const status = statuses[i % 3];
        const responded = status === 'triggered' ? null : at + 600_000;
        rows.push({
          id: randomUUID(),
          number: `INC-O-${String(i).padStart(6, '0')}`,
          title: `Open incident ${i}`,
          severity: `P${1 + (i % 4)}`,
          status,
          service: 'bench',
          source: 'manual',
          labels: '{}',
          occurred_at: at,
          detected_at: at,
          acknowledged_at: responded,
          responded_at: responded,
          sla_stale: 1,
          created_at: at,
          updated_at: at,
        });
      }
      await tx.kysely.insertInto('incidents').values(rows).execute();
    });
  }
  if (db.kind === 'postgres') await sql`ANALYZE incidents`.execute(db.kysely);
  await db.close();
}

async function metricValue(url, name) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
}

/** The SLA figures on one database: recompute under load, then /metrics and the tick in steady state. */
async function slaBench(label, database, dir) {
  const out = [];
  await seedOpen(database);
  const cfg = path.join(dir, 'sla.yml');
  writeFileSync(cfg, SLA_CONFIG);
  const s = await startServer(database, cfg);
  // While the first tick recomputes every stored clock: /-/healthy and webhooks keep answering.
  const healthy = [];
  const hooks = [];
  const t0 = Date.now();
  let stale = await metricValue(s.url, 'opsdesk_sla_clocks_stale');
  let i = 0;
  while (stale > 0 && Date.now() - t0 < 600_000) {
    healthy.push(await timed(() => fetch(`${s.url}/-/healthy`).then((r) => r.arrayBuffer())));
    if (i++ % 5 === 0) hooks.push(await timed(() => post(s.url, payload(`Recompute${i % 50}`, 3))));
    if (i % 10 === 0) stale = await metricValue(s.url, 'opsdesk_sla_clocks_stale');
  }
  const recomputeS = (Date.now() - t0) / 1000;
  out.push([`${label}: recompute ${OPEN} open clocks on 5×8, s`, recomputeS, 'in the background']);
  if (healthy.length) {
    out.push([`${label}: /-/healthy during the recompute, p99 ms`, quantile(healthy, 0.99), '< 100']);
    out.push([`${label}: /-/healthy during the recompute, max ms`, Math.max(...healthy), '']);
  }
  if (hooks.length)
    out.push([`${label}: 3-alert webhook during the recompute, p99 ms`, quantile(hooks, 0.99), '< 300']);
  // let the first tick record the breaches of the recomputed clocks
  await new Promise((r) => setTimeout(r, 3000));
  const scrapes = [];
  for (let k = 0; k < 200; k++)
    scrapes.push(await timed(() => fetch(`${s.url}/metrics`).then((r) => r.arrayBuffer())));
  out.push([`${label}: /metrics with ${OPEN} open incidents, p50 ms`, quantile(scrapes, 0.5), '']);
  out.push([`${label}: /metrics with ${OPEN} open incidents, p99 ms`, quantile(scrapes, 0.99), '< 100']);
  await s.stop();

  // The SLA tick in this process, over the same database: what the server's timer runs.
  const { buildContext } = require('../dist/server');
  const { serverConfigSchema } = require('../dist/config');
  const yaml = require('yaml');
  const db = openDb(database);
  const log = require('@opsdesk/runtime').createLogger('bench', 'error');
  const ctx = buildContext(serverConfigSchema.parse(yaml.parse(SLA_CONFIG)), db, log, dir);
  const { recordBreaches } = require('../dist/sla/tick');
  await recordBreaches(ctx); // anything the server left
  const ticks = [];
  for (let k = 0; k < 200; k++) ticks.push(await timed(() => recordBreaches(ctx)));
  out.push([`${label}: SLA tick with ${OPEN} open incidents, p50 ms`, quantile(ticks, 0.5), '']);
  out.push([`${label}: SLA tick with ${OPEN} open incidents, p99 ms`, quantile(ticks, 0.99), '< 100']);
  const { incidentStore } = require('../dist/incidents/store');
  const dayT = Date.now();
  await incidentStore.markOpenClocksStale(db);
  await recordBreaches(ctx);
  out.push([
    `${label}: tick on a new calendar day (all ${OPEN} recomputed), s`,
    (Date.now() - dayT) / 1000,
    'once a day, yields',
  ]);
  await db.close();
  return out;
}

async function slaBenches(rows, dir) {
  rows.push(...(await slaBench('SQLite', path.join(dir, 'open.db'), dir)));
  const slaSchema = `bench_${randomBytes(4).toString('hex')}`;
  const slaAdmin = new pg.Client({ connectionString: POSTGRES });
  await slaAdmin.connect();
  await slaAdmin.query(`CREATE SCHEMA ${slaSchema}`);
  try {
    const url = `${POSTGRES}${POSTGRES.includes('?') ? '&' : '?'}options=-c%20search_path%3D${slaSchema}`;
    rows.push(...(await slaBench('PostgreSQL', url, dir)));
  } finally {
    await slaAdmin.query(`DROP SCHEMA ${slaSchema} CASCADE`);
    await slaAdmin.end();
  }
}

async function webhookBench(rows, dir) {
  // a 1000-alert webhook, then sustained webhooks, on SQLite
  const sqlite = path.join(dir, 'webhooks.db');
  const s = await startServer(sqlite);
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
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opsdesk-server-bench-'));
  configFile = path.join(dir, 'server.yml');
  writeFileSync(configFile, 'http:\n  rate_limit: { per_second: 1000000, burst: 1000000 }\n');
  const rows = [];
  const only = (process.argv.find((a) => a.startsWith('--only=')) ?? '').slice('--only='.length);
  try {
    if (only !== 'list') await slaBenches(rows, dir);
    if (only === 'sla') return;
    if (only !== 'list') await webhookBench(rows, dir);

    // Listing with 100 000 incidents, SQLite then PostgreSQL
    const listDb = path.join(dir, 'list.db');
    let t = Date.now();
    await seed(listDb);
    const seedSqlite = (Date.now() - t) / 1000;
    let s = await startServer(listDb);
    const l1 = await listBench(s.url);
    await s.stop();
    rows.push([`clocks of the seeded incidents stored (background), SQLite, s`, l1.settle, '']);
    rows.push([`list 50/page filtered, SQLite, ${INCIDENTS} incidents: p50 ms`, l1.p50, '']);
    rows.push([`list 50/page filtered, SQLite, ${INCIDENTS} incidents: p99 ms`, l1.p99, '< 30']);
    for (const q of l1.perQuery)
      rows.push([`  SQLite ${q.query}: p50 / p99 ms`, q.p50, `p99 ${q.p99.toFixed(1)}`]);

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
      rows.push([`clocks of the seeded incidents stored (background), PostgreSQL, s`, l2.settle, '']);
      rows.push([`list 50/page filtered, PostgreSQL, ${INCIDENTS} incidents: p50 ms`, l2.p50, '']);
      rows.push([`list 50/page filtered, PostgreSQL, ${INCIDENTS} incidents: p99 ms`, l2.p99, '< 30']);
      for (const q of l2.perQuery)
        rows.push([`  PostgreSQL ${q.query}: p50 / p99 ms`, q.p50, `p99 ${q.p99.toFixed(1)}`]);
      console.log(
        `(seeded ${INCIDENTS} incidents in ${seedSqlite.toFixed(1)} s on SQLite, ${seedPg.toFixed(1)} s on PostgreSQL)`,
      );
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    print(rows);
  }
}

function print(rows) {
  console.log(`\nOpsDesk server benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${machineSummary()}\n`);
  console.log(`${'figure'.padEnd(66)} ${'value'.padStart(10)}  target`);
  for (const [label, v, target] of rows)
    console.log(`${label.padEnd(66)} ${v.toFixed(1).padStart(10)}  ${target}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
