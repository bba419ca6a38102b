/**
 * Pending-patch collection end to end with real programs: the real host exporter (its built
 * binary) over this machine's real apt, pointed by APT_CONFIG at a constructed dpkg status file;
 * a real Prometheus 3 scraping it, a target that answers garbage and one that is down; the server
 * finds the hosts through Prometheus' targets and reads each one's GET /api/v1/patches.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  aptFixture,
  describeWithPrograms,
  freePort,
  startPrometheus,
  startService,
  waitFor,
  type AptFixture,
  type RunningPrometheus,
  type RunningService,
} from '@opsdesk/testing';
import { DATABASE_KINDS } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/server';
import { patchHostStore } from './hosts-store';

const HOST_EXPORTER = path.join(
  __dirname,
  '..',
  '..',
  '..',
  'exporters',
  'host',
  'bin',
  'opsdesk-host-exporter.js',
);
const OLD_TZDATA = '2024a-0+deb12u1';
const OLD_DISTRO_INFO = '0.58+deb12u1';

interface HostOut {
  host: string;
  status: string;
  error: string | null;
  pending: number;
  security: number;
  stale: boolean;
  collectedAt: string | null;
  checkedAt: string | null;
  oldestSecuritySince: string | null;
  rebootRequired: boolean | null;
  manager: string | null;
}
interface Detail {
  host: HostOut;
  packages: Array<{
    name: string;
    installedVersion: string;
    candidateVersion: string;
    security: boolean;
    firstSeenAt: string;
    origin: string;
    repository: string;
  }>;
  history: Array<{ name: string; candidateVersion: string; firstSeenAt: string; resolvedAt: string | null }>;
}

describeWithPrograms({ prometheus: 'prometheus', 'apt-get': 'apt' }, 'pending-patch collection', () => {
  let dir: string;
  let apt: AptFixture;
  let exporter: RunningService;
  let exporterHost: string;
  let garbage: Server;
  let garbageHost: string;
  let garbageBody = '{"version":1,"host":"x","packages":"everything"}';
  const downHost = '127.0.0.1:1';
  let prom: RunningPrometheus;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-patch-collect-'));
    apt = aptFixture(dir, { tzdata: OLD_TZDATA, 'distro-info-data': OLD_DISTRO_INFO });
    const port = await freePort();
    exporterHost = `127.0.0.1:${port}`;
    writeFileSync(
      path.join(dir, 'host.yml'),
      'collectors:\n  patches: { manager: apt, interval: 1h }\n  systemd: { enabled: false }\n',
    );
    exporter = await startService({
      command: HOST_EXPORTER,
      args: ['--listen', exporterHost, '--config', path.join(dir, 'host.yml')],
      readyUrl: `http://${exporterHost}/-/ready`,
      env: { APT_CONFIG: apt.aptConfig },
    });
    // up for Prometheus (its /metrics is fine), but its patches document is not one
    garbage = createServer((req, res) => {
      if (req.url?.startsWith('/metrics')) {
        res.setHeader('content-type', 'text/plain; version=0.0.4');
        res.end('# TYPE x gauge\nx 1\n');
      } else {
        res.setHeader('content-type', 'application/json');
        res.end(garbageBody);
      }
    });
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
    garbageHost = `127.0.0.1:${(garbage.address() as AddressInfo).port}`;
    prom = await startPrometheus(
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        'scrape_configs:',
        '  - job_name: host',
        `    static_configs: [{ targets: ['${exporterHost}', '${garbageHost}', '${downHost}'] }]`,
        '  - job_name: other',
        `    static_configs: [{ targets: ['127.0.0.1:2'] }]`,
      ].join('\n'),
    );
    await waitFor('Prometheus to scrape the exporter', async () => {
      const r = await prom.query(`up{instance="${exporterHost}"} == 1`);
      return r.length === 1 ? true : undefined;
    });
    // the exporter's first apt check
    await waitFor(
      'first apt check',
      async () => {
        const d = (await (await fetch(`http://${exporterHost}/api/v1/patches`)).json()) as { status: string };
        return d.status === 'ok' ? true : undefined;
      },
      { timeoutMs: 60_000 },
    );
  }, 120_000);

  afterAll(async () => {
    await prom?.stop();
    await exporter?.stop();
    await new Promise((r) => garbage?.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  describe.each(DATABASE_KINDS)('on %s', (kind) => {
    let s: TestServer;
    beforeAll(async () => {
      apt.install('tzdata', OLD_TZDATA);
      garbageBody = '{"version":1,"host":"x","packages":"everything"}';
      // the exporter has seen the reset (a read after a database change waits for the re-check)
      await waitFor(
        'tzdata pending again',
        async () => {
          const d = (await (await fetch(`http://${exporterHost}/api/v1/patches`)).json()) as {
            packages: Array<{ name: string }>;
          };
          return d.packages.some((p) => p.name === 'tzdata') ? true : undefined;
        },
        { timeoutMs: 60_000 },
      );
      s = await startTestServer(kind, {
        prometheus: { url: prom.url, timeout: '5s' },
        patches: { jobs: ['host'], interval: '1h', timeout: '10s' },
      });
    }, 60_000);
    afterAll(() => s?.stop());

    const hosts = async () => (await s.api<{ hosts: HostOut[] }>('GET', '/api/v1/patches/hosts')).body.hosts;
    const detail = async (host: string) =>
      (await s.api<Detail>('GET', `/api/v1/patches/hosts/${encodeURIComponent(host)}`)).body;

    test('the scheduled job collects every host Prometheus lists in patches.jobs, recording the ones it cannot read', async () => {
      // the server's first tick collects (nothing ran before: the job is due)
      const list = await waitFor('the first collection', async () => {
        const h = await hosts();
        return h.length === 3 && h.every((x) => x.status !== 'pending') ? h : undefined;
      });
      expect(list.map((h) => h.host).sort()).toEqual([downHost, exporterHost, garbageHost].sort());
      const real = list.find((h) => h.host === exporterHost) as HostOut;
      expect(real).toMatchObject({
        status: 'ok',
        error: null,
        manager: 'apt',
        pending: 2,
        security: 1,
        stale: false,
        rebootRequired: false,
      });
      expect(real.oldestSecuritySince).not.toBeNull();
      const bad = list.find((h) => h.host === garbageHost) as HostOut;
      expect(bad).toMatchObject({ status: 'failed', pending: 0, collectedAt: null, stale: true });
      expect(bad.error).toMatch(
        /not a host exporter's patches document \(version 1\): manager: .*; status: /,
      );
      const down = list.find((h) => h.host === downHost) as HostOut;
      expect(down).toMatchObject({ status: 'failed', pending: 0 });
      expect(down.error).toMatch(/127\.0\.0\.1:1\/api\/v1\/patches did not answer/);
      // the other job's target is not a host exporter: never read
      expect(list.some((h) => h.host === '127.0.0.1:2')).toBe(false);

      const d = await detail(exporterHost);
      const tz = d.packages.find((p) => p.name === 'tzdata');
      expect(tz).toMatchObject({
        installedVersion: OLD_TZDATA,
        candidateVersion: apt.candidate('tzdata'),
        security: true,
        origin: 'Debian-Security',
        repository: 'bookworm-security',
      });
      expect(
        d.history
          .filter((h) => h.resolvedAt === null)
          .map((h) => h.name)
          .sort(),
      ).toEqual(['distro-info-data', 'tzdata']);
    });

    test('the server metrics carry the collected view per host', async () => {
      const text = await (await fetch(`${s.url}/metrics`)).text();
      const line = (name: string, host: string) =>
        new RegExp(`^${name}\\{host="${host.replace(/\./g, '\\.')}"\\} (\\S+)$`, 'm').exec(text)?.[1];
      expect(line('opsdesk_patches_pending', exporterHost)).toBe('2');
      expect(line('opsdesk_patches_security_pending', exporterHost)).toBe('1');
      expect(line('opsdesk_patches_reboot_required', exporterHost)).toBe('0');
      expect(line('opsdesk_patches_collect_failures', exporterHost)).toBe('0');
      expect(line('opsdesk_patches_collect_failures', garbageHost)).toBe('1');
      expect(line('opsdesk_patches_collect_failures', downHost)).toBe('1');
      expect(Number(line('opsdesk_patches_last_collected_timestamp_seconds', exporterHost))).toBeGreaterThan(
        Date.now() / 1000 - 600,
      );
      expect(line('opsdesk_patches_last_collected_timestamp_seconds', garbageHost)).toBeUndefined();
      expect(
        Number(line('opsdesk_patches_oldest_security_age_seconds', exporterHost)),
      ).toBeGreaterThanOrEqual(0);
    });

    test('an install is seen on the next collection: the package resolves in the history, the other keeps its first-seen time', async () => {
      const before = await detail(exporterHost);
      const distroFirst = before.packages.find((p) => p.name === 'distro-info-data')?.firstSeenAt;
      const installedAt = Date.now();
      apt.install('tzdata', apt.candidate('tzdata'));
      const after = await waitFor(
        'tzdata installed',
        async () => {
          const r = await s.api<{ collected: number; failed: unknown[] }>('POST', '/api/v1/patches/collect', {
            hosts: [exporterHost],
          });
          expect(r.status).toBe(200);
          expect(r.body).toEqual({ collected: 1, failed: [] });
          const d = await detail(exporterHost);
          return d.packages.some((p) => p.name === 'tzdata') ? undefined : d;
        },
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      expect(after.packages.map((p) => p.name)).toEqual(['distro-info-data']);
      expect(after.packages[0]?.firstSeenAt).toBe(distroFirst);
      expect(after.host).toMatchObject({ pending: 1, security: 0, oldestSecuritySince: null });
      const tzHistory = after.history.filter((h) => h.name === 'tzdata');
      expect(tzHistory).toHaveLength(1);
      expect(Date.parse(tzHistory[0]?.resolvedAt as string)).toBeGreaterThanOrEqual(installedAt);
      // what patch plans' verify gate reads
      const state = (await patchHostStore.hostState(s.ctx.db, [exporterHost, garbageHost])).get(exporterHost);
      expect(state?.pending.map((p) => p.name)).toEqual(['distro-info-data']);
      expect(state?.collectedAt).toBeGreaterThanOrEqual(installedAt - 1000);
      expect(state?.status).toBe('ok');
      // a host never collected successfully has no state to verify against
      expect((await patchHostStore.hostState(s.ctx.db, [garbageHost])).has(garbageHost)).toBe(false);
    }, 60_000);

    test('garbage and unknown hosts never poison a row: each failure is recorded with its reason', async () => {
      for (const body of [
        'not json at all',
        '{"version":2}',
        JSON.stringify({ version: 1, status: 'ok', packages: [{ name: '' }] }),
      ]) {
        garbageBody = body;
        const r = await s.api<{ collected: number; failed: Array<{ host: string; error: string }> }>(
          'POST',
          '/api/v1/patches/collect',
          { hosts: [garbageHost, 'db9:9741'] },
        );
        expect(r.status).toBe(200);
        expect(r.body.collected).toBe(0);
        expect(r.body.failed.map((f) => f.host)).toEqual([garbageHost, 'db9:9741'].sort());
        expect(r.body.failed.find((f) => f.host === 'db9:9741')?.error).toMatch(/no active target db9:9741/);
        expect(r.body.failed.find((f) => f.host === garbageHost)?.error).toMatch(
          /not JSON|not a host exporter/,
        );
      }
      // a valid document from it later is stored as any other
      garbageBody = JSON.stringify({
        version: 1,
        host: 'garbage',
        manager: 'dnf',
        status: 'ok',
        error: null,
        checkedAt: new Date().toISOString(),
        metadataRefreshedAt: null,
        rebootRequired: true,
        packages: [
          {
            name: 'openssl',
            arch: 'x86_64',
            installedVersion: '1:3.0.7-27.el9',
            candidateVersion: '1:3.0.7-28.el9_4',
            origin: 'baseos',
            repository: 'baseos',
            security: true,
            advisories: ['RHSA-2024:6041'],
            cves: ['CVE-2024-5535'],
          },
          {
            name: 'openssl',
            arch: 'x86_64',
            installedVersion: '1:3.0.7-27.el9',
            candidateVersion: '1:3.0.7-28.el9_4',
            origin: 'baseos',
            repository: 'baseos',
            security: true,
            advisories: ['RHSA-2024:6041'],
            cves: ['CVE-2024-5535'],
          },
        ],
      });
      const ok = await s.api<{ collected: number }>('POST', '/api/v1/patches/collect', {
        hosts: [garbageHost],
      });
      expect(ok.body.collected).toBe(1);
      const d = await detail(garbageHost);
      expect(d.host).toMatchObject({
        status: 'ok',
        pending: 1,
        security: 1,
        rebootRequired: true,
        hostname: 'garbage',
      });
      // then the same host going down keeps its list, marked failed
      garbageBody = 'oops';
      await s.api('POST', '/api/v1/patches/collect', { hosts: [garbageHost] });
      const after = await detail(garbageHost);
      expect(after.host).toMatchObject({ status: 'failed', pending: 1 });
      expect(after.packages.map((p) => p.name)).toEqual(['openssl']);
      // the real exporter's row was untouched by all this
      expect((await detail(exporterHost)).host.status).toBe('ok');
    });

    test('unknown host is a 404 naming how to list hosts; a viewer cannot trigger a collection', async () => {
      const r = await s.api<{ error: { message: string } }>('GET', '/api/v1/patches/hosts/db9%3A9741');
      expect(r.status).toBe(404);
      expect(r.body.error.message).toMatch(/GET \/api\/v1\/patches\/hosts/);
      const viewer = await s.api<{ token: string }>('POST', '/api/v1/tokens', { name: 'v', role: 'viewer' });
      const refused = await s.api('POST', '/api/v1/patches/collect', {}, viewer.body.token);
      expect(refused.status).toBe(403);
      expect((await s.api('GET', '/api/v1/patches/hosts', undefined, viewer.body.token)).status).toBe(200);
    });
  });
});
