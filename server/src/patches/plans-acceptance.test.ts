/**
 * Issue 14's acceptance for patch plans, with real programs: the real host exporter (its built
 * binary) over this machine's real apt, pointed by APT_CONFIG at a constructed dpkg status file
 * (lib/testing aptFixture: "installing" is rewriting that file), a real Prometheus 3 scraping it,
 * and the server finding the host through Prometheus' targets. A plan cannot reach installed
 * without test and backup evidence, nor verified while the host still reports its package
 * pending; its post-install checks are PromQL evaluated by that Prometheus.
 */
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
import type { PatchPlan } from './plans-schema';

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

type Plan = PatchPlan & { timeline: Array<{ kind: string; actor: string; detail: Record<string, unknown> }> };
type Err = { error: { code: string; message: string; details: Array<{ missing: string }> } };

describeWithPrograms(
  { prometheus: 'prometheus', 'apt-get': 'apt' },
  'patch plans against the real host exporter and Prometheus',
  () => {
    let dir: string;
    let apt: AptFixture;
    let exporter: RunningService;
    let host: string;
    let prom: RunningPrometheus;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-patch-plans-'));
      apt = aptFixture(dir, { tzdata: OLD_TZDATA, 'distro-info-data': OLD_DISTRO_INFO });
      host = `127.0.0.1:${await freePort()}`;
      writeFileSync(
        path.join(dir, 'host.yml'),
        'collectors:\n  patches: { manager: apt, interval: 1h }\n  systemd: { enabled: false }\n',
      );
      exporter = await startService({
        command: HOST_EXPORTER,
        args: ['--listen', host, '--config', path.join(dir, 'host.yml')],
        readyUrl: `http://${host}/-/ready`,
        env: { APT_CONFIG: apt.aptConfig },
      });
      prom = await startPrometheus(
        [
          'global: { scrape_interval: 1s, evaluation_interval: 1s }',
          'scrape_configs:',
          '  - job_name: host',
          `    static_configs: [{ targets: ['${host}'] }]`,
        ].join('\n'),
      );
      await waitFor('Prometheus to scrape the exporter', async () =>
        (await prom.query(`up{instance="${host}"} == 1`)).length === 1 ? true : undefined,
      );
    }, 120_000);

    afterAll(async () => {
      await prom?.stop();
      await exporter?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    describe.each(DATABASE_KINDS)('on %s', (kind) => {
      let s: TestServer;
      const tokens: Record<string, string> = {};
      let candidate = '';
      let distroCandidate = '';

      beforeAll(async () => {
        // apt-cache runs synchronously: before the in-process server starts, not while its sockets wait
        candidate = apt.candidate('tzdata');
        distroCandidate = apt.candidate('distro-info-data');
        apt.install('tzdata', OLD_TZDATA);
        apt.install('distro-info-data', OLD_DISTRO_INFO);
        // the exporter has checked the old versions: both pending, tzdata a security update
        await waitFor(
          'the exporter to list tzdata pending',
          async () => {
            const d = (await (await fetch(`http://${host}/api/v1/patches`)).json()) as {
              status: string;
              packages: Array<{ name: string }>;
            };
            return d.status === 'ok' && d.packages.length === 2 ? true : undefined;
          },
          { timeoutMs: 60_000 },
        );
        await waitFor('Prometheus to see the security update pending', async () =>
          (await prom.query(`opsdesk_host_patches_security_upgrades_pending{instance="${host}"} > 0`)).length
            ? true
            : undefined,
        );
        s = await startTestServer(kind, {
          prometheus: { url: prom.url, timeout: '5s' },
          patches: { jobs: ['host'], interval: '1h', timeout: '10s' },
          people: [
            { id: 'alice', name: 'Alice' },
            { id: 'bob', name: 'Bob' },
          ],
          maintenance: {
            host_groups: [{ name: 'lab', hosts: [host] }],
            windows: [
              {
                name: 'always',
                host_groups: ['lab'],
                calendar: '24x7',
                days: 'every',
                start: '00:00',
                end: '24:00',
              },
            ],
          },
        });
        for (const name of ['alice', 'bob'])
          tokens[name] = (
            await s.api<{ token: string }>('POST', '/api/v1/tokens', { name, role: 'editor' })
          ).body.token;
      }, 120_000);
      afterAll(() => s?.stop());

      const act = <T = Plan>(who: string, plan: string, action: string, body: unknown) =>
        s.api<T>('POST', `/api/v1/patches/plans/${plan}/${action}`, body, tokens[who]);
      const refusal = (r: { status: number; body: unknown }) => {
        expect(r.status).toBe(409);
        const e = (r.body as Err).error;
        expect(e.code).toBe('gate_unmet');
        return { message: e.message, missing: e.details.map((d) => d.missing) };
      };

      test('installed needs test and backup evidence; verified needs the host to stop reporting the package and the checks to pass', async () => {
        expect(candidate).not.toBe(OLD_TZDATA);
        const created = await s.api<Plan>(
          'POST',
          '/api/v1/patches/plans',
          {
            title: 'tzdata security update',
            hostGroup: 'lab',
            packages: ['tzdata'],
            postInstallChecks: [
              { name: 'exporter-up', expr: `up{job="host",instance="${host}"} == 0`, expect: 'empty' },
              {
                name: 'no-security-updates',
                expr: `opsdesk_host_patches_security_upgrades_pending{instance="${host}"} > 0`,
                expect: 'empty',
              },
            ],
          },
          tokens.alice,
        );
        expect(created.status).toBe(201);
        const ref = created.body.number;

        // no test, no approval, no window, no backup: installed is refused naming each
        const early = refusal(
          await act('alice', ref, 'install', { backup: { tool: 'restic', snapshotId: 'a1b2c3d4' } }),
        );
        expect(early.missing).toEqual(['test_evidence', 'approval', 'maintenance_window']);
        expect((await s.api<Plan>('GET', `/api/v1/patches/plans/${ref}`)).body.state).toBe('draft');

        await act('alice', ref, 'test', {
          testHosts: ['staging:9741'],
          result: 'passed',
          evidence: 'tzdata upgraded on staging, cron and logs in local time',
        });
        await act('bob', ref, 'approve', { approver: 'bob' });
        const now = Date.now();
        const scheduled = await act('alice', ref, 'schedule', {
          start: new Date(now - 60_000).toISOString(),
          end: new Date(now + 2 * 3_600_000).toISOString(),
        });
        expect(scheduled.body).toMatchObject({ state: 'scheduled', window: { maintenanceWindow: 'always' } });

        // scheduled, tested, approved — and still no backup: refused
        const noBackup = refusal(await act('alice', ref, 'install', {}));
        expect(noBackup.missing).toEqual(['backup_evidence']);
        expect((await s.api<Plan>('GET', `/api/v1/patches/plans/${ref}`)).body.state).toBe('scheduled');
        const installed = await act('alice', ref, 'install', {
          backup: { tool: 'restic', snapshotId: 'a1b2c3d4', takenAt: new Date(now - 30_000).toISOString() },
        });
        expect(installed.status).toBe(200);
        expect(installed.body.state).toBe('installed');

        // the wrong package was upgraded: the exporter checks again and still lists tzdata
        apt.install('distro-info-data', distroCandidate);
        const pending = await waitFor(
          'a verification that sees the new check',
          async () => {
            const r = refusal(await act('alice', ref, 'verify', {}));
            return r.missing.includes('packages_pending') ? r : undefined;
          },
          { timeoutMs: 30_000, intervalMs: 500 },
        );
        // (a verification before the exporter's new check is refused too: its package list predates the install)
        expect(pending.message).toContain(`host ${host} still reports tzdata ${candidate} pending`);
        expect(pending.message).toContain('post-install check no-security-updates failed');
        const refused = (await s.api<Plan>('GET', `/api/v1/patches/plans/${ref}`)).body;
        expect(refused.state).toBe('installed');
        expect(refused.verification?.results[0]).toMatchObject({
          host,
          status: 'ok',
          stillPending: [{ name: 'tzdata', candidateVersion: candidate }],
        });
        expect(refused.verification?.checks.find((c) => c.name === 'no-security-updates')).toMatchObject({
          passed: false,
          series: 1,
          value: 1,
        });
        expect(refused.verification?.checks.find((c) => c.name === 'exporter-up')).toMatchObject({
          passed: true,
          series: 0,
        });

        // tzdata really installed: the host stops reporting it, Prometheus' series drops to 0, verified
        apt.install('tzdata', candidate);
        const verified = await waitFor(
          'the verified gate to pass',
          async () => {
            const r = await act('alice', ref, 'verify', {});
            return r.status === 200 ? r.body : undefined;
          },
          { timeoutMs: 30_000, intervalMs: 500 },
        );
        expect(verified.state).toBe('verified');
        expect(verified.verification).toMatchObject({
          passed: true,
          results: [{ host, stillPending: [], problems: [] }],
          checks: [
            { name: 'exporter-up', passed: true, series: 0 },
            { name: 'no-security-updates', passed: true, series: 0 },
          ],
        });
        expect(verified.gates.every((g) => g.met)).toBe(true);
        expect((await act('alice', ref, 'close', { note: 'done' })).body.state).toBe('closed');
        const timeline = (await s.api<Plan>('GET', `/api/v1/patches/plans/${ref}`)).body.timeline.map(
          (t) => t.kind,
        );
        expect(timeline.slice(0, 5)).toEqual(['created', 'tested', 'approved', 'scheduled', 'installed']);
        expect(timeline.filter((k) => k === 'verify_refused').length).toBeGreaterThanOrEqual(2);
        expect(timeline.slice(-2)).toEqual(['verified', 'closed']);
      }, 120_000);
    });
  },
);
