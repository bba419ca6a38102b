import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '@opsdesk/runtime';
import {
  COMMON_GOLDEN_RULES,
  expectGoldenScrape,
  freePort,
  GOLDEN_FROZEN_CLOCK,
  mergeRules,
  ONLY_DATE_FAKED,
  startPrometheus,
  type RunningPrometheus,
} from '@opsdesk/testing';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { serverConfigSchema } from './config';
import { startServer, type RunningServer } from './server';
import { webhookPayload } from './testing/alerts';
import {
  DATABASE_KINDS,
  freshDatabase,
  POSTGRES_URL,
  type DatabaseKind,
  type TestDatabase,
} from './testing/databases';
import { ADMIN_TOKEN } from './testing/server';

// The server's golden exposition (server/fixtures/e2e-output.prom): a database (SQLite, PostgreSQL) seeded
// through the server's own API (incidents opened, acknowledged and resolved, an Alertmanager
// notification stored and one refused), each request made at a fixed instant by moving the frozen
// clock, then /metrics read at GOLDEN_FROZEN_CLOCK once the SLA tick has seen the breach.
// `npm run golden` rewrites the file; docs/metrics.md explains what is normalised and why.

const GOLDEN = path.join(__dirname, '..', 'fixtures', 'e2e-output.prom');
const T0 = GOLDEN_FROZEN_CLOCK; // Thursday 10:00 in Shanghai
const MINUTE = 60_000;
/** the server starts (and collects the host's patches) 10 days and an hour before T0, before every seeded request */
const START_BEFORE = 14_460;

const RULES = mergeRules(COMMON_GOLDEN_RULES, {
  // how long this machine took to answer the seeding requests
  volatileValues: [/^opsdesk_http_request_duration_seconds$/],
});

/**
 * A database of the test's own. On PostgreSQL it is a whole database, not a schema of the shared
 * one: advisory locks are per database, and the server's scheduler lock has one key for every
 * schema, so a server of another suite (or a bench) in the shared database holding it would keep
 * this server's SLA tick, and the breach it counts, from running.
 */
async function ownDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') return freshDatabase('sqlite');
  const name = `opsdesk_golden_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: POSTGRES_URL });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

let s: RunningServer;
let database: TestDatabase;
let prometheus: RunningPrometheus;
let hostExporter: Server;

/**
 * What a host exporter's GET /api/v1/patches answers (exporters/host: version 1 of the document),
 * fixed so the collected series are the same on every run: two pending packages, one a security
 * update, and a reboot required.
 */
const PATCHES_DOCUMENT = {
  version: 1,
  host: 'db1',
  manager: 'apt',
  status: 'ok',
  error: null,
  checkedAt: '2026-11-30T01:00:00.000Z',
  metadataRefreshedAt: '2026-11-30T00:30:00.000Z',
  rebootRequired: true,
  packages: [
    {
      name: 'openssl',
      arch: 'amd64',
      installedVersion: '3.0.15-1~deb12u1',
      candidateVersion: '3.0.17-1~deb12u2',
      origin: 'Debian-Security',
      repository: 'bookworm-security',
      security: true,
      advisories: ['DSA-5956-1'],
      cves: ['CVE-2025-27587'],
    },
    {
      name: 'tzdata',
      arch: 'all',
      installedVersion: '2024b-0+deb12u1',
      candidateVersion: '2025b-0+deb12u1',
      origin: 'Debian',
      repository: 'bookworm-updates',
      security: false,
      advisories: [],
      cves: [],
    },
  ],
};

/**
 * A host exporter as the server's collector meets it (its /metrics for Prometheus' scrape, its
 * patches document), and the real Prometheus listing it as target `db1:9741` of job host: the
 * collector finds it there and reads the document from the scrape URL.
 */
async function startHostAndPrometheus(): Promise<void> {
  hostExporter = createServer((req, res) => {
    const doc = req.url === '/api/v1/patches';
    res.setHeader('content-type', doc ? 'application/json' : 'text/plain; version=0.0.4');
    res.end(doc ? JSON.stringify(PATCHES_DOCUMENT) : '# TYPE demo_up gauge\ndemo_up 1\n');
  });
  await new Promise<void>((resolve) => hostExporter.listen(0, '127.0.0.1', resolve));
  const address = `127.0.0.1:${(hostExporter.address() as AddressInfo).port}`;
  prometheus = await startPrometheus(
    [
      'scrape_configs:',
      '  - job_name: host',
      `    static_configs: [{ targets: ['${address}'], labels: { instance: 'db1:9741' } }]`,
    ].join('\n'),
  );
  // bounded: the target is listed once Prometheus has read its config (the first few seconds)
  for (let i = 0; i < 150; i++) {
    const res = await fetch(`${prometheus.url}/api/v1/targets?state=active`);
    const body = (await res.json()) as { data: { activeTargets: unknown[] } };
    if (body.data.activeTargets.length > 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Prometheus at ${prometheus.url} never listed the host target`);
}
/** the server's log lines (warnings and errors), shown when a seeding request fails */
const logged: string[] = [];

/** Moves the frozen clock to `minutesBefore` T0 and makes the request there, as the admin. */
async function at<T>(minutesBefore: number, method: string, url: string, body: unknown, status = [200, 201]) {
  jest.setSystemTime(T0 - minutesBefore * MINUTE);
  const res = await fetch(`${s.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  if (!status.includes(res.status))
    throw new Error(
      `${method} ${url} answered ${res.status}, not ${status.join(' or ')}: ${text}\nserver log:\n${logged.join('')}`,
    );
  return JSON.parse(text) as T;
}

// both databases answer the same scrape: one golden file for the two
describe.each(DATABASE_KINDS)('on %s', (kind) => {
  beforeAll(async () => {
    jest.useFakeTimers({ now: T0 - START_BEFORE * MINUTE, doNotFake: [...ONLY_DATE_FAKED] });
    database = await ownDatabase(kind);
    await startHostAndPrometheus();
    // the robot's address: nothing is sent to it (the channel takes test messages only)
    process.env.OPSDESK_GOLDEN_UNUSED = 'http://127.0.0.1:9/cgi-bin/webhook/send?key=golden';
    const config = serverConfigSchema.parse({
      http: { rate_limit: { per_second: 100_000, burst: 100_000 } },
      // the host's pending patches, collected once when the server starts (START_BEFORE)
      prometheus: { url: prometheus.url },
      patches: { jobs: ['host'], interval: '1000h', stale_after: '1000h' },
      // a channel and a roster, so the notify and on-call series carry their labels; the channel
      // takes only test messages (none is sent here), so its counters are the declared zeros
      notify: {
        channels: [
          { name: 'team', type: 'wecom', webhook_url: { env: 'OPSDESK_GOLDEN_UNUSED' }, events: ['test'] },
        ],
      },
      // a backup policy with one good run and a restore test, so the backup series carry their policy
      backups: {
        policies: [
          {
            name: 'settlement-db',
            target: 'PostgreSQL settlement on db-1',
            tool: 'restic',
            schedule: 'daily 01:00',
            retention: '7 daily, 4 weekly',
            rpo: '1d',
            rto: '4h',
            owner: 'zhang.san',
          },
        ],
      },
      people: [
        { id: 'zhang.san', name: '张三' },
        { id: 'li.si', name: '李四' },
      ],
      oncall: {
        rosters: [
          {
            name: 'ops',
            calendar: '24x7',
            timezone: 'Asia/Shanghai',
            layers: [
              {
                name: 'primary',
                members: ['zhang.san', 'li.si'],
                cadence: 'weekly',
                handoff: '09:00',
                start: '2026-01-05',
              },
            ],
          },
        ],
      },
      sla: {
        // the tick judges breaches; once a second so the test waits for one without sleeping long
        tick_interval: '1s',
        calendars: [
          { name: '24x7', timezone: 'Asia/Shanghai', hours: '24x7' },
          {
            name: '5x8',
            timezone: 'Asia/Shanghai',
            hours: { weekdays: '09:00-17:00' },
            holidays: { builtin: 'cn' },
          },
        ],
        policies: [
          { severity: 'P1', response: '15m', resolution: '4h', calendar: '24x7' },
          { severity: 'P2', response: '30m', resolution: '8h', calendar: '24x7' },
          { severity: 'P3', response: '2h', resolution: '24h', calendar: '5x8' },
          { severity: 'P4', response: '8h', resolution: '72h', calendar: '5x8' },
        ],
      },
    });
    s = await startServer(config, {
      listen: `127.0.0.1:${await freePort()}`,
      database: database.url,
      log: createLogger('test', 'warn', { write: (line: string) => logged.push(line) } as never),
      bootstrapToken: ADMIN_TOKEN,
    });
  });
  afterAll(async () => {
    await s?.close();
    await prometheus?.stop();
    await new Promise((r) => hostExporter?.close(r));
    await database?.drop();
    jest.useRealTimers();
  });

  test('the server over the seeded database serves exactly server/fixtures/e2e-output.prom', async () => {
    type Created = { id: string };
    // the start tick collects the host at the start time, while the frozen clock stands there
    for (let i = 0; ; i++) {
      const { hosts } = await at<{ hosts: Array<{ collectedAt: string | null }> }>(
        START_BEFORE,
        'GET',
        '/api/v1/patches/hosts',
        undefined,
      );
      if (hosts[0]?.collectedAt) break;
      if (i > 150) throw new Error(`the start tick never collected the host: ${JSON.stringify(hosts)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // vulnerability findings: a Trivy report imported ten days before T0, so its critical (7 days)
    // is overdue at T0, and a risk acceptance that expired two days before T0 (reopened by the tick)
    const image = 'registry.example.com/payments/api:1.4.2';
    await at(14_400, 'POST', '/api/v1/vulnerabilities/imports', {
      report: JSON.parse(
        readFileSync(path.join(__dirname, 'vulnerabilities', 'fixtures', 'trivy-image.json'), 'utf8'),
      ) as unknown,
    });
    const { findings } = await at<{ findings: Array<{ id: string; packageName: string }> }>(
      14_390,
      'GET',
      `/api/v1/vulnerabilities/findings?asset=${encodeURIComponent(image)}`,
      undefined,
    );
    const perl = findings.find((f) => f.packageName === 'perl-base');
    await at(14_380, 'POST', `/api/v1/vulnerabilities/findings/${perl?.id}/accept-risk`, {
      approver: 'li.si',
      reason: 'CPAN is never run in this image',
      expiresAt: new Date(T0 - 2 * 24 * 60 * MINUTE).toISOString(),
    });
    // P3 opened Wednesday 16:20 local: 100 of its 120 business minutes to respond are gone at T0 (at risk)
    await at(17 * 60 + 40, 'POST', '/api/v1/incidents', {
      title: 'Report export slow',
      severity: 'P3',
      service: 'reports',
    });
    // the settlement database's nightly backup 9 hours before T0, and a restore test of it
    const backupStart = new Date(T0 - 540 * MINUTE);
    await at(539, 'POST', '/api/v1/backups/runs', {
      id: '0b6c3a52-golden-run',
      policy: 'settlement-db',
      tool: 'restic',
      startedAt: backupStart.toISOString(),
      finishedAt: new Date(T0 - 539 * MINUTE).toISOString(),
      exitCode: 0,
      result: 'success',
      snapshotId: '4f2a9c1e',
      bytesAdded: 52_428_800,
      durationSeconds: 58.5,
    });
    await at(500, 'POST', '/api/v1/backups/restore-tests', {
      id: '0b6c3a52-golden-restore',
      policy: 'settlement-db',
      snapshotId: '4f2a9c1e',
      startedAt: new Date(T0 - 510 * MINUTE).toISOString(),
      finishedAt: new Date(T0 - 500 * MINUTE).toISOString(),
      durationSeconds: 600,
      result: 'passed',
      restoreExitCode: 0,
      verification: { result: 'passed' },
    });
    // the demo daily inspection (巡检), scheduled at 09:55 on working days of 5x8 (T0 is a Thursday
    // 10:00), and run by hand 20 minutes before T0 (against the Prometheus above: its queries find
    // nothing, so the items are errors or, where the template says so, normal); both wait for sign-off
    await at(200, 'POST', '/api/v1/inspections/templates', {
      yaml: readFileSync(
        path.join(__dirname, '..', '..', 'provisioning', 'inspections', 'daily-trading.yml'),
        'utf8',
      ),
    });
    await at(190, 'POST', '/api/v1/inspections/schedules', {
      name: 'daily-0955',
      template: 'daily-trading',
      calendar: '5x8',
      times: ['09:55'],
      days: 'working',
      inspector: 'zhang.san',
      reviewer: 'li.si',
    });
    // P1 opened three hours before T0, acknowledged after 10 minutes, resolved an hour before T0
    // (both goals met); the requests go in time order, as the clock of a real server would
    const p1 = await at<Created>(180, 'POST', '/api/v1/incidents', {
      title: 'Gateway down',
      severity: 'P1',
      service: 'gateway',
    });
    await at(170, 'POST', `/api/v1/incidents/${p1.id}/acknowledge`, {});
    // P2 opened two hours before T0 and never acknowledged: its 30-minute response goal is breached
    await at(120, 'POST', '/api/v1/incidents', {
      title: 'Clearing batch late',
      severity: 'P2',
      service: 'clearing',
    });
    await at(60, 'POST', `/api/v1/incidents/${p1.id}/resolve`, {
      note: 'failed over to the standby gateway',
    });
    await at(20, 'POST', '/api/v1/inspections/runs', { template: 'daily-trading', inspector: 'zhang.san' });
    // an alert from Alertmanager opens a P4 (severity info), and a body that is not JSON is refused
    await at(
      15,
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload({ alertname: 'HostPatchesPending' }, [
        {
          labels: {
            alertname: 'HostPatchesPending',
            severity: 'info',
            service: 'hosts',
            instance: 'db-1:9741',
          },
          annotations: { summary: '66 security upgrades pending on db-1' },
          startsAt: new Date(T0 - 20 * MINUTE).toISOString(),
        },
      ]),
    );
    await at(10, 'POST', '/api/v1/alertmanager/webhook', '{"version": "4", "alerts": [', [400]);
    jest.setSystemTime(T0);
    // the scheduler's tick at T0 starts the 09:55 inspection (due 5 minutes before T0)
    for (let i = 0; ; i++) {
      const { schedules } = await at<{ schedules: Array<{ lastRunAt: string | null }> }>(
        0,
        'GET',
        '/api/v1/inspections/schedules',
        undefined,
      );
      if (schedules[0]?.lastRunAt) break;
      if (i > 150)
        throw new Error(`the tick never started the scheduled inspection: ${JSON.stringify(schedules)}`);
      await new Promise((r) => setTimeout(r, 200));
    }

    // an SLA tick at T0 has seen the P2 breach and recomputed every clock
    await expectGoldenScrape(`${s.url}/metrics`, {
      file: GOLDEN,
      rules: RULES,
      source: 'server /metrics',
      landed: [
        'opsdesk_incident_sla_breaches_total{severity="P2",goal="response"} 1',
        'opsdesk_sla_clocks_stale 0',
        'opsdesk_vulnerability_findings_open{severity="high"} 5',
        'opsdesk_patches_security_pending{host="db1:9741"} 1',
        'opsdesk_backup_rpo_breached{policy="settlement-db"} 0',
        'opsdesk_inspections_runs_awaiting_signoff{template="daily-trading"} 2',
      ],
    });
  });
});
